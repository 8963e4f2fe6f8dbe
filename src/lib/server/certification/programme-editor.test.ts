/**
 * The programme pages' domain (issue 4): creating and publishing through the form parser, the
 * comparison of versions, holders keeping their version, permissions, editing and archiving, and the
 * competencies a version certifies on the programme certificate (PDF text and Open Badges credential).
 */
import { describe, expect, it, inject } from 'vitest';
import { db } from '../db/index.ts';
import { certificatePdf, getCertificate, openBadgeCredential, verifyCredential } from '../certificates/index.ts';
import { readPdf } from '../certificates/pdf-text.test-helper.ts';
import { createProgramme, publishVersion, updateProgramme, setProgrammeArchived, listProgrammes, listProgrammesFor, holdersByVersion } from './programmes.ts';
import { programmeDetail, previewChanges } from './programme-view.ts';
import { parseProgrammeForm, parseVersionForm, versionValues, competencyField } from './programme-form.ts';
import { certifiedCompetencies } from './programme-competencies.ts';
import { importFramework, sampleFramework } from './framework.ts';
import { createAssignment } from './assignments.ts';
import { seedCertification, SEED_PROGRAMMES } from './seed.ts';
import { resolveCompetencies } from './programme-competencies.ts';
import { parseCompetencies } from './programmes.ts';
import { personStatuses, historyOf } from './status.ts';
import { attempt, complete, makeCourse, makeOrganization, makePerson, sessionOf, uniq } from './test-helpers.ts';

const kind = inject('databaseKind');
const d = (s: string) => new Date(s.length === 10 ? `${s}T09:00:00Z` : s);

async function framework() {
	const slug = uniq('fw');
	await importFramework(null, { ...sampleFramework(), slug }, { checkCourses: false });
	return slug;
}

function form(fields: Record<string, string | string[]>): FormData {
	const fd = new FormData();
	for (const [k, v] of Object.entries(fields)) for (const x of Array.isArray(v) ? v : [v]) fd.append(k, x);
	return fd;
}

async function admin() {
	const u = await db().user.create({ data: { id: uniq('admin'), email: `${uniq('admin')}@test.maisternia.ua`, name: 'Адміністраторка' } });
	return sessionOf(u, ['admin']);
}

