import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { contestPage, vote } from '$lib/server/contests';
import { contestMessage } from '../errors';
import type { Actions, PageServerLoad } from './$types';

const yearOf = (s: string) => (/^\d{4}$/.test(s) ? Number(s) : null);

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const year = yearOf(params.year);
	const page = year ? await contestPage(year, locals.locale, locals.user) : null;
	if (!page) error(404, { message: m.contest_error_not_found() });
	return { ...page, signedIn: !!locals.user, done: url.searchParams.get('done') };
};

export const actions: Actions = {
	vote: async ({ params, request, locals }) => {
		const user = requirePermission(locals, 'contest:vote');
		const entryId = String((await request.formData()).get('entryId') ?? '');
		try {
			await vote(Number(params.year), entryId, user);
		} catch (err) {
			return fail(400, { voteError: contestMessage(err, locals.locale) });
		}
		redirect(303, `?done=voted#nominations`);
	}
};
