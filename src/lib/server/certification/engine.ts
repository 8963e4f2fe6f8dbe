/**
 * The status engine (ADR 0015): pure, deterministic functions of (person's facts, programme, date).
 * No database, no clock: every input is passed in, so the same input always gives the same answer
 * and the tests pin dates.
 *
 * Two steps:
 *  1. `earnedCertification` looks at a person's evidence (course completions, exam attempts, event
 *     attendance) and says whether, and at which instant, a programme path was completed: the
 *     initial path, or the recertification path inside the window (or after expiry). The service
 *     records the result as a Certification row that keeps its programme version and expiry.
 *  2. `statusAt` turns the recorded certifications, the assignment's due date and the evidence into
 *     one status at a date: not_started, in_progress, certified, expiring, expired or overdue.
 */

export const STATUSES = ['not_started', 'in_progress', 'certified', 'expiring', 'expired', 'overdue'] as const;
export type CertificationStatus = (typeof STATUSES)[number];

export interface Requirements {
	/** Learning course ids that must be completed. */
	courseIds: string[];
	/** A quiz (learning Quiz id) whose submitted attempt must reach passMark (percent). */
	examQuizId: string | null;
	passMark: number | null;
	/** Hours of attended events (from their start and end) needed; 0 = none. */
	eventHours: number;
	/** Credits of attended events needed; 0 = none. */
	eventCredits: number;
}

export interface ProgrammeVersionFacts {
	id: string;
	version: number;
	/** When this version was published: it governs certifications earned from then on. */
	createdAt: Date;
	requirements: Requirements;
	recertRequirements: Requirements;
	validityMonths: number;
	windowDays: number;
}

export interface CertificationFacts {
	id: string;
	versionId: string;
	version: number;
	basis: 'earned' | 'recertified' | 'override';
	certifiedAt: Date;
	expiresAt: Date;
	revokedAt: Date | null;
}

export interface Evidence {
	/** Completed courses: course id -> completion instant. */
	completions: Array<{ courseId: string; completedAt: Date }>;
	/** Submitted quiz attempts. */
	attempts: Array<{ quizId: string; submittedAt: Date; percent: number }>;
	/** Attended events with their length and credits. */
	attendance: Array<{ attendedAt: Date; hours: number; credits: number }>;
}

export interface PersonProgrammeFacts {
	versions: ProgrammeVersionFacts[];
	certifications: CertificationFacts[];
	evidence: Evidence;
	/** The due date of the person's assignment (earliest of those that reach them); null = not assigned. */
	dueAt: Date | null;
	assigned: boolean;
}

export interface StatusResult {
	status: CertificationStatus;
	/** The certification in force or last expired (not revoked), if any. */
	current: CertificationFacts | null;
	dueAt: Date | null;
	expiresAt: Date | null;
	windowOpensAt: Date | null;
	/** Share (0..1) of the applicable path's requirements met. */
	progress: number;
	/** Which path applies now: initial, or recertification (inside the window or after expiry). */
	path: 'initial' | 'recert';
	requirements: RequirementCheck[];
}

export type RequirementCheck =
	| { kind: 'course'; courseId: string; met: boolean }
	| { kind: 'exam'; quizId: string; passMark: number; met: boolean; best: number | null }
	| { kind: 'event_hours'; needed: number; have: number; met: boolean }
	| { kind: 'event_credits'; needed: number; have: number; met: boolean };

const DAY = 86_400_000;

/**
 * Adds calendar months in UTC, clamping to the end of a shorter month: 2024-02-29 + 24 months is
 * 2026-02-28, 2024-01-31 + 1 month is 2024-02-29. The time of day is kept.
 */
export function addMonths(date: Date, months: number): Date {
	const y = date.getUTCFullYear();
	const m = date.getUTCMonth() + months;
	const targetYear = y + Math.floor(m / 12);
	const targetMonth = ((m % 12) + 12) % 12;
	const lastDay = new Date(Date.UTC(targetYear, targetMonth + 1, 0)).getUTCDate();
	const day = Math.min(date.getUTCDate(), lastDay);
	return new Date(
		Date.UTC(targetYear, targetMonth, day, date.getUTCHours(), date.getUTCMinutes(), date.getUTCSeconds(), date.getUTCMilliseconds())
	);
}

export function addDays(date: Date, days: number): Date {
	return new Date(date.getTime() + days * DAY);
}

/** The version that governs a certification earned at `at`: the newest published at or before it. */
export function versionAt(versions: ProgrammeVersionFacts[], at: Date): ProgrammeVersionFacts | null {
	let best: ProgrammeVersionFacts | null = null;
	for (const v of versions) {
		if (v.createdAt.getTime() <= at.getTime() && (!best || v.version > best.version)) best = v;
	}
	// Evidence older than the first version still counts toward it.
	if (!best) for (const v of versions) if (!best || v.version < best.version) best = v;
	return best;
}

