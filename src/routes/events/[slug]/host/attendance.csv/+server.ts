import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { attendanceCsv, getEventBySlug, hostIdsOf } from '$lib/server/events';
import type { RequestHandler } from './$types';

// The host's attendance export (CSV, UTF-8 with BOM, Kyiv times, one column per extra question).
export const GET: RequestHandler = async ({ params, locals }) => {
	const e = await getEventBySlug(params.slug);
	if (!e) error(404, { message: m.events_error_not_found() });
	requirePermission(locals, 'event:host', { hostIds: hostIdsOf(e) });
	const locale = locals.locale === 'en' ? 'en' : 'uk';
	const o = { locale } as const;
	const csv = await attendanceCsv(e.id, locale, {
		headers: [m.events_col_name({}, o), m.events_col_email({}, o), m.events_organization({}, o), m.events_col_delegation({}, o), m.events_col_status({}, o), m.events_col_registered({}, o), m.events_col_attended({}, o), m.events_col_how({}, o), m.events_col_when({}, o)],
		status: { registered: m.events_status_registered({}, o), waitlisted: m.events_status_waitlisted({}, o), cancelled: m.events_status_cancelled({}, o) },
		source: { host: m.events_source_host({}, o), code: m.events_source_code({}, o), recording: m.events_source_recording({}, o) },
		yes: m.events_yes({}, o),
		no: m.events_no({}, o)
	});
	return new Response(csv, {
		headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="attendance-${e.slug}.csv"`, 'cache-control': 'private, no-store' }
	});
};
