import { randomUUID } from 'node:crypto';
import { describe, expect, inject, it } from 'vitest';
import { db } from '../db/index.ts';
import { portalActor } from '../xapi/agents.ts';
import { assignCourse, decideRequest, enrol, requestEnrolment, withdraw } from './enrolment.ts';
import { LearningError } from './errors.ts';
import { importCourses } from './import.ts';
import { h5pActivityIri, storeAsPerson } from './lrs.ts';
import { recordLessonView, refreshH5PLesson } from './progress.ts';
import { getAttempt, startAttempt, submitAttempt } from './quiz.ts';
import { makePerson, tempRoot, writeCourse } from './test-helpers.ts';

const kind = inject('databaseKind');

async function course(opts: Parameters<typeof writeCourse>[1] extends infer O ? Omit<O & object, 'id'> : never = {}) {
	const root = tempRoot();
	const id = `t-${randomUUID().slice(0, 8)}`;
	writeCourse(root, { id, ...opts });
	const r = await importCourses({ root });
	expect(r.failed, JSON.stringify(r.courses)).toBe(0);
	return id;
}

/** Answers the attempt right (or wrong) by reading the attempt's own layout, as a careful learner would. */
async function answerForm(attemptId: string, right: boolean): Promise<FormData> {
	const a = await db().quizAttempt.findUniqueOrThrow({ where: { id: attemptId } });
	const layout = a.layout as { questionId: string; order: string[] }[];
	const form = new FormData();
	for (const [i, item] of layout.entries()) {
		const q = await db().question.findUniqueOrThrow({ where: { id: item.questionId } });
		const data = q.data as { type: string; correct?: string[]; answer?: boolean };
		if (data.type === 'single') {
			const pos = item.order.findIndex((id) => (right ? data.correct!.includes(id) : !data.correct!.includes(id)));
			form.set(`q${i}`, String(pos));
		}
		if (data.type === 'true_false') form.set(`q${i}`, String(right ? data.answer : !data.answer));
	}
	return form;
}

function completedStatement(user: { id: string; email: string; name: string | null }, contentId: string, raw: number, max: number) {
	return {
		id: randomUUID(),
		actor: portalActor(user),
		verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
		object: { id: h5pActivityIri(contentId), objectType: 'Activity', definition: { name: { uk: 'Вправа' } } },
		result: { score: { min: 0, max, raw, scaled: raw / max }, completion: true, success: raw / max >= 0.5 }
	};
}

