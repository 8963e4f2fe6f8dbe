import { can } from '$lib/server/auth/permissions';
import { AUDIENCES, FORMATS, LANGUAGES, LEVELS, TOPICS, filtersFromUrl, listCourses } from '$lib/server/learning';
import type { PageServerLoad } from './$types';

/** The catalog: public, filtered and searched through the query string (a GET form, works without JS). */
export const load: PageServerLoad = async ({ url, locals }) => {
	const filters = filtersFromUrl(url);
	const result = await listCourses(filters);
	return {
		...result,
		filters,
		options: { audiences: AUDIENCES, topics: TOPICS, levels: LEVELS, formats: FORMATS, languages: LANGUAGES },
		signedIn: !!locals.user,
		canUploadH5P: can(locals.user, 'h5p:upload')
	};
};
