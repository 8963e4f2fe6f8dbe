import { error } from '@sveltejs/kit';
import { can, requirePermission } from '$lib/server/auth/permissions';
import { clubRoleOf, getResolutionMeta, versionsDiff } from '$lib/server/club';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url, locals }) => {
	const r = await getResolutionMeta(params.id);
	if (!r) error(404, 'Not found');
	const clubRole = await clubRoleOf(locals.user?.id);
	if (r.status !== 'adopted' && !can(locals.user, 'club:manage', { clubRole })) requirePermission(locals, 'club:comment', { clubRole });
	const to = Number(url.searchParams.get('to')) || r.currentVersion;
	const from = Number(url.searchParams.get('from')) || Math.max(1, to - 1);
	const diff = await versionsDiff(r.id, from, to);
	if (!diff) error(404, 'Not found');
	return { resolution: r, ...diff };
};