describe(`programme pages: forms, versions, permissions (${kind})`, () => {
	it('the version form keeps what was typed and explains each bad field in the request language', async () => {
		const course = await makeCourse();
		const bad = form({ courseIds: [course.courseId, 'no-such-course'], examQuizId: course.quizId, passMark: '', eventHours: 'багато', recertExamQuizId: '', recertPassMark: '80', validityMonths: '0', windowDays: '400', note: 'x' });
		const uk = await parseVersionForm(bad, 'uk');
		expect(uk.ok).toBe(false);
		if (uk.ok) return;
		expect(uk.values.courseIds).toEqual([course.courseId, 'no-such-course']);
		expect(uk.values.eventHours).toBe('багато');
		expect(uk.errors.courseIds).toBe('Такого курсу на порталі немає. Оберіть зі списку.');
		expect(uk.errors.passMark).toBe('Вкажіть прохідний бал для обраного тесту.');
		expect(uk.errors.eventHours).toBe('Введіть число від 0 до 1000.');
		expect(uk.errors.recertExamQuizId).toBe('Прохідний бал вказано, а тест не обрано.');
		expect(uk.errors.validityMonths).toBe('Введіть ціле число від 1 до 240.');
		const en = await parseVersionForm(bad, 'en');
		expect(!en.ok && en.errors.validityMonths).toBe('Enter a whole number from 1 to 240.');
		const empty = await parseVersionForm(form({ validityMonths: '12', windowDays: '30' }), 'uk');
		expect(!empty.ok && empty.errors.courseIds).toMatch(/хоча б одну вимогу/);
		expect(!empty.ok && empty.errors.recertCourseIds).toMatch(/хоча б одну вимогу/);
		const p = parseProgrammeForm(form({ slug: 'Погана адреса', organizationId: 'elsewhere', titleUk: '', titleEn: 'T', reminderDays: '30, сім' }), 'uk', { owners: [null] });
		expect(p.ok).toBe(false);
		if (!p.ok) {
			expect(Object.keys(p.errors).sort()).toEqual(['organizationId', 'reminderDays', 'slug', 'titleUk']);
			expect(p.values.slug).toBe('Погана адреса');
		}
	});

	it('creates from the form with competencies; a new version is compared with the one before and holders keep theirs', async () => {
		const fw = await framework();
		const org = await makeOrganization();
		const course = await makeCourse();
		const actor = await admin();
		const created = parseProgrammeForm(form({ slug: uniq('prog'), organizationId: org.id, titleUk: 'Відкриті дані громади', titleEn: 'Community open data', reminderDays: '7, 30, 7' }), 'uk', { owners: [null, org.id] });
		const v1 = await parseVersionForm(
			form({ courseIds: [course.courseId], examQuizId: course.quizId, passMark: '70', recertExamQuizId: course.quizId, recertPassMark: '70', validityMonths: '24', windowDays: '90', note: 'Перша', [competencyField(fw, '1.2')]: '2', [competencyField(fw, '2.1')]: '1' }),
			'uk'
		);
		expect(created.ok && v1.ok).toBe(true);
		if (!created.ok || !v1.ok) return;
		expect(v1.input.competencies).toEqual([
			{ frameworkSlug: fw, code: '1.2', level: 2 },
			{ frameworkSlug: fw, code: '2.1', level: 1 }
		]);
		const programme = await createProgramme(actor, created.input, v1.input, d('2024-01-01'));
		expect(programme.reminderDays).toEqual([30, 7]);
		expect(versionValues({ ...v1.input })[competencyField(fw, '1.2')]).toBe('2');

		// Someone earns version 1.
		const person = await makePerson(org.id, { joinedAt: d('2023-06-01') });
		await createAssignment(null, org.id, { programmeId: programme.id, targetType: 'organization', dueKind: 'fixed', dueDate: d('2024-12-31') }, d('2024-01-02'));
		await complete(person.id, course.courseId, d('2024-02-01'));
		await attempt(person.id, course.quizId, d('2024-02-02'), 85);
		expect((await personStatuses(person.id, d('2024-03-01')))[0].status).toBe('certified');

		const before = await programmeDetail(programme.slug, actor, d('2024-03-01'));
		if (!before || before === 'forbidden') throw new Error('no detail');
		expect(before.holders).toBe(1);
		expect(before.assignedPeople).toBe(1);
		const v2 = await parseVersionForm(
			form({ courseIds: [course.courseId], examQuizId: course.quizId, passMark: '80', recertExamQuizId: course.quizId, recertPassMark: '75', eventHours: '4', validityMonths: '12', windowDays: '60', note: 'Вищий бал', [competencyField(fw, '1.2')]: '3' }),
			'uk'
		);
		if (!v2.ok) throw new Error(JSON.stringify(v2.errors));
		const preview = await previewChanges(before, v2.input);
		expect(preview.map((c) => c.kind)).toEqual(['passMark', 'eventHours', 'passMark', 'validityMonths', 'windowDays', 'competency', 'competency']);
		expect(preview.filter((c) => c.kind === 'competency')).toEqual([
			expect.objectContaining({ code: '1.2', before: 2, after: 3, titleUk: 'Відкриті дані' }),
			expect.objectContaining({ code: '2.1', before: 1, after: null })
		]);
		await publishVersion(actor, programme.id, v2.input, d('2024-04-01'));
		// The compliance summary of the people assigned is marked for rewriting in the same transaction.
		expect(await db().certificationSummaryStale.count({ where: { userId: person.id, reason: 'programme_version' } })).toBeGreaterThan(0);

		const after = await programmeDetail(programme.slug, actor, d('2024-04-02'));
		if (!after || after === 'forbidden') throw new Error('no detail');
		expect(after.versions.map((v) => v.version)).toEqual([2, 1]);
		expect(after.versions[0].changes).toEqual(preview);
		expect(after.versions[0].createdBy).toBe('Адміністраторка');
		expect(after.versions[1].holders).toBe(1);
		expect(after.versions[0].holders).toBe(0);
		expect(after.versions[1].initial.courses[0].titleUk).toBe(`Курс ${course.courseId}`);
		// The holder keeps version 1, its expiry and its certificate's competencies.
		const s = (await personStatuses(person.id, d('2024-04-02')))[0];
		expect(s.version).toBe(1);
		expect(s.expiresAt?.toISOString()).toBe(d('2026-02-02').toISOString());
		expect((await holdersByVersion(programme.id, d('2024-04-02'))).get(1)).toBe(1);
		expect((await historyOf(person.id, programme.id)).map((h) => h.kind)).toContain('programme_version');
		const cert = await db().certificate.findFirstOrThrow({ where: { userId: person.id, sourceId: programme.id } });
		expect(cert.competencies).toEqual([
			{ code: '1.2', uk: 'Відкриті дані', en: 'Open data', level: 2, levelUk: 'Готує набір даних свого підрозділу у форматі CSV за шаблоном.', levelEn: 'Prepares the unit\'s dataset as CSV from a template.', framework: { slug: fw, uk: 'Цифрова компетентність службовця органу місцевого самоврядування', en: 'Digital competence of a local government official' } },
			expect.objectContaining({ code: '2.1', level: 1 })
		]);
		expect((await certifiedCompetencies(db(), programme.id, 2)).map((c) => [c.code, c.level])).toEqual([['1.2', 3]]);
	});

	it('a manager manages their organization’s programmes only; others get refused, portal-wide ones are read only', async () => {
		const course = await makeCourse();
		const own = await makeOrganization();
		const other = await makeOrganization();
		const m1 = await makePerson(own.id, { role: 'manager' });
		const m2 = await makePerson(other.id, { role: 'manager' });
		const manager = sessionOf(m1, [], [{ organizationId: own.id, organizationSlug: own.slug, departmentId: null, role: 'manager', position: null }]);
		const stranger = sessionOf(m2, [], [{ organizationId: other.id, organizationSlug: other.slug, departmentId: null, role: 'manager', position: null }]);
		const rules = { requirements: { examQuizId: course.quizId, passMark: 70 }, recertRequirements: { examQuizId: course.quizId, passMark: 70 }, validityMonths: 12, windowDays: 30 };
		const mine = await createProgramme(manager, { slug: uniq('own'), organizationId: own.id, titleUk: 'Своя', titleEn: 'Own' }, rules);
		await expect(createProgramme(manager, { slug: uniq('portal'), organizationId: null, titleUk: 'П', titleEn: 'P' }, rules)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(publishVersion(stranger, mine.id, rules)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(updateProgramme(stranger, mine.id, { titleUk: 'Чужа', titleEn: 'Theirs' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(setProgrammeArchived(stranger, mine.id, true)).rejects.toMatchObject({ code: 'forbidden' });
		expect(await programmeDetail(mine.slug, stranger)).toBe('forbidden');
		const seen = await programmeDetail(mine.slug, manager);
		expect(seen !== 'forbidden' && seen?.mayManage).toBe(true);

		const portal = await createProgramme(null, { slug: uniq('portal'), titleUk: 'Для всіх', titleEn: 'For all' }, rules);
		const ro = await programmeDetail(portal.slug, stranger);
		expect(ro !== 'forbidden' && ro?.mayManage).toBe(false);
		const listed = await listProgrammesFor(stranger);
		expect(listed.some((p) => p.id === portal.id)).toBe(true);
		expect(listed.some((p) => p.id === mine.id)).toBe(false);

		// Edit and archive: audited; an archived programme is not offered for assignment but still listed here.
		await updateProgramme(manager, mine.id, { titleUk: 'Своя програма', titleEn: 'Our programme', reminderDays: [1, 14] });
		await setProgrammeArchived(manager, mine.id, true);
		expect((await listProgrammes(own.id)).some((p) => p.id === mine.id)).toBe(false);
		const ownList = await listProgrammesFor(manager);
		expect(ownList.find((p) => p.id === mine.id)).toMatchObject({ titleUk: 'Своя програма', reminderDays: [14, 1] });
		expect(ownList.find((p) => p.id === mine.id)?.archivedAt).not.toBeNull();
		await setProgrammeArchived(manager, mine.id, false);
		expect((await listProgrammes(own.id)).some((p) => p.id === mine.id)).toBe(true);
		const audit = await db().auditLog.findMany({ where: { targetId: mine.id, action: 'certification.programme_updated' } });
		expect(audit).toHaveLength(3);
	});
});

describe(`programme certificates list the competencies (${kind})`, () => {
	it('the PDF and the Open Badges 3.0 credential name each competency with its level and framework', async () => {
		const fw = await framework();
		const org = await makeOrganization();
		const course = await makeCourse();
		const programme = await createProgramme(
			null,
			{ slug: uniq('prog'), titleUk: 'Електронна демократія', titleEn: 'E-democracy' },
			{ requirements: { examQuizId: course.quizId, passMark: 70 }, recertRequirements: { examQuizId: course.quizId, passMark: 70 }, validityMonths: 24, windowDays: 90, competencies: [{ frameworkSlug: fw, code: '2.1', level: 3 }] }
		);
		const person = await makePerson(org.id, { joinedAt: d('2024-01-01'), name: 'Марія Бондар' });
		await createAssignment(null, org.id, { programmeId: programme.id, targetType: 'person', userId: person.id, dueKind: 'after_assignment', dueDays: 60 }, d('2024-02-01'));
		await attempt(person.id, course.quizId, d('2024-02-10'), 90);
		const [s] = await personStatuses(person.id, d('2024-02-11'));
		expect(s.status).toBe('certified');
		const c = await db().certification.findFirstOrThrow({ where: { userId: person.id, programmeId: programme.id } });
		const cert = (await getCertificate(c.certificateId!))!;

		const uk = readPdf(await certificatePdf(cert, 'uk', 'https://portal.example.ua'));
		expect(uk.text).toContain('2.1 Електронні звернення, петиції та консультації — рівень 3');
		const en = readPdf(await certificatePdf(cert, 'en', 'https://portal.example.ua'));
		expect(en.text).toContain('2.1 E-appeals, petitions and consultations — level 3');

		const { credential, jwt } = await openBadgeCredential(cert, 'https://portal.example.ua');
		const verified = await verifyCredential(jwt);
		expect(verified.ok && verified.credential.credentialSubject.achievement.alignment?.[0]?.targetCode).toBe('2.1');
		const achievement = credential.credentialSubject.achievement;
		expect(achievement.alignment).toEqual([
			{
				type: ['Alignment'],
				targetName: '2.1 Електронні звернення, петиції та консультації — рівень 3',
				targetUrl: `https://portal.example.ua/certification/competencies/${fw}#competency-2.1`,
				targetDescription: 'Організовує онлайн-консультацію і звітує про її результати.',
				targetFramework: 'Цифрова компетентність службовця органу місцевого самоврядування',
				targetCode: '2.1',
				targetType: 'ceasn:Competency'
			}
		]);
		expect(achievement.criteria.narrative).toContain('Засвідчені компетентності: 2.1 Електронні звернення, петиції та консультації — рівень 3');
		expect(JSON.stringify(credential)).toContain('"tag":["Електронні звернення, петиції та консультації"]');
	});
});

describe(`demo seed (${kind})`, () => {
	it('the seeded programmes name the competencies they certify, found in the seeded framework', async () => {
		await seedCertification(db());
		for (const slug of Object.values(SEED_PROGRAMMES)) {
			const v = await db().certificationProgrammeVersion.findFirstOrThrow({ where: { programme: { slug }, version: 1 } });
			const resolved = await resolveCompetencies(parseCompetencies(v.competencies));
			expect(resolved.length).toBeGreaterThan(0);
			expect(resolved.every((c) => c.known && c.levelUk.length > 0)).toBe(true);
		}
		const appeals = await db().certificationProgrammeVersion.findFirstOrThrow({ where: { programme: { slug: SEED_PROGRAMMES.appeals }, version: 1 } });
		expect((await resolveCompetencies(parseCompetencies(appeals.competencies))).map((c) => `${c.code} ${c.titleUk} ${c.level}`)).toEqual(['2.1 Електронні звернення, петиції та консультації 2']);
	});
});
