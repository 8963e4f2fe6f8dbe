import type { PrismaClient } from '../db/index.ts';
import { CITIES, CRITERIA, METHODOLOGY, RECOMMENDATIONS } from './data.ts';
import { recompute } from './results.ts';

/** A small deterministic generator (mulberry32) so the demo figures are the same at every start. */
export function prng(seedText: string): () => number {
	let h = 1779033703 ^ seedText.length;
	for (let i = 0; i < seedText.length; i++) h = Math.imul(h ^ seedText.charCodeAt(i), 3432918353);
	let a = h >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) | 0;
		let t = Math.imul(a ^ (a >>> 15), 1 | a);
		t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/**
 * Demo measurements of one city: larger cities (earlier in the list) and later years do somewhat
 * better, with noise. Values are what a monitor would enter: 0/1 or whole steps of the scale.
 */
export function demoValues(slug: string, position: number, total: number, year: number, firstYear: number, indicators: Array<{ kind: 'binary' | 'scale'; maxValue: number }>): number[] {
	const rnd = prng(`${slug}:${year}`);
	const base = prng(slug)();
	const capacity = Math.min(0.95, Math.max(0.05, 0.25 + 0.45 * (1 - position / total) + 0.3 * (base - 0.5) + 0.08 * (year - firstYear)));
	return indicators.map((ind) => {
		const p = Math.min(1, Math.max(0, capacity + (rnd() - 0.5) * 0.5));
		if (ind.kind === 'binary') return rnd() < p ? 1 : 0;
		return Math.round(p * ind.maxValue);
	});
}

export const DEMO_YEARS = [2013, 2014, 2015];

/** The methodology, the cities, three editions of demo measurements and the study's recommendations. */
export async function seedRatings(prisma: PrismaClient): Promise<string> {
	const methodology = await prisma.ratingMethodology.upsert({
		where: { slug: METHODOLOGY.slug },
		create: { slug: METHODOLOGY.slug, titleUk: METHODOLOGY.uk, titleEn: METHODOLOGY.en, descriptionUk: METHODOLOGY.descriptionUk, descriptionEn: METHODOLOGY.descriptionEn },
		update: {}
	});
	const indicators: Array<{ id: string; kind: 'binary' | 'scale'; maxValue: number }> = [];
	for (const [ci, c] of CRITERIA.entries()) {
		const criterion = await prisma.ratingCriterion.upsert({
			where: { methodologyId_code: { methodologyId: methodology.id, code: c.code } },
			create: { methodologyId: methodology.id, code: c.code, topic: c.topic, titleUk: c.uk, titleEn: c.en, weight: c.weight, position: ci },
			update: {}
		});
		for (const [ii, i] of c.indicators.entries()) {
			const row = await prisma.ratingIndicator.upsert({
				where: { criterionId_code: { criterionId: criterion.id, code: i.code } },
				create: { criterionId: criterion.id, code: i.code, titleUk: i.uk, titleEn: i.en, kind: i.kind, maxValue: i.kind === 'binary' ? 1 : (i.max ?? 1), weight: i.weight ?? 1, position: ii },
				update: {}
			});
			indicators.push({ id: row.id, kind: row.kind, maxValue: row.maxValue });
		}
	}
	const existing = new Map((await prisma.ratingCity.findMany({ select: { slug: true, id: true } })).map((c) => [c.slug, c.id]));
	const missing = CITIES.filter((c) => !existing.has(c.slug));
	if (missing.length) await prisma.ratingCity.createMany({ data: missing.map((c) => ({ slug: c.slug, nameUk: c.uk, nameEn: c.en, region: c.region })) });
	const cities = await prisma.ratingCity.findMany({ where: { slug: { in: CITIES.map((c) => c.slug) } }, select: { id: true, slug: true } });
	const cityId = new Map(cities.map((c) => [c.slug, c.id]));

	let created = 0;
	for (const year of DEMO_YEARS) {
		const first = year === DEMO_YEARS[0];
		const found = await prisma.ratingEdition.findUnique({ where: { year }, select: { id: true } });
		if (found) continue;
		const edition = await prisma.ratingEdition.create({
			data: {
				year,
				methodologyId: methodology.id,
				isDemo: true,
				publishedAt: new Date(Date.UTC(year, 5, 30)),
				titleUk: first ? '100 міст – крок вперед (перше видання)' : `Рейтинг е-урядування міст ${year}`,
				titleEn: first ? '100 cities – a step forward (first edition)' : `Cities’ e-government rating ${year}`,
				summaryUk: first
					? 'Моніторинг офіційних веб-сайтів і систем електронного документообігу 100 найбільших міст України станом на 15 січня 2013 року; рекомендації дослідження опубліковано повністю.'
					: 'Повторне вимірювання тих самих показників через рік.',
				summaryEn: first
					? 'Monitoring of the official websites and document management of the 100 largest cities of Ukraine as of 15 January 2013; the study’s recommendations are published in full.'
					: 'The same indicators measured again a year later.'
			}
		});
		const data: Array<{ editionId: string; cityId: string; indicatorId: string; value: number }> = [];
		CITIES.forEach((c, position) => {
			const values = demoValues(c.slug, position, CITIES.length, year, DEMO_YEARS[0]!, indicators);
			values.forEach((value, k) => data.push({ editionId: edition.id, cityId: cityId.get(c.slug)!, indicatorId: indicators[k]!.id, value }));
		});
		await prisma.ratingMeasurement.createMany({ data });
		if (first) {
			await prisma.ratingRecommendation.createMany({
				data: RECOMMENDATIONS.map((r, position) => ({ editionId: edition.id, audience: r.audience, topic: r.topic, position, textUk: r.uk, textEn: r.en }))
			});
		}
		await recompute(edition.id);
		created++;
	}
	return `ratings: ${CITIES.length} cities, ${indicators.length} indicators, ${created} new editions`;
}
