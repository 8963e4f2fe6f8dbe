import { can, requireUser, managedOrganizationIds } from '$lib/server/auth/permissions';
import { myCertification, myDiagnosis } from '$lib/server/certification';
import type { PageServerLoad } from './$types';

/** A person's own certification: their programmes and statuses, what is left to do, their plan. */
export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const managed = managedOrganizationIds(user);
	return {
		programmes: await myCertification(user.id),
		diagnosis: await myDiagnosis(user.id),
		mayManageFrameworks: can(user, 'certification:manage', { organizationId: null }),
		manages: user.memberships.filter((ms) => managed.includes(ms.organizationId)).map((ms) => ms.organizationSlug)
	};
};
