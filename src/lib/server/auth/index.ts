import { isRedirect, type Action, type Handle, type RequestEvent } from '@sveltejs/kit';
import { building } from '$app/environment';
import { localizeHref } from '$lib/paraglide/runtime';
import { authjs, PROVIDER } from './authjs.ts';
import { assertAuthSecret } from './secret.ts';
import { ssoFormActionOrigins } from './oidc.ts';
import { loadSessionUser } from './session.ts';
import { issueSignInTicket } from './ticket.ts';

/**
 * Sign-in for the whole portal (ADR 0006). hooks.server.ts runs `authHandle` (Auth.js's own
 * endpoints under /auth) and then `userHandle` (locals.user, fresh from the database).
 *
 * Domain functions for the pages: authenticate, registerAccount, verifyEmail, resendVerification,
 * requestPasswordReset, resetPassword, magicLinkAllowed; and for Auth.js: signInWithPassword,
 * startMagicLink, startSso, signOutOf.
 */
export { hashPassword, verifyPassword, checkPasswordStrength } from './password.ts';
export { authenticate, normalizeEmail, type AuthenticateResult } from './authenticate.ts';
export { registerAccount, verifyEmail, resendVerification } from './registration.ts';
export { requestPasswordReset, inspectResetToken, resetPassword } from './reset.ts';
export { magicLinkAllowed } from './magic-link.ts';
export { oidcSettings } from './oidc.ts';
export { revokeSessions } from './session.ts';
export type { SessionUser, PublicUser, SessionMembership } from './types.ts';

// A production server without AUTH_SECRET (on a PostgreSQL server) must not start at all.
if (!building) assertAuthSecret();

const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

/**
 * Auth.js's endpoints. Only GETs come from outside (the SSO and magic-link callbacks, session):
 * every flow starts in one of our form actions, which checks the limits first and then calls
 * Auth.js in-process. A direct POST to /auth/signin/... or /auth/callback/credentials would skip
 * those checks, so it is refused.
 */
export const authHandle: Handle = async ({ event, resolve }) => {
	if (event.url.pathname.startsWith('/auth/') && event.request.method !== 'GET' && event.request.method !== 'HEAD') {
		return new Response('Not found', { status: 404 });
	}
	const response = await authjs.handle({ event, resolve });
	if (SIGNIN_PAGE.test(event.url.pathname)) return allowSsoFormAction(response);
	if (!event.url.pathname.startsWith('/auth/')) return response;
	// Auth.js answers errors with Response.redirect(), whose headers are immutable; the security
	// headers hook must still be able to add its headers.
	return new Response(response.body, { status: response.status, statusText: response.statusText, headers: new Headers(response.headers) });
};

const SIGNIN_PAGE = /^(\/en)?\/signin\/?$/;

/** The SSO button's form redirects to the identity provider: its origin joins CSP `form-action`. */
async function allowSsoFormAction(response: Response): Promise<Response> {
	const csp = response.headers.get('content-security-policy');
	if (!csp || !/form-action/.test(csp)) return response;
	const origins = await ssoFormActionOrigins();
	if (!origins.length) return response;
	try {
		response.headers.set('content-security-policy', csp.replace(/form-action([^;]*)/, (_, v: string) => `form-action${v} ${origins.join(' ')}`));
	} catch {
		// Immutable headers (a redirect): nothing to allow there.
	}
	return response;
}

function clearSessionCookies(event: RequestEvent): void {
	for (const { name } of event.cookies.getAll()) {
		if (SESSION_COOKIE.test(name)) event.cookies.delete(name, { path: '/', secure: name.startsWith('__Secure-') });
	}
}

/** locals.user: the signed-in person as the database knows them now; a gone or locked account is signed out. */
export const userHandle: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	// A guest has no session cookie: no need to ask Auth.js (most requests of a public portal).
	if (!event.cookies.getAll().some(({ name }) => SESSION_COOKIE.test(name))) return resolve(event);
	const session = await event.locals.auth();
	const id = session?.user?.id;
	if (id) {
		const check = await loadSessionUser(id, session.signedInAt);
		if (check.status === 'ok') event.locals.user = check.user;
		else clearSessionCookies(event);
	}
	return resolve(event);
};

/**
 * Runs one of Auth.js's SvelteKit actions in-process with our own fields (the page's form was already
 * read and checked), and returns where Auth.js wants the browser to go.
 */
async function runAuthAction(action: Action, event: RequestEvent, fields: Record<string, string>): Promise<string> {
	const body = new FormData();
	for (const [k, v] of Object.entries(fields)) body.append(k, v);
	const headers = new Headers(event.request.headers);
	headers.delete('content-type');
	headers.delete('content-length');
	const request = new Request(event.request.url, { method: 'POST', headers, body });
	const inner = Object.create(event, { request: { value: request } }) as RequestEvent;
	try {
		await action(inner);
	} catch (err) {
		if (isRedirect(err)) return err.location;
		throw err;
	}
	throw new Error('Auth.js did not answer with a redirect');
}

/** Where to go after signing in: only paths on this site; anything else goes home. */
export function safeRedirect(target: string | null | undefined, locale: 'uk' | 'en'): string {
	if (target && target.startsWith('/') && !target.startsWith('//') && !target.startsWith('/\\') && !/[\r\n]/.test(target)) {
		return target;
	}
	return localizeHref('/', { locale });
}

/** After authenticate() said yes: a ticket for Auth.js, which sets the session cookie. */
export async function signInWithPassword(event: RequestEvent, userId: string, redirectTo: string): Promise<string> {
	const ticket = await issueSignInTicket(userId);
	return runAuthAction(authjs.signIn, event, { providerId: PROVIDER.password, ticket, redirectTo });
}

/** Asks Auth.js to make a magic link for `email` (it stores the token and calls sendMagicLink). */
export async function startMagicLink(event: RequestEvent, email: string, redirectTo: string): Promise<void> {
	await runAuthAction(authjs.signIn, event, { providerId: PROVIDER.magicLink, email, redirectTo });
}

/** The URL of the identity provider's sign-in page. */
export async function startSso(event: RequestEvent, redirectTo: string): Promise<string> {
	return runAuthAction(authjs.signIn, event, { providerId: PROVIDER.sso, redirectTo });
}

export async function signOutOf(event: RequestEvent, redirectTo: string): Promise<string> {
	const location = await runAuthAction(authjs.signOut, event, { redirectTo });
	clearSessionCookies(event);
	return location;
}
