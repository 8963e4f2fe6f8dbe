import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import {
	createInvitation,
	getOrganizationBySlug,
	listInvitations,
	listMembers,
	removeMembership,
	revokeInvitation,
	updateMembership
} from '$lib/server/identity';
import { idSchema, manageInviteSchema, membershipUpdateSchema, orNull } from '$lib/server/identity/forms';
import { explainIdentityError } from '$lib/server/identity/http';
import { hireDateFrom } from './hire-date';
import type { Actions, PageServerLoad } from './$types';

/**
 * One organization's people for its manager (or an admin). The organization comes from the URL and
 * every load and action checks the person may act on THAT organization; the domain functions check
 * again that the membership or invitation posted belongs to it, so a forged id is refused.
 */
async function organizationOf(slug: string) {
	const org = await getOrganizationBySlug(slug);
	if (!org) error(404, { message: m.account_error_not_found() });
	return org;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	requirePermission(locals, 'manage:access');
	const org = await organizationOf(params.slug);
	const actor = requirePermission(locals, 'org:view', { organizationId: org.id });
	return {
		organization: {
			id: org.id,
			slug: org.slug,
			nameUk: org.nameUk,
			nameEn: org.nameEn,
			departments: org.departments.map((d) => ({ id: d.id, nameUk: d.nameUk, nameEn: d.nameEn }))
		},
		members: await listMembers(actor, org.id),
		invitations: await listInvitations(actor, { organizationId: org.id, state: 'valid' }),
		form: await superValidate({ locale: locals.locale }, zod4(manageInviteSchema), { id: 'invite', errors: false })
	};
};

export const actions: Actions = {
	invite: async ({ locals, params, request }) => {
		const org = await organizationOf(params.slug);
		const actor = requirePermission(locals, 'org:invite', { organizationId: org.id });
		const form = await superValidate(request, zod4(manageInviteSchema), { id: 'invite' });
		if (!form.valid) return fail(400, { form });
		const d = form.data;
		try {
			await createInvitation(actor, {
				email: d.email,
				organizationId: org.id,
				departmentId: orNull(d.departmentId),
				orgRole: 'staff',
				position: orNull(d.position),
				locale: d.locale
			});
		} catch (e) {
			return message(form, { type: 'error', text: explainIdentityError(e, locals.locale) }, { status: 400 });
		}
		const next = await superValidate({ locale: d.locale }, zod4(manageInviteSchema), { id: 'invite', errors: false });
		// A fresh form stands for the success (message() answers 400 for a form that is not valid).
		next.valid = true;
		return message(next, { type: 'success', text: m.admin_invite_sent({ email: d.email }) });
	},

	updateMember: async ({ locals, params, request }) => {
		const org = await organizationOf(params.slug);
		const actor = requirePermission(locals, 'org:manage-members', { organizationId: org.id });
		const data = await request.formData();
		const parsed = membershipUpdateSchema.safeParse(Object.fromEntries(data));
		if (!parsed.success) return fail(400, { rowId: '', rowError: parsed.error.issues[0]?.message ?? m.form_invalid() });
		const { membershipId, departmentId, position } = parsed.data;
		const hiredAt = hireDateFrom(data.get('hiredAt'));
		if (hiredAt === 'invalid') return fail(400, { rowId: membershipId, rowError: m.admin_error_hire_date() });
		try {
			// No role here: managers change department, position and hire date only.
			await updateMembership(actor, membershipId, { departmentId: orNull(departmentId), position: orNull(position), hiredAt }, { inOrganizationId: org.id });
		} catch (e) {
			return fail(400, { rowId: membershipId, rowError: explainIdentityError(e, locals.locale) });
		}
		return { rowId: membershipId, rowSaved: true };
	},

	removeMember: async ({ locals, params, request }) => {
		const org = await organizationOf(params.slug);
		const actor = requirePermission(locals, 'org:manage-members', { organizationId: org.id });
		const parsed = idSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { rowId: '', rowError: m.form_invalid() });
		try {
			await removeMembership(actor, parsed.data.id, { inOrganizationId: org.id });
		} catch (e) {
			return fail(400, { rowId: parsed.data.id, rowError: explainIdentityError(e, locals.locale) });
		}
		return { removed: true };
	},

	revoke: async ({ locals, params, request }) => {
		const org = await organizationOf(params.slug);
		const actor = requirePermission(locals, 'org:invite', { organizationId: org.id });
		const parsed = idSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { rowId: '', rowError: m.form_invalid() });
		try {
			await revokeInvitation(actor, parsed.data.id, { inOrganizationId: org.id });
		} catch (e) {
			return fail(400, { rowId: parsed.data.id, rowError: explainIdentityError(e, locals.locale) });
		}
		return { revoked: true };
	}
};
