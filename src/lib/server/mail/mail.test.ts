import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, inject } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { startTestSmtp, type TestSmtp } from '../../../../tests/support/smtp.ts';
import { dueFirst } from '../../../../tests/support/outbox.ts';
import { db } from '../db/index.ts';
import { resetConfig } from '../config/index.ts';
import { startJobs, stopJobs } from '../jobs/index.ts';
import { registerPlatformJobs } from '../platform/jobs.ts';
import {
	absoluteUrl,
	configureMailDelivery,
	deliverDue,
	deliverMessage,
	enqueueMail,
	listMessages,
	renderMail,
	retryMessage
} from './index.ts';

const kind = inject('databaseKind');
let smtp: TestSmtp;
const savedEnv = { SMTP_URL: process.env.SMTP_URL, ORIGIN: process.env.ORIGIN, MAIL_FROM: process.env.MAIL_FROM };
let seq = 0;
const address = (name: string) => `${name}.${Date.now()}.${++seq}@test.maisternia.ua`;

function useSmtp(url: string | undefined) {
	if (url) process.env.SMTP_URL = url;
	else delete process.env.SMTP_URL;
	resetConfig();
}

beforeAll(async () => {
	smtp = await startTestSmtp();
	process.env.MAIL_FROM = 'Майстерня е-урядування <noreply@maisternia.test>';
	delete process.env.ORIGIN;
	configureMailDelivery({ retryBaseMs: 300, retryMaxMs: 1_000, maxAttempts: 3 });
});

afterAll(async () => {
	await smtp.stop();
	for (const [k, v] of Object.entries(savedEnv)) {
		if (v === undefined) delete process.env[k];
		else process.env[k] = v;
	}
	resetConfig();
});

