import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { db } from '../db/index.ts';
import { enrol, evaluateCourseCompletion, importCourses, recordLessonView } from '../learning/index.ts';
import { makePerson, tempRoot, write } from '../learning/test-helpers.ts';
import { findBySerial, listForUser, verifyCredential, openBadgeCredential } from './index.ts';

const kind = inject('databaseKind');

/** A course of two text lessons (completed by viewing them). */
async function textCourse(): Promise<string> {
	const root = tempRoot();
	const id = `cert-${randomUUID().slice(0, 8)}`;
	write(
		root,
		`${id}/course.yaml`,
		`id: ${id}
slug: ${id}
title: { uk: "Курс для сертифіката", en: "A course for a certificate" }
summary: { uk: "Опис", en: "Summary" }
outcomes: { uk: [одне], en: [one] }
audience: all
topics: [e_government]
level: beginner
format: self_paced
language: uk
hours: 6
credits: 0.2
competencies: [{ code: "ЕУ-2", uk: "Відкриті дані", en: "Open data" }]
instructors: [{ name: Викладач }]
enrolment: open
`
	);
	write(root, `${id}/modules/01-m1/module.yaml`, 'id: m1\ntitle: { uk: Модуль 1, en: Module 1 }\n');
	write(root, `${id}/modules/01-m1/01-a.md`, '---\nid: a\ntitle: Перший\nkind: text\n---\n\nТекст.\n');
	write(root, `${id}/modules/01-m1/02-b.md`, '---\nid: b\ntitle: Другий\nkind: text\n---\n\nТекст.\n');
	const r = await importCourses({ root });
	expect(r.failed, JSON.stringify(r.courses)).toBe(0);
	return id;
}

describe(`course certificate on completion (${kind})`, () => {
	it('completing a course issues its certificate once, in the same step, with the course facts', async () => {
		const id = await textCourse();
		const person = await makePerson('Тарас Сертифікатний');
		await enrol(person, id);
		await recordLessonView(person, `${id}/a`);
		expect(await listForUser(person.id)).toEqual([]);
		await recordLessonView(person, `${id}/b`);
		const certs = await listForUser(person.id);
		expect(certs).toHaveLength(1);
		const [cert] = certs;
		expect(cert).toMatchObject({
			kind: 'course',
			sourceId: id,
			titleUk: 'Курс для сертифіката',
			titleEn: 'A course for a certificate',
			holderName: 'Тарас Сертифікатний',
			hours: 6,
			credits: 0.2,
			status: 'valid',
			expiresAt: null
		});
		expect(cert.competencies).toEqual([{ code: 'ЕУ-2', uk: 'Відкриті дані', en: 'Open data' }]);
		const completion = await db().courseCompletion.findUniqueOrThrow({ where: { courseId_userId: { courseId: id, userId: person.id } } });
		expect(cert.issuedAt.getTime()).toBe(completion.completedAt.getTime());
		expect(cert.sourceVersion).toBe(completion.courseHash);
		// Evaluating again (another lesson view, a later refresh) issues nothing more.
		await recordLessonView(person, `${id}/a`);
		expect(await evaluateCourseCompletion(person.id, id)).toBe(true);
		expect(await listForUser(person.id)).toHaveLength(1);
		expect((await findBySerial(cert.serial))?.id).toBe(cert.id);
		const { jwt } = await openBadgeCredential(cert);
		expect(await verifyCredential(jwt)).toMatchObject({ ok: true, status: 'valid' });
	});
});