/** The certification in force or most recently in force at `date` (revoked ones never count). */
export function latestCertification(certs: CertificationFacts[], date: Date): CertificationFacts | null {
	let best: CertificationFacts | null = null;
	for (const c of certs) {
		if (c.certifiedAt.getTime() > date.getTime()) continue;
		if (c.revokedAt && c.revokedAt.getTime() <= date.getTime()) continue;
		if (!best || c.certifiedAt.getTime() > best.certifiedAt.getTime()) best = c;
	}
	return best;
}

/**
 * Checks one path against evidence dated in [from, to]. Returns the checks and, when everything is
 * met, the instant the last requirement was met (when the certification was earned).
 */
export function checkPath(req: Requirements, evidence: Evidence, from: Date | null, to: Date): { checks: RequirementCheck[]; metAt: Date | null } {
	const inRange = (d: Date) => (!from || d.getTime() >= from.getTime()) && d.getTime() <= to.getTime();
	const checks: RequirementCheck[] = [];
	let metAt = from ? from.getTime() : 0;
	let allMet = true;
	for (const courseId of req.courseIds) {
		const times = evidence.completions.filter((c) => c.courseId === courseId && inRange(c.completedAt)).map((c) => c.completedAt.getTime());
		const met = times.length > 0;
		checks.push({ kind: 'course', courseId, met });
		if (met) metAt = Math.max(metAt, Math.min(...times));
		else allMet = false;
	}
	if (req.examQuizId) {
		const passMark = req.passMark ?? 0;
		const tries = evidence.attempts.filter((a) => a.quizId === req.examQuizId && inRange(a.submittedAt));
		const best = tries.length ? Math.max(...tries.map((a) => a.percent)) : null;
		const passed = tries.filter((a) => a.percent >= passMark).map((a) => a.submittedAt.getTime());
		const met = passed.length > 0;
		checks.push({ kind: 'exam', quizId: req.examQuizId, passMark, met, best });
		if (met) metAt = Math.max(metAt, Math.min(...passed));
		else allMet = false;
	}
	if (req.eventHours > 0 || req.eventCredits > 0) {
		const attended = evidence.attendance.filter((a) => inRange(a.attendedAt)).sort((a, b) => a.attendedAt.getTime() - b.attendedAt.getTime());
		for (const [kind, needed, of] of [
			['event_hours', req.eventHours, (a: Evidence['attendance'][number]) => a.hours],
			['event_credits', req.eventCredits, (a: Evidence['attendance'][number]) => a.credits]
		] as const) {
			if (needed <= 0) continue;
			let have = 0;
			let reachedAt: number | null = null;
			for (const a of attended) {
				have += of(a);
				if (reachedAt === null && have + 1e-9 >= needed) reachedAt = a.attendedAt.getTime();
			}
			have = Math.round(have * 100) / 100;
			const met = reachedAt !== null;
			checks.push({ kind, needed, have, met });
			if (reachedAt !== null) metAt = Math.max(metAt, reachedAt);
			else allMet = false;
		}
	}
	return { checks, metAt: allMet ? new Date(metAt) : null };
}

export interface Earned {
	basis: 'earned' | 'recertified';
	certifiedAt: Date;
	expiresAt: Date;
	version: ProgrammeVersionFacts;
}

/**
 * A certification the evidence gives at `date` that is not recorded yet, or null. Initial path when
 * there never was a (non-revoked) certification; the recertification path from the window's opening
 * of the latest certification (also after it expired). The version is the one in force when the
 * path was completed; the expiry is that instant plus that version's validity.
 */
export function earnedCertification(facts: PersonProgrammeFacts, date: Date): Earned | null {
	if (facts.versions.length === 0) return null;
	const latest = latestCertification(facts.certifications, date);
	if (!latest) {
		// A revoked certification must be earned again with evidence after the revocation.
		const revokedAfter = facts.certifications
			.filter((c) => c.revokedAt && c.revokedAt.getTime() <= date.getTime())
			.reduce<Date | null>((acc, c) => (!acc || c.revokedAt!.getTime() > acc.getTime() ? c.revokedAt : acc), null);
		const v = versionAt(facts.versions, date);
		if (!v) return null;
		const { metAt } = checkPath(v.requirements, facts.evidence, revokedAfter, date);
		if (!metAt) return null;
		const version = versionAt(facts.versions, metAt) ?? v;
		// The requirements of that version must hold too (a later version may ask for more).
		if (version.id !== v.id && !checkPath(version.requirements, facts.evidence, revokedAfter, metAt).metAt) return null;
		return { basis: 'earned', certifiedAt: metAt, expiresAt: addMonths(metAt, version.validityMonths), version };
	}
	const windowOpens = addDays(latest.expiresAt, -windowDaysOf(facts, latest));
	if (date.getTime() < windowOpens.getTime()) return null;
	// The recertification path of the version in force now (published rules at the time of renewal).
	const v = versionAt(facts.versions, date);
	if (!v) return null;
	const from = new Date(Math.max(windowOpens.getTime(), latest.certifiedAt.getTime() + 1));
	const { metAt } = checkPath(v.recertRequirements, facts.evidence, from, date);
	if (!metAt) return null;
	// Renewed inside the window: the new validity runs from the old expiry (no time lost by renewing
	// early); after expiry it runs from the renewal.
	const start = metAt.getTime() < latest.expiresAt.getTime() ? latest.expiresAt : metAt;
	return { basis: 'recertified', certifiedAt: metAt, expiresAt: addMonths(start, v.validityMonths), version: v };
}

