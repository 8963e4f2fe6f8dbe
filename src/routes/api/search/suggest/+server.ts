import { json } from '@sveltejs/kit';
import { suggest, SEARCH_KINDS, type SearchKind } from '$lib/server/search';
import type { RequestHandler } from './$types';

// GET /api/search/suggest?q=про дост&type=act: titles, words and numbers that complete what is typed.
export const GET: RequestHandler = async ({ url }) => {
	const q = (url.searchParams.get('q') ?? '').slice(0, 100);
	const kinds = url.searchParams.getAll('type').filter((k): k is SearchKind => (SEARCH_KINDS as string[]).includes(k));
	const suggestions = await suggest(q, { kinds: kinds.length ? kinds : undefined, limit: 8 });
	return json({ q, suggestions }, { headers: { 'cache-control': 'no-store' } });
};
