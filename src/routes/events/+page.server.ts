import { can } from '$lib/server/auth/permissions';
import { filtersFromUrl, listEvents, monthFromParam, monthView, EVENT_KINDS, EVENT_TOPICS } from '$lib/server/events';
import type { PageServerLoad } from './$types';

// The calendar: a list (upcoming or past) or a month grid, both with the same filters, all by GET.
export const load: PageServerLoad = async ({ url, locals }) => {
	const filters = filtersFromUrl(url.searchParams);
	const view = url.searchParams.get('view') === 'month' ? 'month' : 'list';
	const { year, month } = monthFromParam(url.searchParams.get('month'));
	return {
		filters,
		view,
		kinds: EVENT_KINDS,
		topics: EVENT_TOPICS,
		list: view === 'list' ? await listEvents(filters) : null,
		month: view === 'month' ? await monthView(year, month, filters) : null,
		canCreate: can(locals.user, 'event:create')
	};
};
