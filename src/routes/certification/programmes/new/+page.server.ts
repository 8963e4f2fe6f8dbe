import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { requirePermission } from '$lib/server/auth/permissions';
import { createProgramme, isCertificationError, parseProgrammeForm, parseVersionForm, programmeOwners, versionValues } from '$lib/server/certification';
import { explainCertificationError } from '$lib/server/certification/messages';
import { forbidden, versionFormChoices } from '../shared';
import type { Actions, PageServerLoad } from './$types';

async function owners(locals: App.Locals) {
	const actor = requirePermission(locals, 'manage:access');
	const list = await programmeOwners(actor);
	if (!list.length) forbidden(locals.locale);
	return { actor, list };
}

/** A new programme with its version 1 (admins: portal-wide or any organization's; a manager: their organization's). */
export const load: PageServerLoad = async ({ locals }) => {
	const { list } = await owners(locals);
	const empty = { courseIds: [], examQuizId: null, passMark: null, eventHours: 0, eventCredits: 0 };
	return {
		owners: list,
		choices: await versionFormChoices(),
		defaults: { ...versionValues({ requirements: empty, recertRequirements: empty, validityMonths: 24, windowDays: 90 }), reminderDays: '30, 7, 1', organizationId: list[0].id ?? '' }
	};
};

export const actions: Actions = {
	default: async ({ locals, request }) => {
		const { actor, list } = await owners(locals);
		const fd = await request.formData();
		const programme = parseProgrammeForm(fd, locals.locale, { owners: list.map((o) => o.id) });
		const version = await parseVersionForm(fd, locals.locale);
		if (!programme.ok || !version.ok) return fail(400, { values: programme.values, errors: { ...(programme.ok ? {} : programme.errors), ...(version.ok ? {} : version.errors) } });
		try {
			await createProgramme(actor, programme.input, version.input);
		} catch (e) {
			if (isCertificationError(e) && e.code === 'slug_taken') return fail(400, { values: programme.values, errors: { slug: explainCertificationError(e, locals.locale) } });
			if (isCertificationError(e)) return fail(e.code === 'forbidden' ? 403 : 400, { values: programme.values, errors: {}, error: explainCertificationError(e, locals.locale) });
			throw e;
		}
		redirect(303, localizeHref(`/certification/programmes/${programme.input.slug}`, { locale: locals.locale }) + '?created=1');
	}
};
