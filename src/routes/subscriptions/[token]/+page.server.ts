import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { explainPublishingError, formList, formString, requestInfo, subscriberByToken, toLocale, unsubscribe, updatePreferences } from '$lib/server/publishing';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const s = await subscriberByToken(params.token);
	if (!s || s.status === 'pending') error(404, { message: m.pub_error_bad_token({}, { locale: toLocale(locals.locale) }) });
	return { email: s.email, lists: s.lists, locale: s.locale, status: s.status };
};

export const actions: Actions = {
	save: async ({ params, locals, request, getClientAddress }) => {
		const f = await request.formData();
		try {
			await updatePreferences(params.token, { lists: formList(f, 'lists'), locale: toLocale(formString(f, 'locale')) }, requestInfo(request, getClientAddress));
		} catch (err) {
			return fail(400, { error: explainPublishingError(err, toLocale(locals.locale)) });
		}
		return { saved: true };
	},
	unsubscribe: async ({ params, locals, request, getClientAddress }) => {
		try {
			await unsubscribe(params.token, 'page', requestInfo(request, getClientAddress));
		} catch (err) {
			return fail(400, { error: explainPublishingError(err, toLocale(locals.locale)) });
		}
		return { unsubscribed: true };
	}
};
