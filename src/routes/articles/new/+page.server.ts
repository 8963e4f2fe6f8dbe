import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requirePermission } from '$lib/server/auth/permissions';
import { ARTICLE_KINDS, ARTICLE_TOPICS, articleFormValues, articleInput, createArticle, explainPublishingError, toLocale } from '$lib/server/publishing';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'article:write');
	return { kinds: [...ARTICLE_KINDS], topics: [...ARTICLE_TOPICS] };
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requirePermission(locals, 'article:write');
		const values = articleFormValues(await request.formData());
		let slug: string;
		try {
			slug = (await createArticle(user, articleInput(values))).slug;
		} catch (err) {
			return fail(400, { values, error: explainPublishingError(err, toLocale(locals.locale)) });
		}
		redirect(303, localizeHref(`/articles/${slug}/edit`, { locale: locals.locale }));
	}
};
