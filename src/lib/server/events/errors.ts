/** A refusal of the events domain; routes turn `code` into a translated message (events_error_<code>). */
export type EventErrorCode =
	| 'not_found'
	| 'forbidden'
	| 'cancelled'
	| 'registration_closed'
	| 'registration_not_open'
	| 'already_registered'
	| 'not_registered'
	| 'group_too_large'
	| 'bad_code'
	| 'checkin_closed'
	| 'not_started'
	| 'already_answered'
	| 'too_early'
	| 'invalid';

export class EventError extends Error {
	constructor(
		readonly code: EventErrorCode,
		message?: string
	) {
		super(message ?? code);
		this.name = 'EventError';
	}
}

export function isEventError(err: unknown): err is EventError {
	return err instanceof EventError;
}
