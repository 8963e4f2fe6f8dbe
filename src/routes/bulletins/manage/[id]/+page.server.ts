import { error, fail } from '@sveltejs/kit';
import { fromKyivInputValue } from '$lib/i18n/datetime';
import { requirePermission } from '$lib/server/auth/permissions';
import {
	composableArticles,
	explainPublishingError,
	formList,
	formString,
	getBulletinById,
	publishBulletin,
	toLocale,
	unpublishBulletin,
	updateBulletin
} from '$lib/server/publishing';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	requirePermission(locals, 'bulletin:manage');
	const b = await getBulletinById(params.id);
	if (!b) error(404, { message: m.pub_error_not_found({}, { locale: toLocale(locals.locale) }) });
	const chosen = new Map(b.items.map((i) => [i.article.id, i.position + 1]));
	const articles = await composableArticles();
	return {
		issue: { id: b.id, year: b.year, number: b.number, status: b.status, scheduledAt: b.scheduledAt },
		values: {
			titleUk: b.titleUk,
			titleEn: b.titleEn ?? '',
			editorialUk: b.editorialUk,
			editorialEn: b.editorialEn ?? '',
			articles: articles
				.map((a) => ({ id: a.id, title: a.titleUk, status: a.status, include: chosen.has(a.id), position: chosen.get(a.id) ?? 0 }))
				.sort((x, y) => Number(y.include) - Number(x.include) || x.position - y.position)
		}
	};
};

function composed(f: FormData) {
	const include = new Set(formList(f, 'include'));
	const ids = formList(f, 'article');
	const rows = ids.map((id) => ({ id, include: include.has(id), position: Number(formString(f, `position-${id}`)) || 999 }));
	const articleIds = rows.filter((r) => r.include).sort((a, b) => a.position - b.position).map((r) => r.id);
	return { rows, articleIds };
}

export const actions: Actions = {
	save: async ({ params, locals, request }) => {
		const user = requirePermission(locals, 'bulletin:manage');
		const f = await request.formData();
		const { articleIds } = composed(f);
		const values = { titleUk: formString(f, 'titleUk'), titleEn: formString(f, 'titleEn'), editorialUk: formString(f, 'editorialUk'), editorialEn: formString(f, 'editorialEn') };
		try {
			await updateBulletin(user, params.id, { ...values, articleIds });
		} catch (err) {
			return fail(400, { error: explainPublishingError(err, toLocale(locals.locale)), values });
		}
		return { saved: true };
	},
	publish: async ({ params, locals, request }) => {
		const user = requirePermission(locals, 'bulletin:manage');
		const f = await request.formData();
		const at = formString(f, 'scheduledAt') ? fromKyivInputValue(formString(f, 'scheduledAt')) : null;
		try {
			const b = await publishBulletin(user, params.id, at);
			return { published: b.status, scheduledAt: b.scheduledAt };
		} catch (err) {
			return fail(400, { error: explainPublishingError(err, toLocale(locals.locale)) });
		}
	},
	unpublish: async ({ params, locals }) => {
		const user = requirePermission(locals, 'bulletin:manage');
		try {
			await unpublishBulletin(user, params.id);
		} catch (err) {
			return fail(400, { error: explainPublishingError(err, toLocale(locals.locale)) });
		}
		return { saved: true };
	}
};
