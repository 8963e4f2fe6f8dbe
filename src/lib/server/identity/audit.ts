import { db, Prisma } from '../db/index.ts';

type Tx = Prisma.TransactionClient;

/** Every change the audit log records. Labels live in messages/admin (admin_audit_action_*). */
export const AUDIT_ACTIONS = [
	'user.roles_changed',
	'user.deleted',
	'membership.added',
	'membership.changed',
	'membership.removed',
	'invitation.created',
	'invitation.accepted',
	'invitation.revoked',
	'organization.created',
	'organization.updated',
	'department.created',
	'department.updated',
	'department.deleted',
	'profile.updated',
	'data.exported',
	// Written by other domains through recordAudit (or their own helpers), listed here for the labels.
	'certificate.revoked',
	'certification.programme_created',
	'certification.programme_version',
	'certification.programme_updated',
	'certification.assigned',
	'certification.assignment_revoked',
	'certification.override',
	'certification.revoked',
	'certification.framework_imported',
	'certification.framework_edited',
	'club.hidden',
	'contest.recusal_withdrawn',
	'event.registration_removed'
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export type AuditTargetType =
	| 'user'
	| 'membership'
	| 'invitation'
	| 'organization'
	| 'department'
	| 'certificate'
	| 'certification'
	| 'certification_programme'
	| 'certification_assignment'
	| 'competency_framework'
	| 'club_comment'
	| 'club_post'
	| 'club_discussion'
	| 'contest_nomination'
	| 'event_registration';

export interface AuditEntryInput {
	/** Who did it; null when the system did it or the actor has since been anonymised. */
	actorId: string | null;
	action: AuditAction;
	targetType: AuditTargetType;
	targetId: string;
	/** The person the change is about, if any (their own audit trail, their data export). */
	subjectUserId?: string | null;
	organizationId?: string | null;
	before?: Prisma.InputJsonValue | null;
	after?: Prisma.InputJsonValue | null;
	data?: Prisma.InputJsonValue;
}

/** Writes one audit row inside the caller's transaction, so the change and its record commit together. */
export async function recordAudit(tx: Tx, entry: AuditEntryInput): Promise<void> {
	await tx.auditLog.create({
		data: {
			actorId: entry.actorId,
			action: entry.action,
			targetType: entry.targetType,
			targetId: entry.targetId,
			subjectUserId: entry.subjectUserId ?? null,
			organizationId: entry.organizationId ?? null,
			before: entry.before ?? Prisma.DbNull,
			after: entry.after ?? Prisma.DbNull,
			data: entry.data ?? {}
		}
	});
}

export interface AuditFilter {
	action?: string;
	actorId?: string;
	/** Entries about this person (as subject or as target). */
	userId?: string;
	organizationId?: string;
	from?: Date;
	to?: Date;
}

export interface AuditRow {
	id: string;
	action: string;
	targetType: string;
	targetId: string;
	actorId: string | null;
	actorName: string | null;
	actorEmail: string | null;
	subjectUserId: string | null;
	subjectName: string | null;
	subjectEmail: string | null;
	organizationId: string | null;
	before: unknown;
	after: unknown;
	data: unknown;
	createdAt: Date;
}

function whereOf(filter: AuditFilter): Prisma.AuditLogWhereInput {
	const where: Prisma.AuditLogWhereInput = {};
	if (filter.action) where.action = filter.action;
	if (filter.actorId) where.actorId = filter.actorId;
	if (filter.organizationId) where.organizationId = filter.organizationId;
	if (filter.userId) {
		where.OR = [{ subjectUserId: filter.userId }, { targetType: 'user', targetId: filter.userId }];
	}
	if (filter.from || filter.to) where.createdAt = { gte: filter.from, lte: filter.to };
	return where;
}

/** Audit rows, newest first, with the names of actors and subjects that still exist. */
export async function listAudit(
	filter: AuditFilter = {},
	paging: { page?: number; pageSize?: number } = {}
): Promise<{ items: AuditRow[]; total: number; page: number; pages: number }> {
	const pageSize = Math.min(Math.max(paging.pageSize ?? 25, 1), 200);
	const where = whereOf(filter);
	const total = await db().auditLog.count({ where });
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(Math.max(1, Math.floor(paging.page ?? 1)), pages);
	const rows = await db().auditLog.findMany({
		where,
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		skip: (page - 1) * pageSize,
		take: pageSize
	});
	const ids = [...new Set(rows.flatMap((r) => [r.actorId, r.subjectUserId]).filter((x): x is string => !!x))];
	const people = ids.length
		? await db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } })
		: [];
	const byId = new Map(people.map((p) => [p.id, p]));
	return {
		total,
		page,
		pages,
		items: rows.map((r) => ({
			id: r.id,
			action: r.action,
			targetType: r.targetType,
			targetId: r.targetId,
			actorId: r.actorId,
			actorName: (r.actorId && byId.get(r.actorId)?.name) || null,
			actorEmail: (r.actorId && byId.get(r.actorId)?.email) || null,
			subjectUserId: r.subjectUserId,
			subjectName: (r.subjectUserId && byId.get(r.subjectUserId)?.name) || null,
			subjectEmail: (r.subjectUserId && byId.get(r.subjectUserId)?.email) || null,
			organizationId: r.organizationId,
			before: r.before,
			after: r.after,
			data: r.data,
			createdAt: r.createdAt
		}))
	};
}

