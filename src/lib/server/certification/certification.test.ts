import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { createProgramme, publishVersion } from './programmes.ts';
import { createAssignment, revokeAssignment, syncSubjects } from './assignments.ts';
import { personStatuses, overrideCertification, revokeCertification, historyOf } from './status.ts';
import { runDaily, reminderBucket } from './reminders.ts';
import { CertificationError } from './errors.ts';
import { attempt, complete, makeCourse, makeOrganization, makePerson, sessionOf, uniq } from './test-helpers.ts';

const d = (s: string) => new Date(s.length === 10 ? `${s}T09:00:00Z` : s);

async function setup() {
	const org = await makeOrganization();
	const [cnap, general] = org.departments;
	const course = await makeCourse();
	const programme = await createProgramme(
		null,
		{ slug: uniq('prog'), titleUk: 'Цифрова грамотність службовця', titleEn: 'Digital literacy of a civil servant', reminderDays: [30, 7] },
		{
			requirements: { courseIds: [course.courseId], examQuizId: course.quizId, passMark: 70 },
			recertRequirements: { courseIds: [], examQuizId: course.quizId, passMark: 70 },
			validityMonths: 24,
			windowDays: 90
		},
		d('2024-01-01')
	);
	const manager = await makePerson(org.id, { role: 'manager', name: 'Керівниця Олена' });
	return { org, cnap, general, course, programme, manager };
}