describe(`quizzes (${kind})`, () => {
	it('never sends answers to the page before submission, grades on the server, shows the review after', async () => {
		const id = await course();
		const person = await makePerson('quiz');
		await expect(startAttempt(person, `${id}/check`)).rejects.toMatchObject({ code: 'not_enrolled' });
		await enrol(person, id);
		const attemptId = await startAttempt(person, `${id}/check`);
		expect(await startAttempt(person, `${id}/check`)).toBe(attemptId); // resumes, does not open a second one

		const view = await getAttempt(person, attemptId);
		expect(view.status).toBe('in_progress');
		const page = JSON.stringify(view);
		expect(page).not.toMatch(/correct|"answer"|four|five|three/);
		expect(view.questions.map((q) => q.type).sort()).toEqual(['single', 'true_false']);
		expect(view.questions.find((q) => q.type === 'single')!.options!.map((o) => o.value)).toEqual(['0', '1', '2']);

		const result = await submitAttempt(person, attemptId, await answerForm(attemptId, true));
		expect(result).toEqual({ status: 'submitted', percent: 100, passed: true });
		const after = await getAttempt(person, attemptId);
		expect(after.review).toHaveLength(2);
		expect(after.review!.every((r) => r.correct)).toBe(true);
		expect(after.review!.find((r) => r.type === 'single')!.expected).toEqual(['4']);
		await expect(submitAttempt(person, attemptId, new FormData())).rejects.toMatchObject({ code: 'attempt_closed' });
		// Someone else cannot see or submit it.
		const other = await makePerson('other');
		await expect(getAttempt(other, attemptId)).rejects.toBeInstanceOf(LearningError);
		// The quiz lesson is complete (rule quiz_passed) with its score.
		const progress = await db().lessonProgress.findUniqueOrThrow({ where: { lessonId_userId: { lessonId: `${id}/test`, userId: person.id } } });
		expect(progress.completedAt).toBeInstanceOf(Date);
		expect(progress.bestScore).toBe(100);
	});

	it('limits attempts, enforces the time limit on the server and hides the review until a pass when asked', async () => {
		const id = await course({ quiz: { attempts: 2, timeLimit: 1, review: 'after_pass', passMark: 100 } });
		const person = await makePerson('timed');
		await enrol(person, id);
		const first = await startAttempt(person, `${id}/check`);
		// The deadline passed long ago (as if the learner came back an hour later).
		await db().quizAttempt.update({ where: { id: first }, data: { deadlineAt: new Date(Date.now() - 3600_000) } });
		const late = await submitAttempt(person, first, await answerForm(first, true));
		expect(late).toEqual({ status: 'expired', percent: 0, passed: false });
		expect((await getAttempt(person, first)).review).toBeNull();

		const second = await startAttempt(person, `${id}/check`);
		expect(second).not.toBe(first);
		expect((await submitAttempt(person, second, await answerForm(second, false))).passed).toBe(false);
		expect((await getAttempt(person, second)).review).toBeNull(); // after_pass: not yet
		await expect(startAttempt(person, `${id}/check`)).rejects.toMatchObject({ code: 'no_attempts_left' });
		const lesson = await db().lessonProgress.findUnique({ where: { lessonId_userId: { lessonId: `${id}/test`, userId: person.id } } });
		expect(lesson?.completedAt ?? null).toBeNull();
	});

	it('an attempt left open past its deadline is closed as expired when the learner returns', async () => {
		const id = await course({ quiz: { attempts: 3, timeLimit: 1 } });
		const person = await makePerson('left');
		await enrol(person, id);
		const a = await startAttempt(person, `${id}/check`);
		await db().quizAttempt.update({ where: { id: a }, data: { deadlineAt: new Date(Date.now() - 3600_000) } });
		const b = await startAttempt(person, `${id}/check`);
		expect(b).not.toBe(a);
		expect((await db().quizAttempt.findUniqueOrThrow({ where: { id: a } })).status).toBe('expired');
	});
});

describe(`completion rules (${kind})`, () => {
	it('viewed lessons, a passed quiz and an H5P score read from statements stored in the LRS complete the course once', async () => {
		const id = await course({ h5p: { minScore: 80 } });
		const person = await makePerson('complete');
		await enrol(person, id);
		for (const key of ['intro', 'second']) await recordLessonView(person, `${id}/${key}`);
		const attemptId = await startAttempt(person, `${id}/check`);
		await submitAttempt(person, attemptId, await answerForm(attemptId, true));
		expect((await db().enrollment.findFirstOrThrow({ where: { courseId: id, userId: person.id } })).status).toBe('active');

		const contentId = `${id}.drill`;
		// Nothing in the LRS yet.
		expect((await refreshH5PLesson(person, `${id}/activity`)).completedAt ?? null).toBeNull();
		// A score below the lesson's minimum (80 %) does not complete it.
		await storeAsPerson(person, [completedStatement(person, contentId, 3, 5)]);
		const low = await refreshH5PLesson(person, `${id}/activity`);
		expect(low.completedAt ?? null).toBeNull();
		expect(low.bestScore).toBe(60);
		// A statement about another activity, or by another person, does not count either.
		const other = await makePerson('other');
		await storeAsPerson(other, [completedStatement(other, contentId, 5, 5)]);
		await storeAsPerson(person, [completedStatement(person, `${id}.elsewhere`, 5, 5)]);
		expect((await refreshH5PLesson(person, `${id}/activity`)).completedAt ?? null).toBeNull();
		// 4 of 5 = 80 %: complete, and with it the course.
		await storeAsPerson(person, [completedStatement(person, contentId, 4, 5)]);
		const done = await refreshH5PLesson(person, `${id}/activity`);
		expect(done.completedAt).toBeInstanceOf(Date);
		expect(done.bestScore).toBe(80);

		const enrollment = await db().enrollment.findFirstOrThrow({ where: { courseId: id, userId: person.id } });
		expect(enrollment.status).toBe('completed');
		expect(enrollment.completedAt).toBeInstanceOf(Date);
		expect(enrollment.score).toBe(90); // mean of the quiz (100) and the H5P activity (80)
		const completion = await db().courseCompletion.findUniqueOrThrow({ where: { courseId_userId: { courseId: id, userId: person.id } } });
		expect(completion).toMatchObject({ enrollmentId: enrollment.id, score: 90, hours: 2, credits: 0.1 });
		// Once only.
		await storeAsPerson(person, [completedStatement(person, contentId, 5, 5)]);
		await refreshH5PLesson(person, `${id}/activity`);
		expect(await db().courseCompletion.count({ where: { courseId: id, userId: person.id } })).toBe(1);
	});
});

