import { fail, redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/permissions';
import { saveDraft } from '$lib/server/cases';
import { localizeHref } from '$lib/paraglide/runtime';
import { fileIssueMessages, formOptions, pickers, readCaseForm } from '../form.server';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'case:submit');
	return { ...formOptions(locals.locale), pickers: await pickers({ actSlugs: [], courseSlugs: [], articleSlugs: [] }, {}, locals.locale, false) };
};

export const actions: Actions = {
	save: async ({ request, locals }) => {
		const user = requirePermission(locals, 'case:submit');
		const form = await readCaseForm(request);
		if ('tooLarge' in form) return form.tooLarge;
		const { input, raw, files } = form;
		const r = await saveDraft(user, input, null, { add: files.add });
		if (!r.ok) {
			return fail(400, { raw, tools: input.tools, classifierCodes: input.classifierCodes, errors: r.errors as Record<string, string>, fileErrors: fileIssueMessages(r.fileIssues), pickers: await pickers(input, raw, locals.locale, false) });
		}
		redirect(303, localizeHref(`/cases/${r.slug}?done=saved`, { locale: locals.locale }));
	},
	// The pickers' search without JavaScript: the form comes back as typed, with the results to tick.
	find: async ({ request, locals }) => {
		requirePermission(locals, 'case:submit');
		const form = await readCaseForm(request);
		if ('tooLarge' in form) return form.tooLarge;
		const { input, raw } = form;
		return { raw, tools: input.tools, classifierCodes: input.classifierCodes, errors: {} as Record<string, string>, fileErrors: [] as string[], pickers: await pickers(input, raw, locals.locale, true) };
	}
};
