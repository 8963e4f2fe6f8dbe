import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { addNomination, moveNomination, nominationSchema, removeNomination, setupView } from '$lib/server/contests';
import { submit, yearOf } from '../forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	requirePermission(locals, 'contest:manage');
	const view = await setupView(yearOf(params), locals.locale);
	if (!view) error(404, { message: m.contest_error_not_found() });
	return { ...view, done: url.searchParams.get('done') };
};

export const actions: Actions = {
	add: (event) => submit(event, nominationSchema, () => 'add', (d) => addNomination(yearOf(event.params), d), '?done=added'),
	up: (event) => submit(event, null, (v) => `row-${v.code}`, (_d, v) => moveNomination(yearOf(event.params), v.code ?? '', -1), '?done=moved'),
	down: (event) => submit(event, null, (v) => `row-${v.code}`, (_d, v) => moveNomination(yearOf(event.params), v.code ?? '', 1), '?done=moved'),
	remove: (event) => submit(event, null, (v) => `row-${v.code}`, (_d, v) => removeNomination(yearOf(event.params), v.code ?? ''), '?done=removed')
};
