import { fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { createInvitation, listInvitations, organizationChoices, revokeInvitation, type InvitationState } from '$lib/server/identity';
import { idSchema, inviteSchema, orNull } from '$lib/server/identity/forms';
import { explainIdentityError } from '$lib/server/identity/http';
import type { Actions, PageServerLoad } from './$types';

const STATES = ['all', 'valid', 'used', 'expired', 'revoked'] as const;

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, 'users:invite');
	const param = url.searchParams.get('state') ?? 'all';
	const state = (STATES as readonly string[]).includes(param) ? (param as InvitationState | 'all') : 'all';
	return {
		state,
		invitations: await listInvitations(actor, { state }),
		organizations: await organizationChoices(actor),
		form: await superValidate({ locale: locals.locale }, zod4(inviteSchema), { id: 'invite', errors: false })
	};
};

export const actions: Actions = {
	invite: async ({ locals, request }) => {
		const actor = requirePermission(locals, 'users:invite');
		const form = await superValidate(request, zod4(inviteSchema), { id: 'invite' });
		if (!form.valid) return fail(400, { form });
		const d = form.data;
		try {
			await createInvitation(actor, {
				email: d.email,
				roles: d.roles,
				organizationId: orNull(d.organizationId),
				departmentId: orNull(d.departmentId),
				orgRole: d.orgRole,
				position: orNull(d.position),
				locale: d.locale
			});
		} catch (e) {
			return message(form, { type: 'error', text: explainIdentityError(e, locals.locale) }, { status: 400 });
		}
		const sentTo = d.email;
		// A fresh, empty form for the next invitation; the language stays.
		const next = await superValidate({ locale: d.locale }, zod4(inviteSchema), { id: 'invite', errors: false });
		// A fresh form stands for the success (message() answers 400 for a form that is not valid).
		next.valid = true;
		return message(next, { type: 'success', text: m.admin_invite_sent({ email: sentTo }) });
	},

	revoke: async ({ locals, request }) => {
		const actor = requirePermission(locals, 'users:invite');
		const parsed = idSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { revokeError: m.form_invalid() });
		try {
			await revokeInvitation(actor, parsed.data.id);
		} catch (e) {
			return fail(400, { revokeError: explainIdentityError(e, locals.locale) });
		}
		return { revoked: true };
	}
};
