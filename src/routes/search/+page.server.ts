import { search } from '$lib/server/search';
import { queryFromParams } from '$lib/server/search/params';
import type { PageServerLoad } from './$types';

// Search over the whole portal (acts today; courses, events, articles, resolutions and cases as
// their domains add them to the index), with a facet by kind.
export const load: PageServerLoad = async ({ url }) => {
	const query = queryFromParams(url.searchParams, { pageSize: 20 });
	if (!query.q.trim()) return { query: { q: '', kinds: [], sort: '' }, result: null };
	const { query: _q, ...result } = await search({ ...query, facets: ['kind'] });
	return { query: { q: query.q, kinds: query.kinds ?? [], sort: query.sort ?? '' }, result };
};
