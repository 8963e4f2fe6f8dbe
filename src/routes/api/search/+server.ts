import { json } from '@sveltejs/kit';
import { search } from '$lib/server/search';
import { queryFromParams } from '$lib/server/search/params';
import type { RequestHandler } from './$types';

/**
 * GET /api/search?q=&type=act&doc_type=Закон&issuer=&status=in_force&year=2011&sort=&page=&per_page=
 * Hits with their titles, addresses, snippets (plain text and marked segments) and facets. Public:
 * it only returns what the public pages show.
 */
export const GET: RequestHandler = async ({ url }) => {
	const query = queryFromParams(url.searchParams);
	const r = await search(query);
	const text = (segs: Array<{ text: string }>) => segs.map((s) => s.text).join('');
	return json(
		{
			query: { ...query, q: query.q },
			total: r.total,
			page: r.page,
			pageSize: r.pageSize,
			pages: r.pages,
			engine: r.engine,
			tookMs: r.tookMs,
			corrections: r.corrections,
			relaxed: r.relaxed,
			facets: r.facets,
			hits: r.hits.map((h) => ({
				kind: h.kind,
				title: h.title,
				titleEn: h.titleEn,
				url: h.url,
				absoluteUrl: new URL(h.url, url.origin).href,
				subtitle: h.subtitle,
				snippet: text(h.snippet),
				highlights: { title: h.titleHighlight, ...(h.titleEn ? { titleEn: h.titleEnHighlight } : {}), snippet: h.snippet },
				types: h.types,
				issuers: h.issuers,
				status: h.status,
				year: h.year,
				date: h.date,
				exact: h.exact,
				score: h.score
			}))
		},
		{ headers: { 'cache-control': 'no-store' } }
	);
};
