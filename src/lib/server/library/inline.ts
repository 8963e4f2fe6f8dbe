/**
 * Inline pandoc Markdown of the Rada corpus: escapes (`\"`, `\'`, `\.`), hard line breaks (a `\` at
 * the end of a line), links `[text](url)` and empty anchor spans `[]{#n12}`. One tokenizer serves the
 * parser (plain text, links for relations) and the act page (rendering), so both read the same thing.
 */

export type InlineToken =
	| { t: 'text'; v: string }
	| { t: 'br' }
	| { t: 'link'; text: string; href: string }
	| { t: 'anchor'; id: string };

// Characters pandoc escapes with a backslash; `\ ` is a non-breaking space.
const ESCAPABLE = new Set('\\`*_{}[]()#+-.!"\'|<>~^$&:;,@/='.split(''));

/** Removes pandoc backslash escapes from a run of text (no links inside). */
export function unescapeMd(s: string): string {
	if (!s.includes('\\')) return s;
	return s.replace(/\\([\s\S])/g, (m, c: string) => (c === ' ' ? ' ' : ESCAPABLE.has(c) ? c : m));
}

/** Index of the `]` closing the `[` at `open`, honouring escapes and nesting; -1 if none. */
function closingBracket(s: string, open: number): number {
	let depth = 0;
	for (let i = open; i < s.length; i++) {
		const c = s[i];
		if (c === '\\') {
			i++;
			continue;
		}
		if (c === '[') depth++;
		else if (c === ']') {
			depth--;
			if (depth === 0) return i;
		} else if (c === '\n' && s[i + 1] === '\n') return -1;
	}
	return -1;
}

/** Index of the `)` closing the `(` at `open`; link targets have no spaces in this corpus. */
function closingParen(s: string, open: number): number {
	let depth = 0;
	for (let i = open; i < s.length; i++) {
		const c = s[i];
		if (c === '\\') {
			i++;
			continue;
		}
		if (c === '(') depth++;
		else if (c === ')') {
			depth--;
			if (depth === 0) return i;
		} else if (c === '\n' || c === ' ') return -1;
	}
	return -1;
}

export function tokenizeInline(md: string): InlineToken[] {
	const tokens: InlineToken[] = [];
	let buf = '';
	const flush = () => {
		if (buf) tokens.push({ t: 'text', v: unescapeMd(buf) });
		buf = '';
	};
	const special = /[\\\n[]/g;
	for (let i = 0; i < md.length; i++) {
		special.lastIndex = i;
		const hit = special.exec(md);
		if (!hit) {
			buf += md.slice(i);
			break;
		}
		if (hit.index > i) {
			buf += md.slice(i, hit.index);
			i = hit.index;
		}
		const c = md[i]!;
		if (c === '\\') {
			const n = md[i + 1];
			if (n === '\n' || n === undefined) {
				// Hard line break.
				flush();
				tokens.push({ t: 'br' });
				i++;
				continue;
			}
			buf += c + n;
			i++;
			continue;
		}
		if (c === '\n') {
			buf += ' ';
			continue;
		}
		if (c === '[') {
			const close = closingBracket(md, i);
			if (close > i) {
				const after = md[close + 1];
				if (after === '(') {
					const end = closingParen(md, close + 1);
					if (end > close) {
						flush();
						const inner = md.slice(i + 1, close);
						tokens.push({
							t: 'link',
							text: plainInline(inner),
							href: md.slice(close + 2, end)
						});
						i = end;
						continue;
					}
				} else if (after === '{') {
					const end = md.indexOf('}', close + 1);
					const attr = end > 0 ? md.slice(close + 2, end) : '';
					const m = /^#([\w:.-]+)$/.exec(attr.trim());
					if (m && close === i + 1) {
						flush();
						tokens.push({ t: 'anchor', id: m[1]! });
						i = end;
						continue;
					}
				}
			}
		}
		buf += c;
	}
	flush();
	return tokens;
}

/** Plain text of inline Markdown: links become their text, breaks become newlines. */
export function plainInline(md: string): string {
	let out = '';
	for (const tok of tokenizeInline(md)) {
		if (tok.t === 'text') out += tok.v;
		else if (tok.t === 'link') out += tok.text;
		else if (tok.t === 'br') out += '\n';
	}
	return out.replace(/[ \t\u00a0]*\n[ \t\u00a0]*|[ \t\u00a0]+/g, (m) => (m.includes('\n') ? '\n' : ' ')).trim();
}

/** The Rada registration id a link points to (`/go/2939-17`, `https://zakon.rada.gov.ua/laws/show/...`). */
export function nregFromHref(href: string): string | null {
	let path = href.trim();
	const abs = /^https?:\/\/zakon\d*\.rada\.gov\.ua\/(?:laws\/show|go)\/(.+)$/i.exec(path);
	if (abs) path = '/go/' + abs[1];
	const m = /^\/go\/([^#?]+)/.exec(path);
	if (!m) return null;
	let raw = m[1]!;
	try {
		raw = decodeURIComponent(raw);
	} catch {
		// A malformed escape stays as it is: the link is still shown, only not resolved.
	}
	raw = raw.replace(/\/+$/, '').trim();
	return raw ? raw.toLowerCase() : null;
}
