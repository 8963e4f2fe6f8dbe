import { m } from '$lib/paraglide/messages.js';
import { isLearningError, type LearningErrorCode } from './errors.ts';

const ERRORS: Record<LearningErrorCode, (p: Record<string, never>, o: { locale: 'uk' | 'en' }) => string> = {
	not_found: m.learning_error_not_found,
	forbidden: m.learning_error_forbidden,
	not_enrolled: m.learning_error_not_enrolled,
	already_enrolled: m.learning_error_already_enrolled,
	not_open: m.learning_error_not_open,
	no_membership: m.learning_error_no_membership,
	not_member: m.learning_error_not_member,
	no_attempts_left: m.learning_error_no_attempts_left,
	attempt_closed: m.learning_error_attempt_closed,
	archived: m.learning_error_archived,
	invalid: m.learning_error_invalid
};

/** The translated message of a learning refusal; other errors are thrown on (they are bugs). */
export function explainLearningError(err: unknown, locale: string | undefined): string {
	if (!isLearningError(err)) throw err;
	return ERRORS[err.code]({}, { locale: locale === 'en' ? 'en' : 'uk' });
}
