/**
 * The ratings' arithmetic, free of the database (see the ratings ADR in docs/decisions): an indicator's value becomes a share of
 * its maximum, a criterion's score is the weighted mean of its indicators, a city's index the weighted
 * mean of its criteria, both on 0..100. Ranks are "competition" ranks (1, 2, 2, 4): cities whose
 * indices are equal to two decimals share a rank, and the next rank skips.
 */

export interface IndicatorDef {
	code: string;
	kind: 'binary' | 'scale';
	/** Scale indicators: the value that earns the whole weight (binary: 1). */
	maxValue: number;
	weight: number;
}

export interface CriterionDef {
	code: string;
	weight: number;
	indicators: IndicatorDef[];
}

export interface CityInput {
	cityId: string;
	/** For a stable order inside a shared rank (alphabetical). */
	name: string;
	/** indicator code -> measured value; a missing indicator counts as 0 (not found by the monitors). */
	values: ReadonlyMap<string, number> | Record<string, number>;
}

export interface CityResult {
	cityId: string;
	name: string;
	/** 0..100, two decimals. */
	score: number;
	rank: number;
	/** criterion code -> 0..100, two decimals. */
	criteria: Record<string, number>;
}

export const round2 = (x: number): number => Math.round((x + Number.EPSILON) * 100) / 100;

/** An indicator's share of its maximum, 0..1. */
export function indicatorShare(def: IndicatorDef, value: number | undefined): number {
	if (value === undefined || !Number.isFinite(value)) return 0;
	if (def.kind === 'binary') return value > 0 ? 1 : 0;
	if (def.maxValue <= 0) return 0;
	return Math.min(1, Math.max(0, value / def.maxValue));
}

function weightedMean(parts: Array<{ weight: number; value: number }>): number {
	let sum = 0;
	let weights = 0;
	for (const p of parts) {
		if (p.weight <= 0) continue;
		sum += p.weight * p.value;
		weights += p.weight;
	}
	return weights > 0 ? sum / weights : 0;
}

function lookup(values: CityInput['values'], code: string): number | undefined {
	return values instanceof Map ? values.get(code) : (values as Record<string, number>)[code];
}

/** One city's criterion scores and index (unrounded). */
export function cityScore(criteria: CriterionDef[], values: CityInput['values']): { score: number; criteria: Record<string, number> } {
	const byCriterion: Record<string, number> = {};
	const parts: Array<{ weight: number; value: number }> = [];
	for (const c of criteria) {
		const share = weightedMean(c.indicators.map((i) => ({ weight: i.weight, value: indicatorShare(i, lookup(values, i.code)) })));
		byCriterion[c.code] = share * 100;
		parts.push({ weight: c.weight, value: share * 100 });
	}
	return { score: weightedMean(parts), criteria: byCriterion };
}

/** Competition ranks over values sorted best first: equal values share the rank, the next skips. */
export function competitionRanks<T>(sorted: T[], key: (x: T) => number): number[] {
	const ranks: number[] = [];
	for (let i = 0; i < sorted.length; i++) {
		ranks.push(i > 0 && key(sorted[i]!) === key(sorted[i - 1]!) ? ranks[i - 1]! : i + 1);
	}
	return ranks;
}

const collator = new Intl.Collator('uk');

/** Indices and ranks of every city, best first (ties in alphabetical order). */
export function computeRatings(criteria: CriterionDef[], cities: CityInput[]): CityResult[] {
	const scored = cities.map((c) => {
		const { score, criteria: byCriterion } = cityScore(criteria, c.values);
		const rounded: Record<string, number> = {};
		for (const [k, v] of Object.entries(byCriterion)) rounded[k] = round2(v);
		return { cityId: c.cityId, name: c.name, score: round2(score), criteria: rounded, rank: 0 };
	});
	scored.sort((a, b) => b.score - a.score || collator.compare(a.name, b.name));
	const ranks = competitionRanks(scored, (x) => x.score);
	scored.forEach((s, i) => (s.rank = ranks[i]!));
	return scored;
}
