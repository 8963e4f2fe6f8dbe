import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/permissions';
import { jurorHome } from '$lib/server/contests';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const user = requireUser(locals);
	const home = /^\d{4}$/.test(params.year) ? await jurorHome(Number(params.year), user, locals.locale) : null;
	if (!home) error(404, { message: m.contest_error_not_found() });
	return home;
};
