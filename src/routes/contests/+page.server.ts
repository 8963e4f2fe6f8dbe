import { can } from '$lib/server/auth/permissions';
import { listContests } from '$lib/server/contests';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => ({ contests: await listContests(locals.locale), signedIn: !!locals.user, canManage: can(locals.user, 'contest:manage') });