function windowDaysOf(facts: PersonProgrammeFacts, cert: CertificationFacts): number {
	return facts.versions.find((v) => v.id === cert.versionId)?.windowDays ?? versionAt(facts.versions, cert.certifiedAt)?.windowDays ?? 0;
}

/** The status of a person for a programme at `date`. */
export function statusAt(facts: PersonProgrammeFacts, date: Date): StatusResult {
	const current = latestCertification(facts.certifications, date);
	const version = versionAt(facts.versions, date);
	const noReq: Requirements = { courseIds: [], examQuizId: null, passMark: null, eventHours: 0, eventCredits: 0 };
	if (current) {
		const windowOpensAt = addDays(current.expiresAt, -windowDaysOf(facts, current));
		const inWindow = date.getTime() >= windowOpensAt.getTime();
		const from = new Date(Math.max(windowOpensAt.getTime(), current.certifiedAt.getTime() + 1));
		const path = checkPath(version?.recertRequirements ?? noReq, facts.evidence, inWindow ? from : date, date);
		const status: CertificationStatus = date.getTime() >= current.expiresAt.getTime() ? 'expired' : inWindow ? 'expiring' : 'certified';
		return {
			status,
			current,
			dueAt: facts.dueAt,
			expiresAt: current.expiresAt,
			windowOpensAt,
			progress: status === 'certified' ? 1 : share(path.checks),
			path: inWindow ? 'recert' : 'initial',
			requirements: inWindow ? path.checks : []
		};
	}
	const revokedAfter = facts.certifications
		.filter((c) => c.revokedAt && c.revokedAt.getTime() <= date.getTime())
		.reduce<Date | null>((acc, c) => (!acc || c.revokedAt!.getTime() > acc.getTime() ? c.revokedAt : acc), null);
	const path = checkPath(version?.requirements ?? noReq, facts.evidence, revokedAfter, date);
	const progress = share(path.checks);
	const anyProgress = path.checks.some((c) => c.met || (c.kind === 'exam' && c.best !== null) || ((c.kind === 'event_hours' || c.kind === 'event_credits') && c.have > 0));
	let status: CertificationStatus = anyProgress ? 'in_progress' : 'not_started';
	if (facts.assigned && facts.dueAt && date.getTime() > facts.dueAt.getTime()) status = 'overdue';
	return { status, current: null, dueAt: facts.dueAt, expiresAt: null, windowOpensAt: null, progress, path: 'initial', requirements: path.checks };
}

function share(checks: RequirementCheck[]): number {
	if (checks.length === 0) return 0;
	return checks.filter((c) => c.met).length / checks.length;
}

export interface AssignmentFacts {
	dueKind: 'fixed' | 'after_hire' | 'after_assignment';
	dueDate: Date | null;
	dueDays: number | null;
	/** When the assignment reached the person. */
	since: Date;
	/** When the person joined the organization (membership start). */
	hiredAt: Date;
}

/** The due date of one assignment for one person. */
export function dueDateOf(a: AssignmentFacts): Date | null {
	if (a.dueKind === 'fixed') return a.dueDate;
	const base = a.dueKind === 'after_hire' ? a.hiredAt : a.since;
	return addDays(base, a.dueDays ?? 0);
}

/** Several assignments may reach one person (organization and department): the earliest due date wins. */
export function effectiveDueDate(assignments: AssignmentFacts[]): Date | null {
	let best: Date | null = null;
	for (const a of assignments) {
		const d = dueDateOf(a);
		if (d && (!best || d.getTime() < best.getTime())) best = d;
	}
	return best;
}

/** Days from `date` to `target` rounded down (negative when past). */
export function daysUntil(target: Date, date: Date): number {
	return Math.floor((target.getTime() - date.getTime()) / DAY);
}
