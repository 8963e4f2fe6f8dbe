import { createHash, randomBytes } from 'node:crypto';
import { Marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

/**
 * Text of the club: paragraphs with stable ids (ADR 0016), the canonical text of an adopted resolution
 * and its SHA-256 fingerprint, the word-level difference between versions, and the sanitizing of
 * everything people write (comments, posts, answers, minutes).
 */

export interface Paragraph {
	id: string;
	text: string;
}

/** A new paragraph id: short, URL- and anchor-safe, never reused. */
export function newParagraphId(): string {
	return 'p' + randomBytes(6).toString('base64url').replace(/[-_]/g, 'x');
}

/** One paragraph's text as stored: Unicode NFC, no control characters, spaces collapsed. */
export function normalizeParagraph(text: string): string {
	return text
		.normalize('NFC')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u0008\u000B-\u001F\u007F]/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
}

/** Paragraphs of a text typed in a form: separated by one or more empty lines. */
export function splitParagraphs(text: string): string[] {
	return text
		.replace(/\r\n?/g, '\n')
		.split(/\n\s*\n/)
		.map(normalizeParagraph)
		.filter(Boolean);
}

/** The text of a version as one editable string (paragraphs separated by an empty line). */
export function joinParagraphs(paragraphs: Paragraph[]): string {
	return paragraphs.map((p) => p.text).join('\n\n');
}

function words(text: string): string[] {
	return text.toLocaleLowerCase('uk').split(/[^\p{L}\p{N}]+/u).filter(Boolean);
}

/** Similarity of two paragraphs: Dice coefficient over their word multisets (0..1). */
export function similarity(a: string, b: string): number {
	if (a === b) return 1;
	const x = words(a);
	const y = words(b);
	if (!x.length || !y.length) return 0;
	const counts = new Map<string, number>();
	for (const w of x) counts.set(w, (counts.get(w) ?? 0) + 1);
	let common = 0;
	for (const w of y) {
		const c = counts.get(w) ?? 0;
		if (c > 0) {
			common++;
			counts.set(w, c - 1);
		}
	}
	return (2 * common) / (x.length + y.length);
}

/** Below this similarity an edited paragraph counts as a new one (and gets a new id). */
export const SAME_PARAGRAPH = 0.5;

/**
 * Gives the paragraphs of a new version their ids: an order-preserving alignment with the previous
 * version (a longest-common-subsequence over paragraphs, where two paragraphs may pair when they are
 * identical or similar enough). A paired paragraph keeps its id, so unchanged and edited paragraphs
 * keep theirs, and their comments stay with them; the others get new ids. Identical texts are paired
 * first, so moving a paragraph does not steal the id of an unchanged one.
 */
export function alignParagraphs(previous: Paragraph[], texts: string[], makeId: () => string = newParagraphId): Paragraph[] {
	const n = previous.length;
	const m = texts.length;
	// Large drafts: the quadratic table stays small enough (200 x 200 = 40,000 cells).
	const score: Float64Array[] = Array.from({ length: n + 1 }, () => new Float64Array(m + 1));
	const sim = (i: number, j: number) => {
		const s = similarity(previous[i]!.text, texts[j]!);
		return s === 1 ? 2 : s >= SAME_PARAGRAPH ? s : 0; // identical pairs weigh more than edits
	};
	const cache: Float64Array[] = Array.from({ length: n }, () => new Float64Array(m).fill(-1));
	const pair = (i: number, j: number) => (cache[i]![j]! >= 0 ? cache[i]![j]! : (cache[i]![j] = sim(i, j)));
	for (let i = n - 1; i >= 0; i--) {
		for (let j = m - 1; j >= 0; j--) {
			const p = pair(i, j);
			score[i]![j] = Math.max(score[i + 1]![j]!, score[i]![j + 1]!, p > 0 ? p + score[i + 1]![j + 1]! : 0);
		}
	}
	const out: Paragraph[] = [];
	const used = new Set<string>();
	let i = 0;
	let j = 0;
	while (j < m) {
		if (i < n) {
			const p = pair(i, j);
			if (p > 0 && score[i]![j] === p + score[i + 1]![j + 1]!) {
				out.push({ id: previous[i]!.id, text: texts[j]! });
				used.add(previous[i]!.id);
				i++;
				j++;
				continue;
			}
			if (score[i]![j] === score[i + 1]![j]) {
				i++;
				continue;
			}
		}
		out.push({ id: '', text: texts[j]! });
		j++;
	}
	// A paragraph moved elsewhere unchanged keeps its id too, when nothing else took it.
	const byText = new Map<string, string>();
	for (const p of previous) if (!used.has(p.id) && !byText.has(p.text)) byText.set(p.text, p.id);
	for (const p of out) {
		if (p.id) continue;
		const moved = byText.get(p.text);
		if (moved) {
			p.id = moved;
			byText.delete(p.text);
		} else p.id = makeId();
	}
	return out;
}

