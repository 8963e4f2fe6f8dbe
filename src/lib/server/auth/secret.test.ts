import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { resetConfig } from '../config/index.ts';
import { authSecret, AuthSecretMissingError } from './secret.ts';

const keys = ['AUTH_SECRET', 'NODE_ENV', 'DATABASE_URL', 'DATA_DIR'] as const;
const saved = Object.fromEntries(keys.map((k) => [k, process.env[k]]));
afterEach(() => {
	for (const k of keys) {
		if (saved[k] === undefined) delete process.env[k];
		else process.env[k] = saved[k];
	}
	resetConfig();
});

function env(values: Partial<Record<(typeof keys)[number], string>>) {
	for (const k of keys) delete process.env[k];
	Object.assign(process.env, values);
	resetConfig();
}

describe('AUTH_SECRET', () => {
	it('is taken from the environment', () => {
		env({ AUTH_SECRET: 'x'.repeat(40), NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/x' });
		expect(authSecret()).toBe('x'.repeat(40));
	});

	it('must be long enough', () => {
		env({ AUTH_SECRET: 'short' });
		expect(() => authSecret()).toThrow(/too short/);
	});

	it('is required in production on a PostgreSQL server', () => {
		env({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/x', DATA_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'auth-secret-')) });
		expect(() => authSecret()).toThrow(AuthSecretMissingError);
	});

	it('is made once and kept in DATA_DIR otherwise, so sessions survive restarts', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'auth-secret-'));
		env({ NODE_ENV: 'development', DATA_DIR: dir });
		const first = authSecret();
		expect(first).toMatch(/^[0-9a-f]{64}$/);
		const file = path.join(dir, 'auth-secret');
		expect(fs.readFileSync(file, 'utf8').trim()).toBe(first);
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		env({ NODE_ENV: 'production', DATA_DIR: dir });
		expect(authSecret()).toBe(first);
		fs.rmSync(dir, { recursive: true, force: true });
	});
});

describe('the start-up check', () => {
	it('refuses production on a PostgreSQL server without AUTH_SECRET, and writes nothing otherwise', async () => {
		const { assertAuthSecret } = await import('./secret.ts');
		const dir = path.join(os.tmpdir(), `auth-secret-none-${process.pid}`);
		env({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/x', DATA_DIR: dir });
		expect(() => assertAuthSecret()).toThrow(AuthSecretMissingError);
		env({ NODE_ENV: 'production', DATA_DIR: dir });
		expect(() => assertAuthSecret()).not.toThrow();
		expect(fs.existsSync(dir)).toBe(false);
		env({ NODE_ENV: 'production', DATABASE_URL: 'postgresql://db/x', AUTH_SECRET: 'y'.repeat(32) });
		expect(() => assertAuthSecret()).not.toThrow();
	});
});
