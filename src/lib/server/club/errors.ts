/** A refusal of the club domain; routes turn `code` into a translated message (club_error_<code>). */
export type ClubErrorCode =
	| 'not_found'
	| 'forbidden'
	| 'invalid'
	| 'not_draft'
	| 'not_voting'
	| 'closed'
	| 'no_paragraph'
	| 'quote_not_found'
	| 'already_decided'
	| 'already_member'
	| 'no_user'
	| 'handle_taken';

export class ClubError extends Error {
	constructor(
		readonly code: ClubErrorCode,
		message?: string
	) {
		super(message ?? code);
		this.name = 'ClubError';
	}
}

export function isClubError(err: unknown): err is ClubError {
	return err instanceof ClubError;
}