describe(`enrolment (${kind})`, () => {
	it('open courses: anyone signed in; leaving keeps progress and coming back resumes it', async () => {
		const id = await course();
		const person = await makePerson('open');
		await enrol(person, id);
		await recordLessonView(person, `${id}/intro`);
		await withdraw(person, id);
		await expect(recordLessonView(person, `${id}/second`)).rejects.toMatchObject({ code: 'not_enrolled' });
		const back = await enrol(person, id);
		expect(back.status).toBe('active');
		expect(await db().lessonProgress.count({ where: { userId: person.id, lesson: { courseId: id } } })).toBe(1);
	});

	it('approval courses: a member asks, a manager of that organization approves; others may not', async () => {
		const id = await course({ enrolment: 'approval' });
		const org = await db().organization.create({ data: { slug: `org-${randomUUID().slice(0, 8)}`, nameUk: 'Рада', nameEn: 'Council', kind: 'local_government' } });
		const otherOrg = await db().organization.create({ data: { slug: `org-${randomUUID().slice(0, 8)}`, nameUk: 'Інша', nameEn: 'Other', kind: 'local_government' } });
		const ms = (organizationId: string, role: 'manager' | 'staff') => ({ organizationId, organizationSlug: 'x', departmentId: null, role, position: null });
		const staff = await makePerson('staff', { memberships: [ms(org.id, 'staff')] });
		const manager = await makePerson('manager', { memberships: [ms(org.id, 'manager')] });
		const foreignManager = await makePerson('foreign', { memberships: [ms(otherOrg.id, 'manager')] });
		const citizen = await makePerson('citizen');

		await expect(enrol(staff, id)).rejects.toMatchObject({ code: 'not_open' });
		await expect(requestEnrolment(citizen, id)).rejects.toMatchObject({ code: 'no_membership' });
		const request = await requestEnrolment(staff, id);
		expect(request).toMatchObject({ status: 'requested', organizationId: org.id });
		await expect(decideRequest(foreignManager, request.id, true)).rejects.toMatchObject({ code: 'forbidden' });
		const approved = await decideRequest(manager, request.id, true);
		expect(approved).toMatchObject({ status: 'active', approvedById: manager.id });
	});

	it('assigned courses: a manager assigns to people of their organization only', async () => {
		const id = await course({ enrolment: 'assigned' });
		const org = await db().organization.create({ data: { slug: `org-${randomUUID().slice(0, 8)}`, nameUk: 'Рада', nameEn: 'Council', kind: 'local_government' } });
		const ms = (role: 'manager' | 'staff') => ({ organizationId: org.id, organizationSlug: org.slug, departmentId: null, role, position: null });
		const manager = await makePerson('manager', { memberships: [ms('manager')] });
		const staff = await makePerson('staff', { memberships: [ms('staff')] });
		await db().membership.createMany({ data: [{ userId: manager.id, organizationId: org.id, role: 'manager' }, { userId: staff.id, organizationId: org.id, role: 'staff' }] });
		const stranger = await makePerson('stranger');

		await expect(enrol(staff, id)).rejects.toMatchObject({ code: 'not_open' });
		await expect(assignCourse(staff, id, staff.id, org.id)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(assignCourse(manager, id, stranger.id, org.id)).rejects.toMatchObject({ code: 'not_member' });
		const due = new Date(Date.now() + 30 * 86400_000);
		const e = await assignCourse(manager, id, staff.id, org.id, due);
		expect(e).toMatchObject({ status: 'active', assignedById: manager.id, organizationId: org.id });
		expect(e.dueAt?.getTime()).toBe(due.getTime());
	});
});
