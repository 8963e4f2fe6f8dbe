import { error, fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/permissions';
import { signInWithPassword } from '$lib/server/auth';
import { acceptInvitation, findInvitation } from '$lib/server/identity';
import { acceptSchema } from '$lib/server/identity/forms';
import { explainIdentityError } from '$lib/server/identity/http';
import type { Actions, PageServerLoad } from './$types';

/**
 * The page an invitation mail links to. No permission is needed to see it: holding the token is the
 * permission (it came to the invitee's mailbox); the domain checks it is valid, unused and unexpired.
 */
async function invitationOf(token: string) {
	const inv = await findInvitation(token);
	if (!inv) error(404, { message: m.account_invite_not_found() });
	return inv;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const inv = await invitationOf(params.token);
	return {
		invitation: {
			email: inv.email,
			state: inv.state,
			roles: inv.roles,
			organization: inv.organization ? { nameUk: inv.organization.nameUk, nameEn: inv.organization.nameEn } : null,
			department: inv.department ? { nameUk: inv.department.nameUk, nameEn: inv.department.nameEn } : null,
			orgRole: inv.orgRole,
			position: inv.position,
			inviterName: inv.inviterName,
			expiresAt: inv.expiresAt,
			accountExists: inv.accountExists
		},
		signedInAs: locals.user ? { email: locals.user.email, name: locals.user.name } : null,
		form: await superValidate(zod4(acceptSchema(inv.email)), { id: 'accept' })
	};
};

export const actions: Actions = {
	/** A guest accepts with a new account, and is signed in at once. */
	create: async (event) => {
		const { locals, params, request } = event;
		const inv = await invitationOf(params.token);
		const form = await superValidate(request, zod4(acceptSchema(inv.email)), { id: 'accept' });
		const password = form.data.password;
		form.data.password = '';
		form.data.confirm = '';
		if (!form.valid) return fail(400, { form });
		let userId: string;
		try {
			({ userId } = await acceptInvitation(params.token, { kind: 'new', name: form.data.name, password }));
		} catch (e) {
			return message(form, { type: 'error', text: explainIdentityError(e, locals.locale) }, { status: 400 });
		}
		const welcome = localizeHref('/profile', { locale: locals.locale });
		let location = localizeHref('/signin', { locale: locals.locale }) + `?redirectTo=${encodeURIComponent(welcome)}`;
		try {
			location = await signInWithPassword(event, userId, welcome);
		} catch (e) {
			// The account exists; signing in by hand still works.
			console.warn('[invite] automatic sign-in after accepting failed', e);
		}
		redirect(303, location);
	},

	/** A signed-in person accepts for their existing account. */
	link: async ({ locals, params }) => {
		const user = requireUser(locals);
		await invitationOf(params.token);
		try {
			await acceptInvitation(params.token, { kind: 'existing', user });
		} catch (e) {
			return fail(400, { linkError: explainIdentityError(e, locals.locale) });
		}
		redirect(303, localizeHref('/profile', { locale: locals.locale }) + '?joined=1');
	}
};
