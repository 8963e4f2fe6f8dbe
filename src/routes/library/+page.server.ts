import { search } from '$lib/server/search';
import { queryFromParams } from '$lib/server/search/params';
import { cardOnlyPaths } from '$lib/server/library';
import type { PageServerLoad } from './$types';

// The library: search with facets, or browse everything (newest first) without a query.
export const load: PageServerLoad = async ({ url }) => {
	const query = queryFromParams(url.searchParams, { kinds: ['act'], pageSize: 20 });
	const { query: _q, ...result } = await search(query);
	return {
		query: { q: query.q, types: query.types ?? [], issuers: query.issuers ?? [], statuses: query.statuses ?? [], years: query.years ?? [], sort: query.sort ?? '' },
		result,
		cardOnly: await cardOnlyPaths(result.hits.map((h) => h.url))
	};
};
