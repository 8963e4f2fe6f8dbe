import { db } from '../db/index.ts';
import { issueCertificate } from '../certificates/certificates.ts';
import type { Competency } from '../certificates/types.ts';
import type { PortalPerson } from '../xapi/agents.ts';
import { LearningError } from './errors.ts';
import { h5pResult } from './lrs.ts';

/**
 * Lesson progress and course completion. A lesson is complete by its rule: `viewed` (opened),
 * `quiz_passed` (an attempt of its quiz passed), `h5p_completed` (the LRS holds a completion of its
 * H5P activity with at least minScore). A course is complete when every lesson that is neither
 * optional nor archived is complete; completion is recorded once (Enrollment.completedAt and a
 * CourseCompletion row) and never taken back when the course changes later.
 */

type Learner = PortalPerson;

/** The person's enrollment that allows learning (active or completed), or null. */
export async function learningEnrollment(userId: string, courseId: string) {
	const e = await db().enrollment.findUnique({ where: { courseId_userId: { courseId, userId } } });
	return e && (e.status === 'active' || e.status === 'completed') ? e : null;
}

async function requireEnrollment(userId: string, courseId: string) {
	const e = await learningEnrollment(userId, courseId);
	if (!e) throw new LearningError('not_enrolled');
	return e;
}

/** Opening a lesson: progress noted, `viewed` lessons completed, the course's place remembered. */
export async function recordLessonView(user: Learner, lessonId: string): Promise<void> {
	const lesson = await db().lesson.findUnique({ where: { id: lessonId } });
	if (!lesson) throw new LearningError('not_found');
	const enrollment = await requireEnrollment(user.id, lesson.courseId);
	const now = new Date();
	const completes = lesson.completion === 'viewed';
	await db().lessonProgress.upsert({
		where: { lessonId_userId: { lessonId, userId: user.id } },
		create: { lessonId, userId: user.id, firstViewedAt: now, lastViewedAt: now, completedAt: completes ? now : null },
		update: { lastViewedAt: now }
	});
	if (completes) {
		await db().lessonProgress.updateMany({ where: { lessonId, userId: user.id, completedAt: null }, data: { completedAt: now } });
	}
	await db().enrollment.update({ where: { id: enrollment.id }, data: { lastLessonId: lessonId, lastActivityAt: now } });
	if (completes) await evaluateCourseCompletion(user.id, lesson.courseId);
}

/** A lesson result (percent 0..100) that may complete it. */
async function recordResult(userId: string, lessonId: string, percent: number | null, completes: boolean): Promise<void> {
	const now = new Date();
	const prev = await db().lessonProgress.findUnique({ where: { lessonId_userId: { lessonId, userId } } });
	const best = percent === null ? (prev?.bestScore ?? null) : Math.max(percent, prev?.bestScore ?? 0);
	await db().lessonProgress.upsert({
		where: { lessonId_userId: { lessonId, userId } },
		create: { lessonId, userId, firstViewedAt: now, lastViewedAt: now, completedAt: completes ? now : null, bestScore: best },
		update: { bestScore: best, ...(completes && !prev?.completedAt ? { completedAt: now } : {}) }
	});
}

/** After a quiz attempt: every lesson of that quiz gets the best score and, when passed, completion. */
export async function recordQuizOutcome(userId: string, quizId: string, percent: number, passed: boolean): Promise<void> {
	const lessons = await db().lesson.findMany({ where: { quizId }, select: { id: true, courseId: true, completion: true } });
	for (const l of lessons) await recordResult(userId, l.id, percent, passed && l.completion === 'quiz_passed');
	for (const courseId of new Set(lessons.map((l) => l.courseId))) await evaluateCourseCompletion(userId, courseId);
}

/**
 * Reads the person's results of an H5P lesson from the LRS and applies the lesson's rule.
 * Returns the lesson's progress afterwards.
 */
export async function refreshH5PLesson(user: Learner, lessonId: string) {
	const lesson = await db().lesson.findUnique({ where: { id: lessonId } });
	if (!lesson || lesson.kind !== 'h5p' || !lesson.h5pContentId) throw new LearningError('not_found');
	await requireEnrollment(user.id, lesson.courseId);
	const result = await h5pResult(user, lesson.h5pContentId);
	const percent = result.bestScaled === null ? null : Math.round(result.bestScaled * 10000) / 100;
	const completes = lesson.completion === 'h5p_completed' && result.completed && (result.bestScaled ?? 0) >= (lesson.minScore ?? 0);
	if (result.statements > 0 || completes) await recordResult(user.id, lessonId, percent, completes);
	if (completes) await evaluateCourseCompletion(user.id, lesson.courseId);
	return { ...(await db().lessonProgress.findUnique({ where: { lessonId_userId: { lessonId, userId: user.id } } })), result };
}

/** Completes the person's enrollment when every required lesson is complete (once). */
export async function evaluateCourseCompletion(userId: string, courseId: string): Promise<boolean> {
	const enrollment = await db().enrollment.findUnique({ where: { courseId_userId: { courseId, userId } } });
	if (!enrollment || enrollment.status !== 'active') return enrollment?.status === 'completed';
	const required = await db().lesson.findMany({
		where: { courseId, archivedAt: null, optional: false },
		select: { id: true, completion: true, kind: true }
	});
	if (!required.length) return false;
	const progress = await db().lessonProgress.findMany({ where: { userId, lessonId: { in: required.map((l) => l.id) } } });
	const byLesson = new Map(progress.map((p) => [p.lessonId, p]));
	if (!required.every((l) => byLesson.get(l.id)?.completedAt)) return false;

	const scored = required.filter((l) => l.completion !== 'viewed' && (l.kind === 'quiz' || l.kind === 'h5p'));
	const scores = scored.map((l) => byLesson.get(l.id)?.bestScore).filter((s): s is number => typeof s === 'number');
	const score = scores.length ? Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 : null;
	const course = await db().course.findUniqueOrThrow({ where: { id: courseId }, select: { contentHash: true, hours: true, credits: true, titleUk: true, titleEn: true, competencies: true } });
	const now = new Date();
	await db().$transaction(async (tx) => {
		const claimed = await tx.enrollment.updateMany({ where: { id: enrollment.id, status: 'active' }, data: { status: 'completed', completedAt: now, score } });
		if (!claimed.count) return;
		await tx.courseCompletion.upsert({
			where: { courseId_userId: { courseId, userId } },
			create: { courseId, userId, enrollmentId: enrollment.id, completedAt: now, score, courseHash: course.contentHash, hours: course.hours, credits: course.credits },
			update: {}
		});
		// The course certificate (certificates domain), in the same transaction as the completion.
		await issueCertificate(tx, {
			kind: 'course', userId, sourceId: courseId, sourceVersion: course.contentHash, titleUk: course.titleUk, titleEn: course.titleEn,
			issuedAt: now, hours: course.hours, credits: course.credits, competencies: (course.competencies ?? []) as unknown as Competency[]
		});
	});
	return true;
}

/** Per lesson of a course: completed, best score, viewed — for the syllabus and the player. */
export async function courseProgress(userId: string, courseId: string) {
	const rows = await db().lessonProgress.findMany({ where: { userId, lesson: { courseId } } });
	return new Map(rows.map((r) => [r.lessonId, r]));
}
