import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/permissions';
import { currentRatings, frameworkForm, getFramework, ratingsFromForm, submitAssessment, isCertificationError } from '$lib/server/certification';
import { explainCertificationError } from '$lib/server/certification/messages';
import type { Actions, PageServerLoad } from './$types';

/** Self-assessment against a framework: current and needed level for each competency. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const fw = await getFramework(params.framework);
	if (!fw) error(404, { message: m.certn_error_not_found() });
	const { ratings, self, manager } = await currentRatings(user.id, fw.id);
	return { framework: frameworkForm(fw), ratings, selfAt: self?.toISOString() ?? null, managerAt: manager?.toISOString() ?? null };
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const data = await request.formData();
		const fw = await getFramework(params.framework);
		if (!fw) error(404, { message: m.certn_error_not_found() });
		const { ratings, missing } = ratingsFromForm(frameworkForm(fw), data);
		const values = Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]));
		if (missing.length) return fail(400, { error: m.certn_assessment_incomplete({ count: String(missing.length) }), missing, values });
		try {
			await submitAssessment(user, { userId: user.id, frameworkSlug: fw.slug, ratings });
		} catch (e) {
			if (isCertificationError(e)) return fail(400, { error: explainCertificationError(e, locals.locale), missing: [] as string[], values });
			throw e;
		}
		redirect(303, localizeHref(`/certification/plan/${fw.slug}`, { locale: locals.locale }));
	}
};
