import { error, fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { requirePermission, requireUser } from '$lib/server/auth/permissions';
import { signOutOf } from '$lib/server/auth';
import { deleteOwnAccount, getProfile, updateProfile } from '$lib/server/identity';
import { deleteAccountSchema, profileSchema } from '$lib/server/identity/forms';
import { explainIdentityError } from '$lib/server/identity/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const profile = await getProfile(user.id);
	if (!profile) error(404, { message: m.account_error_not_found() });
	return {
		profile,
		saved: url.searchParams.has('saved'),
		joined: url.searchParams.has('joined'),
		form: await superValidate(
			{ name: profile.name ?? '', locale: profile.locale === 'en' ? 'en' : 'uk' },
			zod4(profileSchema),
			{ id: 'profile' }
		),
		deleteForm: await superValidate(zod4(deleteAccountSchema), { id: 'delete' })
	};
};

export const actions: Actions = {
	update: async ({ locals, request }) => {
		const actor = requirePermission(locals, 'profile:edit-own');
		const form = await superValidate(request, zod4(profileSchema), { id: 'profile' });
		if (!form.valid) return fail(400, { form });
		try {
			await updateProfile(actor, form.data);
		} catch (e) {
			return message(form, { type: 'error', text: explainIdentityError(e, locals.locale) }, { status: 400 });
		}
		// A new language: show the profile in it straight away.
		if (form.data.locale !== locals.locale) redirect(303, localizeHref('/profile', { locale: form.data.locale }) + '?saved=1');
		return message(form, { type: 'success', text: m.form_saved() });
	},

	delete: async (event) => {
		const { locals, request } = event;
		const actor = requirePermission(locals, 'profile:edit-own');
		const form = await superValidate(request, zod4(deleteAccountSchema), { id: 'delete' });
		if (!form.valid) return fail(400, { deleteForm: form });
		try {
			await deleteOwnAccount(actor, form.data.confirmEmail);
		} catch (e) {
			const text = explainIdentityError(e, locals.locale);
			return message(form, { type: 'error', text }, { status: 400 });
		}
		const done = localizeHref('/profile/deleted', { locale: locals.locale });
		// The account is gone; end the session too (the next request would find no user anyway).
		try {
			await signOutOf(event, done);
		} catch (e) {
			console.warn('[profile] sign-out after account deletion failed', e);
		}
		redirect(303, done);
	}
};
