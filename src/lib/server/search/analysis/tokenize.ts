import { normalizeWord } from './normalize.ts';

/**
 * Words of a text with their offsets. A word is letters and digits, with apostrophes inside
 * (суб'єкт, об’єкт, Прем'єр): never split at an apostrophe or at ґ. Hyphens and slashes separate
 * words (веб-сайт -> веб, сайт); act numbers are matched whole through the exact-key field instead.
 */
export interface Token {
	/** As written. */
	raw: string;
	/** Normalised (normalizeWord). */
	word: string;
	start: number;
	end: number;
}

const WORD = /[\p{L}\p{N}\u0301]+(?:['’ʼ`′][\p{L}\u0301]+)*/gu;

export function tokenize(text: string): Token[] {
	const out: Token[] = [];
	for (const m of text.matchAll(WORD)) {
		out.push({ raw: m[0], word: normalizeWord(m[0]), start: m.index!, end: m.index! + m[0].length });
	}
	return out;
}

/** Normalised words only. */
export function words(text: string): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(WORD)) out.push(normalizeWord(m[0]));
	return out;
}
