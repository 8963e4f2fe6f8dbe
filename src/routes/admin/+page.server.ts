import { requirePermission } from '$lib/server/auth/permissions';
import { auditNames, identityCounts, listAudit } from '$lib/server/identity';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'admin:access');
	const recent = await listAudit({}, { pageSize: 8 });
	return { counts: await identityCounts(), recent: recent.items, names: await auditNames(recent.items) };
};
