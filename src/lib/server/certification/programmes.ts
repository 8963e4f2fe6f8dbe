/**
 * Certification programmes and their versions. A programme's rules (requirements, recertification
 * path, validity, window) are only ever changed by publishing a new version; certifications keep the
 * version they were earned under (ADR 0015).
 */
import { z } from 'zod';
import { db, Prisma } from '../db/index.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { CertificationError } from './errors.ts';
import { auditCertification } from './audit.ts';
import { markProgrammeStale } from './summary-stale.ts';
import type { ProgrammeVersionFacts, Requirements } from './engine.ts';

export const requirementsSchema = z.object({
	courseIds: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
	examQuizId: z.string().trim().min(1).max(200).nullable().default(null),
	passMark: z.number().min(0).max(100).nullable().default(null),
	eventHours: z.number().min(0).max(1000).default(0),
	eventCredits: z.number().min(0).max(1000).default(0)
});

/** A competency a version certifies, by framework slug and competency code (stable across re-imports), at a level. */
export const certifiedCompetencySchema = z.object({
	frameworkSlug: z.string().trim().min(1).max(100),
	code: z.string().trim().min(1).max(40),
	level: z.number().int().min(1).max(4)
});
export type CertifiedCompetency = z.output<typeof certifiedCompetencySchema>;

export const versionInputSchema = z.object({
	requirements: requirementsSchema,
	recertRequirements: requirementsSchema,
	validityMonths: z.number().int().min(1).max(240),
	windowDays: z.number().int().min(0).max(730),
	competencies: z
		.array(certifiedCompetencySchema)
		.max(40)
		.default([])
		.refine((list) => new Set(list.map((c) => `${c.frameworkSlug}\u0000${c.code}`)).size === list.length, { message: 'duplicate' }),
	note: z.string().trim().max(2000).default('')
});
export type VersionInput = z.input<typeof versionInputSchema>;
/** A version as validated (defaults filled in). */
export type VersionData = z.output<typeof versionInputSchema>;

export const SLUG = /^[a-z0-9][a-z0-9-]{1,79}$/;

export const programmeInputSchema = z.object({
	slug: z.string().trim().regex(SLUG),
	organizationId: z.string().min(1).nullable().default(null),
	titleUk: z.string().trim().min(1).max(300),
	titleEn: z.string().trim().min(1).max(300),
	descriptionUk: z.string().trim().max(5000).default(''),
	descriptionEn: z.string().trim().max(5000).default(''),
	reminderDays: z.array(z.number().int().min(0).max(365)).max(6).default([30, 7, 1])
});
export type ProgrammeInput = z.input<typeof programmeInputSchema>;

/** What may be edited in place (not rules: those change only by a new version). */
export const programmeEditSchema = programmeInputSchema.pick({ titleUk: true, titleEn: true, descriptionUk: true, descriptionEn: true, reminderDays: true });
export type ProgrammeEdit = z.input<typeof programmeEditSchema>;

export function parseCompetencies(json: Prisma.JsonValue): CertifiedCompetency[] {
	const r = z.array(certifiedCompetencySchema).safeParse(json);
	return r.success ? r.data : [];
}

export function parseRequirements(json: Prisma.JsonValue): Requirements {
	const r = requirementsSchema.safeParse(json);
	return r.success ? r.data : { courseIds: [], examQuizId: null, passMark: null, eventHours: 0, eventCredits: 0 };
}

export function versionFacts(v: { id: string; version: number; createdAt: Date; requirements: Prisma.JsonValue; recertRequirements: Prisma.JsonValue; validityMonths: number; windowDays: number }): ProgrammeVersionFacts {
	return {
		id: v.id,
		version: v.version,
		createdAt: v.createdAt,
		requirements: parseRequirements(v.requirements),
		recertRequirements: parseRequirements(v.recertRequirements),
		validityMonths: v.validityMonths,
		windowDays: v.windowDays
	};
}

function assertManage(actor: SessionUser | null, organizationId: string | null) {
	if (actor && !can(actor, 'certification:manage', { organizationId })) throw new CertificationError('forbidden');
}

