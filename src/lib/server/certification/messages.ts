import { m } from '../../paraglide/messages.js';
import { isCertificationError } from './errors.ts';

/** A translated sentence for a refusal of the certification domain. */
export function explainCertificationError(e: unknown, locale: 'uk' | 'en'): string {
	const o = { locale };
	if (!isCertificationError(e)) return m.certn_error_invalid({}, o);
	switch (e.code) {
		case 'not_found':
			return m.certn_error_not_found({}, o);
		case 'forbidden':
			return m.certn_error_forbidden({}, o);
		case 'slug_taken':
			return m.certn_error_slug_taken({}, o);
		case 'reason_required':
			return m.certn_error_reason_required({}, o);
		case 'already_revoked':
			return m.certn_error_already_revoked({}, o);
		case 'bad_target':
			return m.certn_error_bad_target({}, o);
		case 'import_failed':
			return m.certn_error_import_failed({ count: String(e.issues.length) }, o);
		default:
			return m.certn_error_invalid({}, o);
	}
}

/** One import issue as a sentence: line, field and what is wrong. */
export function explainImportIssue(issue: { line: number; field: string; code: string; value?: string }, locale: 'uk' | 'en'): string {
	const o = { locale };
	const what =
		issue.code === 'required'
			? m.certn_issue_required({}, o)
			: issue.code === 'duplicate'
				? m.certn_issue_duplicate({ value: issue.value ?? '' }, o)
				: issue.code === 'levels_count'
					? m.certn_issue_levels_count({ count: issue.value ?? '0' }, o)
					: issue.code === 'unknown_course'
						? m.certn_issue_unknown_course({ value: issue.value ?? '' }, o)
						: issue.code === 'bad_header'
							? m.certn_issue_bad_header({}, o)
							: issue.code === 'too_long'
								? m.certn_issue_too_long({}, o)
								: m.certn_issue_syntax({}, o);
	return m.certn_issue_line({ line: String(issue.line), field: issue.field || '—', what }, o);
}
