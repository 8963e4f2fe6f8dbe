import { m } from '$lib/paraglide/messages.js';

/** Translated names of the library's codes (status, topic, relation group, kind of search result). */
export function statusLabel(code: string | null | undefined): string {
	switch (code) {
		case 'in_force':
			return m.library_status_in_force();
		case 'repealed':
			return m.library_status_repealed();
		case 'not_in_force':
			return m.library_status_not_in_force();
		case 'suspended':
			return m.library_status_suspended();
		case 'undetermined':
			return m.library_status_undetermined();
		default:
			return m.library_status_other();
	}
}

export function statusBadge(code: string | null | undefined): string {
	return code === 'in_force' ? 'badge badge-success' : code === 'repealed' ? 'badge badge-error' : code === 'suspended' || code === 'not_in_force' ? 'badge badge-warning' : 'badge';
}

const TOPICS: Record<string, () => string> = {
	e_government: m.library_topic_e_government,
	access_to_information: m.library_topic_access_to_information,
	transparency: m.library_topic_transparency,
	media: m.library_topic_media,
	budget: m.library_topic_budget,
	defence: m.library_topic_defence,
	emergency: m.library_topic_emergency,
	human_rights: m.library_topic_human_rights,
	standards: m.library_topic_standards,
	labour: m.library_topic_labour,
	health: m.library_topic_health,
	property: m.library_topic_property,
	citizenship: m.library_topic_citizenship,
	language: m.library_topic_language,
	environment: m.library_topic_environment,
	accounting: m.library_topic_accounting
};
export function topicLabel(code: string): string {
	return TOPICS[code]?.() ?? code;
}

const RELATIONS: Record<string, () => string> = {
	amended_by: m.library_rel_amended_by,
	amends: m.library_rel_amends,
	repealed_by: m.library_rel_repealed_by,
	repeals: m.library_rel_repeals,
	suspended_by: m.library_rel_suspended_by,
	suspends: m.library_rel_suspends,
	approved_by: m.library_rel_approved_by,
	approves: m.library_rel_approves,
	referred_by: m.library_rel_referred_by,
	refers_to: m.library_rel_refers_to
};
export function relationLabel(group: string): string {
	return RELATIONS[group]?.() ?? group;
}

const KINDS: Record<string, () => string> = {
	act: m.search_kind_act,
	course: m.search_kind_course,
	event: m.search_kind_event,
	article: m.search_kind_article,
	resolution: m.search_kind_resolution,
	case: m.search_kind_case
};
export function kindLabel(kind: string): string {
	return KINDS[kind]?.() ?? kind;
}

/** dd.mm.yyyy from an ISO date (acts are dated in the calendar, not in a time zone). */
export function dotted(isoDate: string | null | undefined): string {
	if (!isoDate) return '';
	return `${isoDate.slice(8, 10)}.${isoDate.slice(5, 7)}.${isoDate.slice(0, 4)}`;
}
