import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission, requireUser } from '$lib/server/auth/permissions';
import { CaseError, casePage, reviewCase, submitCase } from '$lib/server/cases';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const page = await casePage(params.slug, locals.user, locals.locale);
	if (!page) error(404, { message: m.cases_not_found() });
	return { ...page, done: url.searchParams.get('done') };
};

function caseFail(err: unknown) {
	if (!(err instanceof CaseError)) throw err;
	if (err.code === 'not_found') error(404, { message: m.cases_not_found() });
	if (err.code === 'forbidden') error(403, { message: m.cases_forbidden() });
	return fail(400, { stateError: true, missing: [] as string[] });
}

export const actions: Actions = {
	submit: async ({ params, locals }) => {
		const user = requireUser(locals);
		try {
			const r = await submitCase(params.slug, user);
			if (!r.ok) return fail(400, { stateError: false, missing: Object.keys(r.errors) });
		} catch (err) {
			return caseFail(err);
		}
		redirect(303, '?done=submitted');
	},
	review: async ({ params, locals, request }) => {
		const user = requirePermission(locals, 'case:review');
		const data = await request.formData();
		const d = String(data.get('decision') ?? 'comment');
		const decision = d === 'published' || d === 'changes_requested' ? d : 'comment';
		try {
			await reviewCase(params.slug, user, decision, String(data.get('body') ?? ''));
		} catch (err) {
			return caseFail(err);
		}
		redirect(303, `?done=${decision}`);
	}
};
