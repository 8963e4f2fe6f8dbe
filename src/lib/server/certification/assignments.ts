/**
 * Assignments of a programme to an organization, a department, a position or a person, with a due
 * date that is fixed or relative to hiring (membership start) or to the assignment reaching the
 * person. Who an assignment reaches is kept in CertificationSubject, refreshed by `syncSubjects`
 * (after every assignment change, on the person's and the manager's pages and by the daily job), so
 * someone who joins a department gets its assignments from the day they joined.
 */
import { z } from 'zod';
import { db } from '../db/index.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { CertificationError } from './errors.ts';
import { auditCertification } from './audit.ts';

export const assignmentInputSchema = z
	.object({
		programmeId: z.string().min(1),
		targetType: z.enum(['organization', 'department', 'position', 'person']),
		departmentId: z.string().min(1).nullable().default(null),
		position: z.string().trim().min(1).max(200).nullable().default(null),
		userId: z.string().min(1).nullable().default(null),
		dueKind: z.enum(['fixed', 'after_hire', 'after_assignment']),
		dueDate: z.date().nullable().default(null),
		dueDays: z.number().int().min(0).max(3650).nullable().default(null)
	})
	.refine((a) => (a.dueKind === 'fixed' ? !!a.dueDate : a.dueDays !== null), { path: ['dueDate'] })
	.refine((a) => (a.targetType === 'department' ? !!a.departmentId : a.targetType === 'position' ? !!a.position : a.targetType === 'person' ? !!a.userId : true), {
		path: ['targetType']
	});
export type AssignmentInput = z.input<typeof assignmentInputSchema>;

export async function createAssignment(actor: SessionUser | null, organizationId: string, input: AssignmentInput, now = new Date()) {
	const a = assignmentInputSchema.parse(input);
	if (actor && !can(actor, 'certification:assign', { organizationId })) throw new CertificationError('forbidden');
	const programme = await db().certificationProgramme.findUnique({ where: { id: a.programmeId } });
	if (!programme || programme.archivedAt || (programme.organizationId && programme.organizationId !== organizationId)) throw new CertificationError('not_found');
	// The target must belong to this organization (a forged id from another one is refused).
	if (a.departmentId && !(await db().department.findFirst({ where: { id: a.departmentId, organizationId } }))) throw new CertificationError('bad_target');
	if (a.userId && !(await db().membership.findFirst({ where: { userId: a.userId, organizationId } }))) throw new CertificationError('bad_target');
	const created = await db().$transaction(async (tx) => {
		const row = await tx.certificationAssignment.create({
			data: {
				organizationId,
				programmeId: a.programmeId,
				targetType: a.targetType,
				departmentId: a.targetType === 'department' ? a.departmentId : null,
				position: a.targetType === 'position' ? a.position : null,
				userId: a.targetType === 'person' ? a.userId : null,
				dueKind: a.dueKind,
				dueDate: a.dueKind === 'fixed' ? a.dueDate : null,
				dueDays: a.dueKind === 'fixed' ? null : a.dueDays,
				createdById: actor?.id ?? null,
				createdAt: now
			}
		});
		await auditCertification(tx, { actorId: actor?.id ?? null, action: 'certification.assigned', targetType: 'certification_assignment', targetId: row.id, organizationId, after: { ...a, dueDate: a.dueDate?.toISOString() ?? null } });
		return row;
	});
	await syncSubjects(organizationId, now, actor?.id ?? null);
	return created;
}

export async function revokeAssignment(actor: SessionUser | null, organizationId: string, assignmentId: string, now = new Date()) {
	if (actor && !can(actor, 'certification:assign', { organizationId })) throw new CertificationError('forbidden');
	const row = await db().certificationAssignment.findFirst({ where: { id: assignmentId, organizationId, revokedAt: null } });
	if (!row) throw new CertificationError('not_found');
	await db().$transaction(async (tx) => {
		await tx.certificationAssignment.update({ where: { id: row.id }, data: { revokedAt: now } });
		await auditCertification(tx, { actorId: actor?.id ?? null, action: 'certification.assignment_revoked', targetType: 'certification_assignment', targetId: row.id, organizationId });
	});
	await syncSubjects(organizationId, now, actor?.id ?? null);
}

export function listAssignments(organizationId: string) {
	return db().certificationAssignment.findMany({
		where: { organizationId, revokedAt: null },
		include: { programme: { select: { titleUk: true, titleEn: true, slug: true } }, _count: { select: { subjects: { where: { endedAt: null } } } } },
		orderBy: { createdAt: 'desc' }
	});
}

