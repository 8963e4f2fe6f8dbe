import { requireUser } from '$lib/server/auth/permissions';
import { myLearning, pendingRequests } from '$lib/server/learning';
import { listForUser } from '$lib/server/certificates';
import { coursesTaught } from '$lib/server/instructor';
import type { PageServerLoad } from './$types';

/** The learner's dashboard: in progress, requests, completed, recommended next. */
export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	const mayDecide = user.roles.includes('admin') || user.roles.includes('instructor') || user.memberships.some((ms) => ms.role === 'manager');
	const decisions = mayDecide ? await pendingRequests(user) : [];
	return {
		...(await myLearning(user.id)),
		decisions: decisions.map((d) => ({ id: d.id, course: d.course })),
		teaching: await coursesTaught(user),
		certificates: (await listForUser(user.id)).map(({ serial, titleUk, titleEn, issuedAt, expiresAt, status }) => ({ serial, titleUk, titleEn, issuedAt, expiresAt, status }))
	};
};
