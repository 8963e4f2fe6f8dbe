import type { Prisma } from '../db/index.ts';
import { recordAudit, type AuditAction, type AuditTargetType } from '../identity/audit.ts';

/**
 * Moderation in the club is audited through identity's audit log. Its action and target lists are
 * closed unions owned by identity; the club's values ('club.hidden', 'club_comment', 'club_post') are
 * cast here, in one place, until identity adds them (the admin page shows unknown actions as is).
 */
export async function auditHidden(
	tx: Prisma.TransactionClient,
	entry: { actorId: string; targetType: 'club_comment' | 'club_post' | 'club_discussion'; targetId: string; subjectUserId: string | null; reason: string }
): Promise<void> {
	await recordAudit(tx, {
		actorId: entry.actorId,
		action: 'club.hidden' as AuditAction,
		targetType: entry.targetType as unknown as AuditTargetType,
		targetId: entry.targetId,
		subjectUserId: entry.subjectUserId,
		data: { reason: entry.reason }
	});
}
