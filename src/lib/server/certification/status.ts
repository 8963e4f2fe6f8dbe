/**
 * The status service around the pure engine: records certifications the evidence gives, status
 * changes (history: who, when, why), admin overrides and revocations (audited).
 */
import { z } from 'zod';
import { db } from '../db/index.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { CertificationError } from './errors.ts';
import { auditCertification } from './audit.ts';
import { addMonths, earnedCertification, statusAt, versionAt, type CertificationFacts, type CertificationStatus, type StatusResult } from './engine.ts';
import { loadFacts, type LoadedFacts, type PairFacts } from './facts.ts';
import { syncSubjects } from './assignments.ts';
import { markStale } from './summary-stale.ts';
import { issueCertificate, revokeCertificate, isCertificateError } from '../certificates/index.ts';
import { certifiedCompetencies } from './programme-competencies.ts';
import type { Prisma } from '../db/index.ts';

/** Issues the programme certificate (PDF, Open Badges credential, /verify/<serial>) in the same transaction; one per certification. */
async function issueFor(tx: Prisma.TransactionClient, c: { id: string; userId: string; programmeId: string; certifiedAt: Date; expiresAt: Date }, programme: { titleUk: string; titleEn: string }, version: number) {
	const cert = await issueCertificate(tx, {
		kind: 'programme',
		userId: c.userId,
		sourceId: c.programmeId,
		sourceVersion: String(version),
		issueKey: c.id,
		titleUk: programme.titleUk,
		titleEn: programme.titleEn,
		issuedAt: c.certifiedAt,
		expiresAt: c.expiresAt,
		competencies: await certifiedCompetencies(tx, c.programmeId, version)
	});
	await tx.certification.update({ where: { id: c.id }, data: { certificateId: cert.id } });
	return cert.id;
}

export interface RecordedCertification {
	id: string;
	userId: string;
	programmeId: string;
	basis: 'earned' | 'recertified' | 'override';
	certifiedAt: Date;
	expiresAt: Date;
	version: number;
}

/** Hook for programme certificates (set by the certificates integration); called after a certification is recorded. */
type Listener = (c: RecordedCertification) => Promise<void>;
const listeners: Listener[] = [];
export function onCertified(listener: Listener): void {
	listeners.push(listener);
}

/**
 * Records every certification the evidence gives at `now` for the loaded pairs (and updates the
 * in-memory facts, so a caller can compute statuses right after). Idempotent: the unique key
 * (person, programme, certifiedAt) keeps a concurrent run from recording one twice. Marks the people
 * for the compliance summary in the same transaction (in every organization of theirs but
 * `exceptOrganizationId`, whose rows the caller rewrites itself).
 */
export async function recordEarned(loaded: LoadedFacts, now = new Date(), options: { markStale?: boolean; exceptOrganizationId?: string } = {}): Promise<RecordedCertification[]> {
	// First in memory (a renewal may follow an earning in the same run), then written in batches.
	const pending: Array<{ p: PairFacts; e: NonNullable<ReturnType<typeof earnedCertification>>; fact: CertificationFacts }> = [];
	for (const p of loaded.pairs) {
		for (let guard = 0; guard < 4; guard++) {
			const e = earnedCertification(p.facts, now);
			if (!e) break;
			const fact: CertificationFacts = { id: '', versionId: e.version.id, version: e.version.version, basis: e.basis, certifiedAt: e.certifiedAt, expiresAt: e.expiresAt, revokedAt: null };
			p.facts = { ...p.facts, certifications: [...p.facts.certifications, fact] };
			pending.push({ p, e, fact });
		}
	}
	const out: RecordedCertification[] = [];
	const key = (userId: string, programmeId: string, at: Date) => `${userId}\u0000${programmeId}\u0000${at.toISOString()}`;
	for (let i = 0; i < pending.length; i += 200) {
		const part = pending.slice(i, i + 200);
		const fresh = await db().$transaction(
			async (tx) => {
				await tx.certification.createMany({
					data: part.map(({ p, e }) => ({ userId: p.userId, programmeId: p.programmeId, versionId: e.version.id, basis: e.basis, certifiedAt: e.certifiedAt, expiresAt: e.expiresAt })),
					skipDuplicates: true
				});
				const rows = await tx.certification.findMany({ where: { OR: part.map(({ p, e }) => ({ userId: p.userId, programmeId: p.programmeId, certifiedAt: e.certifiedAt })) } });
				const byKey = new Map(rows.map((r) => [key(r.userId, r.programmeId, r.certifiedAt), r]));
				const created: RecordedCertification[] = [];
				for (const { p, e, fact } of part) {
					const row = byKey.get(key(p.userId, p.programmeId, e.certifiedAt));
					if (!row) continue;
					fact.id = row.id;
					fact.revokedAt = row.revokedAt;
					// No certificate yet: recorded by this run (a concurrent run would find it with one).
					if (row.certificateId) continue;
					const programme = loaded.programmes.get(p.programmeId);
					if (programme) await issueFor(tx, row, programme, e.version.version);
					created.push({ id: row.id, userId: p.userId, programmeId: p.programmeId, basis: row.basis, certifiedAt: row.certifiedAt, expiresAt: row.expiresAt, version: e.version.version });
				}
				await tx.certificationHistory.createMany({
					data: created.map((c) => ({ userId: c.userId, programmeId: c.programmeId, kind: c.basis === 'earned' ? ('certified' as const) : ('recertified' as const), status: 'certified', reason: 'requirements_met', data: { version: c.version, expiresAt: c.expiresAt.toISOString() }, at: c.certifiedAt }))
				});
				if (options.markStale !== false) await markStale(tx, created.map((c) => c.userId), 'certified', undefined, options.exceptOrganizationId);
				return created;
			},
			{ timeout: 120_000 }
		);
		out.push(...fresh);
	}
	for (const c of out) for (const l of listeners) await l(c).catch((err) => console.error('certification listener failed', err));
	return out;
}

