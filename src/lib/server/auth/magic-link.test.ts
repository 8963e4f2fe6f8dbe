import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { resetConfig } from '../config/index.ts';
import { magicLinkAllowed, onPortalOrigin, sendMagicLink } from './magic-link.ts';
import { makeUser, uniqueEmail, uniqueIp } from './test-helpers.ts';

const saved = process.env.ORIGIN;
beforeAll(() => {
	process.env.ORIGIN = 'https://portal.test';
	resetConfig();
});
afterAll(() => {
	if (saved === undefined) delete process.env.ORIGIN;
	else process.env.ORIGIN = saved;
	resetConfig();
});

const authLink = (host: string) =>
	`http://${host}/auth/callback/email?callbackUrl=${encodeURIComponent(`http://${host}/en/courses`)}&token=abc&email=a%40b.ua`;

describe('magic link mail', () => {
	it('goes into the outbox in the person’s language, on the portal’s own origin', async () => {
		const u = await makeUser({ locale: 'en' });
		await sendMagicLink({ identifier: u.email, url: authLink('evil.example') });
		const row = await db().outboxMessage.findFirstOrThrow({ where: { to: u.email } });
		expect(row).toMatchObject({ template: 'magic_link', locale: 'en' });
		expect(row.text).toContain('https://portal.test/auth/callback/email?');
		expect(row.text).not.toContain('evil.example');
	});

	it('is not sent to an address without an account', async () => {
		const email = uniqueEmail('nobody');
		await sendMagicLink({ identifier: email, url: authLink('portal.test') });
		expect(await db().outboxMessage.count({ where: { to: email } })).toBe(0);
	});

	it('rebuilds a forged host, including the page to return to', () => {
		const url = new URL(onPortalOrigin(authLink('evil.example:8080')));
		expect(url.origin).toBe('https://portal.test');
		expect(url.searchParams.get('callbackUrl')).toBe('https://portal.test/en/courses');
		expect(url.searchParams.get('token')).toBe('abc');
	});

	it('is limited per IP address', async () => {
		const ip = uniqueIp();
		for (let i = 0; i < 20; i++) expect(await magicLinkAllowed(ip)).toEqual({ status: 'sent' });
		expect(await magicLinkAllowed(ip)).toMatchObject({ status: 'rate_limited' });
	});
});
