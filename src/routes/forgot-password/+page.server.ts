import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { requestPasswordReset } from '$lib/server/auth';
import { forgotSchema } from '$lib/server/auth/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, localizeHref('/', { locale: locals.locale }));
	return { form: await superValidate(zod4(forgotSchema)) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate(event.request, zod4(forgotSchema));
		if (!form.valid) return fail(400, { form });
		const result = await requestPasswordReset(form.data.email, event.getClientAddress());
		if (result.status === 'rate_limited') {
			return message(form, { type: 'error', text: m.auth_error_rate_limited({ minutes: result.retryAfterMinutes }) }, { status: 429 });
		}
		// The same answer for every address.
		return message(form, { type: 'success', text: m.auth_forgot_sent() });
	}
};
