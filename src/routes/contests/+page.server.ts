import { can } from '$lib/server/auth/permissions';
import { listContests } from '$lib/server/contests';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const canManage = can(locals.user, 'contest:manage');
	return { contests: await listContests(locals.locale, canManage), signedIn: !!locals.user, canManage };
};