/** Personal data that audit snapshots may hold; removed when the person deletes their account. */
const PERSONAL_KEYS = ['email', 'name', 'inviteeEmail', 'actorEmail', 'actorName'];

function scrub(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(scrub);
	if (value && typeof value === 'object') {
		return Object.fromEntries(
			Object.entries(value as Record<string, unknown>)
				.filter(([k]) => !PERSONAL_KEYS.includes(k))
				.map(([k, v]) => [k, scrub(v)])
		);
	}
	return value;
}

const asJson = (v: unknown): Prisma.InputJsonValue | typeof Prisma.DbNull =>
	v === null || v === undefined ? Prisma.DbNull : (v as Prisma.InputJsonValue);

/**
 * Keeps the audit trail of a person who deletes their account, without them in it: rows they acted
 * in lose the actor; rows about them lose the personal data in their snapshots. The ids that remain
 * point to nobody.
 */
export async function anonymiseAuditFor(tx: Tx, userId: string, email: string): Promise<number> {
	const acted = await tx.auditLog.updateMany({ where: { actorId: userId }, data: { actorId: null } });
	const about = await tx.auditLog.findMany({
		where: { OR: [{ subjectUserId: userId }, { targetType: 'user', targetId: userId }] }
	});
	// Invitations to their address are about them too, even before they had an account.
	const invited = await tx.auditLog.findMany({
		where: { action: { startsWith: 'invitation.' }, data: { path: ['email'], equals: email } }
	});
	const rows = new Map([...about, ...invited].map((r) => [r.id, r]));
	for (const r of rows.values()) {
		await tx.auditLog.update({
			where: { id: r.id },
			data: {
				before: asJson(scrub(r.before)),
				after: asJson(scrub(r.after)),
				data: scrub(r.data) as Prisma.InputJsonValue
			}
		});
	}
	return acted.count + rows.size;
}

/**
 * Names for the ids audit rows mention (organizations and departments, in their snapshots too), so
 * the log reads as words. Ids that no longer exist simply have no name.
 */
export async function auditNames(rows: Array<{ organizationId: string | null; before: unknown; after: unknown }>) {
	const orgIds = new Set<string>();
	const deptIds = new Set<string>();
	for (const r of rows) {
		if (r.organizationId) orgIds.add(r.organizationId);
		for (const snap of [r.before, r.after]) {
			if (snap && typeof snap === 'object' && !Array.isArray(snap)) {
				const s = snap as Record<string, unknown>;
				if (typeof s.organizationId === 'string') orgIds.add(s.organizationId);
				if (typeof s.departmentId === 'string') deptIds.add(s.departmentId);
			}
		}
	}
	const [orgs, depts] = await Promise.all([
		orgIds.size ? db().organization.findMany({ where: { id: { in: [...orgIds] } }, select: { id: true, slug: true, nameUk: true, nameEn: true } }) : [],
		deptIds.size ? db().department.findMany({ where: { id: { in: [...deptIds] } }, select: { id: true, nameUk: true, nameEn: true } }) : []
	]);
	return {
		organizations: Object.fromEntries(orgs.map((o) => [o.id, o])),
		departments: Object.fromEntries(depts.map((d) => [d.id, d]))
	};
}
export type AuditNames = Awaited<ReturnType<typeof auditNames>>;