/**
 * The canonical text of an adopted resolution, the exact bytes the fingerprint is taken of:
 * UTF-8, Unicode NFC, LF line ends; the first line "№ <number>/<year>", the second the date
 * (YYYY-MM-DD, Kyiv), the third the title, then an empty line and the paragraphs, each one line,
 * numbered "1. ", separated by an empty line, and one final LF.
 */
export function canonicalText(input: { number: number; year: number; date: string; title: string; paragraphs: Paragraph[] }): string {
	const head = [`№ ${input.number}/${input.year}`, input.date, normalizeParagraph(input.title)];
	const body = input.paragraphs.map((p, i) => `${i + 1}. ${normalizeParagraph(p.text)}`);
	return (head.join('\n') + '\n\n' + body.join('\n\n') + '\n').normalize('NFC');
}

export function sha256Hex(text: string): string {
	return createHash('sha256').update(text, 'utf8').digest('hex');
}

export type DiffOp = 'eq' | 'ins' | 'del';
export interface DiffPart {
	op: DiffOp;
	text: string;
}

/** Word-level difference (longest common subsequence over words and the spaces between them). */
export function wordDiff(a: string, b: string): DiffPart[] {
	const x = a.split(/(\s+)/).filter(Boolean);
	const y = b.split(/(\s+)/).filter(Boolean);
	if (x.length * y.length > 1_000_000) return [{ op: 'del', text: a }, { op: 'ins', text: b }];
	const rows = x.length + 1;
	const cols = y.length + 1;
	const t = new Uint32Array(rows * cols);
	for (let i = x.length - 1; i >= 0; i--)
		for (let j = y.length - 1; j >= 0; j--)
			t[i * cols + j] = x[i] === y[j] ? t[(i + 1) * cols + j + 1]! + 1 : Math.max(t[(i + 1) * cols + j]!, t[i * cols + j + 1]!);
	const out: DiffPart[] = [];
	const add = (op: DiffOp, text: string) => {
		const last = out.at(-1);
		if (last?.op === op) last.text += text;
		else out.push({ op, text });
	};
	let i = 0;
	let j = 0;
	while (i < x.length || j < y.length) {
		if (i < x.length && j < y.length && x[i] === y[j]) {
			add('eq', x[i++]!);
			j++;
		} else if (j >= y.length || (i < x.length && t[(i + 1) * cols + j]! >= t[i * cols + j + 1]!)) add('del', x[i++]!);
		else add('ins', y[j++]!);
	}
	return out;
}

export interface ParagraphDiff {
	id: string;
	status: 'same' | 'changed' | 'added' | 'removed';
	parts: DiffPart[];
}

/** Version against version, paragraph by paragraph (matched by id), words inside changed ones. */
export function versionDiff(from: Paragraph[], to: Paragraph[]): ParagraphDiff[] {
	const old = new Map(from.map((p) => [p.id, p.text]));
	const kept = new Set(to.map((p) => p.id));
	const out: ParagraphDiff[] = [];
	let k = 0;
	const flushRemoved = (upTo: string | null) => {
		while (k < from.length && from[k]!.id !== upTo) {
			const p = from[k++]!;
			if (!kept.has(p.id)) out.push({ id: p.id, status: 'removed', parts: [{ op: 'del', text: p.text }] });
		}
		if (k < from.length) k++;
	};
	for (const p of to) {
		const before = old.get(p.id);
		if (before !== undefined) flushRemoved(p.id);
		if (before === undefined) out.push({ id: p.id, status: 'added', parts: [{ op: 'ins', text: p.text }] });
		else if (before === p.text) out.push({ id: p.id, status: 'same', parts: [{ op: 'eq', text: p.text }] });
		else out.push({ id: p.id, status: 'changed', parts: wordDiff(before, p.text) });
	}
	flushRemoved(null);
	return out;
}

const SANITIZE: sanitizeHtml.IOptions = {
	allowedTags: ['p', 'br', 'blockquote', 'code', 'pre', 'ul', 'ol', 'li', 'strong', 'em', 'b', 'i', 's', 'del', 'a'],
	allowedAttributes: { a: ['href', 'rel'] },
	allowedSchemes: ['http', 'https', 'mailto'],
	allowedSchemesAppliedToAttributes: ['href'],
	allowProtocolRelative: false,
	transformTags: {
		a: (tagName, attribs) => ({ tagName, attribs: { ...attribs, rel: 'nofollow noopener noreferrer' } })
	}
};

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** What a person wrote (Markdown, no raw HTML survives) as safe HTML. */
export function renderUserText(markdown: string): string {
	const marked = new Marked({ gfm: true, breaks: true, async: false });
	// Raw HTML a person types is shown as text, not interpreted (sanitize-html below is the second line).
	marked.use({ renderer: { html: (token) => escapeText(token.text) } });
	return sanitizeHtml(marked.parse(markdown) as string, SANITIZE).trim();
}

/** Plain one-line text (names, titles, reasons): control characters out, length bounded. */
export function plainLine(text: string, max = 500): string {
	return normalizeParagraph(text).slice(0, max);
}
