import { describe, expect, it } from 'vitest';
import { finalists, rankEntries, sheetTotal, tallyVotes, type CriterionWeight, type Mark } from './scoring.ts';

// Innovation weighs 3, results 2, replicability 1; marks out of 10 (replicability out of 5).
const criteria: CriterionWeight[] = [
	{ id: 'innovation', weight: 3, maxScore: 10 },
	{ id: 'results', weight: 2, maxScore: 10 },
	{ id: 'replicability', weight: 1, maxScore: 5 }
];

function sheet(entryId: string, userId: string, innovation: number, results: number, replicability: number): Mark[] {
	return [
		{ entryId, userId, criterionId: 'innovation', value: innovation },
		{ entryId, userId, criterionId: 'results', value: results },
		{ entryId, userId, criterionId: 'replicability', value: replicability }
	];
}

describe('a juror’s sheet', () => {
	it('is the weighted mean of mark/maximum on 0..100', () => {
		// (3*0.8 + 2*0.5 + 1*0.6) / 6 = 4/6 = 66.67
		expect(sheetTotal(criteria, new Map([['innovation', 8], ['results', 5], ['replicability', 3]]))).toBeCloseTo(66.6667, 3);
		expect(sheetTotal(criteria, new Map([['innovation', 10], ['results', 10], ['replicability', 5]]))).toBe(100);
	});
	it('is incomplete (null) when a criterion has no mark', () => {
		expect(sheetTotal(criteria, new Map([['innovation', 8]]))).toBeNull();
	});
});

describe('places', () => {
	it('averages the complete sheets with weights; fixed numbers', () => {
		const marks = [...sheet('A', 'j1', 8, 5, 3), ...sheet('A', 'j2', 10, 10, 5), ...sheet('B', 'j1', 6, 6, 3), ...sheet('B', 'j2', 7, 7, 4)];
		const r = rankEntries(criteria, ['A', 'B'], marks);
		// A: (66.667 + 100) / 2 = 83.33; B: j1 (1.8+1.2+0.6)/6 = 60, j2 (2.1+1.4+0.8)/6 = 71.667 -> 65.83
		expect(r.map((x) => [x.entryId, x.score, x.place, x.sheets])).toEqual([
			['A', 83.33, 1, 2],
			['B', 65.83, 2, 2]
		]);
		expect(r[0]!.criteria).toEqual({ innovation: 90, results: 75, replicability: 80 });
		expect(r[1]!.decidedBy).toBe(1);
	});

	it('leaves out the sheets of a recused juror and incomplete sheets', () => {
		const marks = [
			...sheet('A', 'j1', 10, 10, 5), // 100
			...sheet('A', 'recused', 0, 0, 0), // would drag A down to 50
			...sheet('B', 'j1', 9, 9, 5), // (2.7+1.8+1)/6 = 91.67
			{ entryId: 'B', userId: 'j2', criterionId: 'innovation', value: 0 } // incomplete
		];
		const r = rankEntries(criteria, ['A', 'B'], marks, { recused: new Set(['recused']) });
		expect(r.map((x) => [x.entryId, x.score, x.sheets, x.place])).toEqual([
			['A', 100, 1, 1],
			['B', 91.67, 1, 2]
		]);
	});

	it('counts only the round’s panel when one is given', () => {
		const marks = [...sheet('A', 'screening-juror', 10, 10, 5), ...sheet('A', 'final-juror', 5, 5, 2.5)];
		expect(rankEntries(criteria, ['A'], marks, { panel: new Set(['final-juror']) })[0]!.score).toBe(50);
	});

	it('breaks an equal score by the heaviest criterion first (tie rule 2)', () => {
		// Both 60: A = (3*0.4 + 2*1 + 1*0.4)/6 = 3.6/6; B = (3*0.8 + 2*0.2 + 1*0.8)/6 = 3.6/6.
		const marks = [...sheet('A', 'j1', 4, 10, 2), ...sheet('B', 'j1', 8, 2, 4)];
		const r = rankEntries(criteria, ['A', 'B'], marks);
		expect(r.map((x) => [x.entryId, x.score, x.place, x.decidedBy, x.tied])).toEqual([
			['B', 60, 1, null, false],
			['A', 60, 2, 2, false]
		]);
	});

	it('then by the median of the sheets (tie rule 3)', () => {
		// Same means on every criterion, different spreads: A totals 50 and 90 (median 70), B 70 and 70.
		// A's criterion means: innovation (5+9)/2 = 7 ... built so both have equal means per criterion.
		const marks = [...sheet('A', 'j1', 5, 5, 2.5), ...sheet('A', 'j2', 9, 9, 4.5), ...sheet('A', 'j3', 7, 7, 3.5), ...sheet('B', 'j1', 7, 7, 3.5), ...sheet('B', 'j2', 6, 6, 3), ...sheet('B', 'j3', 8, 8, 4)];
		// A totals 50, 90, 70 (median 70); B totals 70, 60, 80 (median 70): still equal -> shared place.
		const r = rankEntries(criteria, ['A', 'B', 'C'], [...marks, ...sheet('C', 'j1', 1, 1, 1)]);
		expect(r.map((x) => [x.entryId, x.score, x.place, x.tied])).toEqual([
			['A', 70, 1, true],
			['B', 70, 1, true],
			['C', 11.67, 3, false]
		]);
		const byMedian = rankEntries(criteria, ['A', 'B'], [...sheet('A', 'j1', 5, 5, 2.5), ...sheet('A', 'j2', 9, 9, 4.5), ...sheet('A', 'j3', 9, 9, 4.5), ...sheet('B', 'j1', 8, 8, 4), ...sheet('B', 'j2', 8, 8, 4), ...sheet('B', 'j3', 7, 7, 3.5)]);
		// A: 50, 90, 90 -> mean 76.67, median 90; B: 80, 80, 70 -> mean 76.67, median 80.
		expect(byMedian.map((x) => [x.entryId, x.score, x.median, x.place, x.decidedBy])).toEqual([
			['A', 76.67, 90, 1, null],
			['B', 76.67, 80, 2, 3]
		]);
	});

	it('gives no place to an entry without a complete sheet', () => {
		const r = rankEntries(criteria, ['A', 'B'], sheet('B', 'j1', 1, 1, 1));
		expect(r.map((x) => [x.entryId, x.place, x.score])).toEqual([
			['B', 1, 11.67],
			['A', null, null]
		]);
	});
});

describe('screening and the public vote', () => {
	it('sends the first N to the final, and everyone sharing the last place', () => {
		const marks = [...sheet('A', 'j', 10, 10, 5), ...sheet('B', 'j', 8, 8, 4), ...sheet('C', 'j', 8, 8, 4), ...sheet('D', 'j', 1, 1, 1)];
		const r = rankEntries(criteria, ['A', 'B', 'C', 'D'], marks);
		expect(finalists(r, 2)).toEqual(['A', 'B', 'C']);
		expect(finalists(r, 1)).toEqual(['A']);
	});

	it('tallies votes apart, shared places on equal counts', () => {
		expect(tallyVotes(['A', 'B', 'C'], [{ entryId: 'B' }, { entryId: 'B' }, { entryId: 'A' }, { entryId: 'C' }, { entryId: 'X' }])).toEqual([
			{ entryId: 'B', votes: 2, place: 1 },
			{ entryId: 'A', votes: 1, place: 2 },
			{ entryId: 'C', votes: 1, place: 2 }
		]);
	});
});
