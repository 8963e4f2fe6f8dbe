import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { formList, formString, normaliseEmail, normaliseLists, requestInfo, subscribe, toLocale } from '$lib/server/publishing';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ email: locals.user?.email ?? '' });

export const actions: Actions = {
	default: async ({ locals, request, getClientAddress }) => {
		const locale = toLocale(locals.locale);
		const o = { locale };
		const f = await request.formData();
		const values = { email: formString(f, 'email'), lists: formList(f, 'lists'), locale: toLocale(formString(f, 'locale') || locale), consent: formString(f, 'consent') === 'yes' };
		const errors: Record<string, string> = {};
		if (!normaliseEmail(values.email)) errors.email = m.pub_error_email({}, o);
		if (normaliseLists(values.lists).length === 0) errors.lists = m.pub_error_lists({}, o);
		if (!values.consent) errors.consent = m.pub_error_consent({}, o);
		if (Object.keys(errors).length) return fail(400, { values, errors });
		await subscribe({ ...values }, requestInfo(request, getClientAddress));
		return { sent: true };
	}
};
