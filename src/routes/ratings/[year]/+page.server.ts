import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { can } from '$lib/server/auth/permissions';
import { yearPage } from '$lib/server/ratings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	if (!/^\d{4}$/.test(params.year)) error(404, { message: m.rating_not_found() });
	const page = await yearPage(Number(params.year), locals.locale, {
		sort: url.searchParams.get('sort'),
		dir: url.searchParams.get('dir'),
		withDrafts: can(locals.user, 'rating:manage')
	});
	if (!page) error(404, { message: m.rating_not_found() });
	return page;
};
