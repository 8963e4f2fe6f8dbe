import { normalizeWord } from './normalize.ts';
import { tokenize, words } from './tokenize.ts';
import { isStopWord } from './stopwords.ts';
import { stem } from './stem.ts';
import { SYNONYMS } from './synonyms.ts';
import { foldKey, looksLikeNumber } from './keys.ts';

/**
 * The one Ukrainian text analysis of the portal's search, used by every engine: the PostgreSQL
 * engine stores its output as a tsvector ('simple' configuration: PostgreSQL has no Ukrainian one)
 * and the Typesense engine sends the same terms. Documents and queries pass the same steps:
 * normalise (apostrophes, case, ґ/г) -> tokenise (never at an apostrophe) -> drop stop words ->
 * stem. Act numbers bypass all of it as exact keys (keys.ts).
 */

export { normalizeWord, normalizeApostrophes } from './normalize.ts';
export { tokenize, words } from './tokenize.ts';
export { stem } from './stem.ts';
export { isStopWord, STOP_WORDS } from './stopwords.ts';
export { foldKey, looksLikeNumber } from './keys.ts';

/** Index term of one normalised word, or null for a stop word / a single character. */
export function termOf(word: string): string | null {
	if (word.length < 2 && !/\d/.test(word)) return null;
	if (isStopWord(word)) return null;
	return stem(word);
}

