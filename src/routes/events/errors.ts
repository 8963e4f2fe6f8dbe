import { m } from '$lib/paraglide/messages.js';
import { isEventError } from '$lib/server/events';

/** A translated sentence for a refusal of the events domain; other errors are thrown on. */
export function explainEventError(err: unknown): string {
	if (!isEventError(err)) throw err;
	switch (err.code) {
		case 'not_found':
			return m.events_error_not_found();
		case 'forbidden':
			return m.events_error_forbidden();
		case 'cancelled':
			return m.events_error_cancelled();
		case 'registration_closed':
			return m.events_error_registration_closed();
		case 'registration_not_open':
			return m.events_error_registration_not_open();
		case 'already_registered':
			return m.events_error_already_registered();
		case 'not_registered':
			return m.events_error_not_registered();
		case 'group_too_large':
			return m.events_error_group_too_large();
		case 'bad_code':
			return m.events_error_bad_code();
		case 'checkin_closed':
			return m.events_error_checkin_closed();
		case 'not_started':
			return m.events_error_not_started();
		case 'already_answered':
			return m.events_error_already_answered();
		case 'too_early':
			return m.events_error_too_early();
		default:
			return m.events_error_invalid();
	}
}
