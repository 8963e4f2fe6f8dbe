import { describe, expect, it } from 'vitest';
import {
	addMonths,
	dueDateOf,
	earnedCertification,
	effectiveDueDate,
	statusAt,
	type CertificationFacts,
	type Evidence,
	type PersonProgrammeFacts,
	type ProgrammeVersionFacts
} from './engine.ts';

const d = (s: string) => new Date(s.length === 10 ? `${s}T09:00:00Z` : s);

const v1: ProgrammeVersionFacts = {
	id: 'v1',
	version: 1,
	createdAt: d('2023-01-01'),
	requirements: { courseIds: ['egov-basics', 'edms-local-gov'], examQuizId: 'egov-basics/final', passMark: 70, eventHours: 0, eventCredits: 0 },
	recertRequirements: { courseIds: [], examQuizId: 'egov-basics/final', passMark: 70, eventHours: 0, eventCredits: 0 },
	validityMonths: 24,
	windowDays: 90
};

const none: Evidence = { completions: [], attempts: [], attendance: [] };

function facts(patch: Partial<PersonProgrammeFacts> = {}): PersonProgrammeFacts {
	return { versions: [v1], certifications: [], evidence: none, dueAt: d('2024-06-30'), assigned: true, ...patch };
}

const fullEvidence = (when: string): Evidence => ({
	completions: [
		{ courseId: 'egov-basics', completedAt: d('2024-01-10') },
		{ courseId: 'edms-local-gov', completedAt: d('2024-02-01') }
	],
	attempts: [
		{ quizId: 'egov-basics/final', submittedAt: d('2024-02-20'), percent: 50 },
		{ quizId: 'egov-basics/final', submittedAt: d(when), percent: 85 }
	],
	attendance: []
});

function cert(c: Partial<CertificationFacts> & Pick<CertificationFacts, 'certifiedAt' | 'expiresAt'>): CertificationFacts {
	return { id: 'c1', versionId: 'v1', version: 1, basis: 'earned', revokedAt: null, ...c };
}

describe('addMonths', () => {
	it('clamps a leap day to the end of February in a common year', () => {
		expect(addMonths(d('2024-02-29T10:00:00Z'), 24).toISOString()).toBe('2026-02-28T10:00:00.000Z');
		expect(addMonths(d('2024-02-29T10:00:00Z'), 48).toISOString()).toBe('2028-02-29T10:00:00.000Z');
		expect(addMonths(d('2024-01-31T00:00:00Z'), 1).toISOString()).toBe('2024-02-29T00:00:00.000Z');
		expect(addMonths(d('2023-12-15T00:00:00Z'), 14).toISOString()).toBe('2025-02-15T00:00:00.000Z');
	});
});