/** Bulk writes of thousands of rows: more than the default 5 s on a busy server. */
const LONG = { timeout: 120_000 };

const norm = (s: string | null | undefined) => (s ?? '').trim().toLocaleLowerCase('uk');

/**
 * Brings CertificationSubject in line with the organization's memberships and assignments: new pairs
 * start (since = when the assignment reached the person: the later of the assignment and the
 * membership's last change for department/position targets, or its start otherwise; `now` for a
 * re-assignment), pairs out of scope end. Writes "assigned"/"unassigned" history. Idempotent.
 */
export async function syncSubjects(organizationId: string, now = new Date(), actorId: string | null = null): Promise<{ started: number; ended: number }> {
	const [assignments, memberships, existing] = await Promise.all([
		db().certificationAssignment.findMany({ where: { organizationId, revokedAt: null } }),
		db().membership.findMany({ where: { organizationId }, select: { userId: true, departmentId: true, position: true, createdAt: true, updatedAt: true } }),
		db().certificationSubject.findMany({ where: { organizationId }, select: { id: true, assignmentId: true, userId: true, programmeId: true, endedAt: true } })
	]);
	const key = (assignmentId: string, userId: string) => `${assignmentId}\u0000${userId}`;
	const have = new Map(existing.map((s) => [key(s.assignmentId, s.userId), s]));
	const wanted = new Set<string>();
	const toCreate: Array<{ assignmentId: string; userId: string; programmeId: string; organizationId: string; since: Date }> = [];
	const toReopen: string[] = [];
	for (const a of assignments) {
		for (const ms of memberships) {
			const hit =
				a.targetType === 'organization' ||
				(a.targetType === 'department' && ms.departmentId === a.departmentId) ||
				(a.targetType === 'position' && norm(ms.position) !== '' && norm(ms.position) === norm(a.position)) ||
				(a.targetType === 'person' && ms.userId === a.userId);
			if (!hit) continue;
			const k = key(a.id, ms.userId);
			wanted.add(k);
			const s = have.get(k);
			if (!s) {
				const joined = a.targetType === 'department' || a.targetType === 'position' ? ms.updatedAt : ms.createdAt;
				const since = new Date(Math.min(now.getTime(), Math.max(a.createdAt.getTime(), joined.getTime())));
				toCreate.push({ assignmentId: a.id, userId: ms.userId, programmeId: a.programmeId, organizationId, since });
			} else if (s.endedAt) toReopen.push(s.id);
		}
	}
	const toEnd = existing.filter((s) => !s.endedAt && !wanted.has(key(s.assignmentId, s.userId)));
	if (toCreate.length === 0 && toReopen.length === 0 && toEnd.length === 0) return { started: 0, ended: 0 };
	const chunk = 2000;
	for (let i = 0; i < toCreate.length; i += chunk) {
		const part = toCreate.slice(i, i + chunk);
		await db().$transaction(async (tx) => {
			await tx.certificationSubject.createMany({ data: part, skipDuplicates: true });
			await tx.certificationHistory.createMany({
				data: part.map((s) => ({ userId: s.userId, programmeId: s.programmeId, kind: 'assigned' as const, actorId, data: { assignmentId: s.assignmentId }, at: s.since }))
			});
		}, LONG);
	}
	if (toReopen.length) {
		const reopened = existing.filter((s) => toReopen.includes(s.id));
		await db().$transaction(async (tx) => {
			await tx.certificationSubject.updateMany({ where: { id: { in: toReopen } }, data: { endedAt: null, since: now } });
			await tx.certificationHistory.createMany({
				data: reopened.map((s) => ({ userId: s.userId, programmeId: s.programmeId, kind: 'assigned' as const, actorId, reason: 'reassigned', data: { assignmentId: s.assignmentId }, at: now }))
			});
		}, LONG);
	}
	if (toEnd.length) {
		await db().$transaction(async (tx) => {
			await tx.certificationSubject.updateMany({ where: { id: { in: toEnd.map((s) => s.id) } }, data: { endedAt: now } });
			await tx.certificationHistory.createMany({
				data: toEnd.map((s) => ({ userId: s.userId, programmeId: s.programmeId, kind: 'unassigned' as const, actorId, data: { assignmentId: s.assignmentId }, at: now }))
			});
		}, LONG);
	}
	return { started: toCreate.length + toReopen.length, ended: toEnd.length };
}
