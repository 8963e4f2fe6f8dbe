/** A refusal of the certification domain; routes turn `code` into a translated message (certn_error_<code>). */
export type CertificationErrorCode =
	| 'not_found'
	| 'forbidden'
	| 'invalid'
	| 'slug_taken'
	| 'reason_required'
	| 'already_revoked'
	| 'bad_target'
	| 'import_failed';

export class CertificationError extends Error {
	constructor(
		readonly code: CertificationErrorCode,
		message?: string,
		/** For import errors: where in the file. */
		readonly issues: ImportIssue[] = []
	) {
		super(message ?? code);
		this.name = 'CertificationError';
	}
}

/** One problem found in an imported framework file: line (1-based) and field, with a message code. */
export interface ImportIssue {
	line: number;
	field: string;
	code: 'required' | 'unknown_area' | 'duplicate' | 'bad_level' | 'levels_count' | 'too_long' | 'syntax' | 'unknown_course' | 'bad_header';
	value?: string;
}

export function isCertificationError(err: unknown): err is CertificationError {
	return err instanceof CertificationError;
}
