import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/permissions';
import { CLASSIFIER, CaseError, TOOLS, caseForEdit, caseInputFromForm, formFromInput, regionOptions, saveDraft } from '$lib/server/cases';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

function caseHttp(err: unknown): never {
	if (err instanceof CaseError) error(err.code === 'not_found' ? 404 : 403, { message: err.code === 'not_found' ? m.cases_not_found() : m.cases_forbidden() });
	throw err;
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const user = requireUser(locals);
	const l = locals.locale;
	let found;
	try {
		found = await caseForEdit(params.slug, user);
	} catch (err) {
		caseHttp(err);
	}
	if (!found) error(404, { message: m.cases_not_found() });
	return {
		slug: found.slug,
		initial: formFromInput(found.input),
		regions: regionOptions(l),
		toolOptions: TOOLS.map((t) => ({ value: t.code, label: l === 'en' ? t.en : t.uk })),
		classifierOptions: CLASSIFIER.map((c) => ({ value: c.code, label: `${c.code} ${l === 'en' ? c.en : c.uk}` }))
	};
};

export const actions: Actions = {
	default: async ({ params, request, locals }) => {
		const user = requireUser(locals);
		const { input, raw } = caseInputFromForm(await request.formData());
		try {
			const r = await saveDraft(user, input, params.slug);
			if (!r.ok) return fail(400, { raw, tools: input.tools, classifierCodes: input.classifierCodes, errors: r.errors as Record<string, string> });
		} catch (err) {
			caseHttp(err);
		}
		redirect(303, localizeHref(`/cases/${params.slug}?done=saved`, { locale: locals.locale }));
	}
};
