/**
 * Marks people whose compliance summary rows must be rewritten (CertificationSummaryStale). Called
 * inside the transaction that makes the change, so the mark exists exactly when the change commits;
 * summary.ts drains the marks (right after the change, before the dashboard reads, and every minute).
 */
import type { Prisma } from '../db/index.ts';

type Client = Prisma.TransactionClient;

/**
 * Marks `userIds` stale in `organizationId`, or in every organization they belong to when it is not
 * given (a certification is the person's, not one organization's), but `exceptOrganizationId` (whose
 * rows the caller is rewriting).
 */
export async function markStale(tx: Client, userIds: string[], reason: string, organizationId?: string, exceptOrganizationId?: string): Promise<void> {
	const ids = [...new Set(userIds)];
	if (ids.length === 0) return;
	for (let i = 0; i < ids.length; i += 5000) {
		const part = ids.slice(i, i + 5000);
		const data = organizationId
			? part.map((userId) => ({ organizationId, userId, reason }))
			: (await tx.membership.findMany({ where: { userId: { in: part }, ...(exceptOrganizationId ? { organizationId: { not: exceptOrganizationId } } : {}) }, select: { userId: true, organizationId: true } })).map((m) => ({ organizationId: m.organizationId, userId: m.userId, reason }));
		if (data.length) await tx.certificationSummaryStale.createMany({ data });
	}
}

/** Marks everyone who holds a summary row of `programmeId` (a new programme version was published). */
export async function markProgrammeStale(tx: Client, programmeId: string, reason = 'programme_version'): Promise<void> {
	const rows = await tx.certificationSummary.findMany({ where: { programmeId }, select: { organizationId: true, userId: true } });
	const subjects = await tx.certificationSubject.findMany({ where: { programmeId, endedAt: null }, select: { organizationId: true, userId: true } });
	const seen = new Set<string>();
	const data: Array<{ organizationId: string; userId: string; reason: string }> = [];
	for (const r of [...rows, ...subjects]) {
		const k = `${r.organizationId}\u0000${r.userId}`;
		if (seen.has(k)) continue;
		seen.add(k);
		data.push({ organizationId: r.organizationId, userId: r.userId, reason });
	}
	for (let i = 0; i < data.length; i += 5000) await tx.certificationSummaryStale.createMany({ data: data.slice(i, i + 5000) });
}
