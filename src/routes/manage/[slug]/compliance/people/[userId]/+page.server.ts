import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { currentRatings, frameworkForm, getFramework, listFrameworks, myCertification, planOf, ratingsFromForm, submitAssessment, updatePlanItem, isCertificationError } from '$lib/server/certification';
import { explainCertificationError } from '$lib/server/certification/messages';
import { memberOf } from '$lib/server/certification/members';
import { fromKyivInputValue } from '$lib/i18n/datetime';
import { complianceOrganization } from '../../shared';
import type { Actions, PageServerLoad } from './$types';

/** Drill-down to one person of the manager's organization: programmes, history, plan, the manager's assessment. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const { org } = await complianceOrganization(locals, params.slug);
	const person = await memberOf(org.id, params.userId);
	if (!person) error(404, { message: m.certn_error_not_found() });
	const frameworks = await listFrameworks();
	const plans = [];
	for (const f of frameworks) {
		const fw = await getFramework(f.slug);
		const plan = await planOf(person.userId, f.slug);
		if (!fw || !plan) continue;
		const { ratings, self, manager } = await currentRatings(person.userId, fw.id);
		plans.push({ form: frameworkForm(fw), ratings, selfAt: self?.toISOString() ?? null, managerAt: manager?.toISOString() ?? null, items: plan.items, total: plan.total, done: plan.done });
	}
	return { organization: { slug: org.slug, nameUk: org.nameUk, nameEn: org.nameEn }, person, programmes: await myCertification(person.userId), plans };
};

export const actions: Actions = {
	assess: async ({ locals, params, request }) => {
		const { org, actor } = await complianceOrganization(locals, params.slug);
		const person = await memberOf(org.id, params.userId);
		if (!person) error(404, { message: m.certn_error_not_found() });
		const data = await request.formData();
		const fw = await getFramework(String(data.get('framework') ?? ''));
		if (!fw) return fail(400, { form: 'assess', error: m.certn_error_not_found() });
		const { ratings, missing } = ratingsFromForm(frameworkForm(fw), data);
		if (missing.length) return fail(400, { form: 'assess', error: m.certn_assessment_incomplete({ count: String(missing.length) }) });
		try {
			await submitAssessment(actor, { userId: person.userId, frameworkSlug: fw.slug, ratings });
		} catch (e) {
			if (isCertificationError(e)) return fail(400, { form: 'assess', error: explainCertificationError(e, locals.locale) });
			throw e;
		}
		return { form: 'assess', success: m.certn_manager_assessed() };
	},
	update: async ({ locals, params, request }) => {
		const { org, actor } = await complianceOrganization(locals, params.slug);
		if (!(await memberOf(org.id, params.userId))) error(404, { message: m.certn_error_not_found() });
		const f = await request.formData();
		const targetDate = fromKyivInputValue(`${String(f.get('targetDate') ?? '')}T12:00`);
		const status = String(f.get('status') ?? '');
		if (!targetDate || !['planned', 'done', 'dropped'].includes(status)) return fail(400, { form: 'plan', error: m.form_invalid() });
		try {
			await updatePlanItem(actor, { itemId: String(f.get('itemId') ?? ''), targetDate, status: status as 'planned' | 'done' | 'dropped', note: String(f.get('note') ?? '') });
		} catch (e) {
			if (isCertificationError(e)) return fail(400, { form: 'plan', error: explainCertificationError(e, locals.locale) });
			return fail(400, { form: 'plan', error: m.form_invalid() });
		}
		return { form: 'plan', success: m.certn_plan_saved() };
	}
};
