import type { OIDCConfig } from '@auth/core/providers';
import type { Profile } from '@auth/core/types';
import { customFetch } from '@auth/sveltekit';
import { config } from '../config/index.ts';

/**
 * OpenID Connect single sign-on (a government IdP, Keycloak, ...), configured only from the
 * environment: OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET, OIDC_NAME. Without the first three
 * there is no SSO and the sign-in page shows no SSO button.
 *
 * Transport: Auth.js 0.41 lets oauth4webapi talk plain http to any issuer (it passes
 * `allowInsecureRequests` everywhere). We narrow that with our own fetch: an https issuer may only
 * be reached over https (a discovery document pointing at an http endpoint is refused), and plain
 * http is allowed only for an issuer on the loopback interface, which is what the tests' in-process
 * provider is. An http issuer anywhere else is a configuration error.
 */
export interface OidcSettings {
	name: string;
	issuer: string;
	clientId: string;
	clientSecret: string;
}

export function oidcSettings(): OidcSettings | null {
	const c = config();
	if (!c.OIDC_ISSUER || !c.OIDC_CLIENT_ID || !c.OIDC_CLIENT_SECRET) return null;
	return { name: c.OIDC_NAME, issuer: c.OIDC_ISSUER, clientId: c.OIDC_CLIENT_ID, clientSecret: c.OIDC_CLIENT_SECRET };
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]', '::1']);

export function isLoopbackHost(hostname: string): boolean {
	return LOOPBACK.has(hostname) || /^127\.\d+\.\d+\.\d+$/.test(hostname);
}

/** Refuses any request the issuer's own scheme does not allow (see above). */
export function guardedFetch(issuer: URL, base: typeof fetch = fetch): typeof fetch {
	const plainHttpAllowed = issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname);
	return ((input: RequestInfo | URL, init?: RequestInit) => {
		const url = new URL(input instanceof Request ? input.url : String(input));
		const ok = url.protocol === 'https:' || (plainHttpAllowed && url.protocol === 'http:' && isLoopbackHost(url.hostname));
		if (!ok) return Promise.reject(new TypeError(`Refusing an insecure request to the identity provider: ${url.origin}`));
		return base(input, init);
	}) as typeof fetch;
}

export function oidcProvider(): OIDCConfig<Profile> | null {
	const s = oidcSettings();
	if (!s) return null;
	const issuer = new URL(s.issuer);
	if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && isLoopbackHost(issuer.hostname))) {
		throw new Error(`OIDC_ISSUER must use https (plain http only on the loopback interface, for tests): ${s.issuer}`);
	}
	return {
		id: 'oidc',
		name: s.name,
		type: 'oidc',
		issuer: s.issuer,
		clientId: s.clientId,
		clientSecret: s.clientSecret,
		checks: ['pkce', 'state', 'nonce'],
		// Read the claims from the userinfo endpoint: many providers (oidc-provider by default) put only
		// `sub` into the ID token and e-mail and name into userinfo.
		idToken: false,
		authorization: { params: { scope: 'openid email profile' } },
		// Auth.js would refuse to sign in anyone whose address already has an account. We link instead,
		// but only when the IdP vouches for the address (callbacks.signIn in authjs.ts decides).
		allowDangerousEmailAccountLinking: true,
		profile(profile) {
			const name =
				profile.name ?? ([profile.given_name, profile.family_name].filter(Boolean).join(' ') || profile.preferred_username || null);
			return { id: String(profile.sub), name, email: profile.email?.toLowerCase() ?? null, image: null };
		},
		[customFetch]: guardedFetch(issuer)
	};
}

let formOrigins: { issuer: string; origins: Promise<string[]> } | undefined;

/**
 * Origins the sign-in page's SSO form may end up at: the issuer and its authorization endpoint (from
 * discovery, cached). Chromium applies the CSP `form-action` directive to the redirects that follow a
 * form submission, so the page must allow them, or the no-JavaScript SSO button does nothing.
 */
export function ssoFormActionOrigins(): Promise<string[]> {
	const s = oidcSettings();
	if (!s) return Promise.resolve([]);
	if (formOrigins?.issuer === s.issuer) return formOrigins.origins;
	const issuer = new URL(s.issuer);
	const origins = (async () => {
		const found = new Set([issuer.origin]);
		try {
			const res = await guardedFetch(issuer)(new URL('.well-known/openid-configuration', issuer.href.endsWith('/') ? issuer : issuer.href + '/'), {
				signal: AbortSignal.timeout(3000)
			});
			const doc = (await res.json()) as { authorization_endpoint?: string };
			if (doc.authorization_endpoint) found.add(new URL(doc.authorization_endpoint).origin);
		} catch {
			// The issuer's origin alone; a later page view tries again.
			formOrigins = undefined;
		}
		return [...found];
	})();
	formOrigins = { issuer: s.issuer, origins };
	return origins;
}
