import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { createProgramme, publishVersion } from './programmes.ts';
import { createAssignment, revokeAssignment } from './assignments.ts';
import { overrideCertification, revokeCertification } from './status.ts';
import { complianceReport } from './dashboard.ts';
import { loadFacts } from './facts.ts';
import { statusAt } from './engine.ts';
import { refreshStale, summaryStatus } from './summary.ts';
import { runDaily } from './reminders.ts';
import { addMembership, updateMembership, removeMembership } from '../identity/memberships.ts';
import './summary-jobs.ts';
import { attempt, complete, makeCourse, makeOrganization, makePerson, sessionOf, uniq } from './test-helpers.ts';

const d = (s: string) => new Date(s.length === 10 ? `${s}T09:00:00Z` : s);
const DAY = 86_400_000;

/**
 * The dashboard (read from the summary) must say what the engine says, for every assigned pair of
 * the organization, at `now`. Returns the report for further checks.
 */
async function expectAgrees(organizationId: string, now: Date, options: { refresh?: boolean } = {}) {
	const report = await complianceReport(organizationId, {}, now, options);
	const loaded = await loadFacts({ organizationId });
	const members = new Set((await db().membership.findMany({ where: { organizationId }, select: { userId: true } })).map((m) => m.userId));
	const engine = loaded.pairs
		.filter((p) => p.facts.assigned && members.has(p.userId))
		.map((p) => {
			const r = statusAt(p.facts, now);
			return { userId: p.userId, programmeId: p.programmeId, status: r.status, progress: r.progress, dueAt: r.dueAt?.toISOString() ?? null, expiresAt: r.expiresAt?.toISOString() ?? null, certificationId: r.current?.id ?? null };
		});
	const shown = report.rows.map((r) => ({ userId: r.userId, programmeId: r.programmeId, status: r.status, progress: r.progress, dueAt: r.dueAt?.toISOString() ?? null, expiresAt: r.expiresAt?.toISOString() ?? null, certificationId: r.certificationId }));
	const key = (x: { userId: string; programmeId: string }) => `${x.userId}/${x.programmeId}`;
	expect(shown.sort((a, b) => key(a).localeCompare(key(b)))).toEqual(engine.sort((a, b) => key(a).localeCompare(key(b))));
	return report;
}

const rowOf = (report: Awaited<ReturnType<typeof complianceReport>>, userId: string, programmeId: string) => report.rows.find((r) => r.userId === userId && r.programmeId === programmeId);

async function setup() {
	const org = await makeOrganization();
	const [cnap, general] = org.departments;
	const course = await makeCourse();
	const programme = await createProgramme(
		null,
		{ slug: uniq('prog'), titleUk: 'Цифрова грамотність', titleEn: 'Digital literacy', reminderDays: [30, 7] },
		{ requirements: { courseIds: [course.courseId], examQuizId: course.quizId, passMark: 70 }, recertRequirements: { examQuizId: course.quizId, passMark: 70 }, validityMonths: 12, windowDays: 60 },
		d('2024-01-01')
	);
	return { org, cnap, general, course, programme };
}

