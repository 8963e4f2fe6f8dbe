import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { can } from '$lib/server/auth/permissions';
import { publicFramework } from '$lib/server/certification/framework-public';
import type { PageServerLoad } from './$types';

/** A framework's public page: areas, competencies with their four levels and what develops them. */
export const load: PageServerLoad = async ({ params, locals }) => {
	const framework = await publicFramework(params.slug);
	if (!framework) error(404, { message: m.certf_error_not_found() });
	return { framework, mayEdit: can(locals.user ?? null, 'certification:manage', { organizationId: null }) };
};
