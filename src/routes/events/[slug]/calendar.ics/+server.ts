import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { eventIcs, getEventBySlug } from '$lib/server/events';
import type { RequestHandler } from './$types';

// "Add to calendar": the event as an .ics file (METHOD:PUBLISH, the same UID as the invitations).
export const GET: RequestHandler = async ({ params, locals }) => {
	const e = await getEventBySlug(params.slug);
	if (!e) error(404, { message: m.events_error_not_found() });
	const locale = locals.locale === 'en' ? 'en' : 'uk';
	return new Response(eventIcs(e, locale, m.events_feed_name({}, { locale })), {
		headers: {
			'content-type': 'text/calendar; charset=utf-8',
			'content-disposition': `attachment; filename="${e.slug}.ics"`,
			'cache-control': 'no-cache'
		}
	});
};
