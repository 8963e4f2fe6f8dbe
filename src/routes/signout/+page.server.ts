import { localizeHref } from '$lib/paraglide/runtime';
import { redirect } from '@sveltejs/kit';
import { signOutOf } from '$lib/server/auth';
import type { Actions, PageServerLoad } from './$types';

// GET shows a confirmation (a sign-out must be a POST: a link or an image must not sign anyone out).
export const load: PageServerLoad = ({ locals }) => ({ email: locals.user?.email ?? null });

export const actions: Actions = {
	default: async (event) => {
		const home = localizeHref('/', { locale: event.locals.locale });
		const location = await signOutOf(event, home);
		event.locals.user = null;
		redirect(303, location);
	}
};
