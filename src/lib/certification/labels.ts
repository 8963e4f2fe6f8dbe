/** Labels of the certification domain's values, shared by /certification and /manage pages. */
import { m } from '$lib/paraglide/messages.js';

export type CertificationStatus = 'not_started' | 'in_progress' | 'certified' | 'expiring' | 'expired' | 'overdue';
export const STATUS_ORDER: CertificationStatus[] = ['certified', 'expiring', 'in_progress', 'not_started', 'overdue', 'expired'];

export function statusLabel(s: string): string {
	switch (s) {
		case 'not_started':
			return m.certn_status_not_started();
		case 'in_progress':
			return m.certn_status_in_progress();
		case 'certified':
			return m.certn_status_certified();
		case 'expiring':
			return m.certn_status_expiring();
		case 'expired':
			return m.certn_status_expired();
		case 'overdue':
			return m.certn_status_overdue();
		default:
			return s;
	}
}

export function statusBadge(s: string): string {
	if (s === 'certified') return 'badge-success';
	if (s === 'expiring') return 'badge-warning';
	if (s === 'expired' || s === 'overdue') return 'badge-error';
	return 'badge-info';
}

export function historyLabel(kind: string): string {
	switch (kind) {
		case 'assigned':
			return m.certn_history_assigned();
		case 'unassigned':
			return m.certn_history_unassigned();
		case 'certified':
			return m.certn_history_certified();
		case 'recertified':
			return m.certn_history_recertified();
		case 'override':
			return m.certn_history_override();
		case 'revoked':
			return m.certn_history_revoked();
		case 'programme_version':
			return m.certn_history_programme_version();
		default:
			return m.certn_history_status();
	}
}

export const pick = (x: { titleUk: string; titleEn: string }, locale: string) => (locale === 'en' ? x.titleEn : x.titleUk);
