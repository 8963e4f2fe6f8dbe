/** What the ratings pages show, already in the reader's language. */
import { db } from '../db/index.ts';
import { regionName } from '../cases/regions.ts';

type Locale = string;
const pick = (locale: Locale, uk: string, en: string) => (locale === 'en' ? en || uk : uk || en);

export interface EditionCard {
	year: number;
	title: string;
	summary: string;
	isDemo: boolean;
	published: boolean;
	cities: number;
}

export interface CriterionColumn {
	code: string;
	title: string;
	topic: string;
	/** Share of the index, percent. */
	share: number;
}

export interface YearRow {
	rank: number;
	slug: string;
	name: string;
	region: string;
	score: number;
	criteria: number[];
}

export const SORT_DIRECTIONS = ['asc', 'desc'] as const;
export type SortDir = (typeof SORT_DIRECTIONS)[number];

/** Editions on the /ratings page: published ones, and drafts for those who manage ratings. */
export async function listEditions(locale: Locale, withDrafts = false): Promise<EditionCard[]> {
	const editions = await db().ratingEdition.findMany({
		where: withDrafts ? {} : { publishedAt: { not: null } },
		orderBy: { year: 'desc' },
		select: { year: true, titleUk: true, titleEn: true, summaryUk: true, summaryEn: true, isDemo: true, publishedAt: true, _count: { select: { results: true } } }
	});
	return editions.map((e) => ({
		year: e.year,
		title: pick(locale, e.titleUk, e.titleEn),
		summary: pick(locale, e.summaryUk, e.summaryEn),
		isDemo: e.isDemo,
		published: !!e.publishedAt,
		cities: e._count.results
	}));
}

function shares(weights: number[]): number[] {
	const total = weights.reduce((a, b) => a + b, 0) || 1;
	return weights.map((w) => Math.round((w / total) * 1000) / 10);
}

async function criteriaColumns(methodologyId: string, locale: Locale): Promise<CriterionColumn[]> {
	const criteria = await db().ratingCriterion.findMany({ where: { methodologyId }, orderBy: { position: 'asc' }, select: { code: true, topic: true, titleUk: true, titleEn: true, weight: true } });
	const s = shares(criteria.map((c) => c.weight));
	return criteria.map((c, i) => ({ code: c.code, title: pick(locale, c.titleUk, c.titleEn), topic: c.topic, share: s[i]! }));
}

const collator = (locale: Locale) => new Intl.Collator(locale === 'en' ? 'en' : 'uk');

/**
 * Sorts the rows of a year table by a column (rank, name, region, score or a criterion code) in a
 * direction; numbers ascend from the lowest, rank from the best. Equal values keep the rank order.
 */
export function sortRows(rows: YearRow[], criteria: CriterionColumn[], sort: string, dir: SortDir, locale: Locale): YearRow[] {
	const c = collator(locale);
	const ci = criteria.findIndex((x) => x.code === sort);
	const value = (r: YearRow) => (ci >= 0 ? r.criteria[ci]! : r.score);
	const cmp: (a: YearRow, b: YearRow) => number =
		sort === 'name'
			? (a, b) => c.compare(a.name, b.name)
			: sort === 'region'
				? (a, b) => c.compare(a.region, b.region) || a.rank - b.rank
				: sort === 'score' || ci >= 0
					? (a, b) => value(a) - value(b) || b.rank - a.rank
					: (a, b) => a.rank - b.rank || c.compare(a.name, b.name);
	const sorted = [...rows].sort(cmp);
	return dir === 'desc' ? sorted.reverse() : sorted;
}

