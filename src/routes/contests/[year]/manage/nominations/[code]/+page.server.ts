import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { addCriterion, criterionSchema, moveCriterion, nominationSchema, removeCriterion, setupView, updateCriterion, updateNomination } from '$lib/server/contests';
import { submit, yearOf } from '../../forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	requirePermission(locals, 'contest:manage');
	const view = await setupView(yearOf(params), locals.locale);
	const nomination = view?.nominations.find((n) => n.code === params.code);
	if (!view || !nomination) error(404, { message: m.contest_error_not_found() });
	return { year: view.year, contestTitle: view.title, editable: view.editable, nomination, done: url.searchParams.get('done') };
};

export const actions: Actions = {
	// The code in the address is the nomination's; a posted code is ignored.
	save: (event) => submit(event, nominationSchema, () => 'nomination', (d) => updateNomination(yearOf(event.params), event.params.code, d), '?done=saved'),
	addCriterion: (event) => submit(event, criterionSchema, () => 'criterion-new', (d) => addCriterion(yearOf(event.params), event.params.code, d), '?done=added#criteria'),
	saveCriterion: (event) => submit(event, criterionSchema, (v) => `criterion-${v.id}`, (d, v) => updateCriterion(yearOf(event.params), event.params.code, v.id ?? '', d), '?done=saved#criteria'),
	// The row actions of the criteria table (RowActions: up, down, remove).
	up: (event) => submit(event, null, (v) => `row-${v.id}`, (_d, v) => moveCriterion(yearOf(event.params), event.params.code, v.id ?? '', -1), '?done=moved#criteria'),
	down: (event) => submit(event, null, (v) => `row-${v.id}`, (_d, v) => moveCriterion(yearOf(event.params), event.params.code, v.id ?? '', 1), '?done=moved#criteria'),
	remove: (event) => submit(event, null, (v) => `row-${v.id}`, (_d, v) => removeCriterion(yearOf(event.params), event.params.code, v.id ?? ''), '?done=removed#criteria')
};
