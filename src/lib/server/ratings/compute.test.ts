import { describe, expect, it } from 'vitest';
import { cityScore, competitionRanks, computeRatings, indicatorShare, type CriterionDef } from './compute.ts';

// Two criteria, weights 3 and 1 (75 % and 25 % of the index).
const criteria: CriterionDef[] = [
	{
		code: 'web',
		weight: 3,
		indicators: [
			{ code: 'a', kind: 'binary', maxValue: 1, weight: 1 },
			{ code: 'b', kind: 'scale', maxValue: 4, weight: 3 }
		]
	},
	{ code: 'edms', weight: 1, indicators: [{ code: 'c', kind: 'scale', maxValue: 100, weight: 1 }] }
];

describe('indicator shares', () => {
	it('binary is all or nothing, scale is a share of its maximum, clamped', () => {
		expect(indicatorShare({ code: 'x', kind: 'binary', maxValue: 1, weight: 1 }, 1)).toBe(1);
		expect(indicatorShare({ code: 'x', kind: 'binary', maxValue: 1, weight: 1 }, 0)).toBe(0);
		expect(indicatorShare({ code: 'x', kind: 'scale', maxValue: 4, weight: 1 }, 3)).toBe(0.75);
		expect(indicatorShare({ code: 'x', kind: 'scale', maxValue: 4, weight: 1 }, 9)).toBe(1);
		expect(indicatorShare({ code: 'x', kind: 'scale', maxValue: 4, weight: 1 }, -1)).toBe(0);
		expect(indicatorShare({ code: 'x', kind: 'scale', maxValue: 4, weight: 1 }, undefined)).toBe(0);
	});
});

describe('weighted index', () => {
	it('computes criteria and the index with fixed numbers', () => {
		// web = (1*1 + 3*(2/4)) / 4 = 0.625 -> 62.5; edms = 40; index = (3*62.5 + 1*40) / 4 = 56.875
		const r = cityScore(criteria, { a: 1, b: 2, c: 40 });
		expect(r.criteria).toEqual({ web: 62.5, edms: 40 });
		expect(r.score).toBeCloseTo(56.875, 10);
	});

	it('counts a missing indicator as zero', () => {
		const r = cityScore(criteria, new Map([['b', 4]]));
		// web = 3/4 -> 75; edms 0; index = 225/4 = 56.25
		expect(r.score).toBeCloseTo(56.25, 10);
	});

	it('ignores criteria and indicators with zero weight', () => {
		const r = cityScore([{ code: 'x', weight: 0, indicators: [{ code: 'a', kind: 'binary', maxValue: 1, weight: 1 }] }, { code: 'y', weight: 2, indicators: [{ code: 'b', kind: 'binary', maxValue: 1, weight: 1 }, { code: 'c', kind: 'binary', maxValue: 1, weight: 0 }] }], { a: 1, b: 1, c: 0 });
		expect(r.score).toBe(100);
	});
});

describe('ranks', () => {
	it('competition ranks: equal values share, the next rank skips', () => {
		expect(competitionRanks([90, 80, 80, 70, 70, 70, 10], (x) => x)).toEqual([1, 2, 2, 4, 4, 4, 7]);
		expect(competitionRanks([], (x: number) => x)).toEqual([]);
	});

	it('ranks cities best first; ties (equal to two decimals) share a rank, ordered by name', () => {
		const results = computeRatings(criteria, [
			{ cityId: '1', name: 'Суми', values: { a: 1, b: 2, c: 40 } }, // 56.875 -> 56.88
			{ cityId: '2', name: 'Вінниця', values: { a: 1, b: 4, c: 100 } }, // 100
			{ cityId: '3', name: 'Полтава', values: { a: 1, b: 2, c: 40.001 } }, // 56.87525 -> 56.88
			{ cityId: '4', name: 'Житомир', values: { a: 0, b: 0, c: 0 } }, // 0
			{ cityId: '5', name: 'Луцьк', values: { a: 0, b: 4, c: 50 } } // web 75 -> 56.25+12.5 = 68.75
		]);
		expect(results.map((r) => [r.name, r.score, r.rank])).toEqual([
			['Вінниця', 100, 1],
			['Луцьк', 68.75, 2],
			['Полтава', 56.88, 3],
			['Суми', 56.88, 3],
			['Житомир', 0, 5]
		]);
		expect(results[1]!.criteria).toEqual({ web: 75, edms: 50 });
	});
});
