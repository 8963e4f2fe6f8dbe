import { error, fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { requirePermission } from '$lib/server/auth/permissions';
import {
	auditNames,
	createDepartment,
	deleteDepartment,
	getOrganizationBySlug,
	listAudit,
	listMembers,
	updateDepartment,
	updateOrganization
} from '$lib/server/identity';
import { departmentSchema, departmentUpdateSchema, idSchema, organizationSchema, orNull } from '$lib/server/identity/forms';
import { explainIdentityError } from '$lib/server/identity/http';
import type { Actions, PageServerLoad } from './$types';

async function organizationOf(slug: string) {
	const org = await getOrganizationBySlug(slug);
	if (!org) error(404, { message: m.account_error_not_found() });
	return org;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	requirePermission(locals, 'admin:access');
	const org = await organizationOf(params.slug);
	const actor = requirePermission(locals, 'org:view', { organizationId: org.id });
	const audit = await listAudit({ organizationId: org.id }, { pageSize: 20 });
	const { departments, ...fields } = org;
	return {
		organization: org,
		members: await listMembers(actor, org.id),
		audit: audit.items,
		names: await auditNames(audit.items),
		created: url.searchParams.has('created'),
		form: await superValidate(
			{
				...fields,
				shortNameUk: fields.shortNameUk ?? '',
				shortNameEn: fields.shortNameEn ?? '',
				city: fields.city ?? '',
				edrpou: fields.edrpou ?? '',
				website: fields.website ?? ''
			},
			zod4(organizationSchema),
			{ id: 'organization' }
		),
		departmentForm: await superValidate(zod4(departmentSchema), { id: 'department' }),
		departmentCount: departments.length
	};
};

export const actions: Actions = {
	update: async ({ locals, params, request }) => {
		const actor = requirePermission(locals, 'organizations:manage');
		const org = await organizationOf(params.slug);
		const form = await superValidate(request, zod4(organizationSchema), { id: 'organization' });
		if (!form.valid) return fail(400, { form });
		const d = form.data;
		try {
			await updateOrganization(actor, org.id, {
				...d,
				shortNameUk: orNull(d.shortNameUk),
				shortNameEn: orNull(d.shortNameEn),
				city: orNull(d.city),
				edrpou: orNull(d.edrpou),
				website: orNull(d.website)
			});
		} catch (e) {
			return message(form, { type: 'error', text: explainIdentityError(e, locals.locale) }, { status: 400 });
		}
		// The address follows a changed slug.
		if (d.slug !== org.slug) redirect(303, localizeHref(`/admin/organizations/${d.slug}`, { locale: locals.locale }));
		return message(form, { type: 'success', text: m.form_saved() });
	},

	addDepartment: async ({ locals, params, request }) => {
		const actor = requirePermission(locals, 'organizations:manage');
		const org = await organizationOf(params.slug);
		const form = await superValidate(request, zod4(departmentSchema), { id: 'department' });
		if (!form.valid) return fail(400, { departmentForm: form });
		try {
			await createDepartment(actor, org.id, form.data);
		} catch (e) {
			return message(form, { type: 'error', text: explainIdentityError(e, locals.locale) }, { status: 400 });
		}
		const next = await superValidate(zod4(departmentSchema), { id: 'department' });
		// A fresh form stands for the success (message() answers 400 for a form that is not valid).
		next.valid = true;
		return message(next, { type: 'success', text: m.admin_department_added({ name: form.data.nameUk }) });
	},

	updateDepartment: async ({ locals, params, request }) => {
		const actor = requirePermission(locals, 'organizations:manage');
		const org = await organizationOf(params.slug);
		const parsed = departmentUpdateSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success) return fail(400, { rowId: '', rowError: parsed.error.issues[0]?.message ?? m.form_invalid() });
		if (!org.departments.some((d) => d.id === parsed.data.id)) error(404, { message: m.account_error_not_found() });
		try {
			await updateDepartment(actor, parsed.data.id, parsed.data);
		} catch (e) {
			return fail(400, { rowId: parsed.data.id, rowError: explainIdentityError(e, locals.locale) });
		}
		return { rowId: parsed.data.id, rowSaved: true };
	},

	deleteDepartment: async ({ locals, params, request }) => {
		const actor = requirePermission(locals, 'organizations:manage');
		const org = await organizationOf(params.slug);
		const parsed = idSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success || !org.departments.some((d) => d.id === parsed.data.id)) {
			error(404, { message: m.account_error_not_found() });
		}
		try {
			await deleteDepartment(actor, parsed.data.id);
		} catch (e) {
			return fail(400, { rowId: parsed.data.id, rowError: explainIdentityError(e, locals.locale) });
		}
		return { deleted: true };
	}
};
