import { afterEach, describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { resetConfig } from '../config/index.ts';
import { authenticate, recordSignIn } from './authenticate.ts';
import { hashPassword } from './password.ts';
import { makeUser, uniqueEmail, uniqueIp } from './test-helpers.ts';

const PASSWORD = 'Correct-horse-2026';

afterEach(() => {
	delete process.env.SIGNIN_MAX_ATTEMPTS_PER_IP;
	delete process.env.SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT;
	resetConfig();
});

describe('authenticate', () => {
	it('signs in with the right password and clears earlier failures', async () => {
		const u = await makeUser({ password: PASSWORD });
		const ip = uniqueIp();
		expect(await authenticate(u.email, 'wrong-password-1', ip)).toEqual({ ok: false, reason: 'invalid' });
		expect((await db().user.findUnique({ where: { id: u.id } }))?.failedSignIns).toBe(1);
		const ok = await authenticate(`  ${u.email.toUpperCase()} `, PASSWORD, ip);
		expect(ok).toEqual({ ok: true, user: { id: u.id, email: u.email, name: u.name, locale: 'uk' } });
		expect((await db().user.findUnique({ where: { id: u.id } }))?.failedSignIns).toBe(0);
	});

	it('gives the same answer for an unknown address and a wrong password', async () => {
		const u = await makeUser({ password: PASSWORD });
		const unknown = await authenticate(uniqueEmail('nobody'), PASSWORD, uniqueIp());
		const wrong = await authenticate(u.email, 'not-the-password', uniqueIp());
		expect(unknown).toEqual(wrong);
		expect(unknown).toEqual({ ok: false, reason: 'invalid' });
	});

	it('refuses an account without a password (SSO or magic link only) like a wrong password', async () => {
		const u = await makeUser({ password: null });
		expect(await authenticate(u.email, '', uniqueIp())).toEqual({ ok: false, reason: 'invalid' });
		expect(await authenticate(u.email, PASSWORD, uniqueIp())).toEqual({ ok: false, reason: 'invalid' });
	});

	it('locks the account after SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT failures, even with the right password then', async () => {
		const u = await makeUser({ password: PASSWORD });
		// Different IPs: the lockout is per account, not per network.
		for (let i = 1; i <= 4; i++) expect(await authenticate(u.email, `wrong-${i}`, uniqueIp())).toEqual({ ok: false, reason: 'invalid' });
		expect(await authenticate(u.email, 'wrong-5', uniqueIp())).toEqual({ ok: false, reason: 'locked', retryAfterMinutes: 15 });
		const locked = await db().user.findUnique({ where: { id: u.id } });
		expect(locked?.failedSignIns).toBe(5);
		expect(locked!.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
		const again = await authenticate(u.email, PASSWORD, uniqueIp());
		expect(again).toMatchObject({ ok: false, reason: 'locked' });
		expect((again as { retryAfterMinutes: number }).retryAfterMinutes).toBeGreaterThanOrEqual(14);
	});

	it('locks an unknown address the same way, so the lockout reveals nothing', async () => {
		const email = uniqueEmail('ghost');
		const answers = [];
		for (let i = 1; i <= 6; i++) answers.push((await authenticate(email, `wrong-${i}`, uniqueIp())) as { reason: string });
		expect(answers.map((a) => a.reason)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'locked', 'locked']);
	});

	it('lets the person in again once the lockout has passed', async () => {
		const u = await makeUser({ password: PASSWORD });
		await db().user.update({ where: { id: u.id }, data: { lockedUntil: new Date(Date.now() - 1000), failedSignIns: 5 } });
		expect(await authenticate(u.email, PASSWORD, uniqueIp())).toMatchObject({ ok: true });
		const after = await db().user.findUnique({ where: { id: u.id } });
		expect(after?.lockedUntil).toBeNull();
		expect(after?.failedSignIns).toBe(0);
	});

	it('honours SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT', async () => {
		process.env.SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT = '2';
		resetConfig();
		const u = await makeUser({ password: PASSWORD });
		expect(await authenticate(u.email, 'wrong-1', uniqueIp())).toMatchObject({ reason: 'invalid' });
		expect(await authenticate(u.email, 'wrong-2', uniqueIp())).toMatchObject({ reason: 'locked' });
	});

	it('limits attempts per IP address across accounts; a success gives its point back', async () => {
		process.env.SIGNIN_MAX_ATTEMPTS_PER_IP = '3';
		resetConfig();
		const ip = uniqueIp();
		const u = await makeUser({ password: PASSWORD });
		expect(await authenticate(u.email, PASSWORD, ip)).toMatchObject({ ok: true });
		expect(await authenticate(uniqueEmail('a'), 'x1-wrong-pass', ip)).toMatchObject({ reason: 'invalid' });
		expect(await authenticate(uniqueEmail('b'), 'x2-wrong-pass', ip)).toMatchObject({ reason: 'invalid' });
		expect(await authenticate(uniqueEmail('c'), 'x3-wrong-pass', ip)).toMatchObject({ reason: 'invalid' });
		const limited = await authenticate(u.email, PASSWORD, ip);
		expect(limited).toMatchObject({ ok: false, reason: 'rate_limited' });
		expect((limited as { retryAfterMinutes: number }).retryAfterMinutes).toBeGreaterThanOrEqual(1);
		// Another network is not affected.
		expect(await authenticate(u.email, PASSWORD, uniqueIp())).toMatchObject({ ok: true });
	});

	it('refuses an unconfirmed address, but only to someone who knows the password', async () => {
		const u = await makeUser({ password: PASSWORD, verified: false });
		expect(await authenticate(u.email, PASSWORD, uniqueIp())).toEqual({ ok: false, reason: 'unverified', email: u.email });
		expect(await authenticate(u.email, 'not-the-password', uniqueIp())).toEqual({ ok: false, reason: 'invalid' });
	});

	it('rehashes a password stored with weaker parameters', async () => {
		const { hash } = await import('@node-rs/argon2');
		const u = await makeUser({ password: PASSWORD });
		const weak = await hash(PASSWORD, { algorithm: 2, memoryCost: 4096, timeCost: 1 });
		await db().user.update({ where: { id: u.id }, data: { passwordHash: weak } });
		expect(await authenticate(u.email, PASSWORD, uniqueIp())).toMatchObject({ ok: true });
		const stored = (await db().user.findUnique({ where: { id: u.id } }))!.passwordHash!;
		expect(stored).not.toBe(weak);
		expect(stored).toContain('m=19456,t=2,p=1');
		void hashPassword;
	});

	it('records a sign-in and lifts a lockout (magic link and SSO prove the person)', async () => {
		const u = await makeUser({ password: PASSWORD });
		await db().user.update({ where: { id: u.id }, data: { lockedUntil: new Date(Date.now() + 60_000), failedSignIns: 5 } });
		await recordSignIn(u.id);
		const after = await db().user.findUnique({ where: { id: u.id } });
		expect(after?.lastSignInAt?.getTime()).toBeGreaterThan(Date.now() - 5_000);
		expect(after?.lockedUntil).toBeNull();
		expect(after?.failedSignIns).toBe(0);
	});
});
