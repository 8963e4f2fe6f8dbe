/**
 * Loads what the status engine needs, in bulk: programme versions, certifications, assignments that
 * reach each person, and the evidence kept by the learning domain (course completions, submitted
 * quiz attempts) and the events domain (attendance). Evidence is read straight from those tables in
 * a few set queries (10,000 people would otherwise mean 10,000 calls of their per-person helpers);
 * it is read only, and this file is the one place that knows those tables (ADR 0015).
 */
import { db } from '../db/index.ts';
import { effectiveDueDate, type AssignmentFacts, type CertificationFacts, type Evidence, type PersonProgrammeFacts, type ProgrammeVersionFacts } from './engine.ts';
import { versionFacts } from './programmes.ts';

export interface PairFacts {
	userId: string;
	programmeId: string;
	facts: PersonProgrammeFacts;
}

export interface LoadedFacts {
	pairs: PairFacts[];
	programmes: Map<string, { id: string; slug: string; titleUk: string; titleEn: string; reminderDays: number[]; organizationId: string | null; versions: ProgrammeVersionFacts[] }>;
}

const CHUNK = 5000;

/** Runs `fn` over slices of `ids` (bind parameters stay well under PostgreSQL's 65,535), in parallel. */
async function chunked<T>(ids: string[], fn: (part: string[]) => Promise<T[]>): Promise<T[]> {
	const parts: string[][] = [];
	for (let i = 0; i < ids.length; i += CHUNK) parts.push(ids.slice(i, i + CHUNK));
	return (await Promise.all(parts.map(fn))).flat();
}

/**
 * Facts for the given people (all members of `organizationId` when userIds is not given), for the
 * programmes assigned to them or that they hold a certification of (optionally only `programmeIds`).
 */
