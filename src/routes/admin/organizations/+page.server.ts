import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { requirePermission } from '$lib/server/auth/permissions';
import { createOrganization, listOrganizations } from '$lib/server/identity';
import { organizationSchema, orNull } from '$lib/server/identity/forms';
import { explainIdentityError } from '$lib/server/identity/http';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const actor = requirePermission(locals, 'organizations:manage');
	return {
		organizations: await listOrganizations(actor),
		form: await superValidate(zod4(organizationSchema), { id: 'organization' })
	};
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const actor = requirePermission(locals, 'organizations:manage');
		const form = await superValidate(request, zod4(organizationSchema), { id: 'organization' });
		if (!form.valid) return fail(400, { form });
		const d = form.data;
		let slug: string;
		try {
			const org = await createOrganization(actor, {
				...d,
				shortNameUk: orNull(d.shortNameUk),
				shortNameEn: orNull(d.shortNameEn),
				city: orNull(d.city),
				edrpou: orNull(d.edrpou),
				website: orNull(d.website)
			});
			slug = org.slug;
		} catch (e) {
			return message(form, { type: 'error', text: explainIdentityError(e, locals.locale) }, { status: 400 });
		}
		redirect(303, localizeHref(`/admin/organizations/${slug}`, { locale: locals.locale }) + '?created=1');
	}
};
