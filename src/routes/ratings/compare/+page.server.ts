import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { can } from '$lib/server/auth/permissions';
import { comparison, listEditions } from '$lib/server/ratings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const drafts = can(locals.user, 'rating:manage');
	const editions = await listEditions(locals.locale, drafts);
	const asked = Number(url.searchParams.get('year'));
	const year = editions.some((e) => e.year === asked) ? asked : editions[0]?.year;
	if (!year) error(404, { message: m.rating_not_found() });
	const page = await comparison(year, url.searchParams.getAll('c'), locals.locale, drafts);
	if (!page) error(404, { message: m.rating_not_found() });
	return { ...page, years: editions.map((e) => e.year) };
};
