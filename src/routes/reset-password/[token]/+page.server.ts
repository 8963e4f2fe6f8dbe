import { fail, redirect } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { inspectResetToken, resetPassword } from '$lib/server/auth';
import { resetSchema } from '$lib/server/auth/forms';
import type { Actions, PageServerLoad } from './$types';

// The form is shown for a live link; only saving the new password uses it up (a mail scanner that
// opens the link changes nothing).
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	const state = await inspectResetToken(params.token);
	const email = state.valid ? state.email : '';
	return { valid: state.valid, email, form: await superValidate(zod4(resetSchema(email))) };
};

export const actions: Actions = {
	default: async (event) => {
		const state = await inspectResetToken(event.params.token);
		if (!state.valid) return fail(410, { invalid: true });
		const form = await superValidate(event.request, zod4(resetSchema(state.email)));
		const password = form.data.password;
		form.data.password = '';
		form.data.confirm = '';
		if (!form.valid) return fail(400, { form });
		const result = await resetPassword(event.params.token, password);
		if (!result.ok) return fail(410, { invalid: true });
		redirect(303, localizeHref('/signin', { locale: event.locals.locale }) + '?notice=reset');
	}
};
