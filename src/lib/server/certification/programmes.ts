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
import type { ProgrammeVersionFacts, Requirements } from './engine.ts';

export const requirementsSchema = z.object({
	courseIds: z.array(z.string().trim().min(1).max(100)).max(20).default([]),
	examQuizId: z.string().trim().min(1).max(200).nullable().default(null),
	passMark: z.number().min(0).max(100).nullable().default(null),
	eventHours: z.number().min(0).max(1000).default(0),
	eventCredits: z.number().min(0).max(1000).default(0)
});

export const versionInputSchema = z.object({
	requirements: requirementsSchema,
	recertRequirements: requirementsSchema,
	validityMonths: z.number().int().min(1).max(240),
	windowDays: z.number().int().min(0).max(730),
	note: z.string().trim().max(2000).default('')
});
export type VersionInput = z.input<typeof versionInputSchema>;

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

/** Creates a programme with its version 1. `actor` null: the system (seed, bench). */
export async function createProgramme(actor: SessionUser | null, input: ProgrammeInput, version: VersionInput, now = new Date()) {
	const p = programmeInputSchema.parse(input);
	const v = versionInputSchema.parse(version);
	assertManage(actor, p.organizationId);
	try {
		return await db().$transaction(async (tx) => {
			const programme = await tx.certificationProgramme.create({
				data: { ...p, reminderDays: [...new Set(p.reminderDays)].sort((a, b) => b - a), currentVersion: 1, createdById: actor?.id ?? null, createdAt: now }
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
