import { describe, expect, it } from 'vitest';
import { parseOptions } from '@node-rs/argon2';
import { checkPasswordStrength, hashPassword, passwordNeedsRehash, verifyPassword, ARGON2_OPTIONS } from './password.ts';

describe('password hashing', () => {
	it('hashes with argon2id and the chosen parameters, salted', async () => {
		const a = await hashPassword('Demo-2026!');
		const b = await hashPassword('Demo-2026!');
		expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(a).not.toBe(b);
		const p = parseOptions(a);
		expect(p.memoryCost).toBe(ARGON2_OPTIONS.memoryCost);
		expect(passwordNeedsRehash(a)).toBe(false);
	});

	it('verifies the right password and refuses a wrong one', async () => {
		const h = await hashPassword('Зелений-чай-2026');
		expect(await verifyPassword(h, 'Зелений-чай-2026')).toBe(true);
		expect(await verifyPassword(h, 'зелений-чай-2026')).toBe(false);
		expect(await verifyPassword(h, '')).toBe(false);
	});

	it('treats composed and decomposed Unicode the same (NFC)', async () => {
		const composed = 'Їжак-і-йог-2026';
		const decomposed = composed.normalize('NFD');
		expect(decomposed).not.toBe(composed);
		expect(await verifyPassword(await hashPassword(composed), decomposed)).toBe(true);
	});

	it('never matches a malformed hash and refuses over-long input', async () => {
		expect(await verifyPassword('not-a-hash', 'whatever')).toBe(false);
		expect(await verifyPassword('', 'whatever')).toBe(false);
		const h = await hashPassword('Demo-2026!');
		expect(await verifyPassword(h, 'x'.repeat(129))).toBe(false);
		await expect(hashPassword('x'.repeat(129))).rejects.toThrow();
	});

	it('asks for a rehash of weaker hashes', async () => {
		const { hash } = await import('@node-rs/argon2');
		const weak = await hash('Demo-2026!', { algorithm: 2, memoryCost: 4096, timeCost: 1 });
		expect(passwordNeedsRehash(weak)).toBe(true);
		expect(passwordNeedsRehash('garbage')).toBe(true);
	});
});

describe('password strength rule', () => {
	it('accepts a long enough, not common password', () => {
		expect(checkPasswordStrength('Demo-2026!')).toBeNull();
		expect(checkPasswordStrength('коник стрибає через пліт')).toBeNull();
	});
	it('names the problem', () => {
		expect(checkPasswordStrength('short1!')).toBe('too_short');
		expect(checkPasswordStrength('x'.repeat(129))).toBe('too_long');
		expect(checkPasswordStrength('1234567890')).toBe('too_simple');
		expect(checkPasswordStrength('Password123')).toBe('too_simple');
		expect(checkPasswordStrength('aaaaaaaaaaaa')).toBe('too_simple');
		expect(checkPasswordStrength('olena.koval-2026', 'olena.koval@example.org')).toBe('contains_email');
	});
});
