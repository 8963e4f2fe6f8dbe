import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { getFramework, isCertificationError } from '$lib/server/certification';
import {
	addArea,
	areaSchema,
	deleteArea,
	deleteCompetency,
	editErrorAsFields,
	frameworkEditorView,
	frameworkMetaSchema,
	moveArea,
	moveCompetency,
	readForm,
	updateArea,
	updateFrameworkDetails
} from '$lib/server/certification/framework-editor';
import type { Actions, PageServerLoad } from './$types';

/** Portal-wide frameworks are edited by admins (certification:manage with no organization). */
const editor = (locals: App.Locals) => requirePermission(locals, 'certification:manage', { organizationId: null });

async function frameworkOf(slug: string) {
	const fw = await getFramework(slug);
	if (!fw) error(404, { message: m.certf_error_not_found() });
	return fw;
}

/** The framework editor: details, areas and the list of competencies (each edited on its own page). */
export const load: PageServerLoad = async ({ locals, params, url }) => {
	editor(locals);
	const fw = await frameworkOf(params.slug);
	return { created: url.searchParams.has('created'), framework: await frameworkEditorView(fw) };
};

type Fw = Awaited<ReturnType<typeof frameworkOf>>;
const areaIn = (fw: Fw, id: string) => {
	if (!fw.areas.some((a) => a.id === id)) error(404, { message: m.certf_error_not_found() });
	return id;
};
const competencyIn = (fw: Fw, id: string) => {
	if (!fw.areas.some((a) => a.competencies.some((c) => c.id === id))) error(404, { message: m.certf_error_not_found() });
	return id;
};
const direction = (v: FormDataEntryValue | null) => (v === 'up' ? 'up' : 'down');

/** Runs one edit; a refusal comes back as the scope's form errors (what was typed stays). */
async function attempt(locals: App.Locals, scope: string, values: Record<string, unknown>, run: () => Promise<string>) {
	try {
		return { scope, success: await run() };
	} catch (e) {
		if (isCertificationError(e)) return fail(400, { scope, values, errors: editErrorAsFields(e, locals.locale) });
		throw e;
	}
}

export const actions: Actions = {
	details: async ({ locals, params, request }) => {
		const actor = editor(locals);
		const fw = await frameworkOf(params.slug);
		const r = readForm(frameworkMetaSchema, await request.formData());
		if (!r.ok) return fail(400, { scope: 'details', values: r.values, errors: r.errors });
		return attempt(locals, 'details', r.data, async () => {
			await updateFrameworkDetails(actor, fw.id, r.data);
			return m.certf_details_saved();
		});
	},

	addArea: async ({ locals, params, request }) => {
		const actor = editor(locals);
		const fw = await frameworkOf(params.slug);
		const r = readForm(areaSchema, await request.formData());
		if (!r.ok) return fail(400, { scope: 'newArea', values: r.values, errors: r.errors });
		return attempt(locals, 'newArea', r.data, async () => {
			const area = await addArea(actor, fw.id, r.data);
			return m.certf_area_added({ code: area.code });
		});
	},

	updateArea: async ({ locals, params, request }) => {
		const actor = editor(locals);
		const fw = await frameworkOf(params.slug);
		const data = await request.formData();
		const id = areaIn(fw, String(data.get('areaId') ?? ''));
		const r = readForm(areaSchema, data);
		if (!r.ok) return fail(400, { scope: `area:${id}`, values: r.values, errors: r.errors });
		return attempt(locals, `area:${id}`, r.data, async () => {
			const area = await updateArea(actor, id, r.data);
			return m.certf_area_saved({ code: area.code });
		});
	},

	moveArea: async ({ locals, params, request }) => {
		const actor = editor(locals);
		const fw = await frameworkOf(params.slug);
		const data = await request.formData();
		const id = areaIn(fw, String(data.get('areaId') ?? ''));
		return attempt(locals, 'areas', {}, async () => {
			await moveArea(actor, id, direction(data.get('direction')));
			return m.certf_area_moved();
		});
	},

	deleteArea: async ({ locals, params, request }) => {
		const actor = editor(locals);
		const fw = await frameworkOf(params.slug);
		const id = areaIn(fw, String((await request.formData()).get('areaId') ?? ''));
		return attempt(locals, 'areas', {}, async () => {
			const area = await deleteArea(actor, id);
			return m.certf_area_deleted({ code: area.code });
		});
	},

	moveCompetency: async ({ locals, params, request }) => {
		const actor = editor(locals);
		const fw = await frameworkOf(params.slug);
		const data = await request.formData();
		const id = competencyIn(fw, String(data.get('competencyId') ?? ''));
		return attempt(locals, 'areas', {}, async () => {
			await moveCompetency(actor, id, direction(data.get('direction')));
			return m.certf_competency_moved();
		});
	},

	deleteCompetency: async ({ locals, params, request }) => {
		const actor = editor(locals);
		const fw = await frameworkOf(params.slug);
		const id = competencyIn(fw, String((await request.formData()).get('competencyId') ?? ''));
		return attempt(locals, 'areas', {}, async () => {
			const c = await deleteCompetency(actor, id);
			return m.certf_competency_deleted({ code: c.code });
		});
	}
};
