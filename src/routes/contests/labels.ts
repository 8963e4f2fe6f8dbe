import { m } from '$lib/paraglide/messages.js';

/** A contest's state in the reader's language (safe for the browser: no server imports). */
export function statusLabel(status: string): string {
	switch (status) {
		case 'registration': return m.contest_status_registration();
		case 'screening': return m.contest_status_screening();
		case 'final': return m.contest_status_final();
		case 'closed': return m.contest_status_closed();
		case 'published': return m.contest_status_published();
		default: return m.contest_status_draft();
	}
}

/** A registration field's type in the reader's language. */
export function fieldTypeLabel(type: string): string {
	switch (type) {
		case 'textarea': return m.contest_type_textarea();
		case 'number': return m.contest_type_number();
		case 'url': return m.contest_type_url();
		case 'boolean': return m.contest_type_boolean();
		case 'choice': return m.contest_type_choice();
		default: return m.contest_type_text();
	}
}
