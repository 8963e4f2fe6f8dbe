import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { requirePermission } from '$lib/server/auth/permissions';
import { getFramework, isCertificationError } from '$lib/server/certification';
import { codeUsage, competencyFormValues, competencyInputFromForm, competencySchema, editErrorAsFields, linkOptions, readForm, saveCompetency } from '$lib/server/certification/framework-editor';
import type { Actions, PageServerLoad } from './$types';

const editor = (locals: App.Locals) => requirePermission(locals, 'certification:manage', { organizationId: null });
const LISTS = ['courseIds', 'eventSlugs'];

/** The framework and, unless the id is "new", its competency (404 when it is another framework's). */
async function load_(slug: string, id: string) {
	const fw = await getFramework(slug);
	if (!fw) error(404, { message: m.certf_error_not_found() });
	if (id === 'new') return { fw, competency: null };
	const competency = fw.areas.flatMap((a) => a.competencies).find((c) => c.id === id);
	if (!competency) error(404, { message: m.certf_error_not_found() });
	return { fw, competency };
}

/** One competency: add (id "new", ?area=) or edit; the 4 levels, the links to real courses and events. */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	editor(locals);
	const { fw, competency } = await load_(params.slug, params.id);
	const area = url.searchParams.get('area');
	const usage = competency ? ((await codeUsage(fw.id)).get(competency.code) ?? { assessments: 0, plans: 0 }) : { assessments: 0, plans: 0 };
	return {
		framework: { slug: fw.slug, titleUk: fw.titleUk, titleEn: fw.titleEn },
		areas: fw.areas.map((a) => ({ id: a.id, code: a.code, titleUk: a.titleUk, titleEn: a.titleEn })),
		isNew: !competency,
		code: competency?.code ?? '',
		saved: url.searchParams.has('saved'),
		usage,
		values: competency ? competencyFormValues(competency) : { areaId: fw.areas.find((a) => a.id === area)?.id ?? fw.areas[0]?.id ?? '', courseIds: [], eventSlugs: [] },
		options: await linkOptions(competency?.eventSlugs ?? [])
	};
};

export const actions: Actions = {
	default: async ({ locals, params, request }) => {
		const actor = editor(locals);
		const { fw, competency } = await load_(params.slug, params.id);
		const r = readForm(competencySchema, await request.formData(), LISTS);
		if (!r.ok) return fail(400, { values: r.values, errors: r.errors });
		let saved;
		try {
			saved = await saveCompetency(actor, fw.id, competency?.id ?? null, competencyInputFromForm(r.data));
		} catch (e) {
			if (isCertificationError(e)) return fail(400, { values: r.data as Record<string, unknown>, errors: editErrorAsFields(e, locals.locale) });
			throw e;
		}
		if (!competency) redirect(303, localizeHref(`/certification/frameworks/${fw.slug}/competencies/${saved.id}?saved=1`, { locale: locals.locale }));
		return { success: m.certf_competency_saved({ code: saved.code }) };
	}
};
