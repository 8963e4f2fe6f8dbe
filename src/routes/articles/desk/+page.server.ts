import { can, requirePermission } from '$lib/server/auth/permissions';
import { listDesk } from '$lib/server/publishing';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requirePermission(locals, 'article:write');
	const items = await listDesk(user);
	return {
		editor: can(user, 'article:publish'),
		items: items.map((a) => ({ slug: a.slug, titleUk: a.titleUk, kind: a.kind, status: a.status, updatedAt: a.updatedAt }))
	};
};
