import { fail, redirect } from '@sveltejs/kit';
import { requireUser } from '$lib/server/auth/permissions';
import { jurorNomination, recuse, saveSheet } from '$lib/server/contests';
import { contestHttpError, contestMessage } from '../../../errors';
import type { Actions, PageServerLoad } from './$types';

// Every load and action asks the domain, which checks contest:judge (panel seat, no recusal).
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = requireUser(locals);
	try {
		return { ...(await jurorNomination(Number(params.year), params.code, user, locals.locale)), done: url.searchParams.get('done') };
	} catch (err) {
		contestHttpError(err, locals.locale);
	}
};

export const actions: Actions = {
	score: async ({ params, request, locals }) => {
		const user = requireUser(locals);
		const data = await request.formData();
		const entryId = String(data.get('entryId') ?? '');
		const marks: Record<string, string> = {};
		for (const [k, v] of data) if (k.startsWith('c:') && typeof v === 'string') marks[k.slice(2)] = v;
		try {
			const r = await saveSheet(Number(params.year), params.code, entryId, user, marks);
			if (!r.ok) return fail(400, { entryId, bad: r.bad, marks, message: null });
		} catch (err) {
			return fail(403, { entryId, bad: [] as string[], marks, message: contestMessage(err, locals.locale) });
		}
		redirect(303, `?done=saved#entry-${entryId}`);
	},
	recuse: async ({ params, request, locals }) => {
		const user = requireUser(locals);
		const reason = String((await request.formData()).get('reason') ?? '');
		try {
			await recuse(Number(params.year), params.code, user, reason);
		} catch (err) {
			return fail(400, { recuseError: contestMessage(err, locals.locale), reason });
		}
		redirect(303, '../jury');
	}
};
