import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/permissions';
import {
	courseProgress,
	explainLearningError,
	getEnrollment,
	getLesson,
	h5pActivityIri,
	H5P_PLAYER_VERSION,
	listAttempts,
	playerXapiConfig,
	quizStatus,
	recordLessonView,
	refreshH5PLesson,
	startAttempt
} from '$lib/server/learning';
import type { Actions, PageServerLoad } from './$types';

/**
 * The lesson player. Signed-in people only; those not enrolled see where to enrol. Opening the
 * lesson records the view (which completes `viewed` lessons). Quiz lessons start attempts; H5P
 * lessons play in the portal's h5p-standalone and their statements go to the portal's LRS.
 */
async function lessonOf(slug: string, key: string) {
	const found = await getLesson(slug, key);
	if (!found) error(404, { message: m.learning_error_not_found() });
	return found;
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const { course, lesson, prev, next, index, count } = await lessonOf(params.slug, params.lesson);
	const enrollment = await getEnrollment(user.id, course.id);
	const enrolled = !!enrollment && (enrollment.status === 'active' || enrollment.status === 'completed');
	if (enrolled) await recordLessonView(user, lesson.id);
	const progress = enrolled ? await courseProgress(user.id, course.id) : new Map();
	const completedNow = enrolled ? (await getEnrollment(user.id, course.id))?.status === 'completed' : false;
	const mine = progress.get(lesson.id);

	const quiz =
		enrolled && lesson.quiz
			? {
					titleUk: lesson.quiz.titleUk,
					titleEn: lesson.quiz.titleEn,
					passMark: lesson.quiz.passMark,
					maxAttempts: lesson.quiz.maxAttempts,
					timeLimitSeconds: lesson.quiz.timeLimitSeconds,
					status: await quizStatus(user.id, lesson.quiz.id),
					attempts: await listAttempts(user.id, lesson.quiz.id)
				}
			: null;
	const h5p =
		enrolled && lesson.h5pContent && !lesson.h5pContent.archivedAt
			? {
					contentId: lesson.h5pContent.id,
					title: lesson.h5pContent.title,
					h5pJsonPath: `/h5p/content/${encodeURIComponent(lesson.h5pContent.id)}`,
					playerBase: `/h5p/player/${H5P_PLAYER_VERSION}`,
					activityIri: h5pActivityIri(lesson.h5pContent.id),
					xapi: playerXapiConfig(user)
				}
			: null;

	return {
		course: { id: course.id, slug: course.slug, titleUk: course.titleUk, titleEn: course.titleEn, language: course.language },
		syllabus: course.modules.map((mo) => ({
			id: mo.id,
			titleUk: mo.titleUk,
			titleEn: mo.titleEn,
			lessons: mo.lessons.map((l) => ({ key: l.key, titleUk: l.titleUk, titleEn: l.titleEn, done: !!progress.get(l.id)?.completedAt }))
		})),
		lesson: {
			id: lesson.id,
			key: lesson.key,
			kind: lesson.kind,
			titleUk: lesson.titleUk,
			titleEn: lesson.titleEn,
			bodyHtml: lesson.bodyHtml,
			videoUrl: lesson.videoUrl,
			captionsUrl: lesson.captionsUrl,
			completion: lesson.completion,
			minScore: lesson.minScore,
			module: { titleUk: lesson.module.titleUk, titleEn: lesson.module.titleEn }
		},
		position: { index, count },
		prev: prev ? { key: prev.key, titleUk: prev.titleUk, titleEn: prev.titleEn } : null,
		next: next ? { key: next.key, titleUk: next.titleUk, titleEn: next.titleEn } : null,
		enrolled,
		completed: !!mine?.completedAt,
		bestScore: mine?.bestScore ?? null,
		courseCompleted: completedNow,
		quiz,
		h5p
	};
};

export const actions: Actions = {
	start: async ({ locals, params }) => {
		const user = requireUser(locals);
		const { lesson } = await lessonOf(params.slug, params.lesson);
		if (!lesson.quizId) return fail(400, { error: m.learning_error_not_found() });
		let attemptId: string;
		try {
			attemptId = await startAttempt(user, lesson.quizId);
		} catch (e) {
			return fail(400, { error: explainLearningError(e, locals.locale) });
		}
		redirect(303, localizeHref(`/courses/${params.slug}/${params.lesson}/attempts/${attemptId}`, { locale: locals.locale }));
	},

	/** After the player stored a statement: read the LRS again and apply the lesson's rule. */
	refresh: async ({ locals, params }) => {
		const user = requireUser(locals);
		const { lesson } = await lessonOf(params.slug, params.lesson);
		try {
			const p = await refreshH5PLesson(user, lesson.id);
			return { refreshed: true, completed: !!p.completedAt, bestScore: p.bestScore ?? null };
		} catch (e) {
			return fail(400, { error: explainLearningError(e, locals.locale) });
		}
	}
};
