import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { explainPublishingError, requestInfo, subscriberByToken, toLocale, unsubscribe } from '$lib/server/publishing';
import type { Actions, PageServerLoad } from './$types';

/**
 * RFC 8058. GET shows a page with a button (opening the link never unsubscribes: scanners open
 * links). POST unsubscribes: the button here, and the mail provider's one-click POST
 * ("List-Unsubscribe=One-Click", no session, no Origin: the cross-site form check skips exactly this
 * path, see src/lib/server/publishing/one-click.ts). The token in the URL is the only authority.
 */
export const load: PageServerLoad = async ({ params, locals }) => {
	const s = await subscriberByToken(params.token);
	if (!s) error(404, { message: m.pub_error_bad_token({}, { locale: toLocale(locals.locale) }) });
	return { email: s.email, status: s.status, token: s.token };
};

export const actions: Actions = {
	default: async ({ params, locals, request, getClientAddress }) => {
		const f = await request.formData().catch(() => null);
		const oneClick = f?.get('List-Unsubscribe') === 'One-Click';
		try {
			await unsubscribe(params.token, oneClick ? 'one-click' : 'page', requestInfo(request, getClientAddress));
		} catch (err) {
			return fail(400, { error: explainPublishingError(err, toLocale(locals.locale)) });
		}
		return { unsubscribed: true };
	}
};
