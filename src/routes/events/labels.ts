import { m } from '$lib/paraglide/messages.js';

/** Translated names of the events domain's values (kinds, formats, topics, statuses). */
export function kindLabel(kind: string): string {
	switch (kind) {
		case 'webinar':
			return m.events_kind_webinar();
		case 'internship':
			return m.events_kind_internship();
		case 'study_visit':
			return m.events_kind_study_visit();
		case 'workshop':
			return m.events_kind_workshop();
		case 'club_meeting':
			return m.events_kind_club_meeting();
		default:
			return kind;
	}
}

export function formatLabel(format: string): string {
	return format === 'online' ? m.events_format_online() : format === 'in_person' ? m.events_format_in_person() : m.events_format_hybrid();
}

export function topicLabel(topic: string): string {
	switch (topic) {
		case 'e-services':
			return m.events_topic_e_services();
		case 'e-democracy':
			return m.events_topic_e_democracy();
		case 'open-data':
			return m.events_topic_open_data();
		case 'e-documents':
			return m.events_topic_e_documents();
		case 'websites':
			return m.events_topic_websites();
		case 'cybersecurity':
			return m.events_topic_cybersecurity();
		case 'digital-skills':
			return m.events_topic_digital_skills();
		default:
			return topic;
	}
}

export function statusLabel(status: string): string {
	return status === 'registered' ? m.events_status_registered() : status === 'waitlisted' ? m.events_status_waitlisted() : m.events_status_cancelled();
}

export function sourceLabel(source: string): string {
	return source === 'host' ? m.events_source_host() : source === 'code' ? m.events_source_code() : m.events_source_recording();
}

export function creditsText(credits: number): string {
	return m.events_credits_value({ credits: String(credits).replace('.', ',') });
}
