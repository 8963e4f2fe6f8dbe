import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { config, dataDir } from '../config/index.ts';

/**
 * The key Auth.js encrypts session cookies with (AUTH_SECRET).
 *
 * - Set in the environment: used as is (at least 32 characters).
 * - Not set, on a PostgreSQL server in production: the portal refuses to start. Several instances
 *   must share one secret, and a secret made up by one of them would sign everybody out on every
 *   restart or instance switch.
 * - Not set otherwise (development, tests, and the one-machine `npm start` on the embedded
 *   database): a random secret is made once and kept in DATA_DIR/auth-secret (mode 0600), beside
 *   the database it belongs to, so sessions survive restarts. This is logged.
 */
let cached: { key: string; secret: string } | undefined;

export class AuthSecretMissingError extends Error {
	constructor() {
		super('AUTH_SECRET is not set. In production on a PostgreSQL server it is required: generate one with `openssl rand -hex 32`.');
		this.name = 'AuthSecretMissingError';
	}
}

export function authSecret(): string {
	const c = config();
	const key = `${c.AUTH_SECRET ?? ''}|${c.NODE_ENV}|${c.DATABASE_URL ?? ''}|${dataDir()}`;
	if (cached?.key === key) return cached.secret;
	let secret: string;
	if (c.AUTH_SECRET) {
		if (c.AUTH_SECRET.length < 32) throw new Error('AUTH_SECRET is too short: use at least 32 characters (`openssl rand -hex 32`).');
		secret = c.AUTH_SECRET;
	} else if (c.NODE_ENV === 'production' && c.DATABASE_URL) {
		throw new AuthSecretMissingError();
	} else {
		secret = localSecret();
	}
	cached = { key, secret };
	return secret;
}

function localSecret(): string {
	const dir = dataDir();
	const file = path.join(dir, 'auth-secret');
	try {
		const existing = fs.readFileSync(file, 'utf8').trim();
		if (existing.length >= 32) {
			console.log(`[auth] AUTH_SECRET is not set: using the secret kept in ${file}`);
			return existing;
		}
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
	}
	fs.mkdirSync(dir, { recursive: true });
	const secret = randomBytes(32).toString('hex');
	// 'wx': two processes starting at once must not both write; the loser reads the winner's.
	try {
		fs.writeFileSync(file, secret + '\n', { mode: 0o600, flag: 'wx' });
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code === 'EEXIST') return localSecret();
		throw err;
	}
	console.log(`[auth] AUTH_SECRET is not set: generated a secret and stored it in ${file} (set AUTH_SECRET in production)`);
	return secret;
}

/** Fails at start-up, not at the first sign-in, when production lacks the secret (makes no file). */
export function assertAuthSecret(): void {
	const c = config();
	if (c.AUTH_SECRET) authSecret();
	else if (c.NODE_ENV === 'production' && c.DATABASE_URL) throw new AuthSecretMissingError();
}
