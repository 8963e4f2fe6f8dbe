import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { consumeAuthToken, hashToken, inspectAuthToken, issueAuthToken, revokeAuthTokens, deleteStaleAuthTokens } from './tokens.ts';
import { issueSignInTicket, redeemSignInTicket } from './ticket.ts';

let seq = 0;
async function user() {
	return db().user.create({ data: { email: `tokens.${Date.now()}.${++seq}@test.maisternia.ua`, name: 'Тест' } });
}

describe('single-use auth tokens', () => {
	it('stores only a hash and can be used exactly once', async () => {
		const u = await user();
		const { token } = await issueAuthToken(u.id, 'verify_email');
		expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
		const rows = await db().authToken.findMany({ where: { userId: u.id } });
		expect(rows).toHaveLength(1);
		expect(rows[0].tokenHash).toBe(hashToken(token));
		expect(JSON.stringify(rows)).not.toContain(token);

		expect(await inspectAuthToken(token, 'verify_email')).toMatchObject({ status: 'valid', userId: u.id });
		expect(await consumeAuthToken(token, 'verify_email')).toEqual({ userId: u.id });
		expect(await consumeAuthToken(token, 'verify_email')).toBeNull();
		expect(await inspectAuthToken(token, 'verify_email')).toMatchObject({ status: 'used' });
	});

	it('is used once even when two requests race for it', async () => {
		const u = await user();
		const { token } = await issueAuthToken(u.id, 'reset_password');
		const results = await Promise.all([1, 2, 3, 4].map(() => consumeAuthToken(token, 'reset_password')));
		expect(results.filter(Boolean)).toHaveLength(1);
	});

	it('refuses an expired token, another purpose, and garbage', async () => {
		const u = await user();
		const { token } = await issueAuthToken(u.id, 'reset_password', { ttlMs: -1000 });
		expect(await consumeAuthToken(token, 'reset_password')).toBeNull();
		expect(await inspectAuthToken(token, 'reset_password')).toMatchObject({ status: 'expired' });

		const other = await issueAuthToken(u.id, 'verify_email');
		expect(await consumeAuthToken(other.token, 'reset_password')).toBeNull();
		expect(await inspectAuthToken(other.token, 'reset_password')).toEqual({ status: 'unknown' });
		expect(await consumeAuthToken(other.token, 'verify_email')).toEqual({ userId: u.id });

		expect(await consumeAuthToken('short', 'verify_email')).toBeNull();
		expect(await consumeAuthToken('x'.repeat(43), 'verify_email')).toBeNull();
		expect(await inspectAuthToken("'; drop table \"User\"; --", 'verify_email')).toEqual({ status: 'unknown' });
	});

	it('revokes every live token of one purpose', async () => {
		const u = await user();
		const a = await issueAuthToken(u.id, 'reset_password');
		const b = await issueAuthToken(u.id, 'reset_password');
		const keep = await issueAuthToken(u.id, 'verify_email');
		expect(await revokeAuthTokens(u.id, 'reset_password')).toBe(2);
		expect(await consumeAuthToken(a.token, 'reset_password')).toBeNull();
		expect(await consumeAuthToken(b.token, 'reset_password')).toBeNull();
		expect(await consumeAuthToken(keep.token, 'verify_email')).not.toBeNull();
	});

	it('deletes tokens that can no longer be used', async () => {
		const u = await user();
		const old = await issueAuthToken(u.id, 'verify_email', { ttlMs: -3 * 24 * 60 * 60_000 });
		const live = await issueAuthToken(u.id, 'verify_email');
		expect(await deleteStaleAuthTokens()).toBeGreaterThanOrEqual(1);
		expect(await inspectAuthToken(old.token, 'verify_email')).toEqual({ status: 'unknown' });
		expect(await inspectAuthToken(live.token, 'verify_email')).toMatchObject({ status: 'valid' });
	});
});

describe('sign-in ticket', () => {
	it('is redeemed once, for its user, and lives about a minute', async () => {
		const u = await user();
		const ticket = await issueSignInTicket(u.id);
		const row = await db().authToken.findUnique({ where: { tokenHash: hashToken(ticket) } });
		expect(row?.purpose).toBe('sign_in_ticket');
		expect(row!.expiresAt.getTime() - Date.now()).toBeLessThanOrEqual(60_000);
		expect(await redeemSignInTicket(ticket)).toMatchObject({ id: u.id, email: u.email });
		expect(await redeemSignInTicket(ticket)).toBeNull();
		expect(await redeemSignInTicket(undefined)).toBeNull();
		expect(await redeemSignInTicket({ ticket })).toBeNull();
	});

	it('is not accepted in place of another token', async () => {
		const u = await user();
		const { token } = await issueAuthToken(u.id, 'reset_password');
		expect(await redeemSignInTicket(token)).toBeNull();
	});
});

describe('sign-in housekeeping job', () => {
	it('deletes dead tokens, magic-link tokens and rate-limit rows older than a day', async () => {
		const { cleanUpSignInData } = await import('./jobs.ts');
		const u = await user();
		const old = new Date(Date.now() - 2 * 24 * 60 * 60_000);
		const dead = await issueAuthToken(u.id, 'reset_password', { ttlMs: -2 * 24 * 60 * 60_000 });
		const live = await issueAuthToken(u.id, 'reset_password');
		await db().verificationToken.create({ data: { identifier: u.email, token: `old-${u.id}`, expires: old } });
		await db().verificationToken.create({ data: { identifier: u.email, token: `new-${u.id}`, expires: new Date(Date.now() + 60_000) } });
		await db().rateLimiterFlexible.create({ data: { key: `test:old:${u.id}`, points: 1, expire: old } });
		const result = await cleanUpSignInData();
		expect(result.tokens).toBeGreaterThanOrEqual(1);
		expect(result.magicLinks).toBeGreaterThanOrEqual(1);
		expect(result.limits).toBeGreaterThanOrEqual(1);
		expect(await inspectAuthToken(dead.token, 'reset_password')).toEqual({ status: 'unknown' });
		expect(await inspectAuthToken(live.token, 'reset_password')).toMatchObject({ status: 'valid' });
		expect(await db().verificationToken.count({ where: { identifier: u.email } })).toBe(1);
	});
});
