import { m } from '$lib/paraglide/messages.js';

/** Words of the club pages for the domain's values. */

export function statusLabel(status: string): string {
	switch (status) {
		case 'draft':
			return m.club_status_draft();
		case 'voting':
			return m.club_status_voting();
		case 'adopted':
			return m.club_status_adopted();
		case 'rejected':
			return m.club_status_rejected();
		default:
			return status;
	}
}

export function kindLabel(kind: string): string {
	return kind === 'amendment' ? m.club_kind_amendment() : kind === 'public' ? m.club_kind_public() : m.club_kind_comment();
}

export function decisionLabel(decision: string): string {
	return decision === 'accepted' ? m.club_decision_accepted() : decision === 'rejected' ? m.club_decision_rejected() : m.club_decision_open();
}

export function roleLabel(role: string): string {
	return role === 'coordinator' ? m.club_role_coordinator() : role === 'observer' ? m.club_role_observer() : m.club_role_member();
}

export function topicLabel(topic: string): string {
	switch (topic) {
		case 'legal':
			return m.club_topic_legal();
		case 'services':
			return m.club_topic_services();
		case 'open-data':
			return m.club_topic_open_data();
		case 'e-democracy':
			return m.club_topic_e_democracy();
		case 'training':
			return m.club_topic_training();
		default:
			return m.club_topic_other();
	}
}

const DONE: Record<string, () => string> = {
	commented: () => m.club_done_commented(),
	decided: () => m.club_done_decided(),
	hidden: () => m.club_done_hidden(),
	voting: () => m.club_done_voting(),
	voted: () => m.club_done_voted(),
	closed: () => m.club_done_closed(),
	addressee: () => m.club_done_saved(),
	sent: () => m.club_done_saved(),
	answered: () => m.club_done_saved(),
	saved: () => m.club_done_saved(),
	requested: () => m.club_done_requested(),
	reported: () => m.club_done_reported()
};

export function doneLabel(done: string): string {
	return (DONE[done] ?? DONE.saved!)();
}
