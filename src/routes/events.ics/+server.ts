import { m } from '$lib/paraglide/messages.js';
import { publicFeed } from '$lib/server/events';
import type { RequestHandler } from './$types';

// The public calendar feed: every public event of the last year and all future ones (RFC 5545, UTC).
export const GET: RequestHandler = async ({ locals }) => {
	const locale = locals.locale === 'en' ? 'en' : 'uk';
	return new Response(await publicFeed(locale, m.events_feed_name({}, { locale })), {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'public, max-age=300' }
	});
};
