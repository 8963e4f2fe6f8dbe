import { requirePermission } from '$lib/server/auth/permissions';
import { programmeList, programmeOwners } from '$lib/server/certification';
import type { PageServerLoad } from './$types';

/** Certification programmes: portal-wide ones and, for a manager, their organizations' own (archived too). */
export const load: PageServerLoad = async ({ locals }) => {
	const user = requirePermission(locals, 'manage:access');
	const [programmes, owners] = await Promise.all([programmeList(user), programmeOwners(user)]);
	return { programmes, mayCreate: owners.length > 0 };
};
