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
