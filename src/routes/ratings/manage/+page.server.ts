import { fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { cityEntryForm, createEdition, editionIdByYear, enterCityValues, importMeasurements, manageOverview, setPublished, type ImportError } from '$lib/server/ratings';
import type { Actions, PageServerLoad } from './$types';

const MAX_CSV_BYTES = 5 * 1024 * 1024;

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, 'rating:manage');
	const overview = await manageOverview(locals.locale);
	const year = Number(url.searchParams.get('year')) || overview.editions[0]?.year || null;
	const city = url.searchParams.get('city');
	return { ...overview, year, entry: year && city ? await cityEntryForm(year, city, locals.locale) : null, done: url.searchParams.get('done') };
};

/** An import error in the reader's language, naming line and column. */
function explain(e: ImportError, locale: 'uk' | 'en'): string {
	const p = { line: e.line, column: e.column, name: e.columnName, ...e.params } as Record<string, string | number>;
	const fn = (m as unknown as Record<string, (p: Record<string, unknown>, o: { locale: 'uk' | 'en' }) => string>)[e.key];
	return fn ? fn(p, { locale }) : `${e.line}:${e.column} ${e.key}`;
}

export const actions: Actions = {
	import: async ({ request, locals }) => {
		const user = requirePermission(locals, 'rating:manage');
		const form = await request.formData();
		const year = Number(form.get('year'));
		const file = form.get('file');
		let text = String(form.get('text') ?? '');
		if (file instanceof File && file.size > 0) {
			if (file.size > MAX_CSV_BYTES) return fail(400, { importErrors: [m.rating_csv_too_large({}, { locale: locals.locale })], text: '', year });
			text = await file.text();
		}
		const editionId = await editionIdByYear(year);
		if (!editionId) return fail(400, { importErrors: [m.rating_not_found({}, { locale: locals.locale })], text, year });
		if (!text.trim()) return fail(400, { importErrors: [m.rating_csv_empty({ line: 1, column: 0, name: '' }, { locale: locals.locale })], text, year });
		const result = await importMeasurements(editionId, text, user.id);
		if (!result.ok) return fail(400, { importErrors: result.errors.map((e) => explain(e, locals.locale)), text, year });
		redirect(303, `?year=${year}&done=imported`);
	},
	publish: async ({ request, locals }) => {
		requirePermission(locals, 'rating:manage');
		const form = await request.formData();
		const year = Number(form.get('year'));
		await setPublished(year, form.get('published') === 'true');
		redirect(303, `?year=${year}&done=published`);
	},
	create: async ({ request, locals }) => {
		requirePermission(locals, 'rating:manage');
		const form = await request.formData();
		const year = Number(form.get('year'));
		const titleUk = String(form.get('titleUk') ?? '').trim();
		const titleEn = String(form.get('titleEn') ?? '').trim();
		const methodologyId = String(form.get('methodologyId') ?? '');
		const values = { newYear: String(form.get('year') ?? ''), titleUk, titleEn };
		if (!Number.isInteger(year) || year < 2000 || year > 2100 || !titleUk || !methodologyId) return fail(400, { createError: m.rating_create_invalid({}, { locale: locals.locale }), ...values });
		if ((await createEdition({ year, methodologyId, titleUk, titleEn: titleEn || titleUk })) === 'exists') return fail(400, { createError: m.rating_create_exists({ year }, { locale: locals.locale }), ...values });
		redirect(303, `?year=${year}&done=created`);
	},
	enter: async ({ request, locals }) => {
		const user = requirePermission(locals, 'rating:manage');
		const form = await request.formData();
		const year = Number(form.get('year'));
		const city = String(form.get('city') ?? '');
		const raw: Record<string, string> = {};
		for (const [k, v] of form) if (typeof v === 'string' && k.startsWith('v:')) raw[k.slice(2)] = v;
		const result = await enterCityValues(year, city, raw, user.id);
		if (!result) return fail(404, { entryErrors: [] as string[], raw });
		if (!result.ok) return fail(400, { entryErrors: result.bad, raw });
		redirect(303, `?year=${year}&city=${encodeURIComponent(city)}&done=saved`);
	}
};
