import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { isIdentityError, type IdentityErrorCode } from './errors.ts';

type Locale = 'uk' | 'en';

/** The translated sentence for an identity error code, in the request's language. */
export function identityErrorText(code: IdentityErrorCode, locale: Locale): string {
	const o = { locale };
	switch (code) {
		case 'forbidden':
			return m.account_forbidden({}, o);
		case 'not_found':
			return m.account_error_not_found({}, o);
		case 'already_member':
			return m.account_error_already_member({}, o);
		case 'department_mismatch':
			return m.account_error_department_mismatch({}, o);
		case 'last_admin':
			return m.account_error_last_admin({}, o);
		case 'self_demotion':
			return m.account_error_self_demotion({}, o);
		case 'invitation_expired':
			return m.account_invite_expired({}, o);
		case 'invitation_used':
			return m.account_invite_used({}, o);
		case 'invitation_revoked':
			return m.account_invite_revoked({}, o);
		case 'invitation_pending':
			return m.account_error_invitation_pending({}, o);
		case 'account_exists':
			return m.account_error_account_exists({}, o);
		case 'email_mismatch':
			return m.account_delete_email_mismatch({}, o);
		case 'slug_taken':
			return m.account_error_slug_taken({}, o);
		case 'department_exists':
			return m.account_error_department_exists({}, o);
	}
}

/**
 * For form actions: turns an identity error into what the page shows. `forbidden` becomes a 403
 * and `not_found` a 404 (thrown); any other code comes back as a translated sentence for
 * `fail(400, …)`. Anything that is not an identity error is rethrown untouched.
 */
export function explainIdentityError(e: unknown, locale: Locale): string {
	if (!isIdentityError(e)) throw e;
	if (e.code === 'forbidden') error(403, { message: identityErrorText('forbidden', locale) });
	if (e.code === 'not_found') error(404, { message: identityErrorText('not_found', locale) });
	return identityErrorText(e.code, locale);
}
