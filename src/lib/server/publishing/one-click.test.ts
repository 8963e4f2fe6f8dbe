import { describe, expect, it } from 'vitest';
import type { RequestEvent, ResolveOptions } from '@sveltejs/kit';
import { formOriginGuard } from '../xapi/csrf.ts';
import { exceptOneClickUnsubscribe } from './one-click.ts';

/** The portal's cross-site form check, wrapped as hooks.server.ts does, with form POSTs that carry no Origin. */
describe('one-click unsubscribe and the cross-site form check', () => {
	const guard = exceptOneClickUnsubscribe(formOriginGuard({ enabled: true }));
	const token = 'Z'.repeat(32);

	async function post(path: string, method = 'POST') {
		const url = new URL(`https://portal.example.org${path}`);
		const request = new Request(url, {
			method,
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: method === 'POST' ? 'List-Unsubscribe=One-Click' : undefined
		});
		const event = { request, url } as unknown as RequestEvent;
		const resolve = async (_e: RequestEvent, _o?: ResolveOptions) => new Response('resolved', { status: 200 });
		return (await guard({ event, resolve })).status;
	}

	it('lets the RFC 8058 POST through (uk and en paths), refuses other cross-site form posts', async () => {
		expect(await post(`/unsubscribe/${token}`)).toBe(200);
		expect(await post(`/en/unsubscribe/${token}`)).toBe(200);
		expect(await post(`/subscriptions/${token}?/unsubscribe`)).toBe(403);
		expect(await post(`/unsubscribe/${token}/other`)).toBe(403);
		expect(await post('/articles/x/edit?/move')).toBe(403);
	});
});
