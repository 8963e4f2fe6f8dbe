import { m } from '$lib/paraglide/messages.js';

/**
 * A problem found in the course files or in an H5P package: where (file relative to the courses
 * folder, line, field) and what (a message key of the learning catalog with its parameters), so the
 * same issue reads in Ukrainian or English in the command line and in the portal.
 */
export interface Issue {
	file: string;
	line?: number;
	/** Dotted path of the field in the file ("questions[2].options"), when it concerns one. */
	field?: string;
	code: IssueCode;
	params?: Record<string, string | number>;
}

/** Every issue code with the message that tells it (keys of messages/learning, prefix learning_issue_). */
const MESSAGES = {
	yaml_syntax: m.learning_issue_yaml_syntax,
	file_missing: m.learning_issue_file_missing,
	front_matter_missing: m.learning_issue_front_matter_missing,
	required: m.learning_issue_required,
	type: m.learning_issue_type,
	enum: m.learning_issue_enum,
	unknown_field: m.learning_issue_unknown_field,
	too_small: m.learning_issue_too_small,
	greater_than: m.learning_issue_greater_than,
	too_big: m.learning_issue_too_big,
	format: m.learning_issue_format,
	duplicate_id: m.learning_issue_duplicate_id,
	duplicate_slug: m.learning_issue_duplicate_slug,
	slug_reserved: m.learning_issue_slug_reserved,
	slug_folder: m.learning_issue_slug_folder,
	unknown_reference: m.learning_issue_unknown_reference,
	single_needs_one_correct: m.learning_issue_single_needs_one_correct,
	multiple_needs_correct: m.learning_issue_multiple_needs_correct,
	duplicate_option: m.learning_issue_duplicate_option,
	bank_too_small: m.learning_issue_bank_too_small,
	quiz_empty: m.learning_issue_quiz_empty,
	completion_kind: m.learning_issue_completion_kind,
	kind_needs: m.learning_issue_kind_needs,
	link_missing: m.learning_issue_link_missing,
	link_outside: m.learning_issue_link_outside,
	course_empty: m.learning_issue_course_empty,
	module_empty: m.learning_issue_module_empty,
	folder_name: m.learning_issue_folder_name,
	h5p_too_large: m.learning_issue_h5p_too_large,
	h5p_not_zip: m.learning_issue_h5p_not_zip,
	h5p_unsafe_path: m.learning_issue_h5p_unsafe_path,
	h5p_bomb: m.learning_issue_h5p_bomb,
	h5p_too_many_files: m.learning_issue_h5p_too_many_files,
	h5p_file_type: m.learning_issue_h5p_file_type,
	h5p_missing_h5p_json: m.learning_issue_h5p_missing_h5p_json,
	h5p_missing_content: m.learning_issue_h5p_missing_content,
	h5p_invalid_json: m.learning_issue_h5p_invalid_json,
	h5p_missing_library: m.learning_issue_h5p_missing_library,
	h5p_main_library: m.learning_issue_h5p_main_library
} as const;

export type IssueCode = keyof typeof MESSAGES;

type MessageFn = (params: Record<string, string>, options: { locale: 'uk' | 'en' }) => string;

function asLocale(locale: string | undefined): 'uk' | 'en' {
	return locale === 'en' ? 'en' : 'uk';
}

/** The issue's message alone, in `locale`. */
export function issueMessage(issue: Pick<Issue, 'code' | 'params' | 'field'>, locale?: string): string {
	const fn = MESSAGES[issue.code] as unknown as MessageFn;
	const params: Record<string, string> = { field: issue.field ?? '' };
	for (const [k, v] of Object.entries(issue.params ?? {})) params[k] = String(v);
	return fn(params, { locale: asLocale(locale) });
}

/** "courses/x/course.yaml:12 title.en: <message>" — the form an editor or a terminal understands. */
export function formatIssue(issue: Issue, locale?: string): string {
	const where = `${issue.file}${issue.line ? `:${issue.line}` : ''}`;
	return `${where}${issue.field ? ` ${issue.field}` : ''}: ${issueMessage(issue, locale)}`;
}

/** Dotted path as people read it: questions[2].options[0].text */
export function fieldPath(path: ReadonlyArray<PropertyKey>): string {
	let out = '';
	for (const part of path) {
		if (typeof part === 'number') out += `[${part}]`;
		else out += out ? `.${String(part)}` : String(part);
	}
	return out;
}
