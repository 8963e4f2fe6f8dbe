import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { getFramework } from '$lib/server/certification';
import { frameworkCsv, frameworkYaml } from '$lib/server/certification/framework-editor';
import type { RequestHandler } from './$types';

/** The framework as a file in the import's formats: /export/yaml or /export/csv. */
export const GET: RequestHandler = async ({ locals, params }) => {
	requirePermission(locals, 'certification:manage', { organizationId: null });
	if (params.format !== 'yaml' && params.format !== 'csv') error(404, { message: m.certf_error_not_found() });
	const fw = await getFramework(params.slug);
	if (!fw) error(404, { message: m.certf_error_not_found() });
	const yaml = params.format === 'yaml';
	return new Response(yaml ? frameworkYaml(fw) : frameworkCsv(fw), {
		headers: {
			'content-type': yaml ? 'application/yaml; charset=utf-8' : 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="${fw.slug}.${params.format}"`,
			'cache-control': 'no-store'
		}
	});
};
