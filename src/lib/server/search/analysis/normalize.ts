/**
 * Normalisation shared by documents and queries (every engine): NFC, lower case, one apostrophe
 * (' ’ ʼ ` ′ all become '), no stress marks or soft hyphens, ґ folded to г (people type either:
 * «обґрунтованість» and «обгрунтованість» both occur), Latin look-alikes inside Cyrillic words
 * mapped to Cyrillic (a mixed-script «iнформацiя» typed with Latin i).
 */

const APOSTROPHES = /['’ʼ`′‘]/g;
const LATIN_IN_CYRILLIC: Record<string, string> = { a: 'а', c: 'с', e: 'е', i: 'і', o: 'о', p: 'р', x: 'х', y: 'у', k: 'к', m: 'м', t: 'т', h: 'н', b: 'в' };

export function normalizeApostrophes(s: string): string {
	return s.replace(APOSTROPHES, "'");
}

/** Normalised form of one word (already lower case or not). */
export function normalizeWord(word: string): string {
	let w = word.normalize('NFC').toLowerCase().replace(/[\u0301\u00ad]/g, '');
	w = normalizeApostrophes(w).replace(/ґ/g, 'г');
	if (/[а-яіїєг]/.test(w) && /[a-z]/.test(w)) w = w.replace(/[a-z]/g, (c) => LATIN_IN_CYRILLIC[c] ?? c);
	return w;
}
