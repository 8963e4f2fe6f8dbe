import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { ContestError } from '$lib/server/contests';

/** A contest domain error as the reader's message; anything else is thrown on. */
export function contestMessage(err: unknown, locale: 'uk' | 'en'): string {
	if (!(err instanceof ContestError)) throw err;
	const o = { locale };
	switch (err.code) {
		case 'not_found': return m.contest_error_not_found({}, o);
		case 'forbidden': return m.contest_error_forbidden({}, o);
		case 'recused': return m.contest_error_recused({}, o);
		case 'closed': return m.contest_error_closed({}, o);
		case 'invalid': return m.contest_error_invalid({}, o);
		case 'round_open': return m.contest_error_round_open({}, o);
		case 'vote_closed': return m.contest_error_vote_closed({}, o);
		case 'already_voted': return m.contest_error_already_voted({}, o);
	}
}

/** Turns a domain error into the HTTP error of a load: 404 or 403 (translated). */
export function contestHttpError(err: unknown, locale: 'uk' | 'en'): never {
	const message = contestMessage(err, locale);
	const code = (err as ContestError).code;
	error(code === 'not_found' ? 404 : code === 'forbidden' || code === 'recused' ? 403 : 400, { message });
}
