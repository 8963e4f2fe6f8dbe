import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { db } from '../db/index.ts';
import { enrol, importCourses, startAttempt, submitAttempt } from '../learning/index.ts';
import { makePerson, tempRoot, writeCourse } from '../learning/test-helpers.ts';
import type { SessionUser } from '../auth/types.ts';
import { courseLearners, coursesTaught, csvCell, instructorScope, learnersCsv, questionsCsv, quizItemStats, toCsv } from './index.ts';

const kind = inject('databaseKind');

describe('CSV', () => {
	it('quotes every text cell, doubles quotes, keeps numbers, and defuses formulas', () => {
		expect(csvCell('Іван "Ваня" Коваль')).toBe('"Іван ""Ваня"" Коваль"');
		expect(csvCell('рядок\nдругий, з комою')).toBe('"рядок\nдругий, з комою"');
		expect(csvCell('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
		for (const danger of ['+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) expect(csvCell(danger).startsWith(`"'`)).toBe(true);
		expect(csvCell(-5)).toBe('-5');
		expect(csvCell(33.3)).toBe('33.3');
		expect(csvCell(null)).toBe('');
		expect(csvCell(new Date('2026-11-22T10:00:00Z'))).toBe('"2026-11-22T10:00:00.000Z"');
		const csv = toCsv(['a', 'b'], [['x', 1], ['=y', null]]);
		expect(csv).toBe('\uFEFF"a","b"\r\n"x",1\r\n"\'=y",\r\n');
	});
});

async function answer(person: SessionUser, quizId: string, right: { single: boolean; tf: boolean }) {
	const attemptId = await startAttempt(person, quizId);
	const a = await db().quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
	const form = new FormData();
	for (const [i, item] of (a.layout as { questionId: string; order: string[] }[]).entries()) {
		const q = await db().question.findUniqueOrThrow({ where: { id: item.questionId } });
		const data = q.data as { type: string; correct?: string[]; answer?: boolean };
		if (data.type === 'single') form.set(`q${i}`, String(item.order.indexOf(right.single ? 'four' : 'five')));
		if (data.type === 'true_false') form.set(`q${i}`, String(right.tf ? data.answer : !data.answer));
	}
	await submitAttempt(person, attemptId, form);
}

async function organization(name: string) {
	return db().organization.create({ data: { slug: `org-${randomUUID().slice(0, 8)}`, nameUk: name, nameEn: name, kind: 'local_government' } });
}

describe(`instructor view (${kind})`, () => {
	it('instructors and admins see every learner; a manager only their organization; others nothing', async () => {
		const root = tempRoot();
		const id = `instr-${randomUUID().slice(0, 8)}`;
		writeCourse(root, { id });
		expect((await importCourses({ root })).failed).toBe(0);
		const teacher = await makePerson('teacher', { roles: ['instructor', 'learner'] });
		const otherTeacher = await makePerson('other-teacher', { roles: ['instructor', 'learner'] });
		const admin = await makePerson('admin', { roles: ['admin', 'learner'] });
		await db().course.update({ where: { id }, data: { instructors: [{ name: 'Викладач', account: teacher.email.toUpperCase() }] } });
		const course = await db().course.findUniqueOrThrow({ where: { id } });

		const vin = await organization('Вінницька міська рада');
		const myk = await organization('Миколаївська міська рада');
		const ms = (orgId: string, role: 'manager' | 'staff') => [{ organizationId: orgId, organizationSlug: 'x', departmentId: null, role, position: null }];
		const a = await makePerson('Анна', { memberships: ms(vin.id, 'staff') });
		const b = await makePerson('Богдан', { memberships: ms(myk.id, 'staff') });
		const c = await makePerson('Віра');
		const manager = await makePerson('manager', { memberships: ms(vin.id, 'manager') });
		await db().membership.createMany({
			data: [
				{ userId: a.id, organizationId: vin.id, role: 'staff' },
				{ userId: b.id, organizationId: myk.id, role: 'staff' },
				{ userId: manager.id, organizationId: vin.id, role: 'manager' }
			]
		});
		for (const p of [a, b, c]) await enrol(p, id);
		await answer(a, `${id}/check`, { single: true, tf: true });
		await answer(b, `${id}/check`, { single: false, tf: false });
		await answer(c, `${id}/check`, { single: false, tf: true });

		expect(await instructorScope(teacher, course)).toEqual({ kind: 'all' });
		expect(await instructorScope(admin, course)).toEqual({ kind: 'all' });
		expect(await instructorScope(otherTeacher, course)).toBeNull();
		expect(await instructorScope(a, course)).toBeNull();
		expect(await instructorScope(null, course)).toBeNull();
		const managerScope = await instructorScope(manager, course);
		expect(managerScope).toEqual({ kind: 'organizations', organizationIds: [vin.id] });
		expect((await coursesTaught(teacher)).map((x) => x.id)).toContain(id);
		expect((await coursesTaught(otherTeacher)).map((x) => x.id)).not.toContain(id);

		const all = await courseLearners(id, { kind: 'all' });
		expect(all.map((l) => l.name).sort()).toEqual(['Анна', 'Богдан', 'Віра']);
		const anna = all.find((l) => l.name === 'Анна')!;
		expect(anna).toMatchObject({ organization: 'Вінницька міська рада', status: 'active', total: 3 });
		expect(anna.done).toBe(1); // the quiz lesson, passed
		expect(all.find((l) => l.name === 'Богдан')!.done).toBe(0);

		const stats = await quizItemStats(id, { kind: 'all' });
		const single = stats.find((s) => s.type === 'single')!;
		expect(single).toMatchObject({ attempts: 3, correct: 1, percentCorrect: 33.3, commonWrong: '5', commonWrongCount: 2 });
		const tf = stats.find((s) => s.type === 'true_false')!;
		expect(tf).toMatchObject({ attempts: 3, correct: 2, commonWrongCount: 1 });

		// The manager of Vinnytsia: only Анна, in the table and in the statistics.
		const mine = await courseLearners(id, managerScope!);
		expect(mine.map((l) => l.name)).toEqual(['Анна']);
		const myStats = await quizItemStats(id, managerScope!);
		expect(myStats.find((s) => s.type === 'single')).toMatchObject({ attempts: 1, correct: 1, commonWrong: null });

		const csv = learnersCsv(all, 'uk');
		expect(csv.split('\r\n')[0]).toBe('\uFEFF"Ім’я","Ел. пошта","Організація","Стан","Записано","Уроків пройдено","Уроків усього","Поступ, %","Результат, %","Завершено","Остання активність","Сертифікат"');
		expect(csv).toContain('"Анна"');
		const qcsv = questionsCsv(stats, 'en');
		expect(qcsv.split('\r\n')[0]).toBe('\uFEFF"Quiz","Question","Attempts","Correct, %","Most chosen wrong answer","Times"');
		expect(qcsv).toContain('"false",1');
	});
});
