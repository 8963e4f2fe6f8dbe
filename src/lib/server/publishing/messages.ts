import { m } from '../../paraglide/messages.js';
import { isPublishingError, type PublishingErrorCode } from './errors.ts';
import type { Locale } from './types.ts';

const ERRORS: Record<PublishingErrorCode, (i: object, o: { locale: Locale }) => string> = {
	not_found: m.pub_error_not_found,
	forbidden: m.pub_error_forbidden,
	invalid: m.pub_error_invalid,
	slug_taken: m.pub_error_slug_taken,
	bad_transition: m.pub_error_bad_transition,
	issue_taken: m.pub_error_issue_taken,
	not_published: m.pub_error_not_published,
	no_articles: m.pub_error_no_articles,
	test_first: m.pub_error_test_first,
	campaign_state: m.pub_error_campaign_state,
	bad_token: m.pub_error_bad_token
};

/** A refusal of the domain as a translated sentence; anything else is rethrown (a real failure). */
export function explainPublishingError(err: unknown, locale: Locale): string {
	if (!isPublishingError(err)) throw err;
	return ERRORS[err.code]({}, { locale });
}
