import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { can } from '$lib/server/auth/permissions';
import { cityPage } from '$lib/server/ratings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const page = await cityPage(params.slug, locals.locale, can(locals.user, 'rating:manage'));
	if (!page) error(404, { message: m.rating_city_not_found() });
	return page;
};
