import { bulletinsRss, toLocale } from '$lib/server/publishing';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals }) =>
	new Response(await bulletinsRss(toLocale(locals.locale)), {
		headers: { 'content-type': 'application/rss+xml; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
