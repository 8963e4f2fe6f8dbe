import { requirePermission } from '$lib/server/auth/permissions';
import { GLOBAL_ROLES, listUsers } from '$lib/server/identity';
import type { GlobalRole } from '$lib/server/auth/types';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, 'users:read');
	const q = (url.searchParams.get('q') ?? '').slice(0, 200);
	const roleParam = url.searchParams.get('role') ?? '';
	const role = (GLOBAL_ROLES as readonly string[]).includes(roleParam) ? (roleParam as GlobalRole) : undefined;
	const page = Number(url.searchParams.get('page') ?? '1');
	return { q, role: role ?? '', users: await listUsers({ q, role, page }) };
};
