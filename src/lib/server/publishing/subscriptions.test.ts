import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../../../../tests/support/smtp.ts';
import { db } from '../db/index.ts';
import { resetConfig } from '../config/index.ts';
import { deliverPendingTo } from '../../../../tests/support/outbox.ts';
import { confirmSubscription, importSubscribers, parseCsv, subscribe, subscriberByToken, unsubscribe, updatePreferences } from './subscriptions.ts';
import { isOneClickUnsubscribe } from './one-click.ts';
import { handleBounce, verifyBounceSecret } from './bounces.ts';
import { uniq } from './test-helpers.ts';

let smtp: TestSmtp;
const saved = process.env.SMTP_URL;

beforeAll(async () => {
	smtp = await startTestSmtp();
	process.env.SMTP_URL = smtp.url;
	resetConfig();
});

afterAll(async () => {
	await smtp.stop();
	if (saved === undefined) delete process.env.SMTP_URL;
	else process.env.SMTP_URL = saved;
	resetConfig();
});

describe('subscriptions', () => {
	it('double opt-in: a confirmation link by real SMTP, consent records with text and IP, then confirmed', async () => {
		const email = `${uniq('Reader')}@Test.Maisternia.ua`;
		await expect(subscribe({ email, lists: ['bulletin'], locale: 'uk', consent: false })).rejects.toMatchObject({ code: 'invalid' });
		expect(await subscribe({ email, lists: ['bulletin', 'news', 'bogus'], locale: 'en', consent: true }, { ip: '203.0.113.5', userAgent: 'test' })).toEqual({ sent: true });
		// Asking again at once sends nothing new (no flooding someone's inbox).
		expect(await subscribe({ email, lists: ['bulletin'], locale: 'en', consent: true })).toEqual({ sent: false });
		await deliverPendingTo(email);
		const mail = await smtp.waitFor(email.toLowerCase(), /Confirm/);
		const link = /https?:\/\/\S+\/subscriptions\/confirm\/([A-Za-z0-9_-]+)/.exec(mail.text);
		expect(link).not.toBeNull();
		const s = await confirmSubscription(link![1]!, { ip: '203.0.113.6' });
		expect(s).toMatchObject({ email: email.toLowerCase(), status: 'confirmed', lists: ['bulletin', 'news'], locale: 'en', confirmToken: null });
		await expect(confirmSubscription(link![1]!)).rejects.toMatchObject({ code: 'bad_token' });
		const consents = await db().subscriberConsent.findMany({ where: { subscriberId: s.id }, orderBy: { at: 'asc' } });
		expect(consents.map((c) => c.action)).toEqual(['subscribe', 'confirm']);
		expect(consents[0]).toMatchObject({ ip: '203.0.113.5', userAgent: 'test', locale: 'en' });
		expect(consents[0]!.text).toMatch(/I agree/);
		// A confirmed address is not changed from the public form.
		expect(await subscribe({ email, lists: ['events'], locale: 'uk', consent: true })).toEqual({ sent: false });
	});

	it('preferences and unsubscribe by token; unsubscribe is idempotent and recorded', async () => {
		const [row] = await db().subscriber.createManyAndReturn({
			data: [{ email: `${uniq('p')}@test.maisternia.ua`, lists: ['bulletin'], status: 'confirmed', token: uniq('tok-aaaaaaaaaaaaaaaa') }]
		});
		const s = row!;
		const u = await updatePreferences(s.token, { lists: ['news', 'events'], locale: 'en' });
		expect(u).toMatchObject({ lists: ['news', 'events'], locale: 'en', status: 'confirmed' });
		await unsubscribe(s.token, 'one-click', { ip: '198.51.100.1' });
		await unsubscribe(s.token, 'one-click');
		expect((await subscriberByToken(s.token))!.status).toBe('unsubscribed');
		const consents = await db().subscriberConsent.findMany({ where: { subscriberId: s.id } });
		expect(consents.filter((c) => c.action === 'unsubscribe:one-click')).toHaveLength(1);
		await expect(unsubscribe('nope-nope-nope-nope', 'page')).rejects.toMatchObject({ code: 'bad_token' });
	});

	it('the cross-site form check is skipped for exactly the one-click unsubscribe POST', () => {
		const token = 'A'.repeat(32);
		expect(isOneClickUnsubscribe('POST', `/unsubscribe/${token}`)).toBe(true);
		expect(isOneClickUnsubscribe('POST', `/en/unsubscribe/${token}`)).toBe(true);
		expect(isOneClickUnsubscribe('GET', `/unsubscribe/${token}`)).toBe(false);
		expect(isOneClickUnsubscribe('POST', `/unsubscribe/${token}/x`)).toBe(false);
		expect(isOneClickUnsubscribe('POST', `/subscriptions/${token}`)).toBe(false);
		expect(isOneClickUnsubscribe('POST', '/unsubscribe/short')).toBe(false);
	});

	it('import: every error names its line and field, and nothing is imported then', async () => {
		const a = `${uniq('imp')}@test.maisternia.ua`;
		const bad = [
			'email,lists,locale,consented_at,consent_text',
			`${a},bulletin,uk,2024-03-01,"Згода, надана на семінарі"`,
			'not-an-address,bulletin,uk,2024-03-01,',
			`${a},bulletin,uk,2024-03-01,`,
			`x-${a},weekly,de,2099-01-01,`,
			`y-${a},,uk,,`
		].join('\n');
		const r = await importSubscribers(bad, 'editor@test');
		expect(r.created).toBe(0);
		expect(r.issues).toEqual([
			{ line: 3, field: 'email', code: 'invalid', value: 'not-an-address' },
			{ line: 4, field: 'email', code: 'duplicate', value: a },
			{ line: 5, field: 'lists', code: 'invalid', value: 'weekly' },
			{ line: 5, field: 'locale', code: 'invalid', value: 'de' },
			{ line: 5, field: 'consented_at', code: 'invalid', value: '2099-01-01' },
			{ line: 6, field: 'lists', code: 'missing' },
			{ line: 6, field: 'consented_at', code: 'missing' }
		]);
		expect(await db().subscriber.count({ where: { email: a } })).toBe(0);
		expect((await importSubscribers('mail,lists\nx@y.ua,bulletin', 'e')).issues).toEqual([
			{ line: 1, field: 'email', code: 'header' },
			{ line: 1, field: 'consented_at', code: 'header' }
		]);

		const good = ['email,lists,locale,consented_at,consent_text,ip', `${a},bulletin|news,en,2024-03-01T10:00:00Z,"Згода ""на папері""",192.0.2.1`, `b-${a},bulletin,,2023-12-31,,`].join('\r\n');
		const ok = await importSubscribers(good, 'editor@test');
		expect(ok).toMatchObject({ created: 2, updated: 0, skipped: 0, issues: [] });
		const s = await db().subscriber.findUniqueOrThrow({ where: { email: a }, include: { consents: true } });
		expect(s).toMatchObject({ status: 'confirmed', lists: ['bulletin', 'news'], locale: 'en' });
		expect(s.confirmedAt!.toISOString()).toBe('2024-03-01T10:00:00.000Z');
		expect(s.consents[0]).toMatchObject({ action: 'import', text: 'Згода "на папері"', ip: '192.0.2.1' });
		expect(s.consents[0]!.at.toISOString()).toBe('2024-03-01T10:00:00.000Z');
		// Imported again: nothing changes (already confirmed).
		expect(await importSubscribers(good, 'editor@test')).toMatchObject({ created: 0, skipped: 2 });
	});

	it('CSV parsing keeps line numbers across quoted line breaks', () => {
		expect(parseCsv('a,b\n"x\ny",z\n\nq,w')).toEqual([
			{ line: 1, cells: ['a', 'b'] },
			{ line: 2, cells: ['x\ny', 'z'] },
			{ line: 5, cells: ['q', 'w'] }
		]);
	});

	it('the bounce webhook needs the shared secret; a hard bounce stops mail to the address', async () => {
		const secret = 'bounce-secret-0123456789';
		expect(verifyBounceSecret(`Bearer ${secret}`, secret)).toBe(true);
		expect(verifyBounceSecret('Bearer wrong', secret)).toBe(false);
		expect(verifyBounceSecret(`Bearer ${secret}`, undefined)).toBe(false);
		const email = `${uniq('hb')}@test.maisternia.ua`;
		await db().subscriber.create({ data: { email, lists: ['bulletin'], status: 'confirmed', token: uniq('tok-bbbbbbbbbbbbbbbbb') } });
		expect(await handleBounce({ email, type: 'soft' })).toEqual({ ok: true, bounced: false });
		expect(await handleBounce({ email: email.toUpperCase(), type: 'hard', reason: '550 5.1.1 no such user' })).toEqual({ ok: true, bounced: true });
		expect((await db().subscriber.findUniqueOrThrow({ where: { email } })).status).toBe('bounced');
	});
});