describe('mail templates', () => {
	it('renders every template in both languages with subject, text and HTML', () => {
		const data = { name: 'Оксана', url: 'https://portal.example/x?a=1&b=2', inviterName: 'Петро', organizationName: 'Вінницька міська рада' };
		for (const template of ['verify_email', 'reset_password', 'magic_link', 'invitation', 'account_deleted', 'test_message'] as const) {
			const uk = renderMail(template, data, 'uk');
			const en = renderMail(template, data, 'en');
			expect(uk.subject).not.toBe(en.subject);
			expect(uk.html).toContain('<html lang="uk">');
			expect(en.html).toContain('<html lang="en">');
			expect(uk.html).toContain('Майстерня е-урядування');
			expect(uk.text).toContain('Майстерня е-урядування');
			if ('url' in data && template !== 'account_deleted' && template !== 'test_message') {
				expect(uk.text).toContain('https://portal.example/x?a=1&b=2');
				expect(uk.html).toContain('href="https://portal.example/x?a=1&amp;b=2"');
			}
		}
		expect(renderMail('invitation', data, 'uk').subject).toBe('Запрошення приєднатися до організації «Вінницька міська рада»');
		expect(renderMail('invitation', { url: data.url }, 'en').subject).toBe('Invitation to the E-Governance Workshop portal');
	});

	it('escapes untrusted data in HTML and keeps headers on one line', () => {
		const r = renderMail(
			'invitation',
			{ inviterName: '<script>alert(1)</script>', organizationName: 'A"B\r\nBcc: x@evil', url: 'https://e.example/"><img src=x>' },
			'en'
		);
		expect(r.html).not.toContain('<script>');
		expect(r.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
		expect(r.html).not.toMatch(/<img/);
		expect(r.subject).not.toMatch(/[\r\n]/);
	});

	it('refuses links that are not absolute http(s) URLs', () => {
		expect(() => renderMail('magic_link', { url: 'javascript:alert(1)' }, 'uk')).toThrow();
		expect(() => renderMail('verify_email', { name: 'x', url: '/relative' }, 'uk')).toThrow();
	});

	it('builds absolute links with the /en prefix for English', () => {
		resetConfig();
		expect(absoluteUrl('/verify-email/abc', 'uk')).toBe('http://localhost:3000/verify-email/abc');
		expect(absoluteUrl('/verify-email/abc', 'en')).toBe('http://localhost:3000/en/verify-email/abc');
		process.env.ORIGIN = 'https://maisternia.example.ua';
		resetConfig();
		expect(absoluteUrl('/invite/t?x=1', 'en')).toBe('https://maisternia.example.ua/en/invite/t?x=1');
		delete process.env.ORIGIN;
		resetConfig();
	});
});

describe(`mail outbox over SMTP (${kind})`, () => {
	beforeEach(() => useSmtp(smtp.url));

	it('delivers a Ukrainian message with subject, text and HTML parts and Cyrillic intact', async () => {
		const to = address('oksana');
		const { id } = await enqueueMail({ to, template: 'verify_email', locale: 'uk', data: { name: 'Оксана Ґудзь-Їжакевич', url: absoluteUrl('/verify-email/tok', 'uk') } });
		const row = await db().outboxMessage.findUniqueOrThrow({ where: { id } });
		expect(row.status).toBe('pending');
		expect(await deliverMessage(id)).toBe('sent');
		const mail = await smtp.waitFor(to);
		expect(mail.subject).toBe('Підтвердьте адресу електронної пошти');
		expect(mail.text).toContain('Вітаємо, Оксана Ґудзь-Їжакевич!');
		expect(mail.text).toContain('http://localhost:3000/verify-email/tok');
		expect(mail.html).toContain('Оксана Ґудзь-Їжакевич');
		expect(mail.html).toContain('href="http://localhost:3000/verify-email/tok"');
		expect(mail.parsed.headers.get('content-language')).toBe('uk');
		expect(mail.parsed.messageId).toBe(row.messageId);
		expect(mail.parsed.from?.value[0]?.address).toBe('noreply@maisternia.test');
		expect(mail.parsed.from?.value[0]?.name).toBe('Майстерня е-урядування');
		const after = await db().outboxMessage.findUniqueOrThrow({ where: { id } });
		expect(after.status).toBe('sent');
		expect(after.sentAt).toBeInstanceOf(Date);
		expect(after.attempts).toBe(1);
	});

	it('delivers an English message', async () => {
		const to = address('john');
		const { id } = await enqueueMail({ to, template: 'reset_password', locale: 'en', data: { name: 'John', url: absoluteUrl('/reset-password/t', 'en') } });
		expect(await deliverMessage(id)).toBe('sent');
		const mail = await smtp.waitFor(to);
		expect(mail.subject).toBe('Reset your password');
		expect(mail.text).toContain('Hello, John!');
		expect(mail.text).toContain('http://localhost:3000/en/reset-password/t');
		expect(mail.html).toContain('Set a new password');
		expect(mail.parsed.headers.get('content-language')).toBe('en');
	});

	it('stores the message and its job in the caller transaction, and nothing when it rolls back', async () => {
		const to = address('tx');
		await expect(
			db().$transaction(async (tx) => {
				await enqueueMail({ to, template: 'test_message', locale: 'uk', data: { name: 'Т' } }, tx);
				throw new Error('rollback');
			})
		).rejects.toThrow('rollback');
		expect(await db().outboxMessage.count({ where: { to } })).toBe(0);
		const { id } = await db().$transaction((tx) => enqueueMail({ to, template: 'test_message', locale: 'uk', data: { name: 'Т' } }, tx));
		expect(await db().outboxMessage.count({ where: { id } })).toBe(1);
		await deliverMessage(id);
	});

	it('stores one message per dedupe key', async () => {
		const to = address('dedupe');
		const key = `dedupe-${Date.now()}`;
		const a = await enqueueMail({ to, template: 'test_message', locale: 'en', data: {}, dedupeKey: key });
		const b = await db().$transaction((tx) => enqueueMail({ to, template: 'test_message', locale: 'en', data: {}, dedupeKey: key }, tx));
		expect(b.id).toBe(a.id);
		expect(await db().outboxMessage.count({ where: { to } })).toBe(1);
		await deliverMessage(a.id);
	});

	it('retries a temporary failure with backoff and then delivers exactly once', async () => {
		const to = address('retry');
		const { id } = await enqueueMail({ to, template: 'test_message', locale: 'uk', data: { name: 'Ірина' } });
		smtp.failNext(1);
		expect(await deliverMessage(id)).toBe('retry');
		const waiting = await db().outboxMessage.findUniqueOrThrow({ where: { id } });
		expect(waiting.status).toBe('pending');
		expect(waiting.lastError).toMatch(/451/);
		expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
		// Not due yet: nobody may take it.
		expect(await deliverMessage(id)).toBe('skipped');
		await new Promise((r) => setTimeout(r, 400));
		expect(await deliverMessage(id)).toBe('sent');
		await smtp.waitFor(to);
		expect(smtp.messages.filter((m) => m.to.includes(to)).length).toBe(1);
		expect((await db().outboxMessage.findUniqueOrThrow({ where: { id } })).attempts).toBe(2);
	});

	it('marks a message failed after the last attempt', async () => {
		const to = address('exhausted');
		const { id } = await enqueueMail({ to, template: 'test_message', locale: 'uk', data: {} });
		smtp.failNext(3);
		for (let i = 0; i < 3; i++) {
			await db().outboxMessage.update({ where: { id }, data: { nextAttemptAt: new Date() } });
			await deliverMessage(id);
		}
		const row = await db().outboxMessage.findUniqueOrThrow({ where: { id } });
		expect(row.status).toBe('failed');
		expect(row.attempts).toBe(3);
		// The admin's retry gives it a fresh set of attempts.
		expect(await retryMessage(id)).toBe(true);
		expect(await deliverMessage(id)).toBe('sent');
		await smtp.waitFor(to);
	});

	it('fails permanently on a 5xx reply after recording the error', async () => {
		const rejecting = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onRcptTo(_address, _session, callback) {
				const err = new Error('Mailbox unavailable') as Error & { responseCode: number };
				err.responseCode = 550;
				callback(err);
			}
		});
		await new Promise<void>((resolve) => rejecting.listen(0, '127.0.0.1', resolve));
		try {
			useSmtp(`smtp://127.0.0.1:${(rejecting.server.address() as AddressInfo).port}`);
			const { id } = await enqueueMail({ to: address('nobody'), template: 'test_message', locale: 'en', data: {} });
			expect(await deliverMessage(id)).toBe('failed');
			const row = await db().outboxMessage.findUniqueOrThrow({ where: { id } });
			expect(row.status).toBe('failed');
			expect(row.attempts).toBe(1);
			expect(row.lastError).toMatch(/550/);
		} finally {
			await new Promise<void>((resolve) => rejecting.close(() => resolve()));
		}
	});

	it('never delivers a message twice when workers run concurrently', async () => {
		const to = address('concurrent');
		const ids: string[] = [];
		for (let i = 0; i < 5; i++) ids.push((await enqueueMail({ to, template: 'test_message', locale: 'uk', data: { name: `№${i}` } })).id);
		const results = await Promise.all([deliverMessage(ids[0]!), deliverMessage(ids[0]!)]);
		// First in the due order, ahead of what other test files left in the shared outbox.
		await dueFirst(ids);
		expect(results.sort()).toEqual(['sent', 'skipped']);
		const [a, b] = await Promise.all([deliverDue(), deliverDue()]);
		expect((a.sent ?? 0) + (b.sent ?? 0)).toBeGreaterThanOrEqual(4);
		const deadline = Date.now() + 10_000;
		while (smtp.messages.filter((m) => m.to.includes(to)).length < 5 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
		await new Promise((r) => setTimeout(r, 300));
		expect(smtp.messages.filter((m) => m.to.includes(to)).length).toBe(5);
		const subjects = new Set(smtp.messages.filter((m) => m.to.includes(to)).map((m) => m.parsed.messageId));
		expect(subjects.size).toBe(5);
	});

	it('takes over a message abandoned in "sending" only after the claim timeout', async () => {
		const to = address('crashed');
		const { id } = await enqueueMail({ to, template: 'test_message', locale: 'uk', data: {} });
		await db().outboxMessage.update({ where: { id }, data: { status: 'sending', claimedAt: new Date(), attempts: 1 } });
		expect(await deliverMessage(id)).toBe('skipped');
		await db().outboxMessage.update({ where: { id }, data: { claimedAt: new Date(Date.now() - 11 * 60_000) } });
		await dueFirst([id]);
		const counts = await deliverDue();
		expect(counts.sent).toBeGreaterThanOrEqual(1);
		await smtp.waitFor(to);
	});

	it('is sent by the background worker, with the job written in the caller transaction', async () => {
		process.env.JOBS = 'on';
		resetConfig();
		try {
			await startJobs(inject('databaseUrl'), registerPlatformJobs, { force: true, only: ['mail.send'] });
			const to = address('worker');
			await db().$transaction(async (tx) => {
				await enqueueMail({ to, template: 'magic_link', locale: 'en', data: { url: absoluteUrl('/signin/magic?t=1', 'en') } }, tx);
			});
			const mail = await smtp.waitFor(to, /sign-in link/);
			expect(mail.text).toContain('http://localhost:3000/en/signin/magic?t=1');
			// The SMTP server answers before the worker records the result.
			await expect.poll(async () => (await db().outboxMessage.findFirstOrThrow({ where: { to } })).status).toBe('sent');
		} finally {
			await stopJobs({ timeout: 2_000 });
			process.env.JOBS = 'off';
			resetConfig();
		}
	});
});

