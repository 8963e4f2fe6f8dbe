import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/permissions';
import { courseBySlug, instructorScope } from '$lib/server/instructor';

/** The course and what the signed-in person may see of it (guests go to sign-in, others get 403). */
export async function instructorAccess(locals: App.Locals, slug: string) {
	const user = requireUser(locals);
	const course = await courseBySlug(slug);
	if (!course) error(404, { message: m.learning_error_not_found() });
	const scope = await instructorScope(user, course);
	if (!scope) error(403, { message: m.account_forbidden() });
	return { user, course, scope, locale: (locals.locale === 'en' ? 'en' : 'uk') as 'uk' | 'en' };
}
