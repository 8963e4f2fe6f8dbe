import { SEARCH_KINDS, type SearchKind, type SearchQuery, type SortOrder } from './types.ts';

/**
 * A search query from URL parameters (the /library and /search pages and /api/search share them):
 *   q, type (a kind: act, course...; repeatable), doc_type (Закон...; repeatable), issuer, status,
 *   year, sort (relevance | date_desc | date_asc), page, per_page.
 * Unknown values are dropped, lengths bounded; never throws.
 */
const SORTS: SortOrder[] = ['relevance', 'date_desc', 'date_asc'];

function list(p: URLSearchParams, name: string, max = 20): string[] {
	return p
		.getAll(name)
		.flatMap((v) => v.split(','))
		.map((v) => v.trim().slice(0, 200))
		.filter(Boolean)
		.slice(0, max);
}

export function queryFromParams(p: URLSearchParams, fixed: Partial<SearchQuery> = {}): SearchQuery {
	const kinds = list(p, 'type').filter((k): k is SearchKind => (SEARCH_KINDS as string[]).includes(k));
	const years = list(p, 'year')
		.map(Number)
		.filter((y) => Number.isInteger(y) && y > 1000 && y < 3000);
	const sort = p.get('sort') as SortOrder | null;
	const page = Number(p.get('page') ?? '1');
	const perPage = Number(p.get('per_page') ?? '');
	return {
		q: (p.get('q') ?? '').slice(0, 300),
		kinds: kinds.length ? kinds : undefined,
		types: list(p, 'doc_type').length ? list(p, 'doc_type') : undefined,
		issuers: list(p, 'issuer').length ? list(p, 'issuer') : undefined,
		statuses: list(p, 'status').length ? list(p, 'status') : undefined,
		years: years.length ? years : undefined,
		sort: sort && SORTS.includes(sort) ? sort : undefined,
		page: Number.isFinite(page) && page >= 1 ? Math.floor(page) : 1,
		pageSize: Number.isFinite(perPage) && perPage >= 1 ? Math.min(50, Math.floor(perPage)) : undefined,
		...fixed
	};
}