describe('mail outbox without SMTP', () => {
	beforeEach(() => useSmtp(undefined));
	afterEach(() => useSmtp(smtp.url));

	it('keeps messages for the admin mail page and sends nothing', async () => {
		const to = address('kept');
		const before = smtp.messages.length;
		const { id } = await enqueueMail({ to, template: 'account_deleted', locale: 'uk', data: { name: 'Марія' } });
		const row = await db().outboxMessage.findUniqueOrThrow({ where: { id } });
		expect(row.status).toBe('kept');
		expect(row.text).toContain('Вітаємо, Марія!');
		await deliverDue();
		expect(await deliverMessage(id)).toBe('skipped');
		expect(smtp.messages.length).toBe(before);
		const list = await listMessages({ status: 'kept', to: to.toUpperCase() });
		expect(list.items.map((i) => i.id)).toEqual([id]);
	});

	it('lists newest first with pagination and filters', async () => {
		const to = address('page');
		for (let i = 0; i < 5; i++) {
			await enqueueMail({ to, template: 'test_message', locale: 'uk', data: { name: `${i}` } });
			await new Promise((r) => setTimeout(r, 5));
		}
		const p1 = await listMessages({ to, pageSize: 2 });
		expect(p1.total).toBe(5);
		expect(p1.pages).toBe(3);
		expect(p1.items.length).toBe(2);
		expect(p1.items[0]!.createdAt.getTime()).toBeGreaterThanOrEqual(p1.items[1]!.createdAt.getTime());
		const p3 = await listMessages({ to, pageSize: 2, page: 3 });
		expect(p3.items.length).toBe(1);
		expect((await listMessages({ to, status: 'sent' })).total).toBe(0);
	});
});
