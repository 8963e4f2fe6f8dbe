import type { QuestionData } from './course-files.ts';

/**
 * Grading of one question, on the server only. Answers arrive as the form sends them, keyed by the
 * positions shown on the page (never by the ids of the files, so nothing about the right answer
 * can be read from the page): see quiz.ts for how positions map back to ids.
 */

/** What a learner answered to one question, already mapped to option/pair/item ids. */
export type Answer =
	| { type: 'single'; choice: string | null }
	| { type: 'multiple'; choices: string[] }
	| { type: 'true_false'; value: boolean | null }
	| { type: 'matching'; pairs: Record<string, string | null> }
	| { type: 'ordering'; positions: Record<string, number | null> }
	| { type: 'short_answer'; text: string };

export interface Grade {
	/** Points earned (0..max). */
	points: number;
	max: number;
	/** Fully right. */
	correct: boolean;
	/** Fraction 0..1 (partial credit). */
	fraction: number;
}

/** Normalises free text for comparison: trims, folds spaces and apostrophes (’ ʼ ' `), lower case unless asked. */
export function normalizeText(text: string, caseSensitive = false): string {
	const s = text
		.normalize('NFC')
		.replace(/[\u2019\u02BC\u0027\u0060\u2018]/g, "'")
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/[.!?;:,]+$/, '');
	return caseSensitive ? s : s.toLocaleLowerCase('uk');
}

export function gradeQuestion(data: QuestionData, answer: Answer | undefined, points: number): Grade {
	const fraction = fractionOf(data, answer);
	const rounded = Math.round(fraction * 10000) / 10000;
	return { points: Math.round(points * rounded * 100) / 100, max: points, correct: rounded === 1, fraction: rounded };
}

function fractionOf(data: QuestionData, answer: Answer | undefined): number {
	if (!answer || answer.type !== data.type) return 0;
	switch (data.type) {
		case 'single': {
			const a = answer as Extract<Answer, { type: 'single' }>;
			return a.choice !== null && data.correct.includes(a.choice) ? 1 : 0;
		}
		case 'multiple': {
			const a = answer as Extract<Answer, { type: 'multiple' }>;
			const chosen = new Set(a.choices.filter((c) => data.options.some((o) => o.id === c)));
			const right = new Set(data.correct);
			const hits = [...chosen].filter((c) => right.has(c)).length;
			const misses = chosen.size - hits;
			if (!data.partial) return hits === right.size && misses === 0 ? 1 : 0;
			// Partial credit: right choices minus wrong ones, over the right ones; never below 0.
			return Math.max(0, (hits - misses) / right.size);
		}
		case 'true_false': {
			const a = answer as Extract<Answer, { type: 'true_false' }>;
			return a.value === data.answer ? 1 : 0;
		}
		case 'matching': {
			const a = answer as Extract<Answer, { type: 'matching' }>;
			let ok = 0;
			for (const pair of data.pairs) {
				const chosen = a.pairs[pair.id];
				const right = data.rights.find((r) => r.text === pair.right);
				if (chosen && right && chosen === right.id) ok++;
			}
			return ok / data.pairs.length;
		}
		case 'ordering': {
			const a = answer as Extract<Answer, { type: 'ordering' }>;
			// Each item in its right place earns its share; a position given twice earns nothing.
			const given = data.items.map((it) => a.positions[it.id] ?? null);
			const counts = new Map<number, number>();
			for (const g of given) if (g !== null) counts.set(g, (counts.get(g) ?? 0) + 1);
			let ok = 0;
			data.items.forEach((it, i) => {
				const g = given[i];
				if (g === i + 1 && counts.get(g) === 1) ok++;
			});
			return ok / data.items.length;
		}
		case 'short_answer': {
			const a = answer as Extract<Answer, { type: 'short_answer' }>;
			const given = normalizeText(a.text, data.caseSensitive);
			if (!given) return 0;
			return data.accept.some((acc) => normalizeText(acc, data.caseSensitive) === given) ? 1 : 0;
		}
	}
}
