import { error } from '@sveltejs/kit';
import { getActDiff } from '$lib/server/library';
import type { PageServerLoad } from './$types';

// What changed between two redactions (?from=yyyy-mm-dd&to=yyyy-mm-dd; default: the last two).
export const load: PageServerLoad = async ({ params, url }) => {
	const diff = await getActDiff(`${params.type}/${params.year}/${params.nreg}`, url.searchParams.get('from'), url.searchParams.get('to'));
	if (!diff) error(404, 'Not found');
	return diff;
};
