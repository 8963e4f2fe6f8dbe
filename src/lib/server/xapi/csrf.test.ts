import { describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { formOriginGuard, isCrossSiteForm } from './csrf.ts';

const ok = new Response('resolved');
async function through(url: string, init: RequestInit): Promise<Response> {
	const request = new Request(url, init);
	const event = { request, url: new URL(url) } as unknown as RequestEvent;
	return formOriginGuard({ enabled: true })({ event, resolve: async () => ok });
}

describe('the form origin guard (SvelteKit\u2019s check, minus /xapi)', () => {
	const form = { 'content-type': 'application/x-www-form-urlencoded' };
	it('refuses a cross-site or origin-less form POST to a page, as SvelteKit would', async () => {
		expect((await through('http://portal.example/signin', { method: 'POST', headers: { ...form, origin: 'https://evil.example' } })).status).toBe(403);
		expect((await through('http://portal.example/signin', { method: 'POST', headers: form })).status).toBe(403);
		expect((await through('http://portal.example/profile', { method: 'POST', headers: { 'content-type': 'text/plain' } })).status).toBe(403);
	});
	it('lets same-origin forms, JSON and GET through', async () => {
		expect(await through('http://portal.example/signin', { method: 'POST', headers: { ...form, origin: 'http://portal.example' } })).toBe(ok);
		expect(await through('http://portal.example/api', { method: 'POST', headers: { 'content-type': 'application/json' } })).toBe(ok);
		expect(await through('http://portal.example/signin', { method: 'GET' })).toBe(ok);
	});
	it('leaves /xapi to the LRS (alternate syntax, text/plain documents)', async () => {
		expect(await through('http://portal.example/xapi/statements?method=PUT', { method: 'POST', headers: form })).toBe(ok);
		expect(await through('http://portal.example/xapi/activities/state', { method: 'PUT', headers: { 'content-type': 'text/plain' } })).toBe(ok);
		expect(await through('http://portal.example/xapiother', { method: 'POST', headers: form })).not.toBe(ok);
	});
	it('matches content types with parameters', () => {
		expect(isCrossSiteForm(new Request('http://a.example/', { method: 'PUT', headers: { 'content-type': 'multipart/form-data; boundary=x' } }), new URL('http://a.example/'))).toBe(true);
	});
});
