import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/permissions';
import { planOf, updatePlanItem, isCertificationError } from '$lib/server/certification';
import { explainCertificationError } from '$lib/server/certification/messages';
import { fromKyivInputValue } from '$lib/i18n/datetime';
import type { Actions, PageServerLoad } from './$types';

/** The person's individual development plan for a framework, with progress; they adjust dates and status. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const plan = await planOf(user.id, params.framework);
	if (!plan) error(404, { message: m.certn_error_not_found() });
	return {
		framework: { slug: plan.framework.slug, titleUk: plan.framework.titleUk, titleEn: plan.framework.titleEn },
		items: plan.items,
		total: plan.total,
		done: plan.done
	};
};

export const actions: Actions = {
	update: async ({ locals, request }) => {
		const user = requireUser(locals);
		const f = await request.formData();
		const itemId = String(f.get('itemId') ?? '');
		const targetDate = fromKyivInputValue(`${String(f.get('targetDate') ?? '')}T12:00`);
		const status = String(f.get('status') ?? '');
		const note = String(f.get('note') ?? '');
		if (!targetDate || !['planned', 'done', 'dropped'].includes(status)) return fail(400, { itemId, error: m.form_invalid() });
		try {
			await updatePlanItem(user, { itemId, targetDate, status: status as 'planned' | 'done' | 'dropped', note });
		} catch (e) {
			if (isCertificationError(e)) return fail(400, { itemId, error: explainCertificationError(e, locals.locale) });
			return fail(400, { itemId, error: m.form_invalid() });
		}
		return { itemId, saved: true };
	}
};
