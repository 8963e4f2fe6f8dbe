import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import {
	addMembership,
	auditNames,
	getUser,
	listAudit,
	organizationChoices,
	removeMembership,
	setUserRoles,
	updateMembership
} from '$lib/server/identity';
import { idSchema, membershipAddSchema, membershipUpdateSchema, orNull, rolesSchema } from '$lib/server/identity/forms';
import { explainIdentityError } from '$lib/server/identity/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, params }) => {
	const actor = requirePermission(locals, 'users:read');
	const user = await getUser(params.id);
	if (!user) error(404, { message: m.account_error_not_found() });
	const audit = await listAudit({ userId: user.id }, { pageSize: 100 });
	return {
		person: user,
		organizations: await organizationChoices(actor),
		audit: audit.items,
		auditTotal: audit.total,
		names: await auditNames(audit.items),
		rolesForm: await superValidate({ roles: user.roles }, zod4(rolesSchema), { id: 'roles' }),
		membershipForm: await superValidate(zod4(membershipAddSchema), { id: 'membership' })
	};
};

/** Row forms (one per membership) report errors with the row's id, so the page shows them in place. */
type RowFailure = { rowId: string; rowError: string };

export const actions: Actions = {
	roles: async ({ locals, params, request }) => {
		const actor = requirePermission(locals, 'users:assign-roles');
		const form = await superValidate(request, zod4(rolesSchema), { id: 'roles' });
		if (!form.valid) return fail(400, { rolesForm: form });
		try {
			form.data.roles = await setUserRoles(actor, params.id, form.data.roles);
		} catch (e) {
			return message(form, { type: 'error', text: explainIdentityError(e, locals.locale) }, { status: 400 });
		}
		return message(form, { type: 'success', text: m.admin_roles_saved() });
	},

	addMembership: async ({ locals, params, request }) => {
		const actor = requirePermission(locals, 'memberships:manage');
		const form = await superValidate(request, zod4(membershipAddSchema), { id: 'membership' });
		if (!form.valid) return fail(400, { membershipForm: form });
		try {
			await addMembership(actor, params.id, form.data.organizationId, {
				role: form.data.role,
				departmentId: orNull(form.data.departmentId),
				position: orNull(form.data.position)
			});
		} catch (e) {
			return message(form, { type: 'error', text: explainIdentityError(e, locals.locale) }, { status: 400 });
		}
		return message(form, { type: 'success', text: m.admin_membership_added() });
	},

	updateMembership: async ({ locals, request }) => {
		const actor = requirePermission(locals, 'memberships:manage');
		const parsed = membershipUpdateSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) {
			return fail(400, { rowId: '', rowError: parsed.error.issues[0]?.message ?? m.form_invalid() } satisfies RowFailure);
		}
		const { membershipId, departmentId, role, position } = parsed.data;
		try {
			await updateMembership(actor, membershipId, { departmentId: orNull(departmentId), role, position: orNull(position) });
		} catch (e) {
			return fail(400, { rowId: membershipId, rowError: explainIdentityError(e, locals.locale) } satisfies RowFailure);
		}
		return { rowId: membershipId, rowSaved: true };
	},

	removeMembership: async ({ locals, request }) => {
		const actor = requirePermission(locals, 'memberships:manage');
		const parsed = idSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { rowId: '', rowError: m.form_invalid() } satisfies RowFailure);
		try {
			await removeMembership(actor, parsed.data.id);
		} catch (e) {
			return fail(400, { rowId: parsed.data.id, rowError: explainIdentityError(e, locals.locale) } satisfies RowFailure);
		}
		return { removed: true };
	}
};
