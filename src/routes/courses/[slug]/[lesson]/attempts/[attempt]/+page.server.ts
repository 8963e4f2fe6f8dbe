import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/permissions';
import { explainLearningError, getAttempt, getLesson, isLearningError, submitAttempt } from '$lib/server/learning';
import type { Actions, PageServerLoad } from './$types';

/**
 * One quiz attempt of the signed-in person: its questions (never their answers) while it runs, the
 * result and, when the quiz allows it, the review afterwards. Submission is graded on the server;
 * the deadline is checked there too. After a submission the page is loaded again (POST-redirect-GET).
 */
async function load_(locals: App.Locals, params: { slug: string; lesson: string; attempt: string }) {
	const user = requireUser(locals);
	const found = await getLesson(params.slug, params.lesson);
	if (!found || !found.lesson.quizId) error(404, { message: m.learning_error_not_found() });
	try {
		const attempt = await getAttempt(user, params.attempt);
		if (attempt.quiz.id !== found.lesson.quizId) error(404, { message: m.learning_error_not_found() });
		return { user, found, attempt };
	} catch (e) {
		if (isLearningError(e)) error(404, { message: explainLearningError(e, locals.locale) });
		throw e;
	}
}

export const load: PageServerLoad = async ({ locals, params }) => {
	const { found, attempt } = await load_(locals, params);
	return {
		course: { slug: found.course.slug, titleUk: found.course.titleUk, titleEn: found.course.titleEn, language: found.course.language },
		lesson: { key: found.lesson.key, titleUk: found.lesson.titleUk, titleEn: found.lesson.titleEn },
		attempt,
		now: new Date()
	};
};

export const actions: Actions = {
	submit: async ({ locals, params, request }) => {
		const { user, attempt } = await load_(locals, params);
		try {
			await submitAttempt(user, attempt.id, await request.formData());
		} catch (e) {
			return fail(400, { error: explainLearningError(e, locals.locale) });
		}
		redirect(303, localizeHref(`/courses/${params.slug}/${params.lesson}/attempts/${params.attempt}`, { locale: locals.locale }));
	}
};