describe('the compliance summary follows every change and agrees with the engine', () => {
	it('assignments, learning evidence, attendance, overrides, revocations, a new version, time alone, withdrawal', async () => {
		const { org, cnap, general, course, programme } = await setup();
		const admin = await makePerson(org.id, { role: 'manager', name: 'Адміністраторка' });
		const a = await makePerson(org.id, { departmentId: cnap.id, joinedAt: d('2023-01-01'), name: 'Антон' });
		const b = await makePerson(org.id, { departmentId: general.id, joinedAt: d('2023-01-01'), name: 'Богдана' });
		const adminSession = sessionOf(admin, ['admin']);

		// An assignment reaches the department: rows for its people only, written with the assignment.
		await createAssignment(null, org.id, { programmeId: programme.id, targetType: 'department', departmentId: cnap.id, dueKind: 'after_assignment', dueDays: 60 }, d('2024-02-01'));
		expect(await db().certificationSummary.count({ where: { organizationId: org.id } })).toBe(1);
		expect(await refreshStale(org.id, d('2024-02-02'))).toBe(0);
		let r = await expectAgrees(org.id, d('2024-02-02'));
		expect(rowOf(r, a.id, programme.id)).toMatchObject({ status: 'not_started', dueAt: d('2024-04-01') });
		expect(rowOf(r, b.id, programme.id)).toBeUndefined();

		// Course completion (learning's table): the next read picks it up.
		await complete(a.id, course.courseId, d('2024-02-10'));
		r = await expectAgrees(org.id, d('2024-02-11'));
		expect(rowOf(r, a.id, programme.id)).toMatchObject({ status: 'in_progress', progress: 0.5 });

		// A failed, then a passed exam attempt: certified (the certification is recorded by the refresh).
		await attempt(a.id, course.quizId, d('2024-02-20'), 50);
		r = await expectAgrees(org.id, d('2024-02-21'));
		expect(rowOf(r, a.id, programme.id)?.status).toBe('in_progress');
		await attempt(a.id, course.quizId, d('2024-02-22'), 90);
		r = await expectAgrees(org.id, d('2024-02-23'));
		expect(rowOf(r, a.id, programme.id)).toMatchObject({ status: 'certified', progress: 1, expiresAt: d('2025-02-22') });
		const certId = rowOf(r, a.id, programme.id)!.certificationId!;

		// Time alone: the window opens, then the certification expires. No row is rewritten.
		const before = await db().certificationSummary.findFirstOrThrow({ where: { organizationId: org.id, userId: a.id } });
		for (const at of [d('2024-12-24'), d('2025-02-22T08:59:59Z'), d('2025-02-22'), d('2025-03-01')]) {
			expect(await refreshStale(org.id, at)).toBe(0);
			await expectAgrees(org.id, at, { refresh: false });
		}
		expect(summaryStatus(before, d('2024-12-24')).status).toBe('expiring');
		expect(summaryStatus(before, d('2025-03-01')).status).toBe('expired');
		expect((await db().certificationSummary.findFirstOrThrow({ where: { organizationId: org.id, userId: a.id } })).refreshedAt).toEqual(before.refreshedAt);
		// Overdue by time alone, for someone assigned later with a fixed due date.
		await createAssignment(null, org.id, { programmeId: programme.id, targetType: 'person', userId: b.id, dueKind: 'fixed', dueDate: d('2024-03-31') }, d('2024-03-01'));
		for (const at of [d('2024-03-30'), d('2024-04-01')]) {
			expect(await refreshStale(org.id, at)).toBe(0);
			const rr = await expectAgrees(org.id, at, { refresh: false });
			expect(rowOf(rr, b.id, programme.id)?.status).toBe(at < d('2024-03-31') ? 'not_started' : 'overdue');
		}

		// Revocation and override (this domain's transactions mark the person).
		await revokeCertification(adminSession, { certificationId: certId, organizationId: org.id, reason: 'Помилка в протоколі' }, d('2024-04-02'));
		r = await expectAgrees(org.id, d('2024-04-03'));
		expect(rowOf(r, a.id, programme.id)?.status).toBe('overdue');
		await overrideCertification(adminSession, { userId: b.id, programmeId: programme.id, organizationId: org.id, reason: 'Сертифікат іншого закладу' }, d('2024-04-04'));
		r = await expectAgrees(org.id, d('2024-04-05'));
		expect(rowOf(r, b.id, programme.id)?.status).toBe('certified');

		// Attendance (events' table) toward a programme that counts event hours.
		const events = await createProgramme(
			null,
			{ slug: uniq('prog'), titleUk: 'Практикуми', titleEn: 'Workshops', reminderDays: [7] },
			{ requirements: { eventHours: 3 }, recertRequirements: { eventHours: 2 }, validityMonths: 12, windowDays: 30 },
			d('2024-01-01')
		);
		await createAssignment(null, org.id, { programmeId: events.id, targetType: 'organization', dueKind: 'after_assignment', dueDays: 90 }, d('2024-04-06'));
		for (const [i, day] of ['2024-04-10', '2024-04-20'].entries()) {
			const event = await db().event.create({ data: { slug: uniq('event'), kind: 'workshop', titleUk: `Практикум ${i}`, titleEn: `Workshop ${i}`, checkinCode: '123456', startsAt: d(day), endsAt: new Date(d(day).getTime() + 2 * 3_600_000) } });
			await db().attendance.create({ data: { eventId: event.id, userId: a.id, source: 'host', attendedAt: new Date(d(day).getTime() + 2 * 3_600_000) } });
			r = await expectAgrees(org.id, new Date(d(day).getTime() + DAY));
		}
		expect(rowOf(r, a.id, events.id)?.status).toBe('certified');

		// A new programme version: the rows of that programme are rewritten (its pass mark of 95 governs
		// from then on).
		await publishVersion(null, programme.id, { requirements: { courseIds: [course.courseId], examQuizId: course.quizId, passMark: 95 }, recertRequirements: { examQuizId: course.quizId, passMark: 95 }, validityMonths: 24, windowDays: 90, note: 'Вища планка' }, d('2024-05-01'));
		expect(await refreshStale(org.id, d('2024-05-02'))).toBeGreaterThan(0);
		await attempt(a.id, course.quizId, d('2024-05-03'), 92);
		// (After the revocation only newer evidence counts: the course done before it does not.)
		r = await expectAgrees(org.id, d('2024-05-04'));
		expect(rowOf(r, a.id, programme.id)).toMatchObject({ status: 'overdue', progress: 0 });
		await attempt(a.id, course.quizId, d('2024-05-05'), 96);
		r = await expectAgrees(org.id, d('2024-05-06'));
		expect(rowOf(r, a.id, programme.id)).toMatchObject({ status: 'overdue', progress: 0.5 });

		// The daily job rewrites everything and agrees too; withdrawing an assignment removes its rows.
		await runDaily(d('2024-05-07'), org.id);
		await expectAgrees(org.id, d('2024-05-07'), { refresh: false });
		const assignment = await db().certificationAssignment.findFirstOrThrow({ where: { organizationId: org.id, programmeId: events.id } });
		await revokeAssignment(null, org.id, assignment.id, d('2024-05-08'));
		r = await expectAgrees(org.id, d('2024-05-08'), { refresh: false });
		expect(r.rows.filter((x) => x.programmeId === events.id)).toHaveLength(0);

	}, 180_000);
});

