import { can } from '$lib/server/auth/permissions';
import { listPublishedBulletins } from '$lib/server/publishing';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const issues = await listPublishedBulletins();
	return {
		issues: issues.map((b) => ({
			year: b.year,
			number: b.number,
			titleUk: b.titleUk,
			titleEn: b.titleEn,
			publishedAt: b.publishedAt,
			articles: b.items.map((i) => ({ slug: i.article.slug, titleUk: i.article.titleUk, titleEn: i.article.titleEn }))
		})),
		canManage: can(locals.user, 'bulletin:manage')
	};
};
