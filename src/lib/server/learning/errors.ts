/** A refusal of the learning domain; routes turn `code` into a translated message (learning_error_<code>). */
export type LearningErrorCode =
	| 'not_found'
	| 'forbidden'
	| 'not_enrolled'
	| 'already_enrolled'
	| 'not_open'
	| 'no_membership'
	| 'not_member'
	| 'no_attempts_left'
	| 'attempt_closed'
	| 'archived'
	| 'invalid';

export class LearningError extends Error {
	constructor(
		readonly code: LearningErrorCode,
		message?: string
	) {
		super(message ?? code);
		this.name = 'LearningError';
	}
}

export function isLearningError(err: unknown): err is LearningError {
	return err instanceof LearningError;
}
