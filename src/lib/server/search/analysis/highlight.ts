import { normalizeWord } from './normalize.ts';
import { stem } from './stem.ts';

/**
 * Highlighted snippets, the same for every engine: the words of a text whose term is one of the
 * query's terms are marked, and the window of the text with the most different matched terms is
 * kept. Returned as segments (the page escapes them and wraps hits in <mark>), never as HTML.
 */
export interface Segment {
	text: string;
	hit: boolean;
}

function escapeRe(s: string): string {
	return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A loose prefix pattern for a term: г also matches ґ, apostrophes may appear before я/ю/є/ї. */
function prefixPattern(term: string): string {
	const p = [...term.slice(0, Math.min(4, term.length))]
		.map((c) => (c === 'г' ? '[гґ]' : /[яюєї]/.test(c) ? `['’ʼ\`]?${escapeRe(c)}` : escapeRe(c)))
		.join('');
	return p;
}

interface Hit {
	start: number;
	end: number;
	term: string;
}

export function findHits(text: string, queryTerms: Set<string>): Hit[] {
	if (!queryTerms.size || !text) return [];
	const prefixes = [...new Set([...queryTerms].map(prefixPattern))].sort((a, b) => b.length - a.length);
	const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${prefixes.join('|')})[\\p{L}\\p{N}'’ʼ\`\\u0301]*`, 'giu');
	const hits: Hit[] = [];
	const cache = new Map<string, string>();
	for (const m of text.matchAll(re)) {
		const word = m[0];
		let t = cache.get(word);
		if (t === undefined) {
			const w = normalizeWord(word);
			t = queryTerms.has(w) ? w : stem(w);
			cache.set(word, t);
		}
		if (queryTerms.has(t)) hits.push({ start: m.index!, end: m.index! + word.length, term: t });
	}
	return hits;
}

function segmentsOf(text: string, hits: Hit[], from: number, to: number): Segment[] {
	const out: Segment[] = [];
	let pos = from;
	for (const h of hits) {
		if (h.start < from || h.end > to) continue;
		if (h.start > pos) out.push({ text: text.slice(pos, h.start), hit: false });
		out.push({ text: text.slice(h.start, h.end), hit: true });
		pos = h.end;
	}
	if (pos < to) out.push({ text: text.slice(pos, to), hit: false });
	return out;
}

/** The whole text with its hits marked (titles). */
export function highlightAll(text: string, queryTerms: Set<string>): Segment[] {
	return segmentsOf(text, findHits(text, queryTerms), 0, text.length);
}

/**
 * A window of about `length` characters around the densest group of hits (or the start of the text
 * when nothing matches), cut at word boundaries, with «…» where the text goes on.
 */
export function snippet(body: string, queryTerms: Set<string>, length = 240): Segment[] {
	const text = body.replace(/\s+/g, ' ').trim();
	if (!text) return [];
	const hits = findHits(text, queryTerms);
	let start = 0;
	if (hits.length) {
		let best = -1;
		let bestStart = 0;
		let j = 0;
		const counts = new Map<string, number>();
		for (let i = 0; i < hits.length; i++) {
			counts.set(hits[i]!.term, (counts.get(hits[i]!.term) ?? 0) + 1);
			while (hits[i]!.end - hits[j]!.start > length) {
				const t = hits[j]!.term;
				const c = counts.get(t)! - 1;
				if (c) counts.set(t, c);
				else counts.delete(t);
				j++;
			}
			const score = counts.size * 100 + (i - j);
			if (score > best) {
				best = score;
				bestStart = hits[j]!.start;
			}
		}
		start = Math.max(0, bestStart - Math.floor(length / 4));
	}
	let end = Math.min(text.length, start + length);
	if (start > 0) {
		const sp = text.indexOf(' ', start);
		if (sp >= 0 && sp < start + 30) start = sp + 1;
	}
	if (end < text.length) {
		const sp = text.lastIndexOf(' ', end);
		if (sp > start + length / 2) end = sp;
	}
	const segs = segmentsOf(text, hits, start, end);
	if (start > 0) segs.unshift({ text: '… ', hit: false });
	if (end < text.length) segs.push({ text: ' …', hit: false });
	return segs;
}
