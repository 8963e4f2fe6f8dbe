import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = ({ locals }) => ({
	locale: locals.locale,
	user: locals.user
		? {
				id: locals.user.id,
				email: locals.user.email,
				name: locals.user.name,
				roles: locals.user.roles,
				isAdmin: locals.user.roles.includes('admin'),
				canManage: locals.user.memberships.some((m) => m.role === 'manager')
			}
		: null
});
