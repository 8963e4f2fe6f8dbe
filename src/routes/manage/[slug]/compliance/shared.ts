import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { getOrganizationBySlug } from '$lib/server/identity';
import { STATUS_FILTERS, type ComplianceFilters, type ExportLabels } from '$lib/server/certification';
import { statusLabel } from '$lib/certification/labels';

/** The organization of the URL, when the signed-in person may see its compliance (admin or its manager). */
export async function complianceOrganization(locals: App.Locals, slug: string) {
	requirePermission(locals, 'manage:access');
	const org = await getOrganizationBySlug(slug);
	if (!org) error(404, { message: m.account_error_not_found() });
	const actor = requirePermission(locals, 'certification:assign', { organizationId: org.id });
	return { org, actor };
}

/** Filters from the query string; unknown values are ignored (a department of another organization matches nobody). */
export function filtersFrom(url: URL): ComplianceFilters {
	const status = url.searchParams.get('status');
	return {
		programmeId: url.searchParams.get('programme') || null,
		departmentId: url.searchParams.get('department') || null,
		status: (STATUS_FILTERS as readonly string[]).includes(status ?? '') ? (status as ComplianceFilters['status']) : null
	};
}

export function exportLabels(): ExportLabels {
	return {
		headers: [m.certn_col_name(), m.certn_col_email(), m.certn_col_department(), m.certn_col_position(), m.certn_col_programme(), m.certn_col_status(), m.certn_col_due(), m.certn_col_expires(), m.certn_col_progress()],
		status: Object.fromEntries(STATUS_FILTERS.map((s) => [s, statusLabel(s)])) as ExportLabels['status'],
		noDepartment: m.certn_no_department()
	};
}