/** May `actor` change this programme (admins: all; a manager: their organization's own)? */
export function mayManageProgramme(actor: SessionUser | null | undefined, programme: { organizationId: string | null }): boolean {
	return can(actor, 'certification:manage', { organizationId: programme.organizationId });
}

/** May `actor` see this programme's page: whoever may change it, and any manager for a portal-wide one (they assign it). */
export function mayViewProgramme(actor: SessionUser | null | undefined, programme: { organizationId: string | null }): boolean {
	return mayManageProgramme(actor, programme) || (programme.organizationId === null && can(actor, 'manage:access'));
}

const sortedOffsets = (days: number[]) => [...new Set(days)].sort((a, b) => b - a);

/** Creates a programme with its version 1. `actor` null: the system (seed, bench). */
export async function createProgramme(actor: SessionUser | null, input: ProgrammeInput, version: VersionInput, now = new Date()) {
	const p = programmeInputSchema.parse(input);
	const v = versionInputSchema.parse(version);
	assertManage(actor, p.organizationId);
	try {
		return await db().$transaction(async (tx) => {
			const programme = await tx.certificationProgramme.create({
				data: { ...p, reminderDays: sortedOffsets(p.reminderDays), currentVersion: 1, createdById: actor?.id ?? null, createdAt: now }
			});
			await tx.certificationProgrammeVersion.create({
				data: { programmeId: programme.id, version: 1, ...v, requirements: v.requirements, recertRequirements: v.recertRequirements, createdById: actor?.id ?? null, createdAt: now }
			});
			await auditCertification(tx, { actorId: actor?.id ?? null, action: 'certification.programme_created', targetType: 'certification_programme', targetId: programme.id, organizationId: p.organizationId, after: { slug: p.slug, ...v } });
			return programme;
		});
	} catch (e) {
		if (e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002') throw new CertificationError('slug_taken');
		throw e;
	}
}

/**
 * Publishes a new version. Existing certifications keep theirs (their expiry does not move); the new
 * rules govern certifications earned and renewed from now on. Recorded in the history of everyone
 * the programme is assigned to, so nobody's status changes "silently".
 */
export async function publishVersion(actor: SessionUser | null, programmeId: string, version: VersionInput, now = new Date()) {
	const v = versionInputSchema.parse(version);
	const programme = await db().certificationProgramme.findUnique({ where: { id: programmeId } });
	if (!programme) throw new CertificationError('not_found');
	assertManage(actor, programme.organizationId);
	return db().$transaction(async (tx) => {
		const locked = await tx.certificationProgramme.update({ where: { id: programmeId }, data: { currentVersion: { increment: 1 } } });
		const created = await tx.certificationProgrammeVersion.create({
			data: { programmeId, version: locked.currentVersion, ...v, requirements: v.requirements, recertRequirements: v.recertRequirements, createdById: actor?.id ?? null, createdAt: now }
		});
		const people = await tx.certificationSubject.findMany({ where: { programmeId, endedAt: null }, distinct: ['userId'], select: { userId: true } });
		await tx.certificationHistory.createMany({
			data: people.map((s) => ({ userId: s.userId, programmeId, kind: 'programme_version' as const, actorId: actor?.id ?? null, reason: v.note, data: { version: created.version }, at: now }))
		});
		// The compliance summary rows of this programme are rewritten under the new rules.
		await markProgrammeStale(tx, programmeId);
		await auditCertification(tx, { actorId: actor?.id ?? null, action: 'certification.programme_version', targetType: 'certification_programme', targetId: programmeId, organizationId: programme.organizationId, after: { version: created.version, ...v } });
		return created;
	}, { timeout: 120_000 });
}

/** Programmes an organization may assign: portal-wide ones and its own. */
export function listProgrammes(organizationId: string | null) {
	return db().certificationProgramme.findMany({
		where: { archivedAt: null, OR: [{ organizationId: null }, ...(organizationId ? [{ organizationId }] : [])] },
		include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
		orderBy: { titleUk: 'asc' }
	});
}

export function getProgramme(id: string) {
	return db().certificationProgramme.findUnique({ where: { id }, include: { versions: { orderBy: { version: 'asc' } } } });
}

export function getProgrammeBySlug(slug: string) {
	return db().certificationProgramme.findUnique({ where: { slug }, include: { versions: { orderBy: { version: 'asc' } } } });
}

/** Edits the title, description and reminder offsets (audited with the state before). */
export async function updateProgramme(actor: SessionUser | null, programmeId: string, input: ProgrammeEdit) {
	const e = programmeEditSchema.parse(input);
	const programme = await db().certificationProgramme.findUnique({ where: { id: programmeId } });
	if (!programme) throw new CertificationError('not_found');
	assertManage(actor, programme.organizationId);
	return db().$transaction(async (tx) => {
		const updated = await tx.certificationProgramme.update({ where: { id: programmeId }, data: { ...e, reminderDays: sortedOffsets(e.reminderDays) } });
		const before = { titleUk: programme.titleUk, titleEn: programme.titleEn, descriptionUk: programme.descriptionUk, descriptionEn: programme.descriptionEn, reminderDays: programme.reminderDays };
		await auditCertification(tx, { actorId: actor?.id ?? null, action: 'certification.programme_updated', targetType: 'certification_programme', targetId: programmeId, organizationId: programme.organizationId, before, after: { ...e, reminderDays: updated.reminderDays } });
		return updated;
	});
}

/**
 * Archives a programme (no longer offered for new assignments; existing assignments, certifications
 * and certificates stay) or brings it back.
 */
export async function setProgrammeArchived(actor: SessionUser | null, programmeId: string, archived: boolean, now = new Date()) {
	const programme = await db().certificationProgramme.findUnique({ where: { id: programmeId } });
	if (!programme) throw new CertificationError('not_found');
	assertManage(actor, programme.organizationId);
	if (archived === (programme.archivedAt !== null)) return programme;
	return db().$transaction(async (tx) => {
		const updated = await tx.certificationProgramme.update({ where: { id: programmeId }, data: { archivedAt: archived ? now : null } });
		await auditCertification(tx, { actorId: actor?.id ?? null, action: 'certification.programme_updated', targetType: 'certification_programme', targetId: programmeId, organizationId: programme.organizationId, before: { archivedAt: programme.archivedAt?.toISOString() ?? null }, after: { archivedAt: updated.archivedAt?.toISOString() ?? null } });
		return updated;
	});
}

/** Programmes `actor` may see on the programme pages: all for admins; portal-wide ones and their organizations' own for managers (archived too). */
export function listProgrammesFor(actor: SessionUser) {
	const all = can(actor, 'certification:manage', { organizationId: null });
	const own = actor.memberships.filter((ms) => can(actor, 'certification:manage', { organizationId: ms.organizationId })).map((ms) => ms.organizationId);
	return db().certificationProgramme.findMany({
		where: all ? {} : { OR: [{ organizationId: null }, { organizationId: { in: own } }] },
		include: { versions: { orderBy: { version: 'desc' }, take: 1 } },
		orderBy: [{ archivedAt: { sort: 'desc', nulls: 'first' } }, { titleUk: 'asc' }]
	});
}

/**
 * People holding a certification in force (not revoked, not expired at `now`) under each version:
 * what publishing a new version leaves as it is.
 */
export async function holdersByVersion(programmeId: string, now = new Date()): Promise<Map<number, number>> {
	const rows = await db().certification.findMany({
		where: { programmeId, revokedAt: null, expiresAt: { gt: now } },
		distinct: ['userId', 'versionId'],
		select: { userId: true, version: { select: { version: true } } }
	});
	// A person's latest certification counts once (a renewal under a newer version replaces the older one).
	const latest = new Map<string, number>();
	for (const r of rows) latest.set(r.userId, Math.max(latest.get(r.userId) ?? 0, r.version.version));
	const out = new Map<number, number>();
	for (const v of latest.values()) out.set(v, (out.get(v) ?? 0) + 1);
	return out;
}
