import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/permissions';
import type { SessionUser } from '$lib/server/auth/types';
import { CaseError, caseForEdit, formFromInput, saveDraft } from '$lib/server/cases';
import { localizeHref } from '$lib/paraglide/runtime';
import { fileIssueMessages, formOptions, pickers, readCaseForm } from '../../form.server';
import type { Actions, PageServerLoad } from './$types';

function caseHttp(err: unknown): never {
	if (err instanceof CaseError) error(err.code === 'not_found' ? 404 : 403, { message: err.code === 'not_found' ? m.cases_not_found() : m.cases_forbidden() });
	throw err;
}

async function found(slug: string, user: SessionUser) {
	try {
		const c = await caseForEdit(slug, user);
		if (!c) error(404, { message: m.cases_not_found() });
		return c;
	} catch (err) {
		caseHttp(err);
	}
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const user = requireUser(locals);
	const c = await found(params.slug, user);
	const initial = formFromInput(c.input);
	return {
		slug: c.slug,
		initial,
		files: c.files,
		pickers: await pickers(c.input, initial.raw, locals.locale, false),
		...formOptions(locals.locale)
	};
};

export const actions: Actions = {
	save: async ({ params, request, locals }) => {
		const user = requireUser(locals);
		const form = await readCaseForm(request);
		if ('tooLarge' in form) return form.tooLarge;
		const { input, raw, files } = form;
		try {
			const r = await saveDraft(user, input, params.slug, files);
			if (!r.ok) {
				return fail(400, { raw, tools: input.tools, classifierCodes: input.classifierCodes, errors: r.errors as Record<string, string>, fileErrors: fileIssueMessages(r.fileIssues), pickers: await pickers(input, raw, locals.locale, false), removeFiles: files.remove });
			}
		} catch (err) {
			caseHttp(err);
		}
		redirect(303, localizeHref(`/cases/${params.slug}?done=saved`, { locale: locals.locale }));
	},
	find: async ({ params, request, locals }) => {
		const user = requireUser(locals);
		await found(params.slug, user);
		const form = await readCaseForm(request);
		if ('tooLarge' in form) return form.tooLarge;
		const { input, raw } = form;
		return { raw, tools: input.tools, classifierCodes: input.classifierCodes, errors: {} as Record<string, string>, fileErrors: [] as string[], pickers: await pickers(input, raw, locals.locale, true) };
	}
};
