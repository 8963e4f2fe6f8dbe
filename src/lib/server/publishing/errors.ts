/** A refusal of the publishing domain; routes turn `code` into a translated message (pub_error_<code>). */
export type PublishingErrorCode =
	| 'not_found'
	| 'forbidden'
	| 'invalid'
	| 'slug_taken'
	| 'bad_transition'
	| 'issue_taken'
	| 'not_published'
	| 'no_articles'
	| 'test_first'
	| 'campaign_state'
	| 'bad_token';

export class PublishingError extends Error {
	constructor(
		readonly code: PublishingErrorCode,
		message?: string
	) {
		super(message ?? code);
		this.name = 'PublishingError';
	}
}

export function isPublishingError(err: unknown): err is PublishingError {
	return err instanceof PublishingError;
}
