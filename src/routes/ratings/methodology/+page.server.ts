import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { methodologyPage } from '$lib/server/ratings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const year = Number(url.searchParams.get('year')) || null;
	const page = await methodologyPage(locals.locale, year);
	if (!page) error(404, { message: m.rating_not_found() });
	return page;
};
