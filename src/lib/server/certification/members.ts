import { db } from '../db/index.ts';

/** The id of a member of `organizationId` with this e-mail (case-insensitive), or null. */
export async function findMemberByEmail(organizationId: string, email: string): Promise<string | null> {
	const ms = await db().membership.findFirst({ where: { organizationId, user: { email: { equals: email.trim(), mode: 'insensitive' } } }, select: { userId: true } });
	return ms?.userId ?? null;
}

/** One member of an organization as the manager's person page shows them, or null when not a member. */
export async function memberOf(organizationId: string, userId: string) {
	const ms = await db().membership.findFirst({
		where: { organizationId, userId },
		select: { userId: true, position: true, department: { select: { nameUk: true, nameEn: true } }, user: { select: { name: true, email: true } } }
	});
	if (!ms) return null;
	return { userId: ms.userId, name: ms.user.name || ms.user.email, email: ms.user.email, position: ms.position ?? '', departmentUk: ms.department?.nameUk ?? '', departmentEn: ms.department?.nameEn ?? '' };
}
