import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { db } from '../db/index.ts';
import { getCourse } from './catalog.ts';
import { enrol } from './enrolment.ts';
import { importCourses, importCoursesIfChanged } from './import.ts';
import { recordLessonView } from './progress.ts';
import { startAttempt, submitAttempt } from './quiz.ts';
import { makePerson, tempRoot, write, writeCourse } from './test-helpers.ts';

const kind = inject('databaseKind');

describe(`courses import (${kind})`, () => {
	it('imports the real courses folder, then skips it when nothing changed', async () => {
		const root = path.resolve('courses');
		const first = await importCourses({ root, force: true });
		expect(first.failed).toBe(0);
		expect(first.created + first.updated).toBeGreaterThanOrEqual(3);
		console.log(`[courses import ${kind}] ${first.courses.length} courses in ${first.durationMs} ms`);
		const course = await db().course.findUniqueOrThrow({ where: { id: 'egov-basics' }, include: { lessons: true, modules: true, quizzes: true, h5pContents: true } });
		expect(course.slug).toBe('osnovy-e-uriaduvannia');
		expect(course.modules).toHaveLength(3);
		expect(course.lessons.length).toBeGreaterThanOrEqual(10);
		expect(course.h5pContents[0]!.id).toBe('egov-basics.keisy-hromad');
		expect(await db().question.count({ where: { courseId: 'egov-basics' } })).toBeGreaterThanOrEqual(17);

		const again = await importCourses({ root });
		expect(again).toMatchObject({ created: 0, updated: 0, failed: 0 });
		expect(again.unchanged).toBe(first.courses.filter((c) => c.outcome !== 'archived').length);
		expect(await importCoursesIfChanged({ root })).toBeNull();
	});

	it('keeps learners’ progress through a change (stable ids) and archives a removed lesson instead of deleting it', async () => {
		const root = tempRoot();
		const id = `change-${Date.now().toString(36)}`;
		writeCourse(root, { id, lessons: { intro: 'Вступ', second: 'Другий урок', third: 'Третій урок' } });
		const r1 = await importCourses({ root });
		expect(r1.courses.find((c) => c.courseId === id)?.outcome).toBe('created');

		const person = await makePerson('learner');
		await enrol(person, id);
		await recordLessonView(person, `${id}/intro`);
		await recordLessonView(person, `${id}/third`);
		const attemptId = await startAttempt(person, `${id}/check`);
		await submitAttempt(person, attemptId, new FormData());

		// Edit: rename the first lesson's file and title (same id), remove the third lesson.
		fs.rmSync(path.join(root, id, 'modules/01-m1/01-intro.md'));
		write(root, `${id}/modules/01-m1/01-vstup-onovlenyi.md`, '---\nid: intro\ntitle: Вступ (нова редакція)\nkind: text\n---\n\nОновлений текст.\n');
		fs.rmSync(path.join(root, id, 'modules/01-m1/03-third.md'));
		const r2 = await importCourses({ root });
		const report = r2.courses.find((c) => c.courseId === id)!;
		expect(report.outcome).toBe('updated');
		expect(report.archivedItems).toBe(1);

		const intro = await db().lesson.findUniqueOrThrow({ where: { id: `${id}/intro` } });
		expect(intro).toMatchObject({ titleUk: 'Вступ (нова редакція)', archivedAt: null, sourcePath: `${id}/modules/01-m1/01-vstup-onovlenyi.md` });
		const third = await db().lesson.findUniqueOrThrow({ where: { id: `${id}/third` } });
		expect(third.archivedAt).toBeInstanceOf(Date);
		// Learner data is all still there.
		expect(await db().lessonProgress.count({ where: { userId: person.id, lesson: { courseId: id } } })).toBe(3);
		expect(await db().quizAttempt.count({ where: { userId: person.id, quizId: `${id}/check` } })).toBe(1);
		// The course page no longer lists the archived lesson.
		const page = await getCourse(id);
		expect(page!.modules.flatMap((m) => m.lessons.map((l) => l.key))).toEqual(['intro', 'second', 'test']);

		// The lesson comes back with its progress when it reappears.
		write(root, `${id}/modules/01-m1/03-third.md`, '---\nid: third\ntitle: Третій урок\nkind: text\n---\n\nПовернувся.\n');
		await importCourses({ root });
		expect((await db().lesson.findUniqueOrThrow({ where: { id: `${id}/third` } })).archivedAt).toBeNull();
		expect(await db().lessonProgress.findUnique({ where: { lessonId_userId: { lessonId: `${id}/third`, userId: person.id } } })).not.toBeNull();
	});

	it('leaves the imported version alone when the files turn invalid, and archives a course whose folder is gone', async () => {
		const root = tempRoot();
		const id = `broken-${Date.now().toString(36)}`;
		writeCourse(root, { id, title: 'Перша редакція' });
		await importCourses({ root });
		const person = await makePerson('learner');
		await enrol(person, id);

		const yaml = path.join(root, id, 'course.yaml');
		fs.writeFileSync(yaml, fs.readFileSync(yaml, 'utf8').replace('Перша редакція', 'Друга').replace('audience: all', 'audience: everybody'));
		const r = await importCourses({ root });
		const report = r.courses.find((c) => c.folder === id)!;
		expect(report.outcome).toBe('failed');
		expect(report.issues[0]).toMatchObject({ file: `${id}/course.yaml`, code: 'enum', field: 'audience' });
		expect(r.ok).toBe(false);
		expect((await db().course.findUniqueOrThrow({ where: { id } })).titleUk).toBe('Перша редакція');

		fs.rmSync(path.join(root, id), { recursive: true });
		const gone = await importCourses({ root });
		expect(gone.courses.find((c) => c.courseId === id)?.outcome).toBe('archived');
		const archived = await db().course.findUniqueOrThrow({ where: { id } });
		expect(archived.archivedAt).toBeInstanceOf(Date);
		expect(await db().enrollment.count({ where: { courseId: id } })).toBe(1);
		expect(await getCourse(id)).toBeNull();
		// The import run is recorded with what happened.
		const run = await db().courseImport.findUniqueOrThrow({ where: { id: gone.runId } });
		expect(run).toMatchObject({ archived: 1, ok: true });
	});
});
