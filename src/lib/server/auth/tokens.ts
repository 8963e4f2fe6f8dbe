import { createHash, randomBytes } from 'node:crypto';
import { db, type Prisma } from '../db/index.ts';
import type { AuthTokenPurpose } from '../db/generated/enums.ts';

/**
 * Single-use tokens of our own flows (e-mail verification, password reset, the sign-in ticket).
 * The raw token travels once (in a link or to Auth.js) and only its SHA-256 is stored, so a copy of
 * the database gives no usable links. A token is used up by one atomic UPDATE ... WHERE usedAt IS
 * NULL, so two clicks (or two servers) cannot both use it.
 */
export type { AuthTokenPurpose };

export const TOKEN_TTL_MS: Record<AuthTokenPurpose, number> = {
	verify_email: 48 * 60 * 60_000,
	reset_password: 60 * 60_000,
	// Lives only between our sign-in action and Auth.js's credentials callback in the same request.
	sign_in_ticket: 60_000
};

type Client = Prisma.TransactionClient;

export function hashToken(raw: string): string {
	return createHash('sha256').update(raw).digest('hex');
}

/** 32 random bytes, base64url: 43 characters that are safe in a URL path. */
function newRawToken(): string {
	return randomBytes(32).toString('base64url');
}

const RAW_TOKEN = /^[A-Za-z0-9_-]{43}$/;

export async function issueAuthToken(
	userId: string,
	purpose: AuthTokenPurpose,
	options: { tx?: Client; ttlMs?: number } = {}
): Promise<{ token: string; expiresAt: Date }> {
	const token = newRawToken();
	const expiresAt = new Date(Date.now() + (options.ttlMs ?? TOKEN_TTL_MS[purpose]));
	await (options.tx ?? db()).authToken.create({ data: { userId, purpose, tokenHash: hashToken(token), expiresAt } });
	return { token, expiresAt };
}

/** Uses the token up. Returns its owner, or null when it is unknown, used, expired or for another purpose. */
export async function consumeAuthToken(raw: string, purpose: AuthTokenPurpose, tx?: Client): Promise<{ userId: string } | null> {
	if (typeof raw !== 'string' || !RAW_TOKEN.test(raw)) return null;
	const client = tx ?? db();
	const tokenHash = hashToken(raw);
	const now = new Date();
	const { count } = await client.authToken.updateMany({
		where: { tokenHash, purpose, usedAt: null, expiresAt: { gt: now } },
		data: { usedAt: now }
	});
	if (count !== 1) return null;
	const row = await client.authToken.findUnique({ where: { tokenHash }, select: { userId: true } });
	return row;
}

export type TokenState =
	| { status: 'valid'; userId: string; expiresAt: Date }
	| { status: 'used'; userId: string }
	| { status: 'expired'; userId: string }
	| { status: 'unknown' };

/** Looks at a token without using it (e.g. to show the reset form only for a live link). */
export async function inspectAuthToken(raw: string, purpose: AuthTokenPurpose, tx?: Client): Promise<TokenState> {
	if (typeof raw !== 'string' || !RAW_TOKEN.test(raw)) return { status: 'unknown' };
	const row = await (tx ?? db()).authToken.findUnique({ where: { tokenHash: hashToken(raw) } });
	if (!row || row.purpose !== purpose) return { status: 'unknown' };
	if (row.usedAt) return { status: 'used', userId: row.userId };
	if (row.expiresAt.getTime() <= Date.now()) return { status: 'expired', userId: row.userId };
	return { status: 'valid', userId: row.userId, expiresAt: row.expiresAt };
}

/** Uses up every live token of this purpose (a newer link or a changed password makes older links void). */
export async function revokeAuthTokens(userId: string, purpose: AuthTokenPurpose, tx?: Client): Promise<number> {
	const { count } = await (tx ?? db()).authToken.updateMany({
		where: { userId, purpose, usedAt: null },
		data: { usedAt: new Date() }
	});
	return count;
}

/** Housekeeping: tokens that can no longer be used are of no value after a day. */
export async function deleteStaleAuthTokens(olderThanMs = 24 * 60 * 60_000): Promise<number> {
	const cutoff = new Date(Date.now() - olderThanMs);
	const { count } = await db().authToken.deleteMany({
		where: { OR: [{ expiresAt: { lt: cutoff } }, { usedAt: { lt: cutoff } }] }
	});
	return count;
}
