import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import {
	authenticate,
	magicLinkAllowed,
	oidcSettings,
	resendVerification,
	safeRedirect,
	signInWithPassword,
	startMagicLink,
	startSso
} from '$lib/server/auth';
import { magicLinkSchema, resendSchema, signinSchema } from '$lib/server/auth/forms';
import type { Actions, PageServerLoad } from './$types';

export type SigninMessage = { type: 'error' | 'success' | 'info'; text: string; unverified?: boolean };

/** Where to go afterwards: ?redirectTo=/path, or Auth.js's ?callbackUrl=<this site's URL>. */
function requestedTarget(url: URL): string | null {
	const direct = url.searchParams.get('redirectTo');
	if (direct) return direct;
	const callback = url.searchParams.get('callbackUrl');
	if (!callback) return null;
	try {
		const target = new URL(callback, url);
		return target.origin === url.origin ? target.pathname + target.search : null;
	} catch {
		return null;
	}
}

/** Errors Auth.js (and our SSO check) report back to this page as ?error=… */
function noticeFor(code: string | null, ssoName: string): SigninMessage | null {
	switch (code) {
		case null:
			return null;
		case 'Verification':
			return { type: 'error', text: m.auth_error_link_invalid() };
		case 'AccessDenied':
			return { type: 'error', text: m.auth_error_access_denied() };
		case 'SsoEmailUnverified':
			return { type: 'error', text: m.auth_error_sso_email() };
		case 'OAuthAccountNotLinked':
			return { type: 'error', text: m.auth_error_sso_linked() };
		case 'OAuthCallbackError':
		case 'OAuthSignInError':
		case 'OAuthProfileParseError':
		case 'CallbackRouteError':
			return { type: 'error', text: m.auth_error_sso_failed({ name: ssoName }) };
		case 'reset':
			return { type: 'success', text: m.auth_reset_done() };
		default:
			return { type: 'error', text: m.auth_error_generic() };
	}
}

export const load: PageServerLoad = async ({ locals, url }) => {
	const redirectTo = safeRedirect(requestedTarget(url), locals.locale);
	if (locals.user) redirect(303, redirectTo);
	const sso = oidcSettings();
	return {
		signin: await superValidate({ redirectTo }, zod4(signinSchema), { id: 'signin', errors: false }),
		magic: await superValidate({ redirectTo }, zod4(magicLinkSchema), { id: 'magic', errors: false }),
		resend: await superValidate(zod4(resendSchema), { id: 'resend' }),
		sso: sso ? { name: sso.name } : null,
		redirectTo,
		notice: noticeFor(url.searchParams.get('error') ?? (url.searchParams.get('notice') === 'reset' ? 'reset' : null), sso?.name ?? '')
	};
};

export const actions: Actions = {
	password: async (event) => {
		const form = await superValidate(event.request, zod4(signinSchema), { id: 'signin' });
		const password = form.data.password;
		// Never sent back to the browser.
		form.data.password = '';
		if (!form.valid) return fail(400, { form });

		const result = await authenticate(form.data.email, password, event.getClientAddress());
		if (!result.ok) {
			switch (result.reason) {
				case 'invalid':
					return message(form, { type: 'error', text: m.auth_error_invalid() } satisfies SigninMessage, { status: 400 });
				case 'locked':
					return message(form, { type: 'error', text: m.auth_error_locked({ minutes: result.retryAfterMinutes }) } satisfies SigninMessage, {
						status: 429
					});
				case 'rate_limited':
					return message(form, { type: 'error', text: m.auth_error_rate_limited({ minutes: result.retryAfterMinutes }) } satisfies SigninMessage, {
						status: 429
					});
				case 'unverified':
					return message(form, { type: 'error', text: m.auth_error_unverified(), unverified: true } satisfies SigninMessage, { status: 403 });
			}
		}
		let location: string;
		try {
			location = await signInWithPassword(event, result.user.id, safeRedirect(form.data.redirectTo, event.locals.locale));
		} catch (err) {
			console.error('[auth] password sign-in through Auth.js failed', err);
			return message(form, { type: 'error', text: m.auth_error_generic() } satisfies SigninMessage, { status: 500 });
		}
		redirect(303, location);
	},

	magic: async (event) => {
		const form = await superValidate(event.request, zod4(magicLinkSchema), { id: 'magic' });
		if (!form.valid) return fail(400, { form });
		const allowed = await magicLinkAllowed(event.getClientAddress());
		if (allowed.status === 'rate_limited') {
			return message(form, { type: 'error', text: m.auth_error_rate_limited({ minutes: allowed.retryAfterMinutes }) } satisfies SigninMessage, {
				status: 429
			});
		}
		try {
			await startMagicLink(event, form.data.email, safeRedirect(form.data.redirectTo, event.locals.locale));
		} catch (err) {
			console.error('[auth] magic link request failed', err);
			return message(form, { type: 'error', text: m.auth_error_generic() } satisfies SigninMessage, { status: 500 });
		}
		return message(form, { type: 'success', text: m.auth_magic_sent() } satisfies SigninMessage);
	},

	resend: async (event) => {
		const form = await superValidate(event.request, zod4(resendSchema), { id: 'resend' });
		if (!form.valid) return fail(400, { form });
		const result = await resendVerification(form.data.email, event.getClientAddress());
		if (result.status === 'rate_limited') {
			return message(form, { type: 'error', text: m.auth_error_rate_limited({ minutes: result.retryAfterMinutes }) } satisfies SigninMessage, {
				status: 429
			});
		}
		return message(form, { type: 'success', text: m.auth_resend_sent() } satisfies SigninMessage);
	},

	sso: async (event) => {
		const sso = oidcSettings();
		if (!sso) return fail(404, { ssoError: m.auth_error_generic() });
		const data = await event.request.formData();
		const target = safeRedirect(String(data.get('redirectTo') ?? ''), event.locals.locale);
		let location: string;
		try {
			location = await startSso(event, target);
		} catch (err) {
			console.error('[auth] starting single sign-on failed', err);
			return fail(502, { ssoError: m.auth_error_sso_failed({ name: sso.name }) });
		}
		redirect(303, location);
	}
};
