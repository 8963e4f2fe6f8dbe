import { hash, verify, parseOptions } from '@node-rs/argon2';

/**
 * Password hashing with argon2id (ADR 0006). Parameters follow OWASP's first recommendation for
 * argon2id: 19 MiB of memory, 2 passes, 1 lane, 16-byte salt, 32-byte output. A hash is about
 * 20-40 ms on the project's machines: slow for an attacker, quick enough for a sign-in.
 */
export const ARGON2_OPTIONS = {
	// `Algorithm.Argon2id` is a const enum in the package's typings, which isolated modules cannot
	// inline; 2 is its value.
	algorithm: 2,
	memoryCost: 19_456,
	timeCost: 2,
	parallelism: 1,
	outputLen: 32
} as const;

/** Longer inputs are refused before hashing (denial of service by huge passwords). */
export const PASSWORD_MAX_LENGTH = 128;
export const PASSWORD_MIN_LENGTH = 10;

export async function hashPassword(password: string): Promise<string> {
	if (password.length > PASSWORD_MAX_LENGTH) throw new Error('Password too long');
	return hash(password.normalize('NFC'), ARGON2_OPTIONS);
}

/** True when `password` matches the stored `passwordHash`. A malformed hash never matches. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
	if (!passwordHash || password.length > PASSWORD_MAX_LENGTH) return false;
	try {
		return await verify(passwordHash, password.normalize('NFC'));
	} catch {
		return false;
	}
}

/** True when a stored hash was made with weaker or other parameters than today's (rehash on sign-in). */
export function passwordNeedsRehash(passwordHash: string): boolean {
	try {
		const p = parseOptions(passwordHash);
		return (
			p.algorithm !== ARGON2_OPTIONS.algorithm ||
			p.memoryCost < ARGON2_OPTIONS.memoryCost ||
			p.timeCost < ARGON2_OPTIONS.timeCost ||
			p.outputLen < ARGON2_OPTIONS.outputLen
		);
	} catch {
		return true;
	}
}

let dummy: Promise<string> | undefined;

/**
 * Verifies against a throw-away hash, so that a sign-in for an unknown address (or an account
 * without a password) costs as much time as a real one and does not reveal which it was.
 */
export async function burnPasswordCheck(password: string): Promise<false> {
	dummy ??= hashPassword('not-a-real-password-' + Math.random());
	await verifyPassword(await dummy, password.slice(0, PASSWORD_MAX_LENGTH));
	return false;
}

// A short list of the passwords people pick most often (and their Ukrainian keyboard twins);
// length alone lets "1234567890" through.
const COMMON = new Set(
	[
		'1234567890',
		'12345678910',
		'123456789012',
		'0987654321',
		'1111111111',
		'0000000000',
		'1q2w3e4r5t',
		'qwertyuiop',
		'qwerty1234',
		'qwerty12345',
		'qwerty123456',
		'password12',
		'password123',
		'password1234',
		'passw0rd123',
		'iloveyou12',
		'abcdefghij',
		'abc1234567',
		'asdfghjkl1',
		'zxcvbnm123',
		'йцукенгшщз',
		'йцукен1234',
		'пароль1234',
		'пароль12345',
		'україна123',
		'україна2024',
		'україна2025',
		'ukraine123',
		'ukraine2024',
		'ukraine2025',
		'letmein123',
		'welcome123',
		'admin12345',
		'administrator'
	].map((p) => p.toLowerCase())
);

export type PasswordProblem = 'too_short' | 'too_long' | 'too_simple' | 'contains_email';

/**
 * The strength rule (NIST SP 800-63B style: length and a deny list instead of composition rules):
 * at least 10 characters, at most 128, not a common password, at least 5 different characters,
 * and not built around the person's e-mail name.
 */
export function checkPasswordStrength(password: string, email?: string): PasswordProblem | null {
	if (password.length < PASSWORD_MIN_LENGTH) return 'too_short';
	if (password.length > PASSWORD_MAX_LENGTH) return 'too_long';
	const lower = password.toLowerCase();
	if (COMMON.has(lower) || new Set(lower).size < 5) return 'too_simple';
	const local = email?.split('@')[0]?.toLowerCase();
	if (local && local.length >= 4 && lower.includes(local)) return 'contains_email';
	return null;
}
