import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { personalFeed } from '$lib/server/events';
import type { RequestHandler } from './$types';

// A person's private feed: the secret token in the address is the only credential (calendar programs
// subscribe without signing in). Never cached by shared caches.
export const GET: RequestHandler = async ({ params, locals }) => {
	const text = await personalFeed(params.token, m.events_my_feed_name({}, { locale: locals.locale === 'en' ? 'en' : 'uk' }));
	if (!text) error(404, { message: m.events_error_not_found() });
	return new Response(text, {
		headers: { 'content-type': 'text/calendar; charset=utf-8', 'cache-control': 'private, no-store', 'x-robots-tag': 'noindex' }
	});
};
