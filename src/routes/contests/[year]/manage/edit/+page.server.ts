import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { requirePermission } from '$lib/server/auth/permissions';
import { contestSchema, setupView, updateContest } from '$lib/server/contests';
import { submit, yearOf } from '../forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	requirePermission(locals, 'contest:manage');
	const view = await setupView(yearOf(params), locals.locale);
	if (!view) error(404, { message: m.contest_error_not_found() });
	return { year: view.year, title: view.title, status: view.status, editable: view.editable, details: view.details };
};

export const actions: Actions = {
	// The year is the contest's address: whatever is posted, the address's year is kept.
	save: (event) => {
		const year = yearOf(event.params);
		return submit(event, contestSchema, () => 'contest', (d) => updateContest(year, d), localizeHref(`/contests/${year}/manage?done=saved`, { locale: event.locals.locale }));
	}
};