export async function yearPage(year: number, locale: Locale, opts: { sort?: string | null; dir?: string | null; withDrafts?: boolean } = {}) {
	const edition = await db().ratingEdition.findUnique({
		where: { year },
		select: { id: true, year: true, titleUk: true, titleEn: true, summaryUk: true, summaryEn: true, isDemo: true, publishedAt: true, computedAt: true, methodologyId: true }
	});
	if (!edition || (!edition.publishedAt && !opts.withDrafts)) return null;
	const criteria = await criteriaColumns(edition.methodologyId, locale);
	const results = await db().ratingResult.findMany({
		where: { editionId: edition.id },
		orderBy: [{ rank: 'asc' }],
		select: { score: true, rank: true, criteria: true, city: { select: { slug: true, nameUk: true, nameEn: true, region: true } } }
	});
	const rows: YearRow[] = results.map((r) => {
		const byCode = r.criteria as Record<string, number>;
		return {
			rank: r.rank,
			slug: r.city.slug,
			name: pick(locale, r.city.nameUk, r.city.nameEn),
			region: regionName(r.city.region, locale),
			score: r.score,
			criteria: criteria.map((c) => byCode[c.code] ?? 0)
		};
	});
	const allowed = new Set(['rank', 'name', 'region', 'score', ...criteria.map((c) => c.code)]);
	const sort = opts.sort && allowed.has(opts.sort) ? opts.sort : 'rank';
	const dir: SortDir = opts.dir === 'desc' ? 'desc' : 'asc';
	const means = criteria.map((_, i) => (rows.length ? Math.round((rows.reduce((a, r) => a + r.criteria[i]!, 0) / rows.length) * 100) / 100 : 0));
	const meanScore = rows.length ? Math.round((rows.reduce((a, r) => a + r.score, 0) / rows.length) * 100) / 100 : 0;
	const years = (await db().ratingEdition.findMany({ where: opts.withDrafts ? {} : { publishedAt: { not: null } }, orderBy: { year: 'asc' }, select: { year: true } })).map((e) => e.year);
	return {
		edition: {
			year: edition.year,
			title: pick(locale, edition.titleUk, edition.titleEn),
			summary: pick(locale, edition.summaryUk, edition.summaryEn),
			isDemo: edition.isDemo,
			published: !!edition.publishedAt
		},
		years,
		criteria,
		rows: sortRows(rows, criteria, sort, dir, locale),
		top: rows.slice(0, 20).map((r) => ({ name: r.name, rank: r.rank, score: r.score })),
		means,
		meanScore,
		sort,
		dir
	};
}

export async function cityPage(slug: string, locale: Locale, withDrafts = false) {
	const city = await db().ratingCity.findUnique({ where: { slug }, select: { id: true, slug: true, nameUk: true, nameEn: true, region: true, population: true } });
	if (!city) return null;
	const results = await db().ratingResult.findMany({
		where: { cityId: city.id, edition: withDrafts ? {} : { publishedAt: { not: null } } },
		orderBy: { edition: { year: 'asc' } },
		select: { score: true, rank: true, criteria: true, edition: { select: { id: true, year: true, isDemo: true, methodologyId: true, _count: { select: { results: true } } } } }
	});
	const latest = results.at(-1);
	const criteria = latest ? await criteriaColumns(latest.edition.methodologyId, locale) : [];
	const history = results.map((r) => {
		const byCode = r.criteria as Record<string, number>;
		return { year: r.edition.year, score: r.score, rank: r.rank, of: r.edition._count.results, isDemo: r.edition.isDemo, criteria: criteria.map((c) => byCode[c.code] ?? 0) };
	});

	// The latest edition's averages per criterion: topics where the city is below them come first.
	let means: number[] = criteria.map(() => 0);
	let indicators: Array<{ criterion: string; title: string; kind: 'binary' | 'scale'; maxValue: number; value: number | null }> = [];
	if (latest) {
		const all = await db().ratingResult.findMany({ where: { editionId: latest.edition.id }, select: { criteria: true } });
		means = criteria.map((c) => Math.round((all.reduce((a, r) => a + ((r.criteria as Record<string, number>)[c.code] ?? 0), 0) / Math.max(1, all.length)) * 100) / 100);
		const defs = await db().ratingIndicator.findMany({
			where: { criterion: { methodologyId: latest.edition.methodologyId } },
			orderBy: [{ criterion: { position: 'asc' } }, { position: 'asc' }],
			select: { id: true, titleUk: true, titleEn: true, kind: true, maxValue: true, criterion: { select: { titleUk: true, titleEn: true } } }
		});
		const values = new Map((await db().ratingMeasurement.findMany({ where: { editionId: latest.edition.id, cityId: city.id }, select: { indicatorId: true, value: true } })).map((m) => [m.indicatorId, m.value]));
		indicators = defs.map((d) => ({ criterion: pick(locale, d.criterion.titleUk, d.criterion.titleEn), title: pick(locale, d.titleUk, d.titleEn), kind: d.kind, maxValue: d.maxValue, value: values.get(d.id) ?? null }));
	}
	const weakTopics = new Set<string>();
	if (latest) criteria.forEach((c, i) => history.at(-1)!.criteria[i]! < means[i]! && weakTopics.add(c.topic));

	const recs = await db().ratingRecommendation.findMany({
		where: { audience: 'cities', OR: [{ cityId: null }, { cityId: city.id }], edition: { results: { some: { cityId: city.id } }, ...(withDrafts ? {} : { publishedAt: { not: null } }) } },
		orderBy: [{ edition: { year: 'desc' } }, { position: 'asc' }],
		select: { topic: true, cityId: true, textUk: true, textEn: true, edition: { select: { year: true } } }
	});
	const topicOrder: string[] = [];
	for (const r of recs) if (!topicOrder.includes(r.topic)) topicOrder.push(r.topic);
	topicOrder.sort((a, b) => Number(weakTopics.has(b)) - Number(weakTopics.has(a)));
	const recommendations = topicOrder.map((topic) => ({
		topic,
		priority: weakTopics.has(topic),
		items: recs.filter((r) => r.topic === topic).map((r) => ({ text: pick(locale, r.textUk, r.textEn), forThisCity: r.cityId === city.id, year: r.edition.year }))
	}));

	return {
		city: { slug: city.slug, name: pick(locale, city.nameUk, city.nameEn), region: regionName(city.region, locale), population: city.population },
		criteria,
		history,
		means,
		indicators,
		latestYear: latest?.edition.year ?? null,
		recommendations
	};
}

