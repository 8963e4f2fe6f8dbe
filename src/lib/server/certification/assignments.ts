/**
 * Assignments of a programme to an organization, a department, a position or a person, with a due
 * date that is fixed or relative to hiring (membership start) or to the assignment reaching the
 * person. Who an assignment reaches is kept in CertificationSubject, refreshed by `syncSubjects`
 * (after every assignment change, on the person's and the manager's pages and by the daily job), so
 * someone who joins a department gets its assignments from the day they joined.
 */
import { z } from 'zod';
import { db, type Prisma } from '../db/index.ts';
import { markStale } from './summary-stale.ts';
import { refreshStale } from './summary.ts';
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
	await refreshStale(organizationId, now);
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
	await refreshStale(organizationId, now);
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

type Client = Prisma.TransactionClient;
interface AssignmentRow { id: string; programmeId: string; targetType: string; departmentId: string | null; position: string | null; userId: string | null; createdAt: Date }
interface MemberRow { userId: string; departmentId: string | null; position: string | null; createdAt: Date; updatedAt: Date }
interface SubjectRow { id: string; assignmentId: string; userId: string; programmeId: string; endedAt: Date | null }
interface SubjectPlan {
	toCreate: Array<{ assignmentId: string; userId: string; programmeId: string; organizationId: string; since: Date }>;
	toReopen: SubjectRow[];
	toEnd: SubjectRow[];
}

/**
 * Which pairs start, restart and end: new pairs start (since = when the assignment reached the
 * person: the later of the assignment and the membership's last change for department/position
 * targets, or its start otherwise; `now` for a re-assignment), pairs out of scope end.
 */
function planSubjects(organizationId: string, assignments: AssignmentRow[], memberships: MemberRow[], existing: SubjectRow[], now: Date): SubjectPlan {
	const key = (assignmentId: string, userId: string) => `${assignmentId}\u0000${userId}`;
	const have = new Map(existing.map((s) => [key(s.assignmentId, s.userId), s]));
	const wanted = new Set<string>();
	const plan: SubjectPlan = { toCreate: [], toReopen: [], toEnd: [] };
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
				plan.toCreate.push({ assignmentId: a.id, userId: ms.userId, programmeId: a.programmeId, organizationId, since });
			} else if (s.endedAt) plan.toReopen.push(s);
		}
	}
	plan.toEnd = existing.filter((s) => !s.endedAt && !wanted.has(key(s.assignmentId, s.userId)));
	return plan;
}

/** Writes one plan (or a slice of it) in `tx`, with its history rows and the summary marks of the people it touches. */
async function writeSubjects(tx: Client, organizationId: string, plan: SubjectPlan, now: Date, actorId: string | null) {
	if (plan.toCreate.length) {
		await tx.certificationSubject.createMany({ data: plan.toCreate, skipDuplicates: true });
		await tx.certificationHistory.createMany({
			data: plan.toCreate.map((s) => ({ userId: s.userId, programmeId: s.programmeId, kind: 'assigned' as const, actorId, data: { assignmentId: s.assignmentId }, at: s.since }))
		});
	}
	if (plan.toReopen.length) {
		await tx.certificationSubject.updateMany({ where: { id: { in: plan.toReopen.map((s) => s.id) } }, data: { endedAt: null, since: now } });
		await tx.certificationHistory.createMany({
			data: plan.toReopen.map((s) => ({ userId: s.userId, programmeId: s.programmeId, kind: 'assigned' as const, actorId, reason: 'reassigned', data: { assignmentId: s.assignmentId }, at: now }))
		});
	}
	if (plan.toEnd.length) {
		await tx.certificationSubject.updateMany({ where: { id: { in: plan.toEnd.map((s) => s.id) } }, data: { endedAt: now } });
		await tx.certificationHistory.createMany({
			data: plan.toEnd.map((s) => ({ userId: s.userId, programmeId: s.programmeId, kind: 'unassigned' as const, actorId, data: { assignmentId: s.assignmentId }, at: now }))
		});
	}
	await markStale(tx, [...plan.toCreate, ...plan.toReopen, ...plan.toEnd].map((s) => s.userId), 'assignment', organizationId);
}

const MEMBER_FIELDS = { userId: true, departmentId: true, position: true, createdAt: true, updatedAt: true } as const;
const SUBJECT_FIELDS = { id: true, assignmentId: true, userId: true, programmeId: true, endedAt: true } as const;

/**
 * Brings CertificationSubject in line with the organization's memberships and assignments (see
 * planSubjects). Writes "assigned"/"unassigned" history and marks the people touched for the
 * compliance summary, in the same transactions. Idempotent.
 */
export async function syncSubjects(organizationId: string, now = new Date(), actorId: string | null = null): Promise<{ started: number; ended: number }> {
	const [assignments, memberships, existing] = await Promise.all([
		db().certificationAssignment.findMany({ where: { organizationId, revokedAt: null } }),
		db().membership.findMany({ where: { organizationId }, select: MEMBER_FIELDS }),
		db().certificationSubject.findMany({ where: { organizationId }, select: SUBJECT_FIELDS })
	]);
	const plan = planSubjects(organizationId, assignments, memberships, existing, now);
	const { toCreate, toReopen, toEnd } = plan;
	if (toCreate.length === 0 && toReopen.length === 0 && toEnd.length === 0) return { started: 0, ended: 0 };
	const chunk = 2000;
	for (let i = 0; i < toCreate.length; i += chunk)
		await db().$transaction((tx) => writeSubjects(tx, organizationId, { toCreate: toCreate.slice(i, i + chunk), toReopen: [], toEnd: [] }, now, actorId), LONG);
	if (toReopen.length || toEnd.length) await db().$transaction((tx) => writeSubjects(tx, organizationId, { toCreate: [], toReopen, toEnd }, now, actorId), LONG);
	return { started: toCreate.length + toReopen.length, ended: toEnd.length };
}

/**
 * The same for ONE person, inside the caller's transaction: identity calls it (through
 * onMembershipChanged) when a membership is created, changed or removed, so the person gains or loses
 * the department's, position's and organization's assignments at that moment. Always marks the person
 * for the summary (their department or position shown there may have changed).
 */
export async function syncPersonTx(tx: Client, userId: string, organizationId: string, now = new Date(), actorId: string | null = null): Promise<void> {
	const assignments = await tx.certificationAssignment.findMany({ where: { organizationId, revokedAt: null } });
	const membership = await tx.membership.findUnique({ where: { userId_organizationId: { userId, organizationId } }, select: MEMBER_FIELDS });
	const existing = await tx.certificationSubject.findMany({ where: { organizationId, userId }, select: SUBJECT_FIELDS });
	if (assignments.length || existing.length) await writeSubjects(tx, organizationId, planSubjects(organizationId, assignments, membership ? [membership] : [], existing, now), now, actorId);
	await markStale(tx, [userId], 'membership', organizationId);
}
