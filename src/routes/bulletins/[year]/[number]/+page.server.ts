import { error } from '@sveltejs/kit';
import { can } from '$lib/server/auth/permissions';
import { articleHtml, bulletinForReader, pick, toLocale } from '$lib/server/publishing';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	const locale = toLocale(locals.locale);
	const b = await bulletinForReader(Number(params.year), Number(params.number), locals.user);
	if (!b) error(404, { message: m.pub_error_not_found({}, { locale }) });
	return {
		issue: {
			id: b.id,
			year: b.year,
			number: b.number,
			status: b.status,
			title: pick(locale, b.titleUk, b.titleEn),
			editorialHtml: articleHtml(pick(locale, b.editorialUk, b.editorialEn)),
			publishedAt: b.publishedAt,
			articles: b.items.map(({ article: a }) => ({
				slug: a.slug,
				kind: a.kind,
				title: pick(locale, a.titleUk, a.titleEn),
				summary: pick(locale, a.summaryUk, a.summaryEn),
				authors: a.authors
			}))
		},
		canManage: can(locals.user, 'bulletin:manage')
	};
};