describe('status engine on fixed dates', () => {
	it('not started, in progress, overdue before any certification', () => {
		expect(statusAt(facts(), d('2024-03-01')).status).toBe('not_started');
		const partial: Evidence = { ...none, completions: [{ courseId: 'egov-basics', completedAt: d('2024-01-10') }] };
		const r = statusAt(facts({ evidence: partial }), d('2024-03-01'));
		expect(r.status).toBe('in_progress');
		expect(r.progress).toBeCloseTo(1 / 3);
		expect(statusAt(facts({ evidence: partial }), d('2024-07-01')).status).toBe('overdue');
		// Not assigned: never overdue.
		expect(statusAt(facts({ evidence: partial, assigned: false, dueAt: null }), d('2025-07-01')).status).toBe('in_progress');
	});

	it('earns a certification at the instant the last requirement was met, leap day + 24 months', () => {
		const f = facts({ evidence: fullEvidence('2024-02-29T12:00:00Z') });
		expect(earnedCertification(f, d('2024-02-28'))).toBeNull();
		const e = earnedCertification(f, d('2024-03-01'));
		expect(e?.basis).toBe('earned');
		expect(e?.certifiedAt.toISOString()).toBe('2024-02-29T12:00:00.000Z');
		expect(e?.expiresAt.toISOString()).toBe('2026-02-28T12:00:00.000Z');
		expect(e?.version.id).toBe('v1');
	});

	it('opens the recertification window exactly windowDays before expiry, then expires', () => {
		const c = cert({ certifiedAt: d('2024-02-29T12:00:00Z'), expiresAt: d('2026-02-28T12:00:00Z') });
		const f = facts({ certifications: [c], evidence: fullEvidence('2024-02-29T12:00:00Z') });
		// 2026-02-28 - 90 days = 2025-11-30 12:00 UTC.
		expect(statusAt(f, d('2025-11-30T11:59:59Z')).status).toBe('certified');
		const opening = statusAt(f, d('2025-11-30T12:00:00Z'));
		expect(opening.status).toBe('expiring');
		expect(opening.windowOpensAt?.toISOString()).toBe('2025-11-30T12:00:00.000Z');
		expect(opening.path).toBe('recert');
		expect(statusAt(f, d('2026-02-28T11:59:59Z')).status).toBe('expiring');
		expect(statusAt(f, d('2026-02-28T12:00:00Z')).status).toBe('expired');
		// Certified people are never overdue, even past the due date.
		expect(statusAt(f, d('2024-08-01')).status).toBe('certified');
	});

	it('recertifies through the shorter path inside the window, extending from the old expiry', () => {
		const c = cert({ certifiedAt: d('2024-02-29T12:00:00Z'), expiresAt: d('2026-02-28T12:00:00Z') });
		const ev = fullEvidence('2024-02-29T12:00:00Z');
		// An exam passed before the window does not count for recertification.
		const early: Evidence = { ...ev, attempts: [...ev.attempts, { quizId: 'egov-basics/final', submittedAt: d('2025-10-01'), percent: 90 }] };
		expect(earnedCertification(facts({ certifications: [c], evidence: early }), d('2025-12-15'))).toBeNull();
		const inWindow: Evidence = { ...ev, attempts: [...ev.attempts, { quizId: 'egov-basics/final', submittedAt: d('2025-12-10'), percent: 75 }] };
		const r = earnedCertification(facts({ certifications: [c], evidence: inWindow }), d('2025-12-15'));
		expect(r?.basis).toBe('recertified');
		expect(r?.certifiedAt.toISOString()).toBe(d('2025-12-10').toISOString());
		expect(r?.expiresAt.toISOString()).toBe('2028-02-28T12:00:00.000Z');
		// After expiry the new validity starts at the renewal.
		const late: Evidence = { ...ev, attempts: [...ev.attempts, { quizId: 'egov-basics/final', submittedAt: d('2026-03-10'), percent: 75 }] };
		const r2 = earnedCertification(facts({ certifications: [c], evidence: late }), d('2026-03-11'));
		expect(r2?.expiresAt.toISOString()).toBe(d('2028-03-10').toISOString());
	});

	it('revocation removes the certification; only evidence after it earns a new one', () => {
		const c = cert({ certifiedAt: d('2024-02-29T12:00:00Z'), expiresAt: d('2026-02-28T12:00:00Z'), revokedAt: d('2024-05-01') });
		const f = facts({ certifications: [c], evidence: fullEvidence('2024-02-29T12:00:00Z') });
		expect(statusAt(f, d('2024-04-30')).status).toBe('certified');
		const after = statusAt(f, d('2024-05-02'));
		expect(after.status).toBe('not_started');
		expect(statusAt(f, d('2024-07-01')).status).toBe('overdue');
		expect(earnedCertification(f, d('2024-07-01'))).toBeNull();
	});

	it('a new programme version never changes an existing certification; it applies to the next one', () => {
		const v2: ProgrammeVersionFacts = {
			...v1,
			id: 'v2',
			version: 2,
			createdAt: d('2025-01-01'),
			requirements: { ...v1.requirements, courseIds: [...v1.requirements.courseIds, 'e-democracy-tools'] },
			recertRequirements: { ...v1.recertRequirements, eventHours: 2 },
			validityMonths: 12,
			windowDays: 30
		};
		const c = cert({ certifiedAt: d('2024-02-29T12:00:00Z'), expiresAt: d('2026-02-28T12:00:00Z') });
		const f = facts({ versions: [v1, v2], certifications: [c], evidence: fullEvidence('2024-02-29T12:00:00Z') });
		// Still certified under v1 with v1's validity and window (90 days), not v2's 12 months / 30 days.
		expect(statusAt(f, d('2025-06-01')).status).toBe('certified');
		expect(statusAt(f, d('2025-12-01')).status).toBe('expiring');
		// Someone earning it after v2 was published needs v2's extra course and gets v2's validity.
		const g = facts({ versions: [v1, v2], evidence: fullEvidence('2025-02-01') });
		expect(earnedCertification(g, d('2025-03-01'))).toBeNull();
		const withCourse: Evidence = { ...g.evidence, completions: [...g.evidence.completions, { courseId: 'e-democracy-tools', completedAt: d('2025-02-10') }] };
		const e = earnedCertification({ ...g, evidence: withCourse }, d('2025-03-01'));
		expect(e?.version.id).toBe('v2');
		expect(e?.expiresAt.toISOString()).toBe(d('2026-02-10').toISOString());
		// Renewal of the v1 certification follows v2's recertification path: 2 event hours in the window.
		const exam: Evidence = { ...f.evidence, attempts: [...f.evidence.attempts, { quizId: 'egov-basics/final', submittedAt: d('2025-12-10'), percent: 80 }] };
		expect(earnedCertification({ ...f, evidence: exam }, d('2025-12-20'))).toBeNull();
		const hours: Evidence = { ...exam, attendance: [{ attendedAt: d('2025-12-12'), hours: 1.5, credits: 0 }, { attendedAt: d('2025-12-15'), hours: 1, credits: 0 }] };
		const r = earnedCertification({ ...f, evidence: hours }, d('2025-12-20'));
		expect(r?.basis).toBe('recertified');
		expect(r?.version.id).toBe('v2');
		expect(r?.certifiedAt.toISOString()).toBe(d('2025-12-15').toISOString());
		expect(r?.expiresAt.toISOString()).toBe('2027-02-28T12:00:00.000Z');
	});

	it('due dates: fixed, relative to hiring or assignment; re-assignment restarts the relative date; earliest wins', () => {
		const hiredAt = d('2024-01-15');
		expect(dueDateOf({ dueKind: 'fixed', dueDate: d('2024-12-31'), dueDays: null, since: d('2024-03-01'), hiredAt })?.toISOString()).toBe(d('2024-12-31').toISOString());
		expect(dueDateOf({ dueKind: 'after_hire', dueDate: null, dueDays: 90, since: d('2024-03-01'), hiredAt })?.toISOString()).toBe(d('2024-04-14').toISOString());
		const first = { dueKind: 'after_assignment' as const, dueDate: null, dueDays: 60, since: d('2024-03-01'), hiredAt };
		expect(dueDateOf(first)?.toISOString()).toBe(d('2024-04-30').toISOString());
		// Re-assigned on 2024-06-01 (the old assignment was withdrawn): the new one counts from then.
		const again = { ...first, since: d('2024-06-01') };
		expect(dueDateOf(again)?.toISOString()).toBe(d('2024-07-31').toISOString());
		expect(statusAt(facts({ dueAt: dueDateOf(first) }), d('2024-06-15')).status).toBe('overdue');
		expect(statusAt(facts({ dueAt: dueDateOf(again) }), d('2024-06-15')).status).toBe('not_started');
		expect(effectiveDueDate([again, { ...first, dueKind: 'fixed', dueDate: d('2024-05-01') }])?.toISOString()).toBe(d('2024-05-01').toISOString());
	});

	it('is deterministic: the same input gives the same output', () => {
		const f = facts({ evidence: fullEvidence('2024-02-29T12:00:00Z') });
		expect(JSON.stringify(statusAt(f, d('2024-03-01')))).toBe(JSON.stringify(statusAt(f, d('2024-03-01'))));
	});

	it('event credits and hours accumulate to the instant the threshold is reached', () => {
		const v: ProgrammeVersionFacts = { ...v1, requirements: { courseIds: [], examQuizId: null, passMark: null, eventHours: 0, eventCredits: 1 } };
		const ev: Evidence = { ...none, attendance: [{ attendedAt: d('2024-03-01'), hours: 2, credits: 0.5 }, { attendedAt: d('2024-04-01'), hours: 2, credits: 0.5 }] };
		const e = earnedCertification(facts({ versions: [v], evidence: ev }), d('2024-05-01'));
		expect(e?.certifiedAt.toISOString()).toBe(d('2024-04-01').toISOString());
	});
});
