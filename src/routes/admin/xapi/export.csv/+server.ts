import { requirePermission } from '$lib/server/auth/permissions';
import { displayText, statementsCsv } from '$lib/server/xapi';
import { parseStatementFilter } from '$lib/server/xapi/forms';
import type { RequestHandler } from './$types';

// The CSV of what /admin/xapi shows for the same query string (every page, streamed).
export const GET: RequestHandler = ({ locals, url }) => {
	requirePermission(locals, 'xapi:admin');
	const { filter } = parseStatementFilter(url.searchParams);
	const day = new Date().toISOString().slice(0, 10);
	return new Response(statementsCsv(filter, (map) => displayText(map, locals.locale) ?? ''), {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="xapi-statements-${day}.csv"`,
			'Cache-Control': 'no-store'
		}
	});
};
