import { complianceCsv, complianceReport } from '$lib/server/certification';
import { complianceOrganization, exportLabels, filtersFrom } from '../shared';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ locals, params, url }) => {
	const { org } = await complianceOrganization(locals, params.slug);
	const report = await complianceReport(org.id, filtersFrom(url));
	return new Response(complianceCsv(report, locals.locale, exportLabels()), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="compliance-${org.slug}.csv"`,
			'cache-control': 'private, no-store'
		}
	});
};
