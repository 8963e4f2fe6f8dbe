import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requirePermission } from '$lib/server/auth/permissions';
import { createBulletin, explainPublishingError, formString, listAllBulletins, toLocale } from '$lib/server/publishing';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'bulletin:manage');
	const issues = await listAllBulletins();
	const now = new Date();
	return {
		issues: issues.map((b) => ({ id: b.id, year: b.year, number: b.number, titleUk: b.titleUk, status: b.status, articles: b._count.items, campaign: b.campaign?.status ?? null })),
		suggested: { year: now.getUTCFullYear(), number: Math.floor(now.getUTCMonth() / 3) + 1 }
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const user = requirePermission(locals, 'bulletin:manage');
		const f = await request.formData();
		const values = { year: formString(f, 'year'), number: formString(f, 'number'), titleUk: formString(f, 'titleUk') };
		let id: string;
		try {
			id = (await createBulletin(user, { year: Number(values.year), number: Number(values.number), titleUk: values.titleUk, articleIds: [] })).id;
		} catch (err) {
			return fail(400, { values, error: explainPublishingError(err, toLocale(locals.locale)) });
		}
		redirect(303, localizeHref(`/bulletins/manage/${id}`, { locale: locals.locale }));
	}
};