describe('programmes, assignments and statuses (database)', () => {
	it('a department assignment reaches its people, and someone joining later gets it from that day', async () => {
		const { org, cnap, general, programme } = await setup();
		const a = await makePerson(org.id, { departmentId: cnap.id, joinedAt: d('2023-06-01') });
		const b = await makePerson(org.id, { departmentId: general.id, joinedAt: d('2023-06-01') });
		await createAssignment(null, org.id, { programmeId: programme.id, targetType: 'department', departmentId: cnap.id, dueKind: 'after_assignment', dueDays: 60 }, d('2024-02-01'));
		const sa = await personStatuses(a.id, d('2024-02-02'));
		expect(sa).toHaveLength(1);
		expect(sa[0].status).toBe('not_started');
		expect(sa[0].dueAt?.toISOString()).toBe(d('2024-04-01').toISOString());
		expect(await personStatuses(b.id, d('2024-02-02'))).toHaveLength(0);
		// b moves to the ЦНАП department on 2024-03-10.
		await db().membership.updateMany({ where: { userId: b.id }, data: { departmentId: cnap.id, updatedAt: d('2024-03-10') } });
		await syncSubjects(org.id, d('2024-03-11'));
		const sb = await personStatuses(b.id, d('2024-03-11'));
		expect(sb[0].dueAt?.toISOString()).toBe(d('2024-05-09').toISOString());
		expect((await personStatuses(a.id, d('2024-04-02')))[0].status).toBe('overdue');
	});

	it('evidence gives a certification with its version; a new version leaves it untouched; history and expiry', async () => {
		const { org, course, programme } = await setup();
		const p = await makePerson(org.id, { joinedAt: d('2023-01-01') });
		await createAssignment(null, org.id, { programmeId: programme.id, targetType: 'organization', dueKind: 'fixed', dueDate: d('2024-12-31') }, d('2024-01-02'));
		await complete(p.id, course.courseId, d('2024-02-10'));
		await attempt(p.id, course.quizId, d('2024-02-29T12:00:00Z'), 60);
		expect((await personStatuses(p.id, d('2024-03-01')))[0].status).toBe('in_progress');
		await attempt(p.id, course.quizId, d('2024-02-29T13:00:00Z'), 80);
		const s = (await personStatuses(p.id, d('2024-03-01')))[0];
		expect(s.status).toBe('certified');
		expect(s.expiresAt?.toISOString()).toBe('2026-02-28T13:00:00.000Z');
		expect(s.version).toBe(1);
		await publishVersion(null, programme.id, { requirements: { courseIds: [course.courseId], examQuizId: course.quizId, passMark: 90 }, recertRequirements: { examQuizId: course.quizId, passMark: 90 }, validityMonths: 12, windowDays: 30, note: 'Вища прохідна оцінка' }, d('2024-06-01'));
		const after = (await personStatuses(p.id, d('2024-06-02')))[0];
		expect(after.status).toBe('certified');
		expect(after.expiresAt?.toISOString()).toBe('2026-02-28T13:00:00.000Z');
		expect(after.version).toBe(1);
		// Window of version 1 (90 days), then expiry.
		expect((await personStatuses(p.id, d('2025-12-15')))[0].status).toBe('expiring');
		expect((await personStatuses(p.id, d('2026-03-01')))[0].status).toBe('expired');
		const kinds = (await historyOf(p.id, programme.id)).map((h) => h.kind);
		expect(kinds).toEqual(expect.arrayContaining(['assigned', 'certified', 'programme_version']));
		expect(await db().certification.count({ where: { userId: p.id } })).toBe(1);
		// The programme certificate: issued once, with the certification's expiry.
		const certs = await db().certificate.findMany({ where: { userId: p.id, kind: 'programme', sourceId: programme.id } });
		expect(certs).toHaveLength(1);
		expect(certs[0].expiresAt?.toISOString()).toBe('2026-02-28T13:00:00.000Z');
		expect(certs[0].sourceVersion).toBe('1');
	});

	it('override needs an admin and a reason, is audited; revocation too', async () => {
		const { org, programme, manager } = await setup();
		const p = await makePerson(org.id);
		const admin = sessionOf({ id: uniq('admin'), email: 'a@x.ua', name: 'Адмін' }, ['admin']);
		const mgr = sessionOf(manager, ['learner'], [{ organizationId: org.id, organizationSlug: org.slug, departmentId: null, role: 'manager', position: null }]);
		await expect(overrideCertification(mgr, { userId: p.id, programmeId: programme.id, organizationId: org.id, reason: 'Має диплом магістра' })).rejects.toThrow(CertificationError);
		await expect(overrideCertification(admin, { userId: p.id, programmeId: programme.id, organizationId: org.id, reason: ' ' })).rejects.toMatchObject({ code: 'reason_required' });
		const c = await overrideCertification(admin, { userId: p.id, programmeId: programme.id, organizationId: org.id, reason: 'Пройшла рівноцінне навчання в НАДС' }, d('2024-05-01'));
		expect(c.basis).toBe('override');
		expect(await db().auditLog.count({ where: { action: 'certification.override', targetId: c.id, actorId: admin.id } })).toBe(1);
		// A manager of another organization may not revoke it.
		const other = await makeOrganization([]);
		const stranger = sessionOf({ id: uniq('m'), email: 'm@x.ua', name: 'M' }, ['learner'], [{ organizationId: other.id, organizationSlug: other.slug, departmentId: null, role: 'manager', position: null }]);
		await expect(revokeCertification(stranger, { certificationId: c.id, organizationId: org.id, reason: 'Помилка' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(revokeCertification(stranger, { certificationId: c.id, organizationId: other.id, reason: 'Помилка' })).rejects.toMatchObject({ code: 'not_found' });
		await revokeCertification(mgr, { certificationId: c.id, organizationId: org.id, reason: 'Помилково надано' }, d('2024-05-02'));
		expect(await db().auditLog.count({ where: { action: 'certification.revoked', targetId: c.id } })).toBe(1);
		const certificate = await db().certificate.findFirstOrThrow({ where: { userId: p.id, kind: 'programme' } });
		expect(certificate.revokedAt?.toISOString()).toBe(d('2024-05-02').toISOString());
		expect(certificate.revocationReason).toBe('Помилково надано');
		await expect(revokeCertification(mgr, { certificationId: c.id, organizationId: org.id, reason: 'Ще раз' })).rejects.toMatchObject({ code: 'already_revoked' });
	});

	it('a withdrawn and re-created assignment restarts the relative due date', async () => {
		const { org, programme } = await setup();
		const p = await makePerson(org.id, { position: 'Адміністратор ЦНАП', joinedAt: d('2023-01-01') });
		const a1 = await createAssignment(null, org.id, { programmeId: programme.id, targetType: 'position', position: 'адміністратор цнап', dueKind: 'after_assignment', dueDays: 30 }, d('2024-01-10'));
		expect((await personStatuses(p.id, d('2024-01-11')))[0].dueAt?.toISOString()).toBe(d('2024-02-09').toISOString());
		await revokeAssignment(null, org.id, a1.id, d('2024-01-20'));
		expect(await personStatuses(p.id, d('2024-01-21'))).toHaveLength(0);
		await createAssignment(null, org.id, { programmeId: programme.id, targetType: 'person', userId: p.id, dueKind: 'after_assignment', dueDays: 30 }, d('2024-03-01'));
		const s = (await personStatuses(p.id, d('2024-03-02')))[0];
		expect(s.dueAt?.toISOString()).toBe(d('2024-03-31').toISOString());
		expect((await historyOf(p.id, programme.id)).map((h) => h.kind)).toEqual(expect.arrayContaining(['assigned', 'unassigned']));
	});
});

describe('daily reminders', () => {
	it('buckets', () => {
		expect(reminderBucket(40, [30, 7, 1])).toBeNull();
		expect(reminderBucket(30, [30, 7, 1])).toBe(30);
		expect(reminderBucket(5, [30, 7, 1])).toBe(7);
		expect(reminderBucket(0, [30, 7, 1])).toBe(1);
	});

	it('reminds people before the due date and the expiry, once; managers get one digest', async () => {
		const { org, course, programme, manager } = await setup();
		const people = await Promise.all([0, 1, 2].map(() => makePerson(org.id, { joinedAt: d('2023-01-01') })));
		await createAssignment(null, org.id, { programmeId: programme.id, targetType: 'organization', dueKind: 'fixed', dueDate: d('2024-03-31') }, d('2024-01-02'));
		// People 0 and 1: due in 20 days. Person 2: certified, expiring 2026-02-28.
		await complete(people[2].id, course.courseId, d('2024-02-10'));
		await attempt(people[2].id, course.quizId, d('2024-02-29T12:00:00Z'), 90);
		const r1 = await runDaily(d('2024-03-11'), org.id);
		expect(r1.certified).toBe(1);
		// Manager (also assigned through the organization) + 2 staff get a due reminder.
		expect(r1.personMessages).toBe(3);
		expect(r1.digests).toBe(1);
		const r2 = await runDaily(d('2024-03-11T15:00:00Z'), org.id);
		expect(r2.personMessages + r2.digests).toBe(0);
		// Next bucket (7 days) is a new reminder; digest once a day.
		const r3 = await runDaily(d('2024-03-26'), org.id);
		expect(r3.personMessages).toBe(3);
		expect(r3.digests).toBe(1);
		// The expiry reminder for the certified person, 30 days before.
		const r4 = await runDaily(d('2026-02-01'), org.id);
		const mails = await db().outboxMessage.findMany({ where: { to: people[2].email, template: 'certn_reminder' } });
		expect(mails).toHaveLength(1);
		expect(mails[0].subject).toContain('спливає');
		expect(r4.digests).toBe(1);
		const digests = await db().outboxMessage.findMany({ where: { to: manager.email, template: 'certn_manager_digest' } });
		expect(digests).toHaveLength(3);
	});
});