// Texts repeat their words: analysing each distinct spelling once makes indexing several times faster.
const TERM_CACHE = new Map<string, string | null>();
const CACHE_LIMIT = 300_000;
const WORD_RE = /[\p{L}\p{N}\u0301]+(?:['’ʼ`′][\p{L}\u0301]+)*/gu;

function cachedTerm(raw: string): string | null {
	let t = TERM_CACHE.get(raw);
	if (t === undefined) {
		t = termOf(normalizeWord(raw));
		if (TERM_CACHE.size >= CACHE_LIMIT) TERM_CACHE.clear();
		TERM_CACHE.set(raw, t);
	}
	return t;
}

/** Index terms of a text, in order. */
export function terms(text: string): string[] {
	const out: string[] = [];
	for (const m of text.matchAll(WORD_RE)) {
		const t = cachedTerm(m[0]);
		if (t) out.push(t);
	}
	return out;
}

export type Weight = 'A' | 'B' | 'C' | 'D';
const MAX_POS = 16383;
const MAX_POSITIONS_PER_TERM = 256;

/**
 * A tsvector literal of weighted fields (A title, B numbers/kinds/issuers, C headings, D body), with
 * positions counted over the kept terms only (so a phrase query skips stop words the same way).
 */
export function tsvectorLiteral(fields: Array<{ text: string; weight: Weight }>): string {
	const positions = new Map<string, string[]>();
	let pos = 0;
	for (const f of fields) {
		for (const t of terms(f.text)) {
			pos = Math.min(pos + 1, MAX_POS);
			const list = positions.get(t);
			const p = f.weight === 'D' ? String(pos) : `${pos}${f.weight}`;
			if (!list) positions.set(t, [p]);
			else if (list.length < MAX_POSITIONS_PER_TERM) list.push(p);
		}
	}
	let out = '';
	for (const [t, ps] of positions) out += `${out ? ' ' : ''}${quoteLexeme(t)}:${ps.join(',')}`;
	return out;
}

function quoteLexeme(t: string): string {
	return `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
}

/** Distinct normalised words worth keeping in the word list (typo correction, suggestions). */
const VOCAB_CACHE = new Map<string, string | null>();

export function vocabulary(text: string): Set<string> {
	const out = new Set<string>();
	for (const m of text.matchAll(WORD_RE)) {
		const raw = m[0];
		if (raw.length < 4 || raw.length > 40) continue;
		let w = VOCAB_CACHE.get(raw);
		if (w === undefined) {
			const n = /\d/.test(raw) ? null : normalizeWord(raw);
			w = n && !isStopWord(n) ? n : null;
			if (VOCAB_CACHE.size >= CACHE_LIMIT) VOCAB_CACHE.clear();
			VOCAB_CACHE.set(raw, w);
		}
		if (w) out.add(w);
	}
	return out;
}

export interface QueryTerm {
	/** Normalised word as typed. */
	word: string;
	term: string;
	/** Synonym expansion: the term OR all of these terms. */
	expansion?: string[];
}

export interface AnalyzedQuery {
	raw: string;
	/** Folded exact keys; `~`-prefixed ones are bare leading digits (weaker). */
	keys: string[];
	/** The leading digits of number tokens, also searched as words in texts. */
	numberTerms: string[];
	terms: QueryTerm[];
	/** Quoted phrases, as sequences of terms. */
	phrases: string[][];
	/** The last word typed without a trailing space (for prefix suggestions). */
	partial: string | null;
	empty: boolean;
}

const PHRASE = /"([^"]+)"|«([^»]+)»|„([^“”]+)[“”]/g;

export function analyzeQuery(q: string): AnalyzedQuery {
	const raw = (q ?? '').normalize('NFC').slice(0, 500);
	const phrases: string[][] = [];
	let rest = raw.replace(PHRASE, (_m, a?: string, b?: string, c?: string) => {
		const t = terms(a ?? b ?? c ?? '');
		if (t.length > 1) phrases.push(t);
		else if (t.length === 1) return ` ${a ?? b ?? c} `;
		return ' ';
	});
	const keys = new Set<string>();
	const numberTerms = new Set<string>();
	const wordsPart: string[] = [];
	for (const chunk of rest.split(/\s+/)) {
		const token = chunk.replace(/^[«"„(\[,.;:!?]+|[»"“”)\],.;:!?]+$/g, '');
		if (!token || token === '№') continue;
		const t = token.replace(/^№\s*/, '');
		if (looksLikeNumber(t)) {
			const k = foldKey(t);
			keys.add(k);
			if (/^\d+$/.test(k)) keys.add('~' + k);
			const lead = /^[zn]?(\d+)/i.exec(t);
			if (lead) numberTerms.add(lead[1]!);
		} else wordsPart.push(token);
	}
	rest = wordsPart.join(' ');
	const out: QueryTerm[] = [];
	const seen = new Set<string>();
	for (const tok of tokenize(rest)) {
		const w = tok.word;
		const syn = SYNONYMS[w.replace(/'/g, '')];
		const term = termOf(w);
		if (!term || seen.has(term)) continue;
		seen.add(term);
		const qt: QueryTerm = { word: w, term };
		if (syn) qt.expansion = terms(syn);
		out.push(qt);
	}
	const endsInWord = /[\p{L}\p{N}'’ʼ]$/u.test(raw);
	const lastTok = endsInWord ? tokenize(raw).at(-1) : undefined;
	return {
		raw,
		keys: [...keys],
		numberTerms: [...numberTerms],
		terms: out,
		phrases,
		partial: lastTok ? lastTok.word : null,
		empty: !keys.size && !out.length && !phrases.length
	};
}

/** PostgreSQL tsquery text for the words of a query (without the keys). */
export function toTsQuery(
	a: AnalyzedQuery,
	options: { mode?: 'and' | 'or'; replace?: Map<string, string>; prefixLast?: boolean; includeNumbers?: boolean } = {}
): string | null {
	const op = options.mode === 'or' ? ' | ' : ' & ';
	const parts: string[] = [];
	a.terms.forEach((t, i) => {
		const term = options.replace?.get(t.term) ?? t.term;
		const isLast = i === a.terms.length - 1;
		let lex = quoteLexeme(term);
		if (options.prefixLast && isLast && a.partial === t.word) {
			const prefix = a.partial.replace(/'/g, '');
			lex = prefix.startsWith(term) || term === prefix ? `${quoteLexeme(term)}:*` : `(${quoteLexeme(term)}:* | ${quoteLexeme(prefix)}:*)`;
		}
		if (t.expansion?.length) lex = `(${lex} | (${t.expansion.map(quoteLexeme).join(' & ')}))`;
		parts.push(lex);
	});
	for (const p of a.phrases) parts.push(`(${p.map(quoteLexeme).join(' <-> ')})`);
	if (options.includeNumbers) for (const n of a.numberTerms) parts.push(quoteLexeme(n));
	return parts.length ? parts.join(op) : null;
}

/** Every term a query can match in a text (for highlighting). */
export function queryTermSet(a: AnalyzedQuery, replace?: Map<string, string>): Set<string> {
	const out = new Set<string>();
	for (const t of a.terms) {
		out.add(t.term);
		const r = replace?.get(t.term);
		if (r) out.add(r);
		for (const e of t.expansion ?? []) out.add(e);
	}
	for (const p of a.phrases) for (const t of p) out.add(t);
	for (const n of a.numberTerms) out.add(n);
	return out;
}

/** Damerau-Levenshtein distance, stopping early above `max`. */
export function editDistance(a: string, b: string, max = 2): number {
	if (Math.abs(a.length - b.length) > max) return max + 1;
	const prev2: number[] = new Array(b.length + 1).fill(0);
	let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
	for (let i = 1; i <= a.length; i++) {
		const cur: number[] = [i];
		let rowMin = i;
		for (let j = 1; j <= b.length; j++) {
			const cost = a[i - 1] === b[j - 1] ? 0 : 1;
			let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
			if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2]! + 1);
			cur.push(v);
			rowMin = Math.min(rowMin, v);
		}
		if (rowMin > max) return max + 1;
		for (let j = 0; j <= b.length; j++) prev2[j] = prev[j]!;
		prev = cur;
	}
	return prev[b.length]!;
}

export { normalizeWord as normalize };
