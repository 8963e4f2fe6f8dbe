import type { Prisma } from '../db/index.ts';

/**
 * The certification domain's audit rows (the same AuditLog table and shape the identity helper
 * writes; identity's action list is closed, so this domain writes its own `certification.*` actions).
 */
export type CertificationAuditAction =
	| 'certification.programme_created'
	| 'certification.programme_version'
	| 'certification.programme_updated'
	| 'certification.assigned'
	| 'certification.assignment_revoked'
	| 'certification.override'
	| 'certification.revoked'
	| 'certification.framework_imported'
	| 'certification.framework_edited';

export async function auditCertification(
	tx: Prisma.TransactionClient,
	entry: {
		actorId: string | null;
		action: CertificationAuditAction;
		targetType: string;
		targetId: string;
		subjectUserId?: string | null;
		organizationId?: string | null;
		before?: Prisma.InputJsonValue;
		after?: Prisma.InputJsonValue;
		data?: Prisma.InputJsonValue;
	}
): Promise<void> {
	await tx.auditLog.create({
		data: {
			actorId: entry.actorId,
			action: entry.action,
			targetType: entry.targetType,
			targetId: entry.targetId,
			subjectUserId: entry.subjectUserId ?? null,
			organizationId: entry.organizationId ?? null,
			before: entry.before,
			after: entry.after,
			data: entry.data ?? {}
		}
	});
}
