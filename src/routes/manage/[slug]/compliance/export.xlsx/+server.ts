import { m } from '$lib/paraglide/messages.js';
import { complianceReport, complianceXlsx } from '$lib/server/certification';
import { complianceOrganization, exportLabels, filtersFrom } from '../shared';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { org } = await complianceOrganization(locals, params.slug);
	const report = await complianceReport(org.id, filtersFrom(url));
	const body = complianceXlsx(report, locals.locale, exportLabels(), m.certn_dashboard_title());
	return new Response(new Uint8Array(body), {
		headers: {
			'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
			'content-disposition': `attachment; filename="compliance-${org.slug}.xlsx"`,
			'cache-control': 'private, no-store'
		}
	});
};
