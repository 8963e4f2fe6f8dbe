import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../../../../tests/support/smtp.ts';
import { db } from '../db/index.ts';
import { resetConfig } from '../config/index.ts';
import { deliverPendingTo } from '../../../../tests/support/outbox.ts';
import { authenticate } from './authenticate.ts';
import { registerAccount, resendVerification, verifyEmail } from './registration.ts';
import { verifyPassword } from './password.ts';
import { makeUser, uniqueEmail, uniqueIp } from './test-helpers.ts';

/**
 * Registration and confirmation at the domain level, with mail going the whole way: the outbox, the
 * delivery worker's function, a real SMTP server, and the link read back from the received message.
 */
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

async function receive(to: string, subject?: RegExp) {
	await deliverPendingTo(to);
	return smtp.waitFor(to, subject, 10_000);
}

function linkIn(text: string, path: string): string {
	const found = (text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? []).find((l) => l.includes(path));
	if (!found) throw new Error(`no ${path} link in: ${text}`);
	return found;
}

const tokenOf = (link: string) => link.split('/').pop()!;

describe('registration', () => {
	it('creates an unconfirmed account and mails a confirmation link that works once', async () => {
		const email = uniqueEmail('new');
		const result = await registerAccount({ name: 'Олена Коваль', email: email.toUpperCase(), password: 'Весна-у-Вінниці-2026', locale: 'uk' }, uniqueIp());
		expect(result).toEqual({ status: 'sent' });

		const user = await db().user.findUnique({ where: { email } });
		expect(user).toMatchObject({ name: 'Олена Коваль', locale: 'uk', emailVerified: null, roles: ['learner'] });
		expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
		expect(await verifyPassword(user!.passwordHash!, 'Весна-у-Вінниці-2026')).toBe(true);

		const mail = await receive(email);
		expect(mail.subject).toMatch(/Підтвердьте/);
		expect(mail.text).toContain('Олена Коваль');
		const link = linkIn(mail.text, '/verify-email/');
		expect(link.startsWith('https://portal.test/verify-email/')).toBe(true);

		expect(await authenticate(email, 'Весна-у-Вінниці-2026', uniqueIp())).toMatchObject({ reason: 'unverified' });
		expect(await verifyEmail(tokenOf(link))).toEqual({ status: 'verified', email });
		expect(await verifyEmail(tokenOf(link))).toEqual({ status: 'already', email });
		expect(await authenticate(email, 'Весна-у-Вінниці-2026', uniqueIp())).toMatchObject({ ok: true });
	});

	it('writes the mail in the language chosen at registration, with /en links', async () => {
		const email = uniqueEmail('english');
		await registerAccount({ name: 'John Smith', email, password: 'Spring-in-Vinnytsia-2026', locale: 'en' }, uniqueIp());
		const mail = await receive(email);
		expect(mail.subject).toMatch(/Confirm/i);
		expect(linkIn(mail.text, '/verify-email/').startsWith('https://portal.test/en/verify-email/')).toBe(true);
	});

	it('does not reveal a registered address: the owner gets a reset link and nothing changes', async () => {
		const owner = await makeUser({ password: 'Owners-own-password-1', name: 'Власник Адреси' });
		const result = await registerAccount({ name: 'Чужий', email: owner.email, password: 'Intruders-password-1', locale: 'en' }, uniqueIp());
		expect(result).toEqual({ status: 'sent' });
		const after = await db().user.findUnique({ where: { id: owner.id } });
		expect(after).toMatchObject({ name: 'Власник Адреси', locale: 'uk', passwordHash: owner.passwordHash });
		const mail = await receive(owner.email);
		// In the owner's language, not the stranger's.
		expect(mail.text).toContain('Власник Адреси');
		expect(linkIn(mail.text, '/reset-password/')).toContain('https://portal.test/reset-password/');
	});

	it('lets a second registration of a never-confirmed address replace the first, and voids its link', async () => {
		const email = uniqueEmail('squat');
		await registerAccount({ name: 'Перший', email, password: 'First-password-2026', locale: 'uk' }, uniqueIp());
		const first = linkIn((await receive(email)).text, '/verify-email/');
		smtp.messages.length = 0;
		await registerAccount({ name: 'Справжній власник', email, password: 'Second-password-2026', locale: 'en' }, uniqueIp());
		const second = linkIn((await receive(email)).text, '/verify-email/');
		expect(await verifyEmail(tokenOf(first))).toEqual({ status: 'invalid' });
		expect(await verifyEmail(tokenOf(second))).toEqual({ status: 'verified', email });
		const user = await db().user.findUnique({ where: { email } });
		expect(user).toMatchObject({ name: 'Справжній власник', locale: 'en' });
		expect(await authenticate(email, 'First-password-2026', uniqueIp())).toMatchObject({ reason: 'invalid' });
		expect(await authenticate(email, 'Second-password-2026', uniqueIp())).toMatchObject({ ok: true });
	});

	it('limits registrations per IP address', async () => {
		const ip = uniqueIp();
		for (let i = 0; i < 10; i++) {
			expect(await registerAccount({ name: 'Бот', email: uniqueEmail('bot'), password: 'Bot-password-2026', locale: 'uk' }, ip)).toEqual({ status: 'sent' });
		}
		const limited = await registerAccount({ name: 'Бот', email: uniqueEmail('bot'), password: 'Bot-password-2026', locale: 'uk' }, ip);
		expect(limited).toMatchObject({ status: 'rate_limited' });
	});

	it('refuses an unknown or garbled confirmation link', async () => {
		expect(await verifyEmail('x'.repeat(43))).toEqual({ status: 'invalid' });
		expect(await verifyEmail('../../etc/passwd')).toEqual({ status: 'invalid' });
	});
});

describe('send the confirmation link again', () => {
	it('sends a new link to an unconfirmed address and voids the old one', async () => {
		const email = uniqueEmail('resend');
		await registerAccount({ name: 'Забудько', email, password: 'Forgetful-2026-pass', locale: 'uk' }, uniqueIp());
		const old = linkIn((await receive(email)).text, '/verify-email/');
		smtp.messages.length = 0;
		expect(await resendVerification(email, uniqueIp())).toEqual({ status: 'sent' });
		const fresh = linkIn((await receive(email)).text, '/verify-email/');
		expect(fresh).not.toBe(old);
		expect(await verifyEmail(tokenOf(old))).toEqual({ status: 'invalid' });
		expect(await verifyEmail(tokenOf(fresh))).toMatchObject({ status: 'verified' });
	});

	it('answers the same for unknown and confirmed addresses, and sends them nothing', async () => {
		const confirmed = await makeUser();
		const unknown = uniqueEmail('unknown');
		expect(await resendVerification(unknown, uniqueIp())).toEqual({ status: 'sent' });
		expect(await resendVerification(confirmed.email, uniqueIp())).toEqual({ status: 'sent' });
		await deliverPendingTo(unknown, confirmed.email);
		expect(smtp.messages.some((m) => m.to.includes(unknown) || m.to.includes(confirmed.email))).toBe(false);
		expect(await db().outboxMessage.count({ where: { to: { in: [unknown, confirmed.email] } } })).toBe(0);
	});

	it('sends at most six sign-in mails an hour to one address', async () => {
		const email = uniqueEmail('bombed');
		await registerAccount({ name: 'Ціль', email, password: 'Target-password-2026', locale: 'uk' }, uniqueIp());
		for (let i = 0; i < 8; i++) await resendVerification(email, uniqueIp());
		expect(await db().outboxMessage.count({ where: { to: email } })).toBe(6);
	});
});
