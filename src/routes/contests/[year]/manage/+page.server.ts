import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { assignJuror, closeRound, manageView, publishResults, startScreening } from '$lib/server/contests';
import { contestMessage } from '../../errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	requirePermission(locals, 'contest:manage');
	const view = /^\d{4}$/.test(params.year) ? await manageView(Number(params.year), locals.locale) : null;
	if (!view) error(404, { message: m.contest_error_not_found() });
	return { ...view, done: url.searchParams.get('done') };
};

async function step(locals: App.Locals, run: () => Promise<unknown>, done: string) {
	requirePermission(locals, 'contest:manage');
	try {
		await run();
	} catch (err) {
		return fail(400, { stepError: contestMessage(err, locals.locale) });
	}
	redirect(303, `?done=${done}`);
}

export const actions: Actions = {
	screening: ({ params, locals }) => step(locals, () => startScreening(Number(params.year)), 'screening'),
	close: ({ params, locals }) => step(locals, () => closeRound(Number(params.year)), 'closed'),
	publish: ({ params, locals }) => step(locals, () => publishResults(Number(params.year)), 'published'),
	juror: async ({ params, request, locals }) => {
		requirePermission(locals, 'contest:manage');
		const data = await request.formData();
		const email = String(data.get('email') ?? '');
		const code = String(data.get('code') ?? '');
		const round = data.get('round') === 'final' ? 'final' : 'screening';
		const r = await assignJuror(Number(params.year), code, email, round);
		if (r !== 'added') return fail(400, { jurorError: r === 'no_user' ? m.contest_juror_no_user({}, { locale: locals.locale }) : m.contest_error_not_found({}, { locale: locals.locale }), email, code });
		redirect(303, '?done=juror');
	}
};
