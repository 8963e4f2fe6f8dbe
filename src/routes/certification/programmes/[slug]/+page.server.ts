import { error, fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import {
	isCertificationError,
	parseProgrammeForm,
	parseVersionForm,
	previewChanges,
	programmeDetail,
	publishVersion,
	setProgrammeArchived,
	updateProgramme,
	versionValues
} from '$lib/server/certification';
import { explainCertificationError } from '$lib/server/certification/messages';
import { forbidden, versionFormChoices } from '../shared';
import type { Actions, PageServerLoad } from './$types';

/** The programme as the signed-in person may see it: 404 when unknown, 403 when another organization's. */
async function programmeFor(locals: App.Locals, slug: string) {
	const actor = requirePermission(locals, 'manage:access');
	const detail = await programmeDetail(slug, actor);
	if (!detail) error(404, { message: m.certn_error_not_found() });
	if (detail === 'forbidden') forbidden(locals.locale);
	return { actor, detail };
}

/** Every action changes the programme: only who may manage it (admins; a manager for their organization's own). */
async function managed(locals: App.Locals, slug: string) {
	const r = await programmeFor(locals, slug);
	if (!r.detail.mayManage) forbidden(locals.locale);
	return r;
}

export const load: PageServerLoad = async ({ locals, params, url }) => {
	const { detail } = await programmeFor(locals, params.slug);
	const c = detail.current;
	return {
		...detail,
		created: url.searchParams.has('created'),
		choices: detail.mayManage ? await versionFormChoices() : null,
		versionDefaults: versionValues({ requirements: c.requirements, recertRequirements: c.recertRequirements, validityMonths: c.validityMonths, windowDays: c.windowDays, competencies: c.competencies })
	};
};

function failWith(e: unknown, locale: 'uk' | 'en', form: string) {
	if (isCertificationError(e)) return fail(e.code === 'forbidden' ? 403 : 400, { form, errors: {}, error: explainCertificationError(e, locale) });
	throw e;
}

export const actions: Actions = {
	edit: async ({ locals, params, request }) => {
		const { actor, detail } = await managed(locals, params.slug);
		const parsed = parseProgrammeForm(await request.formData(), locals.locale);
		if (!parsed.ok) return fail(400, { form: 'edit', values: parsed.values, errors: parsed.errors });
		try {
			await updateProgramme(actor, detail.programme.id, parsed.input);
		} catch (e) {
			return failWith(e, locals.locale, 'edit');
		}
		return { form: 'edit', success: m.certp_saved() };
	},

	archive: async ({ locals, params }) => {
		const { actor, detail } = await managed(locals, params.slug);
		try {
			await setProgrammeArchived(actor, detail.programme.id, true);
		} catch (e) {
			return failWith(e, locals.locale, 'archive');
		}
		return { form: 'archive', success: m.certp_archived_done() };
	},

	unarchive: async ({ locals, params }) => {
		const { actor, detail } = await managed(locals, params.slug);
		try {
			await setProgrammeArchived(actor, detail.programme.id, false);
		} catch (e) {
			return failWith(e, locals.locale, 'archive');
		}
		return { form: 'archive', success: m.certp_unarchived_done() };
	},

	/** Two steps: the first shows what changes and who keeps their version; `confirm=1` publishes. */
	publish: async ({ locals, params, request }) => {
		const { actor, detail } = await managed(locals, params.slug);
		const fd = await request.formData();
		const parsed = await parseVersionForm(fd, locals.locale);
		if (!parsed.ok) return fail(400, { form: 'publish', values: parsed.values, errors: parsed.errors });
		const input = parsed.input;
		if (fd.get('confirm') !== '1') {
			const changes = await previewChanges(detail, { requirements: input.requirements, recertRequirements: input.recertRequirements, validityMonths: input.validityMonths, windowDays: input.windowDays, competencies: input.competencies ?? [] });
			return { form: 'publish', values: parsed.values, preview: { version: detail.programme.currentVersion + 1, changes, holders: detail.holders, assigned: detail.assignedPeople } };
		}
		try {
			const v = await publishVersion(actor, detail.programme.id, input);
			return { form: 'publish', success: m.certp_published({ version: String(v.version) }) };
		} catch (e) {
			return failWith(e, locals.locale, 'publish');
		}
	}
};
