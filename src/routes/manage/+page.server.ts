import { redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requirePermission } from '$lib/server/auth/permissions';
import { listOrganizations } from '$lib/server/identity';
import type { PageServerLoad } from './$types';

/** A manager's organizations: straight to the one they manage, or a choice when there are several. */
export const load: PageServerLoad = async ({ locals }) => {
	const actor = requirePermission(locals, 'manage:access');
	const organizations = await listOrganizations(actor);
	if (organizations.length === 1) redirect(303, localizeHref(`/manage/${organizations[0].slug}`, { locale: locals.locale }));
	return { organizations: organizations.map((o) => ({ slug: o.slug, nameUk: o.nameUk, nameEn: o.nameEn, memberCount: o.memberCount })) };
};
