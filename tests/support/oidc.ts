import http from 'node:http';
import type { AddressInfo } from 'node:net';
import Provider from 'oidc-provider';

/**
 * A real OpenID Connect provider (oidc-provider, the certified implementation) started in-process for
 * tests. Its development login form accepts any login name; the account's e-mail is the login when it
 * contains '@', otherwise `<login>@sso.test`. Everything else (discovery, PKCE, code exchange, ID token
 * signing) is the real protocol.
 */
export interface TestOidc {
	issuer: string;
	clientId: string;
	clientSecret: string;
	stop(): Promise<void>;
}

export interface TestOidcOptions {
	port?: number;
	/** Redirect URIs of the portal's callback (Auth.js: <origin>/auth/callback/oidc). */
	redirectUris: string[];
}

const NAMES: Record<string, string> = {
	'olena.sso@vinrada.gov.ua': 'Олена Кравчук'
};

export async function startTestOidc(options: TestOidcOptions): Promise<TestOidc> {
	const server = http.createServer();
	await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
	const port = (server.address() as AddressInfo).port;
	const issuer = `http://127.0.0.1:${port}`;
	const clientId = 'maisternia-test';
	const clientSecret = 'test-secret-not-for-production';
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: clientId,
				client_secret: clientSecret,
				redirect_uris: options.redirectUris,
				grant_types: ['authorization_code'],
				response_types: ['code'],
				token_endpoint_auth_method: 'client_secret_basic'
			}
		],
		claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'locale'] },
		cookies: { keys: ['test-cookie-key-not-for-production'] },
		pkce: { required: () => false },
		features: { devInteractions: { enabled: true } },
		async findAccount(_ctx, id) {
			const email = id.includes('@') ? id.toLowerCase() : `${id.toLowerCase()}@sso.test`;
			return {
				accountId: id,
				async claims() {
					return { sub: id, email, email_verified: true, name: NAMES[email] ?? id, locale: 'uk' };
				}
			};
		}
	});
	// The provider refuses plain http unless told it is behind nothing; tests run on loopback only.
	provider.proxy = false;
	server.on('request', provider.callback());
	return {
		issuer,
		clientId,
		clientSecret,
		stop: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			})
	};
}
