import { fail, redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/permissions';
import { CLASSIFIER, TOOLS, caseInputFromForm, regionOptions, saveDraft } from '$lib/server/cases';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'case:submit');
	const l = locals.locale;
	return {
		regions: regionOptions(l),
		toolOptions: TOOLS.map((t) => ({ value: t.code, label: l === 'en' ? t.en : t.uk })),
		classifierOptions: CLASSIFIER.map((c) => ({ value: c.code, label: `${c.code} ${l === 'en' ? c.en : c.uk}` }))
	};
};

export const actions: Actions = {
	default: async ({ request, locals }) => {
		const user = requirePermission(locals, 'case:submit');
		const { input, raw } = caseInputFromForm(await request.formData());
		const r = await saveDraft(user, input, null);
		if (!r.ok) return fail(400, { raw, tools: input.tools, classifierCodes: input.classifierCodes, errors: r.errors as Record<string, string> });
		redirect(303, localizeHref(`/cases/${r.slug}?done=saved`, { locale: locals.locale }));
	}
};
