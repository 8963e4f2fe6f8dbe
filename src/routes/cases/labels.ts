import { m } from '$lib/paraglide/messages.js';

export function statusLabel(status: string): string {
	switch (status) {
		case 'draft': return m.cases_status_draft();
		case 'submitted': return m.cases_status_submitted();
		case 'changes_requested': return m.cases_status_changes();
		case 'published': return m.cases_status_published();
		default: return m.cases_status_comment();
	}
}

export function fieldLabel(field: string): string {
	const labels: Record<string, () => string> = {
		title: m.cases_field_title, problem: m.cases_problem, solution: m.cases_solution, results: m.cases_results, costs: m.cases_costs,
		replicability: m.cases_replicability, contacts: m.cases_contacts, tools: m.cases_tools, classifierCodes: m.cases_classifier,
		region: m.cases_region, city: m.cases_field_city, year: m.cases_year, organizationName: m.cases_field_organization,
		attachments: m.cases_attachments, figures: m.cases_field_figures
	};
	return labels[field]?.() ?? field;
}

const TYPE_NAMES: Record<string, string> = {
	'application/pdf': 'PDF',
	'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
	'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
	'application/vnd.oasis.opendocument.text': 'ODT',
	'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
	'image/png': 'PNG',
	'image/jpeg': 'JPEG'
};

/** An attachment's type as people know it (PDF, DOCX, …). */
export const fileType = (mediaType: string): string => TYPE_NAMES[mediaType] ?? mediaType;

export function fileSize(bytes: number): string {
	return bytes >= 1024 * 1024 ? m.cases_file_size_mb({ size: (bytes / 1024 / 1024).toFixed(1) }) : m.cases_file_size_kb({ size: String(Math.max(1, Math.round(bytes / 1024))) });
}