/**
 * Writes a "status" history row for each pair whose status at `now` differs from the last one
 * recorded (so expiring, expired and overdue appear in the history with the day they began).
 */
export async function recordStatusChanges(pairs: Array<{ userId: string; programmeId: string; status: CertificationStatus }>, now = new Date()): Promise<number> {
	if (pairs.length === 0) return 0;
	const last = new Map<string, string>();
	const users = [...new Set(pairs.map((p) => p.userId))];
	for (let i = 0; i < users.length; i += 1000) {
		const rows = await db().certificationHistory.findMany({
			where: { userId: { in: users.slice(i, i + 1000) }, kind: { in: ['status', 'certified', 'recertified', 'override', 'revoked'] } },
			orderBy: { at: 'asc' },
			select: { userId: true, programmeId: true, status: true }
		});
		for (const r of rows) if (r.status) last.set(`${r.userId}\u0000${r.programmeId}`, r.status);
	}
	const changed = pairs.filter((p) => (last.get(`${p.userId}\u0000${p.programmeId}`) ?? 'not_started') !== p.status);
	for (let i = 0; i < changed.length; i += 2000)
		await db().certificationHistory.createMany({
			data: changed.slice(i, i + 2000).map((p) => ({ userId: p.userId, programmeId: p.programmeId, kind: 'status' as const, status: p.status, reason: 'date', at: now }))
		});
	return changed.length;
}

export interface PersonProgrammeStatus extends StatusResult {
	programme: { id: string; slug: string; titleUk: string; titleEn: string };
	version: number | null;
}

/** A person's programmes with their statuses at `now` (syncs their assignments and records new certifications first). */
export async function personStatuses(userId: string, now = new Date()): Promise<PersonProgrammeStatus[]> {
	const orgs = await db().membership.findMany({ where: { userId }, select: { organizationId: true } });
	for (const o of orgs) await syncSubjects(o.organizationId, now);
	const loaded = await loadFacts({ userIds: [userId] });
	await recordEarned(loaded, now);
	return loaded.pairs
		.map((p) => {
			const programme = loaded.programmes.get(p.programmeId)!;
			const r = statusAt(p.facts, now);
			return { ...r, programme: { id: programme.id, slug: programme.slug, titleUk: programme.titleUk, titleEn: programme.titleEn }, version: r.current?.version ?? versionAt(programme.versions, now)?.version ?? null };
		})
		.sort((a, b) => a.programme.titleUk.localeCompare(b.programme.titleUk, 'uk'));
}

export function statusesOf(pairs: PairFacts[], now: Date) {
	return pairs.map((p) => ({ userId: p.userId, programmeId: p.programmeId, result: statusAt(p.facts, now) }));
}

export const reasonSchema = z.string().trim().min(3).max(1000);

async function assertPersonInOrganization(userId: string, organizationId: string) {
	if (!(await db().membership.findFirst({ where: { userId, organizationId } }))) throw new CertificationError('not_found');
}

/**
 * Admin override: grants a certification now, under the current version, with a reason; audited and
 * in the person's history.
 */
