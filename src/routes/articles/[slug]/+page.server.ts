import { error } from '@sveltejs/kit';
import { can } from '$lib/server/auth/permissions';
import { articleForReader, articleHtml, bulletinsOfArticle, canEditArticle, toLocale } from '$lib/server/publishing';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const locale = toLocale(locals.locale);
	const a = await articleForReader(params.slug, locals.user);
	if (!a) error(404, { message: m.pub_error_not_found({}, { locale }) });
	const english = locale === 'en' && !!a.bodyEn;
	return {
		article: {
			slug: a.slug,
			kind: a.kind,
			status: a.status,
			title: locale === 'en' && a.titleEn ? a.titleEn : a.titleUk,
			summary: locale === 'en' && a.summaryEn ? a.summaryEn : a.summaryUk,
			html: articleHtml(english ? a.bodyEn! : a.bodyUk),
			lang: english ? 'en' : 'uk',
			authors: a.authors,
			topics: a.topics,
			publishedAt: a.publishedAt
		},
		englishMissing: locale === 'en' && !a.bodyEn,
		bulletins: await bulletinsOfArticle(a.id),
		canEdit: canEditArticle(locals.user, a) || can(locals.user, 'article:publish')
	};
};
