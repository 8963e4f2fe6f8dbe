/** What monitors do: editions, CSV imports, values entered by hand, publication. */
import { db } from '../db/index.ts';
import { recompute, saveCityMeasurements } from './results.ts';

const pick = (locale: string, uk: string, en: string) => (locale === 'en' ? en || uk : uk || en);

export async function manageOverview(locale: string) {
	const editions = await db().ratingEdition.findMany({
		orderBy: { year: 'desc' },
		select: { id: true, year: true, titleUk: true, titleEn: true, isDemo: true, publishedAt: true, computedAt: true, _count: { select: { measurements: true, results: true } } }
	});
	const cities = await db().ratingCity.findMany({ orderBy: { nameUk: 'asc' }, select: { slug: true, nameUk: true, nameEn: true } });
	const methodologies = await db().ratingMethodology.findMany({ select: { id: true, titleUk: true, titleEn: true } });
	return {
		editions: editions.map((e) => ({ year: e.year, title: pick(locale, e.titleUk, e.titleEn), isDemo: e.isDemo, published: !!e.publishedAt, values: e._count.measurements, cities: e._count.results })),
		cities: cities.map((c) => ({ slug: c.slug, name: pick(locale, c.nameUk, c.nameEn) })),
		methodologies: methodologies.map((x) => ({ id: x.id, title: pick(locale, x.titleUk, x.titleEn) }))
	};
}

export async function editionIdByYear(year: number): Promise<string | null> {
	return (await db().ratingEdition.findUnique({ where: { year }, select: { id: true } }))?.id ?? null;
}

export async function createEdition(input: { year: number; methodologyId: string; titleUk: string; titleEn: string }): Promise<'created' | 'exists'> {
	const found = await db().ratingEdition.findUnique({ where: { year: input.year }, select: { id: true } });
	if (found) return 'exists';
	await db().ratingEdition.create({ data: { ...input, isDemo: false } });
	return 'created';
}

export async function setPublished(year: number, published: boolean): Promise<void> {
	const id = await editionIdByYear(year);
	if (!id) return;
	if (published) await recompute(id);
	await db().ratingEdition.update({ where: { id }, data: { publishedAt: published ? new Date() : null } });
}

/** The form of one city's values in an edition: every indicator with its current value. */
export async function cityEntryForm(year: number, citySlug: string, locale: string) {
	const edition = await db().ratingEdition.findUnique({ where: { year }, select: { id: true, methodologyId: true } });
	const city = await db().ratingCity.findUnique({ where: { slug: citySlug }, select: { id: true, slug: true, nameUk: true, nameEn: true } });
	if (!edition || !city) return null;
	const indicators = await db().ratingIndicator.findMany({
		where: { criterion: { methodologyId: edition.methodologyId } },
		orderBy: [{ criterion: { position: 'asc' } }, { position: 'asc' }],
		select: { id: true, code: true, titleUk: true, titleEn: true, kind: true, maxValue: true, criterion: { select: { titleUk: true, titleEn: true } } }
	});
	const values = new Map((await db().ratingMeasurement.findMany({ where: { editionId: edition.id, cityId: city.id }, select: { indicatorId: true, value: true } })).map((x) => [x.indicatorId, x.value]));
	return {
		editionId: edition.id,
		city: { id: city.id, slug: city.slug, name: pick(locale, city.nameUk, city.nameEn) },
		indicators: indicators.map((i) => ({ id: i.id, code: i.code, title: pick(locale, i.titleUk, i.titleEn), criterion: pick(locale, i.criterion.titleUk, i.criterion.titleEn), kind: i.kind, maxValue: i.maxValue, value: values.get(i.id) ?? null }))
	};
}

/**
 * Checks and saves the values a monitor typed for one city: binary 0/1, scale within 0..max.
 * Returns the codes of the bad fields (nothing saved then).
 */
export async function enterCityValues(year: number, citySlug: string, raw: Record<string, string>, actorId: string): Promise<{ ok: true } | { ok: false; bad: string[] } | null> {
	const form = await cityEntryForm(year, citySlug, 'uk');
	if (!form) return null;
	const values = new Map<string, number>();
	const bad: string[] = [];
	for (const i of form.indicators) {
		const v = (raw[i.code] ?? '').trim();
		if (v === '') continue;
		const x = Number(v.replace(',', '.'));
		if (!Number.isFinite(x) || x < 0 || x > i.maxValue || (i.kind === 'binary' && x !== 0 && x !== 1)) bad.push(i.code);
		else values.set(i.id, x);
	}
	if (bad.length) return { ok: false, bad };
	await saveCityMeasurements(form.editionId, form.city.id, values, actorId);
	return { ok: true };
}
