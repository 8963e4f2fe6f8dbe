import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { importFramework, listFrameworks, parseFrameworkCsv, parseFrameworkYaml, isCertificationError, CSV_COLUMNS } from '$lib/server/certification';
import { explainCertificationError, explainImportIssue } from '$lib/server/certification/messages';
import { createFramework, editErrorAsFields, newFrameworkSchema, readForm } from '$lib/server/certification/framework-editor';
import type { Actions, PageServerLoad } from './$types';

const MAX_BYTES = 512 * 1024;

/** Competency frameworks: the list, a new empty framework, and the import (YAML or CSV, file or pasted text). Admins (portal-wide frameworks). */
export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'certification:manage', { organizationId: null });
	return { frameworks: (await listFrameworks()).map((f) => ({ slug: f.slug, titleUk: f.titleUk, titleEn: f.titleEn, competencies: f._count.competencies })), csvColumns: [...CSV_COLUMNS] };
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const actor = requirePermission(locals, 'certification:manage', { organizationId: null });
		const r = readForm(newFrameworkSchema, await request.formData());
		if (!r.ok) return fail(400, { scope: 'create' as const, values: r.values, errors: r.errors });
		try {
			const fw = await createFramework(actor, r.data);
			redirect(303, localizeHref(`/certification/frameworks/${fw.slug}?created=1`, { locale: locals.locale }));
		} catch (e) {
			if (isCertificationError(e)) return fail(400, { scope: 'create' as const, values: r.data, errors: editErrorAsFields(e, locals.locale) });
			throw e;
		}
	},
	import: async ({ locals, request }) => {
		const actor = requirePermission(locals, 'certification:manage', { organizationId: null });
		const f = await request.formData();
		const format = String(f.get('format') ?? 'yaml');
		const file = f.get('file');
		let text = String(f.get('text') ?? '');
		const values = { format, text, slug: String(f.get('slug') ?? ''), titleUk: String(f.get('titleUk') ?? ''), titleEn: String(f.get('titleEn') ?? '') };
		if (file instanceof File && file.size > 0) {
			if (file.size > MAX_BYTES) return fail(400, { error: m.certn_import_too_large(), issues: [], values });
			text = new TextDecoder('utf-8').decode(await file.arrayBuffer());
		}
		if (!text.trim()) return fail(400, { error: m.certn_import_empty(), issues: [], values });
		try {
			const parsed = format === 'csv' ? parseFrameworkCsv(text, { slug: values.slug.trim(), titleUk: values.titleUk, titleEn: values.titleEn }) : parseFrameworkYaml(text);
			const fw = await importFramework(actor, parsed);
			return { success: m.certn_import_done({ title: locals.locale === 'en' ? fw.titleEn : fw.titleUk }) };
		} catch (e) {
			if (isCertificationError(e)) return fail(400, { error: explainCertificationError(e, locals.locale), issues: e.issues.slice(0, 50).map((i) => explainImportIssue(i, locals.locale)), values });
			throw e;
		}
	}
};
