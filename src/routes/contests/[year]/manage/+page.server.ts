import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { closeRound, jurorSchema, manageView, openRegistration, publishResults, recusalWithdrawalSchema, removeJuror, seatJuror, startScreening, withdrawRecusal } from '$lib/server/contests';
import { submit, yearOf } from './forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	requirePermission(locals, 'contest:manage');
	const view = await manageView(yearOf(params), locals.locale);
	if (!view) error(404, { message: m.contest_error_not_found() });
	return { ...view, done: url.searchParams.get('done') };
};

const steps = (run: (year: number) => Promise<unknown>, done: string): Actions[string] => (event) => submit(event, null, () => 'step', () => run(yearOf(event.params)), `?done=${done}`);

export const actions: Actions = {
	open: steps(openRegistration, 'opened'),
	screening: steps(startScreening, 'screening'),
	close: steps(closeRound, 'closed'),
	publish: steps(publishResults, 'published'),
	juror: (event) => submit(event, jurorSchema, (v) => `juror-${v.code}`, (d) => seatJuror(yearOf(event.params), d.code, d.email, d.round), (v) => `?done=juror#jury-${v.code}`),
	unseat: (event) =>
		submit(event, null, (v) => `juror-${v.code}`, (_d, v) => removeJuror(yearOf(event.params), v.code ?? '', v.userId ?? '', v.round === 'final' ? 'final' : 'screening'), (v) => `?done=unseated#jury-${v.code}`),
	withdrawRecusal: (event) =>
		submit(
			event,
			recusalWithdrawalSchema,
			(v) => `recusal-${v.code}-${v.userId}`,
			(d) => withdrawRecusal(yearOf(event.params), d.code, d.userId, event.locals.user?.id ?? null, d.reason),
			(v) => `?done=recusal#jury-${v.code}`
		)
};
