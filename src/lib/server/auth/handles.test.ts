import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { db } from '../db/index.ts';
import { userHandle, safeRedirect } from './index.ts';
import { makeUser } from './test-helpers.ts';
import { localizeHref } from '$lib/paraglide/runtime';

/** userHandle with a stand-in for the request (the session itself is what Auth.js decoded). */
function eventWith(session: { user: { id: string }; signedInAt?: number } | null, cookieNames = ['authjs.session-token']) {
	const jar = new Map(cookieNames.map((n) => [n, 'x']));
	const deleted: string[] = [];
	const event = {
		locals: { auth: async () => session, locale: 'uk' } as unknown as App.Locals,
		cookies: {
			getAll: () => [...jar].map(([name, value]) => ({ name, value })),
			delete: (name: string) => {
				jar.delete(name);
				deleted.push(name);
			}
		}
	} as unknown as RequestEvent;
	return { event, deleted };
}

const resolve = async () => new Response('ok');

describe('userHandle', () => {
	it('puts the person, fresh from the database, into locals.user', async () => {
		const u = await makeUser();
		const { event, deleted } = eventWith({ user: { id: u.id }, signedInAt: Date.now() });
		await userHandle({ event, resolve });
		expect(event.locals.user).toMatchObject({ id: u.id, email: u.email, roles: ['learner'], memberships: [] });
		expect(deleted).toEqual([]);
	});

	it('signs a deleted person out at once', async () => {
		const u = await makeUser();
		await db().user.delete({ where: { id: u.id } });
		const { event, deleted } = eventWith({ user: { id: u.id }, signedInAt: Date.now() }, ['authjs.session-token.0', 'authjs.session-token.1', 'other']);
		await userHandle({ event, resolve });
		expect(event.locals.user).toBeNull();
		expect(deleted).toEqual(['authjs.session-token.0', 'authjs.session-token.1']);
	});

	it('signs a locked person out at once', async () => {
		const u = await makeUser();
		await db().user.update({ where: { id: u.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
		const { event, deleted } = eventWith({ user: { id: u.id }, signedInAt: Date.now() }, ['__Secure-authjs.session-token']);
		await userHandle({ event, resolve });
		expect(event.locals.user).toBeNull();
		expect(deleted).toEqual(['__Secure-authjs.session-token']);
	});

	it('treats a request without a session cookie as a guest without asking Auth.js', async () => {
		const { event } = eventWith(null, []);
		(event.locals as unknown as { auth: () => Promise<never> }).auth = () => Promise.reject(new Error('must not be called'));
		await userHandle({ event, resolve });
		expect(event.locals.user).toBeNull();
	});
});

describe('safeRedirect', () => {
	it('keeps paths on this site and sends anything else home', () => {
		expect(safeRedirect('/en/courses?x=1', 'en')).toBe('/en/courses?x=1');
		expect(safeRedirect('//evil.example/x', 'uk')).toBe('/');
		expect(safeRedirect('/\\evil.example', 'uk')).toBe('/');
		// The English home as Paraglide writes it (its trailing-slash setting decides '/en' or '/en/').
		expect(safeRedirect('https://evil.example', 'en')).toBe(localizeHref('/', { locale: 'en' }));
		expect(safeRedirect('/x\r\nSet-Cookie: a=b', 'uk')).toBe('/');
		expect(safeRedirect(null, 'uk')).toBe('/');
	});
});
