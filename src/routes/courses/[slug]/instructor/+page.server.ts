import { courseLearners, quizItemStats, scopeOrganizationNames } from '$lib/server/instructor';
import { instructorAccess } from './access';
import type { PageServerLoad } from './$types';

/** The instructor view: learners with progress, quiz item statistics (see the instructor domain). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { course, scope, locale } = await instructorAccess(locals, params.slug);
	const [learners, questions, organizations] = await Promise.all([
		courseLearners(course.id, scope, locale),
		quizItemStats(course.id, scope),
		scopeOrganizationNames(scope, locale)
	]);
	return { course: { slug: course.slug, titleUk: course.titleUk, titleEn: course.titleEn }, all: scope.kind === 'all', organizations, learners, questions };
};
