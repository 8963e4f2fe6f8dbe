import { articlesAtom, toLocale } from '$lib/server/publishing';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) =>
	new Response(await articlesAtom(toLocale(locals.locale)), {
		headers: { 'content-type': 'application/atom+xml; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