export async function loadFacts(scope: { organizationId?: string; userIds?: string[]; programmeIds?: string[] }): Promise<LoadedFacts> {
	const members = await db().membership.findMany({
		where: { ...(scope.organizationId ? { organizationId: scope.organizationId } : {}), ...(scope.userIds ? { userId: { in: scope.userIds } } : {}) },
		select: { userId: true, organizationId: true, createdAt: true, hiredAt: true }
	});
	const userIds = scope.userIds ?? [...new Set(members.map((m) => m.userId))];
	const hiredAt = new Map<string, Date>();
	for (const m of members) if (!scope.organizationId || m.organizationId === scope.organizationId) hiredAt.set(`${m.userId}\u0000${m.organizationId}`, m.hiredAt ?? m.createdAt);
	const programmeFilter = scope.programmeIds ? { programmeId: { in: scope.programmeIds } } : {};
	const [subjects, certs] = await Promise.all([
		chunked(userIds, (part) =>
			db().certificationSubject.findMany({
				where: { userId: { in: part }, endedAt: null, ...programmeFilter, ...(scope.organizationId ? { organizationId: scope.organizationId } : {}) },
				include: { assignment: { select: { dueKind: true, dueDate: true, dueDays: true, revokedAt: true } } }
			})
		),
		chunked(userIds, (part) => db().certification.findMany({ where: { userId: { in: part }, ...programmeFilter } }))
	]);
	const programmeIds = [...new Set([...subjects.map((s) => s.programmeId), ...certs.map((c) => c.programmeId)])];
	const programmeRows = programmeIds.length
		? await db().certificationProgramme.findMany({ where: { id: { in: programmeIds } }, include: { versions: { orderBy: { version: 'asc' } } } })
		: [];
	const programmes: LoadedFacts['programmes'] = new Map(
		programmeRows.map((p) => [p.id, { id: p.id, slug: p.slug, titleUk: p.titleUk, titleEn: p.titleEn, reminderDays: p.reminderDays, organizationId: p.organizationId, versions: p.versions.map(versionFacts) }])
	);
	const courseIds = new Set<string>();
	const quizIds = new Set<string>();
	let needEvents = false;
	for (const p of programmes.values())
		for (const v of p.versions)
			for (const r of [v.requirements, v.recertRequirements]) {
				r.courseIds.forEach((c) => courseIds.add(c));
				if (r.examQuizId) quizIds.add(r.examQuizId);
				if (r.eventHours > 0 || r.eventCredits > 0) needEvents = true;
			}
	const involved = [...new Set([...subjects.map((s) => s.userId), ...certs.map((c) => c.userId)])];
	const [completions, attempts, attendance] = await Promise.all([
		courseIds.size
			? chunked(involved, (part) => db().courseCompletion.findMany({ where: { userId: { in: part }, courseId: { in: [...courseIds] } }, select: { userId: true, courseId: true, completedAt: true } }))
			: Promise.resolve([]),
		quizIds.size
			? chunked(involved, (part) =>
					db().quizAttempt.findMany({
						where: { userId: { in: part }, quizId: { in: [...quizIds] }, status: 'submitted', submittedAt: { not: null } },
						select: { userId: true, quizId: true, submittedAt: true, percent: true }
					})
				)
			: Promise.resolve([]),
		needEvents
			? chunked(involved, (part) =>
					db().attendance.findMany({
						where: { userId: { in: part }, event: { status: 'scheduled' } },
						select: { userId: true, attendedAt: true, event: { select: { startsAt: true, endsAt: true, credits: true } } }
					})
				)
			: Promise.resolve([])
	]);
	const evidence = new Map<string, Evidence>();
	const ev = (userId: string) => {
		let e = evidence.get(userId);
		if (!e) evidence.set(userId, (e = { completions: [], attempts: [], attendance: [] }));
		return e;
	};
	for (const c of completions) ev(c.userId).completions.push({ courseId: c.courseId, completedAt: c.completedAt });
	for (const a of attempts) if (a.submittedAt) ev(a.userId).attempts.push({ quizId: a.quizId, submittedAt: a.submittedAt, percent: a.percent ?? 0 });
	for (const a of attendance)
		if (a.userId)
			ev(a.userId).attendance.push({
				attendedAt: a.attendedAt,
				hours: Math.max(0, (a.event.endsAt.getTime() - a.event.startsAt.getTime()) / 3_600_000),
				credits: a.event.credits
			});

	const pairKey = (u: string, p: string) => `${u}\u0000${p}`;
	const byPair = new Map<string, { userId: string; programmeId: string; assignments: AssignmentFacts[]; certifications: CertificationFacts[] }>();
	const pair = (userId: string, programmeId: string) => {
		const k = pairKey(userId, programmeId);
		let p = byPair.get(k);
		if (!p) byPair.set(k, (p = { userId, programmeId, assignments: [], certifications: [] }));
		return p;
	};
	for (const s of subjects) {
		if (s.assignment.revokedAt) continue;
		pair(s.userId, s.programmeId).assignments.push({
			dueKind: s.assignment.dueKind,
			dueDate: s.assignment.dueDate,
			dueDays: s.assignment.dueDays,
			since: s.since,
			hiredAt: hiredAt.get(`${s.userId}\u0000${s.organizationId}`) ?? s.since
		});
	}
	const versionNumber = new Map<string, number>();
	for (const p of programmes.values()) for (const v of p.versions) versionNumber.set(v.id, v.version);
	for (const c of certs)
		pair(c.userId, c.programmeId).certifications.push({
			id: c.id,
			versionId: c.versionId,
			version: versionNumber.get(c.versionId) ?? 0,
			basis: c.basis,
			certifiedAt: c.certifiedAt,
			expiresAt: c.expiresAt,
			revokedAt: c.revokedAt
		});
	const empty: Evidence = { completions: [], attempts: [], attendance: [] };
	const pairs: PairFacts[] = [];
	for (const p of byPair.values()) {
		const programme = programmes.get(p.programmeId);
		if (!programme) continue;
		pairs.push({
			userId: p.userId,
			programmeId: p.programmeId,
			facts: {
				versions: programme.versions,
				certifications: p.certifications,
				evidence: evidence.get(p.userId) ?? empty,
				dueAt: effectiveDueDate(p.assignments),
				assigned: p.assignments.length > 0
			}
		});
	}
	return { pairs, programmes };
}
