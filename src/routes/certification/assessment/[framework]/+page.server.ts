import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { requireUser } from '$lib/server/auth/permissions';
import { currentRatings, getFramework, submitAssessment, isCertificationError, type Ratings } from '$lib/server/certification';
import { explainCertificationError } from '$lib/server/certification/messages';
import type { Actions, PageServerLoad } from './$types';

/** Self-assessment against a framework: current and needed level for each competency. */
export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requireUser(locals);
	const fw = await getFramework(params.framework);
	if (!fw) error(404, { message: m.certn_error_not_found() });
	const { ratings, self, manager } = await currentRatings(user.id, fw.id);
	return {
		framework: {
			slug: fw.slug,
			titleUk: fw.titleUk,
			titleEn: fw.titleEn,
			descriptionUk: fw.descriptionUk,
			descriptionEn: fw.descriptionEn,
			areas: fw.areas.map((a) => ({
				code: a.code,
				titleUk: a.titleUk,
				titleEn: a.titleEn,
				competencies: a.competencies.map((c) => ({ code: c.code, titleUk: c.titleUk, titleEn: c.titleEn, descriptionUk: c.descriptionUk, descriptionEn: c.descriptionEn, levels: c.levels as Array<{ level: number; uk: string; en: string }> }))
			}))
		},
		ratings,
		selfAt: self?.toISOString() ?? null,
		managerAt: manager?.toISOString() ?? null
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const data = await request.formData();
		const fw = await getFramework(params.framework);
		if (!fw) error(404, { message: m.certn_error_not_found() });
		const ratings: Ratings = {};
		const missing: string[] = [];
		for (const c of fw.areas.flatMap((a) => a.competencies)) {
			const current = Number(data.get(`current-${c.code}`));
			const target = Number(data.get(`target-${c.code}`));
			if (!Number.isInteger(current) || current < 0 || current > 4 || !Number.isInteger(target) || target < 1 || target > 4) {
				missing.push(c.code);
				continue;
			}
			ratings[c.code] = { current, target };
		}
		const values = Object.fromEntries([...data.entries()].map(([k, v]) => [k, String(v)]));
		if (missing.length) return fail(400, { error: m.certn_assessment_incomplete({ count: String(missing.length) }), missing, values });
		try {
			await submitAssessment(user, { userId: user.id, frameworkSlug: fw.slug, ratings });
		} catch (e) {
			if (isCertificationError(e)) return fail(400, { error: explainCertificationError(e, locals.locale), missing: [], values });
			throw e;
		}
		redirect(303, localizeHref(`/certification/plan/${fw.slug}`, { locale: locals.locale }));
	}
};
