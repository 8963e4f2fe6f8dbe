import { can } from '$lib/server/auth/permissions';
import { listEditions, editionRecommendations } from '$lib/server/ratings';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const canManage = can(locals.user, 'rating:manage');
	const editions = await listEditions(locals.locale, canManage);
	const first = [...editions].reverse().find((e) => e.published);
	return { editions, canManage, firstYear: first?.year ?? null, recommendations: first ? await editionRecommendations(first.year, locals.locale) : [] };
};
