import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { competencyChoices, learningChoices } from '$lib/server/certification';

/** What the version form offers: the real courses with their quizzes, and the frameworks' competencies. */
export async function versionFormChoices() {
	const [courses, frameworks] = await Promise.all([learningChoices(), competencyChoices()]);
	return { courses, frameworks };
}

export function forbidden(locale: 'uk' | 'en'): never {
	error(403, { message: m.account_forbidden({}, { locale }) });
}
