import { m } from '../../paraglide/messages.js';
import { fromKyivInputValue } from '../../i18n/datetime.ts';
import { isClubError, type ClubErrorCode } from './errors.ts';

/** Reading the club's plain forms (every core journey works without JavaScript) and their errors. */

export function text(data: FormData, name: string, max = 20_000): string {
	const v = data.get(name);
	return typeof v === 'string' ? v.slice(0, max) : '';
}

/** What the form held, to give it back after a refusal (never files or passwords). */
export function values(data: FormData, names: string[]): Record<string, string> {
	return Object.fromEntries(names.map((n) => [n, text(data, n)]));
}

/** A Kyiv wall time from <input type="datetime-local"> or a date from <input type="date">, or null. */
export function kyivInstant(value: string): Date | null {
	if (!value) return null;
	const v = /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T23:59` : value;
	try {
		return fromKyivInputValue(v) ?? null;
	} catch {
		return null;
	}
}

const MESSAGES: Record<ClubErrorCode, (o: { locale: 'uk' | 'en' }) => string> = {
	not_found: (o) => m.club_error_not_found({}, o),
	forbidden: (o) => m.club_error_forbidden({}, o),
	invalid: (o) => m.club_error_invalid({}, o),
	not_draft: (o) => m.club_error_not_draft({}, o),
	not_voting: (o) => m.club_error_not_voting({}, o),
	closed: (o) => m.club_error_closed({}, o),
	no_paragraph: (o) => m.club_error_no_paragraph({}, o),
	quote_not_found: (o) => m.club_error_quote_not_found({}, o),
	already_decided: (o) => m.club_error_already_decided({}, o),
	already_member: (o) => m.club_error_already_member({}, o),
	no_user: (o) => m.club_error_no_user({}, o),
	handle_taken: (o) => m.club_error_invalid({}, o)
};

/** A translated message for a club refusal; anything else is rethrown (a real failure, a 500). */
export function explainClubError(err: unknown, locale: string | undefined): string {
	if (!isClubError(err)) throw err;
	return MESSAGES[err.code]({ locale: locale === 'en' ? 'en' : 'uk' });
}
