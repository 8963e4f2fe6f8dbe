import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { registerAccount } from '$lib/server/auth';
import { registerSchema } from '$lib/server/auth/forms';
import type { Actions, PageServerLoad } from './$types';

export type RegisterMessage = { type: 'error' | 'success'; text: string; sentTo?: string };

export const load: PageServerLoad = async ({ locals }) => {
	if (locals.user) redirect(303, localizeHref('/', { locale: locals.locale }));
	return { form: await superValidate({ locale: locals.locale }, zod4(registerSchema), { errors: false }) };
};

export const actions: Actions = {
	default: async (event) => {
		const form = await superValidate(event.request, zod4(registerSchema));
		const password = form.data.password;
		form.data.password = '';
		if (!form.valid) return fail(400, { form });
		const result = await registerAccount({ ...form.data, password }, event.getClientAddress());
		if (result.status === 'rate_limited') {
			return message(form, { type: 'error', text: m.auth_error_rate_limited({ minutes: result.retryAfterMinutes }) } satisfies RegisterMessage, {
				status: 429
			});
		}
		// The same answer whether or not the address had an account (registration.ts).
		return message(form, { type: 'success', text: m.auth_register_sent({ email: form.data.email }), sentTo: form.data.email } satisfies RegisterMessage);
	}
};
