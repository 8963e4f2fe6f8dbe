import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { ContestError } from '$lib/server/contests';

/** A contest domain error as the reader's message; anything else is thrown on. */
export function contestMessage(err: unknown, locale: 'uk' | 'en'): string {
	if (!(err instanceof ContestError)) throw err;
	const o = { locale };
	const name = err.detail;
	switch (err.code) {
		case 'not_found': return m.contest_error_not_found({}, o);
		case 'forbidden': return m.contest_error_forbidden({}, o);
		case 'recused': return m.contest_error_recused({}, o);
		case 'closed': return m.contest_error_closed({}, o);
		case 'invalid': return m.contest_error_invalid({}, o);
		case 'round_open': return m.contest_error_round_open({}, o);
		case 'vote_closed': return m.contest_error_vote_closed({}, o);
		case 'already_voted': return m.contest_error_already_voted({}, o);
		case 'locked': return m.contest_error_locked({}, o);
		case 'year_taken': return m.contest_error_year_taken({}, o);
		case 'code_taken': return m.contest_error_code_taken({}, o);
		case 'key_taken': return m.contest_error_key_taken({}, o);
		case 'has_entries': return m.contest_error_has_entries({ name }, o);
		case 'no_nominations': return m.contest_error_no_nominations({}, o);
		case 'no_criteria': return m.contest_error_no_criteria({ name }, o);
		case 'no_jurors': return m.contest_error_no_jurors({ name }, o);
		case 'no_dates': return m.contest_error_no_dates({}, o);
		case 'round_closed': return m.contest_error_round_closed({}, o);
		case 'no_user': return m.contest_juror_no_user({}, o);
	}
}

/** Which form field a refusal belongs to, when it belongs to one (shown beside the field). */
export function contestErrorField(err: unknown): string | null {
	if (!(err instanceof ContestError)) return null;
	return { year_taken: 'year', code_taken: 'code', key_taken: 'key', no_user: 'email' }[err.code as string] ?? null;
}

/** Turns a domain error into the HTTP error of a load: 404 or 403 (translated). */
export function contestHttpError(err: unknown, locale: 'uk' | 'en'): never {
	const message = contestMessage(err, locale);
	const code = (err as ContestError).code;
	error(code === 'not_found' ? 404 : code === 'forbidden' || code === 'recused' ? 403 : 400, { message });
}