export async function overrideCertification(actor: SessionUser, input: { userId: string; programmeId: string; organizationId: string; reason: string }, now = new Date()) {
	if (!can(actor, 'certification:override', { organizationId: input.organizationId })) throw new CertificationError('forbidden');
	const reason = reasonSchema.safeParse(input.reason);
	if (!reason.success) throw new CertificationError('reason_required');
	await assertPersonInOrganization(input.userId, input.organizationId);
	const programme = await db().certificationProgramme.findUnique({ where: { id: input.programmeId }, include: { versions: true } });
	if (!programme) throw new CertificationError('not_found');
	const v = programme.versions.find((x) => x.version === programme.currentVersion)!;
	const expiresAt = addMonths(now, v.validityMonths);
	const c = await db().$transaction(async (tx) => {
		const c = await tx.certification.create({
			data: { userId: input.userId, programmeId: programme.id, versionId: v.id, basis: 'override', certifiedAt: now, expiresAt, reason: reason.data, actorId: actor.id }
		});
		await issueFor(tx, c, programme, v.version);
		await tx.certificationHistory.create({
			data: { userId: input.userId, programmeId: programme.id, kind: 'override', status: 'certified', actorId: actor.id, reason: reason.data, data: { version: v.version, expiresAt: expiresAt.toISOString() }, at: now }
		});
		await markStale(tx, [input.userId], 'override');
		await auditCertification(tx, { actorId: actor.id, action: 'certification.override', targetType: 'certification', targetId: c.id, subjectUserId: input.userId, organizationId: input.organizationId, after: { programme: programme.slug, expiresAt: expiresAt.toISOString() }, data: { reason: reason.data } });
		return c;
	});
	const rec: RecordedCertification = { id: c.id, userId: c.userId, programmeId: c.programmeId, basis: 'override', certifiedAt: c.certifiedAt, expiresAt: c.expiresAt, version: v.version };
	for (const l of listeners) await l(rec).catch((err) => console.error('certification listener failed', err));
	return c;
}

type RevokeListener = (certificationId: string, certificateId: string | null, reason: string) => Promise<void>;
const revokeListeners: RevokeListener[] = [];
export function onRevoked(listener: RevokeListener): void {
	revokeListeners.push(listener);
}

/** Revokes a certification with a reason (audited); the person must earn it again with new evidence. */
export async function revokeCertification(actor: SessionUser, input: { certificationId: string; organizationId: string; reason: string }, now = new Date()) {
	if (!can(actor, 'certification:revoke', { organizationId: input.organizationId })) throw new CertificationError('forbidden');
	const reason = reasonSchema.safeParse(input.reason);
	if (!reason.success) throw new CertificationError('reason_required');
	const c = await db().certification.findUnique({ where: { id: input.certificationId } });
	if (!c) throw new CertificationError('not_found');
	await assertPersonInOrganization(c.userId, input.organizationId);
	if (c.revokedAt) throw new CertificationError('already_revoked');
	await db().$transaction(async (tx) => {
		await tx.certification.update({ where: { id: c.id }, data: { revokedAt: now, revokedById: actor.id, revokedReason: reason.data } });
		// The certificate shows the revocation on /verify/<serial>.
		if (c.certificateId)
			await revokeCertificate(c.certificateId, { reason: reason.data, actorId: actor.id, at: now }, tx).catch((e) => {
				// Revoked already on the verification page: nothing more to do (no SQL failed, the transaction goes on).
				if (!(isCertificateError(e) && e.code === 'already_revoked')) throw e;
			});
		await tx.certificationHistory.create({ data: { userId: c.userId, programmeId: c.programmeId, kind: 'revoked', status: 'not_started', actorId: actor.id, reason: reason.data, data: { certificationId: c.id }, at: now } });
		await markStale(tx, [c.userId], 'revoked');
		await auditCertification(tx, { actorId: actor.id, action: 'certification.revoked', targetType: 'certification', targetId: c.id, subjectUserId: c.userId, organizationId: input.organizationId, data: { reason: reason.data } });
	});
	for (const l of revokeListeners) await l(c.id, c.certificateId, reason.data).catch((err) => console.error('certification revoke listener failed', err));
}

/** A person's history for one programme, newest first. */
export function historyOf(userId: string, programmeId?: string) {
	return db().certificationHistory.findMany({ where: { userId, ...(programmeId ? { programmeId } : {}) }, orderBy: { at: 'desc' }, take: 200 });
}
