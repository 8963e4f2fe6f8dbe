import { afterEach, describe, expect, it } from 'vitest';
import { startTestOidc } from '../../../../tests/support/oidc.ts';
import { resetConfig } from '../config/index.ts';
import { guardedFetch, isLoopbackHost, oidcProvider, oidcSettings } from './oidc.ts';

const saved = { ...process.env };
afterEach(() => {
	for (const k of ['OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_NAME']) {
		if (saved[k] === undefined) delete process.env[k];
		else process.env[k] = saved[k];
	}
	resetConfig();
});

function configure(issuer: string) {
	process.env.OIDC_ISSUER = issuer;
	process.env.OIDC_CLIENT_ID = 'portal';
	process.env.OIDC_CLIENT_SECRET = 'secret';
	process.env.OIDC_NAME = 'ID.GOV.UA';
	resetConfig();
}

describe('OIDC configuration from the environment', () => {
	it('is off unless issuer, client id and secret are all set', () => {
		delete process.env.OIDC_ISSUER;
		delete process.env.OIDC_CLIENT_ID;
		delete process.env.OIDC_CLIENT_SECRET;
		resetConfig();
		expect(oidcSettings()).toBeNull();
		expect(oidcProvider()).toBeNull();
		process.env.OIDC_ISSUER = 'https://id.example.gov.ua';
		resetConfig();
		expect(oidcSettings()).toBeNull();
	});

	it('makes a generic OIDC provider with id "oidc" and the configured name', () => {
		configure('https://id.example.gov.ua');
		const p = oidcProvider()!;
		expect(p).toMatchObject({ id: 'oidc', type: 'oidc', name: 'ID.GOV.UA', issuer: 'https://id.example.gov.ua', clientId: 'portal' });
		expect(p.checks).toEqual(['pkce', 'state', 'nonce']);
	});

	it('accepts plain http only for a loopback issuer', () => {
		configure('http://127.0.0.1:4444');
		expect(oidcProvider()?.issuer).toBe('http://127.0.0.1:4444');
		configure('http://localhost:4444');
		expect(oidcProvider()).not.toBeNull();
		configure('http://id.example.gov.ua');
		expect(() => oidcProvider()).toThrow(/https/);
		configure('http://127.0.0.1.nip.io');
		expect(() => oidcProvider()).toThrow(/https/);
	});

	it('maps the profile: name from given/family names, address in lower case', () => {
		configure('https://id.example.gov.ua');
		const profile = oidcProvider()!.profile!({ sub: 'abc', given_name: 'Олена', family_name: 'Кравчук', email: 'Olena@Example.GOV.UA' }, {} as never);
		expect(profile).toEqual({ id: 'abc', name: 'Олена Кравчук', email: 'olena@example.gov.ua', image: null });
	});
});

describe('the fetch guard', () => {
	const ok = (async () => new Response('ok')) as unknown as typeof fetch;

	it('lets an https issuer use https only', async () => {
		const f = guardedFetch(new URL('https://id.example.gov.ua'), ok);
		await expect(f('https://id.example.gov.ua/token')).resolves.toBeInstanceOf(Response);
		await expect(f('http://id.example.gov.ua/token')).rejects.toThrow(/insecure/);
		await expect(f('http://127.0.0.1/token')).rejects.toThrow(/insecure/);
	});

	it('lets a loopback http issuer use http on loopback only', async () => {
		const f = guardedFetch(new URL('http://127.0.0.1:4444'), ok);
		await expect(f('http://127.0.0.1:4444/token')).resolves.toBeInstanceOf(Response);
		await expect(f(new Request('http://localhost:4444/me'))).resolves.toBeInstanceOf(Response);
		await expect(f('http://evil.example/token')).rejects.toThrow(/insecure/);
	});

	it('knows the loopback names', () => {
		expect(['127.0.0.1', '127.1.2.3', 'localhost', '[::1]'].every(isLoopbackHost)).toBe(true);
		expect(['10.0.0.1', 'example.org', '127.0.0.1.nip.io'].some(isLoopbackHost)).toBe(false);
	});

	it('reaches a real OpenID Connect provider over loopback http', async () => {
		const idp = await startTestOidc({ redirectUris: ['http://localhost:3000/auth/callback/oidc'] });
		try {
			const f = guardedFetch(new URL(idp.issuer));
			const res = await f(`${idp.issuer}/.well-known/openid-configuration`);
			const doc = (await res.json()) as { issuer: string; token_endpoint: string };
			expect(doc.issuer).toBe(idp.issuer);
			expect(doc.token_endpoint.startsWith(idp.issuer)).toBe(true);
		} finally {
			await idp.stop();
		}
	});
});
