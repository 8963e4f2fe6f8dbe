import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { importMeasurements } from './import.ts';
import { cityPage, yearPage } from './pages.ts';
import { saveCityMeasurements } from './results.ts';

const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 5);

/** A methodology of two criteria (3:1), three cities and an edition of a year nobody else uses. */
async function fixture() {
	const year = 5000 + Math.floor(Math.random() * 4000);
	const m = await db().ratingMethodology.create({ data: { slug: `t-${run}-${year}`, titleUk: 'М', titleEn: 'M' } });
	const web = await db().ratingCriterion.create({ data: { methodologyId: m.id, code: 'web', topic: 'websites', titleUk: 'Сайт', titleEn: 'Web', weight: 3 } });
	const edms = await db().ratingCriterion.create({ data: { methodologyId: m.id, code: 'edms', topic: 'edms', titleUk: 'СЕД', titleEn: 'EDMS', weight: 1, position: 1 } });
	await db().ratingIndicator.create({ data: { criterionId: web.id, code: `search-${run}`, titleUk: 'Пошук', titleEn: 'Search', kind: 'binary' } });
	await db().ratingIndicator.create({ data: { criterionId: edms.id, code: `share-${run}`, titleUk: 'Частка', titleEn: 'Share', kind: 'scale', maxValue: 100 } });
	const cities = [];
	for (const [k, name] of ['Альфаград', 'Бетаград', 'Гаммаград'].entries()) cities.push(await db().ratingCity.create({ data: { slug: `c${k}-${run}-${year}`, nameUk: name, nameEn: name, region: 'UA-05' } }));
	const edition = await db().ratingEdition.create({ data: { year, methodologyId: m.id, titleUk: 'Р', titleEn: 'R', publishedAt: new Date() } });
	await db().ratingRecommendation.create({ data: { editionId: edition.id, audience: 'cities', topic: 'edms', textUk: 'Розвивайте СЕД', textEn: 'Develop the EDMS' } });
	await db().ratingRecommendation.create({ data: { editionId: edition.id, audience: 'cities', topic: 'websites', textUk: 'Розвивайте сайт', textEn: 'Develop the site' } });
	return { year, edition, cities };
}

describe('import and results', () => {
	it('a file with one bad row writes nothing; a good one stores values and computes indices and ranks', async () => {
		const { year, edition, cities } = await fixture();
		const [a, b, c] = cities as unknown as [{ slug: string; id: string }, { slug: string; id: string }, { slug: string; id: string }];
		const bad = await importMeasurements(edition.id, `city,search-${run},share-${run}\n${a.slug},1,50\n${b.slug},1,150\n`, null);
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.errors.map((e) => [e.line, e.column, e.key])).toEqual([[3, 3, 'rating_csv_out_of_range']]);
		expect(await db().ratingMeasurement.count({ where: { editionId: edition.id } })).toBe(0);

		// a: 75 + 0.25*50 = 87.5; b: 0.75*100 + 0.25*50 = 87.5 (tie); c: 0 + 25 = 25.
		const ok = await importMeasurements(edition.id, `city,search-${run},share-${run}\n${a.slug},так,50\n${b.slug},1,"50,0"\n${c.slug},0,100\n`, 'monitor');
		expect(ok).toEqual({ ok: true, cities: 3, values: 6 });
		const page = await yearPage(year, 'uk');
		expect(page!.rows.map((r) => [r.name, r.score, r.rank])).toEqual([
			['Альфаград', 87.5, 1],
			['Бетаград', 87.5, 1],
			['Гаммаград', 25, 3]
		]);
		expect(page!.criteria.map((x) => x.share)).toEqual([75, 25]);

		// A monitor corrects one value: the ranks follow.
		await saveCityMeasurements(edition.id, c.id, new Map([[(await db().ratingIndicator.findFirst({ where: { code: `search-${run}` } }))!.id, 1]]), 'monitor');
		const after = await yearPage(year, 'uk', { sort: 'name', dir: 'desc' });
		expect(after!.rows.map((r) => [r.name, r.rank])).toEqual([
			['Гаммаград', 1],
			['Бетаград', 2],
			['Альфаград', 2]
		]);

		// The city page: history and recommendations, its weak topic (EDMS below the mean) first.
		const city = await cityPage(a.slug, 'uk');
		expect(city!.history.map((h) => [h.year, h.score, h.rank, h.of])).toEqual([[year, 87.5, 2, 3]]);
		expect(city!.recommendations.map((r) => [r.topic, r.priority])).toEqual([
			['edms', true],
			['websites', false]
		]);
	});
});
