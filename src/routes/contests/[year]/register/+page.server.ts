import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { regionOptions } from '$lib/server/cases';
import { registerEntry, registrationForm } from '$lib/server/contests';
import { localizeHref } from '$lib/paraglide/runtime';
import { contestMessage } from '../../errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals }) => {
	requirePermission(locals, 'contest:enter');
	const form = /^\d{4}$/.test(params.year) ? await registrationForm(Number(params.year), locals.locale) : null;
	if (!form) error(404, { message: m.contest_error_not_found() });
	return { form, regions: regionOptions(locals.locale) };
};

export const actions: Actions = {
	default: async ({ params, request, locals }) => {
		const user = requirePermission(locals, 'contest:enter');
		const data = await request.formData();
		const text = (k: string) => String(data.get(k) ?? '');
		const answers: Record<string, string> = {};
		for (const [k, v] of data) if (k.startsWith('q_') && typeof v === 'string') answers[k.slice(2)] = v;
		const values = { nominationCode: text('nominationCode'), organizationName: text('organizationName'), region: text('region'), city: text('city'), title: text('title'), summary: text('summary'), answers };
		try {
			const result = await registerEntry(Number(params.year), user, values);
			if (!result.ok) return fail(400, { values, errors: result.errors as Record<string, string>, message: null });
		} catch (err) {
			return fail(400, { values, errors: {} as Record<string, string>, message: contestMessage(err, locals.locale) });
		}
		redirect(303, localizeHref(`/contests/${params.year}?done=registered`, { locale: locals.locale }));
	}
};
