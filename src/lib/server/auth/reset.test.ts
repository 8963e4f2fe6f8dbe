import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../../../../tests/support/smtp.ts';
import { db } from '../db/index.ts';
import { resetConfig } from '../config/index.ts';
import { deliverPendingTo } from '../../../../tests/support/outbox.ts';
import { authenticate } from './authenticate.ts';
import { inspectResetToken, requestPasswordReset, resetPassword } from './reset.ts';
import { issueAuthToken } from './tokens.ts';
import { loadSessionUser } from './session.ts';
import { makeUser, uniqueEmail, uniqueIp } from './test-helpers.ts';

let smtp: TestSmtp;
const saved = { SMTP_URL: process.env.SMTP_URL, ORIGIN: process.env.ORIGIN };

beforeAll(async () => {
	smtp = await startTestSmtp();
	process.env.SMTP_URL = smtp.url;
	process.env.ORIGIN = 'https://portal.test';
	resetConfig();
});

afterAll(async () => {
	await smtp.stop();
	for (const [k, v] of Object.entries(saved)) {
		if (v === undefined) delete process.env[k];
		else process.env[k] = v;
	}
	resetConfig();
});

async function resetLink(email: string): Promise<string> {
	await deliverPendingTo(email);
	const mail = await smtp.waitFor(email, undefined, 10_000);
	const link = (mail.text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? []).find((l) => l.includes('/reset-password/'));
	if (!link) throw new Error('no reset link');
	return link;
}

describe('password reset', () => {
	it('mails a link in the person’s language; the new password works, the old one not', async () => {
		const u = await makeUser({ password: 'Old-password-2026', locale: 'en', name: 'Ann Reset' });
		expect(await requestPasswordReset(u.email.toUpperCase(), uniqueIp())).toEqual({ status: 'sent' });
		const link = await resetLink(u.email);
		expect(link.startsWith('https://portal.test/en/reset-password/')).toBe(true);
		const token = link.split('/').pop()!;

		expect(await inspectResetToken(token)).toEqual({ valid: true, email: u.email });
		expect(await resetPassword(token, 'New-password-2026')).toEqual({ ok: true, email: u.email });
		expect(await authenticate(u.email, 'Old-password-2026', uniqueIp())).toMatchObject({ reason: 'invalid' });
		expect(await authenticate(u.email, 'New-password-2026', uniqueIp())).toMatchObject({ ok: true });
	});

	it('uses the link up and voids every other reset link of the person', async () => {
		const u = await makeUser();
		const a = await issueAuthToken(u.id, 'reset_password');
		const b = await issueAuthToken(u.id, 'reset_password');
		expect(await resetPassword(a.token, 'Another-password-1')).toMatchObject({ ok: true });
		expect(await resetPassword(a.token, 'Another-password-2')).toEqual({ ok: false });
		expect(await inspectResetToken(b.token)).toEqual({ valid: false });
		expect(await resetPassword(b.token, 'Another-password-3')).toEqual({ ok: false });
	});

	it('refuses an expired link', async () => {
		const u = await makeUser();
		const { token } = await issueAuthToken(u.id, 'reset_password', { ttlMs: -1 });
		expect(await inspectResetToken(token)).toEqual({ valid: false });
		expect(await resetPassword(token, 'Another-password-1')).toEqual({ ok: false });
	});

	it('lifts a lockout, confirms the address and signs the person out everywhere', async () => {
		const u = await makeUser({ verified: false });
		await db().user.update({ where: { id: u.id }, data: { lockedUntil: new Date(Date.now() + 600_000), failedSignIns: 5 } });
		const signedInBefore = Date.now() - 1000;
		const { token } = await issueAuthToken(u.id, 'reset_password');
		const verifyLink = await issueAuthToken(u.id, 'verify_email');
		expect(await resetPassword(token, 'Fresh-start-2026')).toMatchObject({ ok: true });
		const after = await db().user.findUnique({ where: { id: u.id } });
		expect(after?.lockedUntil).toBeNull();
		expect(after?.failedSignIns).toBe(0);
		expect(after?.emailVerified).not.toBeNull();
		expect(after?.sessionsRevokedAt).not.toBeNull();
		expect(await loadSessionUser(u.id, signedInBefore)).toEqual({ status: 'revoked' });
		expect(await loadSessionUser(u.id, Date.now() + 1)).toMatchObject({ status: 'ok' });
		// A pending confirmation link does not outlive the new password.
		expect((await db().authToken.findFirst({ where: { userId: u.id, purpose: 'verify_email' } }))?.usedAt).not.toBeNull();
		void verifyLink;
		expect(await authenticate(u.email, 'Fresh-start-2026', uniqueIp())).toMatchObject({ ok: true });
	});

	it('answers the same for an unknown address and sends nothing', async () => {
		const unknown = uniqueEmail('nobody');
		expect(await requestPasswordReset(unknown, uniqueIp())).toEqual({ status: 'sent' });
		expect(await db().outboxMessage.count({ where: { to: unknown } })).toBe(0);
	});

	it('limits reset requests per IP address', async () => {
		const ip = uniqueIp();
		for (let i = 0; i < 20; i++) await requestPasswordReset(uniqueEmail('x'), ip);
		expect(await requestPasswordReset(uniqueEmail('x'), ip)).toMatchObject({ status: 'rate_limited' });
	});
});
