import { localizeHref } from '$lib/paraglide/runtime';
import { requirePermission } from '$lib/server/auth/permissions';
import { contestSchema, createContest } from '$lib/server/contests';
import { submit } from '../[year]/manage/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'contest:manage');
	return {};
};

export const actions: Actions = {
	save: (event) => submit(event, contestSchema, () => 'contest', (d) => createContest(d), (v) => localizeHref(`/contests/${v.year!.trim()}/manage?done=created`, { locale: event.locals.locale }))
};
