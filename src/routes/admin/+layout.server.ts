import { requirePermission } from '$lib/server/auth/permissions';
import type { LayoutServerLoad } from './$types';

// The whole /admin area is for admins; every page and action below checks its own permission too.
export const load: LayoutServerLoad = ({ locals }) => {
	requirePermission(locals, 'admin:access');
	return {};
};
