import { can } from '$lib/server/auth/permissions';
import { TOOLS, classifierTree, filtersFromUrl, listCases, regionOptions } from '$lib/server/cases';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const filters = filtersFromUrl(url.searchParams);
	const l = locals.locale;
	return {
		filters,
		result: await listCases(filters, l),
		tree: classifierTree(l),
		regions: regionOptions(l),
		tools: TOOLS.map((t) => ({ value: t.code, label: l === 'en' ? t.en : t.uk })),
		canSubmit: can(locals.user, 'case:submit'),
		signedIn: !!locals.user
	};
};
