/**
 * What can go wrong in the identity domain, as codes a route turns into a translated message
 * (`fail(400)`) or an HTTP status (`forbidden` -> 403, `not_found` -> 404). The domain never
 * writes user-facing text itself.
 */
export type IdentityErrorCode =
	| 'forbidden'
	| 'not_found'
	| 'already_member'
	| 'department_mismatch'
	| 'last_admin'
	| 'self_demotion'
	| 'invitation_expired'
	| 'invitation_used'
	| 'invitation_revoked'
	| 'invitation_pending'
	| 'account_exists'
	| 'email_mismatch'
	| 'slug_taken'
	| 'department_exists';

export class IdentityError extends Error {
	constructor(
		readonly code: IdentityErrorCode,
		message = code
	) {
		super(message);
		this.name = 'IdentityError';
	}
}

export function isIdentityError(e: unknown, code?: IdentityErrorCode): e is IdentityError {
	return e instanceof IdentityError && (!code || e.code === code);
}
