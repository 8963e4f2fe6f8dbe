import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { allowMagicLinkSignIn, decideSsoSignIn } from './linking.ts';
import { makeUser, uniqueEmail } from './test-helpers.ts';

describe('magic link sign-in', () => {
	it('never creates an account', async () => {
		const email = uniqueEmail('stranger');
		expect(await allowMagicLinkSignIn(email)).toBe(false);
		expect(await allowMagicLinkSignIn(null)).toBe(false);
		expect(await db().user.count({ where: { email } })).toBe(0);
	});

	it('lets an existing account in and keeps its password', async () => {
		const u = await makeUser();
		expect(await allowMagicLinkSignIn(u.email.toUpperCase())).toBe(true);
		expect((await db().user.findUnique({ where: { id: u.id } }))?.passwordHash).toBe(u.passwordHash);
	});

	it('confirms a never-confirmed address and drops the password nobody proved', async () => {
		const u = await makeUser({ verified: false });
		expect(await allowMagicLinkSignIn(u.email)).toBe(true);
		const after = await db().user.findUnique({ where: { id: u.id } });
		expect(after?.passwordHash).toBeNull();
		expect(after?.emailVerified).not.toBeNull();
	});
});

describe('single sign-on linking', () => {
	it('signs a linked identity in to its account', async () => {
		const u = await makeUser();
		await db().account.create({ data: { userId: u.id, type: 'oidc', provider: 'oidc', providerAccountId: `sub-${u.id}` } });
		expect(await decideSsoSignIn({ provider: 'oidc', providerAccountId: `sub-${u.id}`, email: 'other@example.org', emailVerified: false })).toEqual({
			allowed: true,
			linkTo: u.id
		});
	});

	it('links to the account with the same address when the IdP vouches for it', async () => {
		const u = await makeUser();
		expect(await decideSsoSignIn({ provider: 'oidc', providerAccountId: 'new-sub-1', email: u.email.toUpperCase(), emailVerified: true })).toEqual({
			allowed: true,
			linkTo: u.id
		});
		expect((await db().user.findUnique({ where: { id: u.id } }))?.passwordHash).toBe(u.passwordHash);
	});

	it('drops the password of a never-confirmed account it links to', async () => {
		const u = await makeUser({ verified: false });
		expect(await decideSsoSignIn({ provider: 'oidc', providerAccountId: 'new-sub-2', email: u.email, emailVerified: 'true' })).toMatchObject({
			allowed: true
		});
		const after = await db().user.findUnique({ where: { id: u.id } });
		expect(after?.passwordHash).toBeNull();
		expect(after?.emailVerified).not.toBeNull();
	});

	it('allows a new account for a vouched-for address', async () => {
		expect(await decideSsoSignIn({ provider: 'oidc', providerAccountId: 'new-sub-3', email: uniqueEmail('sso'), emailVerified: true })).toEqual({
			allowed: true,
			linkTo: null
		});
	});

	it('refuses an address the IdP does not vouch for, or none', async () => {
		const u = await makeUser();
		for (const emailVerified of [false, undefined, null, 'false']) {
			expect(await decideSsoSignIn({ provider: 'oidc', providerAccountId: 'new-sub-4', email: u.email, emailVerified })).toEqual({
				allowed: false,
				reason: 'email_unverified'
			});
		}
		expect(await decideSsoSignIn({ provider: 'oidc', providerAccountId: 'new-sub-5', email: null, emailVerified: true })).toEqual({
			allowed: false,
			reason: 'email_unverified'
		});
	});
});
