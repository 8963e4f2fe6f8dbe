/**
 * The contest's arithmetic, free of the database (see the contests ADR in docs/decisions).
 *
 * A juror's sheet for an entry gives every criterion of the nomination a mark from 0 to its maximum;
 * the sheet's total is the weighted mean of mark/maximum, on 0..100. An entry's score is the mean of
 * the complete sheets of its panel's jurors; a recused juror's sheets never count, nor do incomplete
 * ones. Places, best first, with these tie rules in order:
 *   1. the higher score (to two decimals);
 *   2. the higher mean on the heaviest criterion, then on the next by weight;
 *   3. the higher median of the jurors' totals;
 *   4. still equal: the entries share the place (ex aequo) and the next place is skipped.
 * Entries without a single complete sheet get no place. The public vote is tallied apart and never
 * changes a place.
 */

export interface CriterionWeight {
	id: string;
	weight: number;
	maxScore: number;
}

export interface Mark {
	entryId: string;
	userId: string;
	criterionId: string;
	value: number;
}

export interface EntryResult {
	entryId: string;
	/** 0..100 (two decimals); null when no complete sheet counted. */
	score: number | null;
	/** Complete sheets that counted. */
	sheets: number;
	/** criterion id -> mean of mark/maximum on 0..100 (two decimals). */
	criteria: Record<string, number>;
	median: number | null;
	place: number | null;
	/** Shares its place with another entry after every tie rule. */
	tied: boolean;
	/** The rule that separated it from the entry just above (1..3), or null. */
	decidedBy: number | null;
}

const r2 = (x: number) => Math.round((x + Number.EPSILON) * 100) / 100;

function median(xs: number[]): number | null {
	if (xs.length === 0) return null;
	const s = [...xs].sort((a, b) => a - b);
	const mid = s.length >> 1;
	return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** A sheet's total on 0..100, or null when a criterion has no mark. */
export function sheetTotal(criteria: CriterionWeight[], marks: ReadonlyMap<string, number>): number | null {
	let sum = 0;
	let weights = 0;
	for (const c of criteria) {
		const v = marks.get(c.id);
		if (v === undefined) return null;
		const share = c.maxScore > 0 ? Math.min(1, Math.max(0, v / c.maxScore)) : 0;
		sum += c.weight * share;
		weights += c.weight;
	}
	return weights > 0 ? (sum / weights) * 100 : 0;
}

export interface RankOptions {
	/** Jurors of the round's panel: only their marks count (all marks when absent). */
	panel?: ReadonlySet<string>;
	/** Jurors recused from the nomination: their marks never count. */
	recused?: ReadonlySet<string>;
}

/** Scores and places of a nomination's entries in one round. */
export function rankEntries(criteria: CriterionWeight[], entryIds: string[], marks: Mark[], options: RankOptions = {}): EntryResult[] {
	const byEntry = new Map<string, Map<string, Map<string, number>>>();
	for (const id of entryIds) byEntry.set(id, new Map());
	for (const mk of marks) {
		if (options.recused?.has(mk.userId)) continue;
		if (options.panel && !options.panel.has(mk.userId)) continue;
		const sheets = byEntry.get(mk.entryId);
		if (!sheets) continue;
		let sheet = sheets.get(mk.userId);
		if (!sheet) sheets.set(mk.userId, (sheet = new Map()));
		sheet.set(mk.criterionId, mk.value);
	}
	// Tie rule 2 looks at criteria from the heaviest down (equal weights: in the nomination's order).
	const byWeight = criteria.map((c, i) => ({ c, i })).sort((a, b) => b.c.weight - a.c.weight || a.i - b.i).map((x) => x.c);

	const results: EntryResult[] = entryIds.map((entryId) => {
		const totals: number[] = [];
		const perCriterion = new Map<string, number[]>();
		for (const sheet of byEntry.get(entryId)!.values()) {
			const total = sheetTotal(criteria, sheet);
			if (total === null) continue;
			totals.push(total);
			for (const c of criteria) {
				const list = perCriterion.get(c.id) ?? [];
				list.push(c.maxScore > 0 ? (Math.min(c.maxScore, Math.max(0, sheet.get(c.id)!)) / c.maxScore) * 100 : 0);
				perCriterion.set(c.id, list);
			}
		}
		const crit: Record<string, number> = {};
		for (const c of criteria) {
			const list = perCriterion.get(c.id);
			if (list?.length) crit[c.id] = r2(list.reduce((a, b) => a + b, 0) / list.length);
		}
		const med = median(totals);
		return {
			entryId,
			score: totals.length ? r2(totals.reduce((a, b) => a + b, 0) / totals.length) : null,
			sheets: totals.length,
			criteria: crit,
			median: med === null ? null : r2(med),
			place: null,
			tied: false,
			decidedBy: null
		};
	});

	/** Which rule separates a from b (negative: a first), 0 when none does. */
	const compare = (a: EntryResult, b: EntryResult): [number, number] => {
		if (a.score !== b.score) return [(b.score ?? -1) - (a.score ?? -1), 1];
		for (const c of byWeight) {
			const d = (b.criteria[c.id] ?? 0) - (a.criteria[c.id] ?? 0);
			if (d !== 0) return [d, 2];
		}
		const dm = (b.median ?? 0) - (a.median ?? 0);
		if (dm !== 0) return [dm, 3];
		return [0, 0];
	};

	const scored = results.filter((r) => r.score !== null);
	const unscored = results.filter((r) => r.score === null);
	scored.sort((a, b) => compare(a, b)[0] || entryIds.indexOf(a.entryId) - entryIds.indexOf(b.entryId));
	scored.forEach((r, i) => {
		if (i === 0) {
			r.place = 1;
			return;
		}
		const prev = scored[i - 1]!;
		const [d, rule] = compare(prev, r);
		if (d === 0) {
			r.place = prev.place;
			r.tied = prev.tied = true;
		} else {
			r.place = i + 1;
			r.decidedBy = rule;
		}
	});
	return [...scored, ...unscored];
}

/**
 * Entries that go from screening to the final: those placed within the first `count`; entries that
 * share the last such place all go through.
 */
export function finalists(results: EntryResult[], count: number): string[] {
	return results.filter((r) => r.place !== null && r.place <= count).map((r) => r.entryId);
}

/** The public vote: votes per entry, most first, with shared places on equal counts. */
export function tallyVotes(entryIds: string[], votes: Array<{ entryId: string }>): Array<{ entryId: string; votes: number; place: number }> {
	const counts = new Map(entryIds.map((id) => [id, 0]));
	for (const v of votes) if (counts.has(v.entryId)) counts.set(v.entryId, counts.get(v.entryId)! + 1);
	const rows = [...counts].map(([entryId, n]) => ({ entryId, votes: n, place: 0 }));
	rows.sort((a, b) => b.votes - a.votes || entryIds.indexOf(a.entryId) - entryIds.indexOf(b.entryId));
	rows.forEach((r, i) => (r.place = i > 0 && rows[i - 1]!.votes === r.votes ? rows[i - 1]!.place : i + 1));
	return rows;
}

/** Each weight's share of the sum, in per cent with one decimal (weights are relative, ADR 0020). */
export function weightShares(weights: number[]): number[] {
	const total = weights.reduce((a, w) => a + (w > 0 ? w : 0), 0);
	return weights.map((w) => (total > 0 && w > 0 ? Math.round((w / total) * 1000) / 10 : 0));
}