describe('memberships reach certification at once (identity tells it in the same transaction)', () => {
	it('joining, moving and leaving a department; relative due dates count from the join; the hire date moves after_hire due dates', async () => {
		const { org, cnap, general, programme } = await setup();
		const other = await createProgramme(
			null,
			{ slug: uniq('prog'), titleUk: 'Вступний курс', titleEn: 'Induction', reminderDays: [7] },
			{ requirements: { eventHours: 1 }, recertRequirements: { eventHours: 1 }, validityMonths: 12, windowDays: 30 },
			d('2024-01-01')
		);
		const admin = await makePerson(org.id, { role: 'manager' });
		const adminSession = sessionOf(admin, ['admin']);
		const manager = sessionOf(admin, [], [{ organizationId: org.id, organizationSlug: org.slug, role: 'manager', departmentId: null, position: null }]);
		const assignedAt = new Date(Date.now() - 10 * DAY);
		await createAssignment(null, org.id, { programmeId: programme.id, targetType: 'department', departmentId: cnap.id, dueKind: 'after_assignment', dueDays: 30 }, assignedAt);
		await createAssignment(null, org.id, { programmeId: other.id, targetType: 'organization', dueKind: 'after_hire', dueDays: 14 }, assignedAt);

		// A new person joins the ЦНАП department: on the dashboard with both assignments, no sync needed.
		const id = uniq('user');
		await db().user.create({ data: { id, email: `${id}@test.maisternia.ua`, name: 'Новенька Ірина' } });
		const t0 = Date.now();
		const ms = await addMembership(adminSession, id, org.id, { role: 'staff', departmentId: cnap.id, position: 'адміністратор ЦНАП' });
		expect(await db().certificationSubject.count({ where: { userId: id, endedAt: null } })).toBe(2);
		let r = await expectAgrees(org.id, new Date());
		const joined = ms.createdAt.getTime();
		expect(joined).toBeGreaterThanOrEqual(t0 - 1000);
		expect(rowOf(r, id, programme.id)?.dueAt?.getTime()).toBe(joined + 30 * DAY);
		expect(rowOf(r, id, other.id)?.dueAt?.getTime()).toBe(joined + 14 * DAY);
		expect(rowOf(r, id, programme.id)).toMatchObject({ departmentId: cnap.id, position: 'адміністратор ЦНАП' });

		// The manager records an earlier hire date: the after_hire due date follows, at once.
		await updateMembership(manager, ms.id, { hiredAt: d('2024-01-15') }, { inOrganizationId: org.id });
		r = await expectAgrees(org.id, new Date());
		expect(rowOf(r, id, other.id)).toMatchObject({ dueAt: new Date(d('2024-01-15').getTime() + 14 * DAY), status: 'overdue' });
		expect(rowOf(r, id, programme.id)?.dueAt?.getTime()).toBe(joined + 30 * DAY);

		// Moving to another department: the department's assignment ends, the organization's stays.
		await updateMembership(manager, ms.id, { departmentId: general.id }, { inOrganizationId: org.id });
		r = await expectAgrees(org.id, new Date());
		expect(rowOf(r, id, programme.id)).toBeUndefined();
		expect(rowOf(r, id, other.id)).toMatchObject({ departmentId: general.id });

		// Leaving: gone from the dashboard, subjects ended.
		await removeMembership(manager, ms.id, { inOrganizationId: org.id });
		r = await expectAgrees(org.id, new Date());
		expect(r.rows.filter((x) => x.userId === id)).toHaveLength(0);
		expect(await db().certificationSubject.count({ where: { userId: id, endedAt: null } })).toBe(0);
		expect(await db().certificationSummary.count({ where: { userId: id } })).toBe(0);
	});
});