/** Chosen cities side by side in one edition (at most five). */
export async function comparison(year: number, slugs: string[], locale: Locale, withDrafts = false) {
	const edition = await db().ratingEdition.findUnique({ where: { year }, select: { id: true, year: true, publishedAt: true, methodologyId: true, isDemo: true } });
	if (!edition || (!edition.publishedAt && !withDrafts)) return null;
	const criteria = await criteriaColumns(edition.methodologyId, locale);
	const cities = (await db().ratingResult.findMany({ where: { editionId: edition.id }, select: { city: { select: { slug: true, nameUk: true, nameEn: true } } } }))
		.map((r) => ({ slug: r.city.slug, name: pick(locale, r.city.nameUk, r.city.nameEn) }))
		.sort((a, b) => collator(locale).compare(a.name, b.name));
	const chosen = [...new Set(slugs.filter(Boolean))].slice(0, 5);
	const results = await db().ratingResult.findMany({
		where: { editionId: edition.id, city: { slug: { in: chosen } } },
		select: { score: true, rank: true, criteria: true, city: { select: { slug: true, nameUk: true, nameEn: true } } }
	});
	const rows = chosen
		.map((s) => results.find((r) => r.city.slug === s))
		.filter((r): r is NonNullable<typeof r> => !!r)
		.map((r) => ({ slug: r.city.slug, name: pick(locale, r.city.nameUk, r.city.nameEn), score: r.score, rank: r.rank, criteria: criteria.map((c) => (r.criteria as Record<string, number>)[c.code] ?? 0) }));
	return { year: edition.year, isDemo: edition.isDemo, criteria, cities, chosen, rows, of: cities.length };
}

/** The methodology of an edition (the latest published one by default). */
export async function methodologyPage(locale: Locale, year?: number | null) {
	const edition = await db().ratingEdition.findFirst({
		where: { publishedAt: { not: null }, ...(year ? { year } : {}) },
		orderBy: { year: 'desc' },
		select: { year: true, methodology: { select: { id: true, titleUk: true, titleEn: true, descriptionUk: true, descriptionEn: true } } }
	});
	if (!edition) return null;
	const criteria = await db().ratingCriterion.findMany({
		where: { methodologyId: edition.methodology.id },
		orderBy: { position: 'asc' },
		select: { code: true, topic: true, titleUk: true, titleEn: true, weight: true, indicators: { orderBy: { position: 'asc' }, select: { code: true, titleUk: true, titleEn: true, kind: true, maxValue: true, weight: true } } }
	});
	const cs = shares(criteria.map((c) => c.weight));
	return {
		year: edition.year,
		title: pick(locale, edition.methodology.titleUk, edition.methodology.titleEn),
		description: pick(locale, edition.methodology.descriptionUk, edition.methodology.descriptionEn),
		indicatorCount: criteria.reduce((a, c) => a + c.indicators.length, 0),
		criteria: criteria.map((c, i) => {
			const is = shares(c.indicators.map((x) => x.weight));
			return {
				code: c.code,
				topic: c.topic,
				title: pick(locale, c.titleUk, c.titleEn),
				share: cs[i]!,
				indicators: c.indicators.map((x, j) => ({ code: x.code, title: pick(locale, x.titleUk, x.titleEn), kind: x.kind, maxValue: x.maxValue, share: is[j]! }))
			};
		})
	};
}

/** Recommendations of an edition for every audience (the study's text), grouped by audience and topic. */
export async function editionRecommendations(year: number, locale: Locale) {
	const recs = await db().ratingRecommendation.findMany({
		where: { edition: { year }, cityId: null },
		orderBy: { position: 'asc' },
		select: { audience: true, topic: true, textUk: true, textEn: true }
	});
	const groups: Array<{ audience: string; topic: string; items: string[] }> = [];
	for (const r of recs) {
		let g = groups.find((x) => x.audience === r.audience && x.topic === r.topic);
		if (!g) groups.push((g = { audience: r.audience, topic: r.topic, items: [] }));
		g.items.push(pick(locale, r.textUk, r.textEn));
	}
	return groups;
}
