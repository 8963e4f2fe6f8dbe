import { db } from '../db/index.ts';

/** The id of a member of `organizationId` with this e-mail (case-insensitive), or null. */
export async function findMemberByEmail(organizationId: string, email: string): Promise<string | null> {
	const ms = await db().membership.findFirst({ where: { organizationId, user: { email: { equals: email.trim(), mode: 'insensitive' } } }, select: { userId: true } });
	return ms?.userId ?? null;
}
