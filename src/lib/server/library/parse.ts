import { nregFromHref, plainInline, tokenizeInline } from './inline.ts';
import { deriveNreg, isoFromDotted, isoFromWords, normalizeNumber } from './numbers.ts';

/**
 * Parser of the Rada legislation corpus format (../shared/data/legal-acts, SOURCE.md): card lines at
 * the top, then the text as pandoc-style Markdown with the portal's anchors (`[]{#n12}`), fenced divs
 * (`::: {#article}`), escapes, grid/simple tables and a little HTML. It returns the card, the text
 * as a flat list of structured units (sections, chapters, articles, parts, points...) with stable
 * anchors, and the relations to other acts that the text states. It never throws on odd input: what
 * it cannot place becomes a plain paragraph, so no text is lost (tests check this for every file).
 */

export type ActStatusCode = 'in_force' | 'repealed' | 'not_in_force' | 'suspended' | 'undetermined' | 'other';
export type RelationKind = 'amends' | 'repeals' | 'suspends' | 'approves' | 'refers_to';

export interface ActCard {
	issuers: string[];
	types: string[];
	/** ISO yyyy-mm-dd */
	adoptedOn: string | null;
	number: string | null;
	title: string;
	status: ActStatusCode;
	statusText: string | null;
	nreg: string | null;
	registration: string | null;
	/** ISO date of the redaction («Текст документа від ...»). */
	redactionOn: string | null;
}

export type UnitKind =
	| 'title'
	| 'annex'
	| 'section'
	| 'chapter'
	| 'article'
	| 'part'
	| 'point'
	| 'subpoint'
	| 'item'
	| 'paragraph'
	| 'note'
	| 'table'
	| 'marker';

export interface ActUnit {
	/** Stable id on the act page: the portal's anchor (n12) or, without one, a structural id. */
	anchor: string;
	/** Structural id in the Akoma Ntoso manner (sec_I__art_5__para_2), for units that have one. */
	eid: string | null;
	kind: UnitKind;
	/** Number as printed: «5», «I», «2)», «а)». */
	num: string | null;
	/** Heading of a section, chapter, article or annex. */
	heading: string | null;
	/** Inline source (links kept, anchors and list markers removed). */
	md: string;
	/** Plain text. */
	text: string;
	/** Table cells as inline source, row by row. */
	rows?: string[][];
	depth: number;
	/** Index of the containing unit in the list, null at the top. */
	parent: number | null;
}

export interface FoundRelation {
	kind: RelationKind;
	/** null = the act being parsed. */
	sourceNreg: string | null;
	targetNreg: string | null;
	label: string | null;
	date: string | null;
	anchor: string;
}

export interface ParsedAct {
	card: ActCard;
	/** The text of the act (inside the article div) as it stands in the file. */
	body: string;
	units: ActUnit[];
	relations: FoundRelation[];
	/** The act that produced this redaction, when the notes say so. */
	changedBy: { nreg: string; label: string | null; date: string | null } | null;
	/** Source notice at the end of the file (© ...). */
	notice: string | null;
	warnings: string[];
}

export class ActParseError extends Error {
	constructor(
		message: string,
		readonly messageKey: string
	) {
		super(message);
		this.name = 'ActParseError';
	}
}

const STATUS: Array<[RegExp, ActStatusCode]> = [
	[/^чинн/i, 'in_force'],
	[/^втрат/i, 'repealed'],
	[/^не набра/i, 'not_in_force'],
	[/зупинен/i, 'suspended'],
	[/^не визначен/i, 'undetermined']
];

export function statusFromText(text: string | null | undefined): ActStatusCode {
	if (!text) return 'undetermined';
	const t = text.trim();
	for (const [re, code] of STATUS) if (re.test(t)) return code;
	return 'other';
}

const splitList = (s: string) =>
	s
		.split(/\s*,\s*/)
		.map((x) => x.trim())
		.filter(Boolean);

/** `## Верховна Рада України; Закон від 13.01.2011 № 2939-VI` */
function parseCardLine(line: string, card: ActCard, warnings: string[]) {
	let rest = plainInline(line.replace(/^#+\s*/, ''));
	const num = /\s№\s*(.+)$/.exec(rest);
	if (num) {
		card.number = normalizeNumber(num[1]!);
		rest = rest.slice(0, num.index);
	}
	const date = /\s+від\s+(\d{1,2}\.\d{1,2}\.\d{4})\s*$/.exec(rest);
	if (date) {
		card.adoptedOn = isoFromDotted(date[1]!);
		if (!card.adoptedOn) warnings.push(`bad adoption date ${date[1]}`);
		rest = rest.slice(0, date.index);
	}
	const semi = rest.lastIndexOf(';');
	if (semi >= 0) {
		card.issuers = splitList(rest.slice(0, semi));
		card.types = splitList(rest.slice(semi + 1));
	} else {
		card.types = splitList(rest);
		warnings.push('card line without issuer');
	}
}

// ------------------------------------------------------------------------------------------ blocks

interface Block {
	anchor: string | null;
	lines: string[];
	kind: 'text' | 'table' | 'marker';
	rows?: string[][];
}

const ANCHOR_LINE = /^\[\]\{#([\w:.-]+)\}\\?\s*$/;
const GRID_BORDER = /^\+[-=:+]+\+\s*$/;
const SIMPLE_RULE = /^\s+-{3,}(\s+-{3,})*\s*$/;
const HR = /^-{3,}\s*$/;
const HTML_LINE = /^\s*<\/?[a-zA-Z][^>]*>\s*$/;
const FENCE = /^:::+/;

/** Columns of a grid-table row: positions where every line of the row has `|`. */
function gridRow(lines: string[]): string[] {
	const width = Math.max(...lines.map((l) => l.length));
	const cuts: number[] = [];
	for (let p = 0; p < width; p++) if (lines.every((l) => l[p] === '|')) cuts.push(p);
	if (cuts.length < 2) return [lines.map((l) => l.replace(/^\|\s?|\s?\|$/g, '')).join('\n')];
	const cells: string[] = [];
	for (let c = 0; c + 1 < cuts.length; c++) {
		const from = cuts[c]! + 1;
		const to = cuts[c + 1]!;
		const inner = to - from;
		let cell = '';
		let prevFull = false;
		for (const l of lines) {
			const raw = l.slice(from, to);
			const content = raw.replace(/^ /, '').replace(/\s+$/, '');
			if (!content) {
				prevFull = false;
				continue;
			}
			// A word broken by the column width (the line is full) continues without a space.
			if (cell) cell += cell.endsWith('\\') ? '\n' : prevFull ? '' : ' ';
			cell += content;
			prevFull = raw.trimEnd().length >= inner - 1 && !/\\$/.test(content) && /\S$/.test(raw.trimEnd());
		}
		cells.push(cell.trim());
	}
	return cells;
}

function parseGrid(lines: string[]): string[][] {
	const rows: string[][] = [];
	let current: string[] = [];
	for (const l of lines) {
		if (GRID_BORDER.test(l)) {
			if (current.length) rows.push(gridRow(current));
			current = [];
		} else current.push(l);
	}
	if (current.length) rows.push(gridRow(current));
	return rows;
}

function parseSimple(lines: string[]): string[][] {
	const rule = lines[0]!;
	const cols: Array<[number, number]> = [];
	const re = /-{3,}/g;
	let m: RegExpExecArray | null;
	while ((m = re.exec(rule))) cols.push([m.index, m.index + m[0].length]);
	const rows: string[][] = [];
	let pending: string[][] = [];
	const flush = () => {
		if (pending.length) rows.push(cols.map((_, c) => pending.map((p) => p[c]!).filter(Boolean).join('\n')));
		pending = [];
	};
	for (const l of lines.slice(1)) {
		if (SIMPLE_RULE.test(l)) {
			flush();
			continue;
		}
		if (!l.trim()) {
			flush();
			continue;
		}
		if (cols.length === 1) {
			// One column: each line is a row (the heading table «[ image ] / ЗАКОН УКРАЇНИ»).
			pending.push([l.trim()]);
			flush();
			continue;
		}
		const cells = cols.map(([from], c) => {
			const to = c + 1 < cols.length ? cols[c + 1]![0] : l.length;
			return l.slice(c === 0 ? 0 : from, to).trim();
		});
		pending.push(cells);
	}
	flush();
	return rows;
}

function splitBlocks(body: string): Block[] {
	const lines = body.split('\n');
	const blocks: Block[] = [];
	let pendingAnchor: string | null = null;
	let para: string[] = [];
	let paraAnchor: string | null = null;

	const endPara = () => {
		if (para.length) blocks.push({ anchor: paraAnchor, lines: para, kind: 'text' });
		para = [];
		paraAnchor = null;
	};
	const takeAnchor = () => {
		const a = pendingAnchor;
		pendingAnchor = null;
		return a;
	};
	const markerIfPending = () => {
		if (pendingAnchor) blocks.push({ anchor: takeAnchor(), lines: [], kind: 'marker' });
	};

	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!.replace(/\r$/, '');
		if (!line.trim() || HTML_LINE.test(line) || FENCE.test(line)) {
			endPara();
			continue;
		}
		const anchor = ANCHOR_LINE.exec(line);
		if (anchor && !para.length) {
			markerIfPending();
			pendingAnchor = anchor[1]!;
			continue;
		}
		if (!para.length && GRID_BORDER.test(line)) {
			const table: string[] = [];
			while (i < lines.length && /^[+|]/.test(lines[i]!)) table.push(lines[i++]!.replace(/\r$/, ''));
			i--;
			blocks.push({ anchor: takeAnchor(), lines: table, kind: 'table', rows: parseGrid(table) });
			continue;
		}
		if (!para.length && SIMPLE_RULE.test(line)) {
			// A simple table runs to its closing rule (rows may be separated by blank lines).
			let end = -1;
			for (let j = i + 1; j < Math.min(lines.length, i + 20000); j++) {
				if (SIMPLE_RULE.test(lines[j]!)) {
					end = j;
					const next = lines[j + 1];
					if (next === undefined || !next.trim()) break;
				}
				if (!lines[j]!.trim() && !lines[j + 1]?.trim()) break;
			}
			if (end > i) {
				const table = lines.slice(i, end + 1);
				blocks.push({ anchor: takeAnchor(), lines: table, kind: 'table', rows: parseSimple(table) });
				i = end;
				continue;
			}
		}
		if (!para.length && HR.test(line)) continue;
		if (!para.length) {
			if (pendingAnchor) {
				// An anchor alone before a blank line belongs to the next block only if that block has none.
				paraAnchor = takeAnchor();
			}
		}
		para.push(line);
	}
	endPara();
	markerIfPending();

	// `[]{#n88}` + blank + `[]{#n12}` table: n88 was already emitted as a marker by markerIfPending.
	return blocks;
}

// --------------------------------------------------------------------------------------- structure

const RANK: Partial<Record<UnitKind, number>> = {
	annex: 1,
	section: 2,
	chapter: 3,
	article: 4,
	part: 5,
	point: 6,
	subpoint: 7
};

const ANNEX_START =
	/^(ПОРЯДОК|ПОЛОЖЕННЯ|ПЕРЕЛІК|СТАТУТ|ІНСТРУКЦІЯ|ПРАВИЛА|ТИПОВИЙ|ТИПОВЕ|ТИПОВА|ФОРМА|РЕГЛАМЕНТ|КОНЦЕПЦІЯ|ПРОГРАМА|ЗМІНИ|СКЛАД|МЕТОДИКА|ПЛАН|ДИСЦИПЛІНАРНИЙ|СТРОЙОВИЙ|ВНУТРІШНЬОЇ)(\s|\\|$)/;
const ANNEX_WORD = /^(Додаток|ДОДАТОК)\s*(\d+|[IVX]+)?\b/;
const SECTION = /^(Розділ|РОЗДІЛ|Частина|ЧАСТИНА)\s+([IVXLC]+|\d+)\b\.?\s*(.*)$/s;
const CHAPTER = /^(Глава|ГЛАВА)\s+(\d+(?:[-‑]\d+)?)\b\.?\s*(.*)$/s;
const ARTICLE = /^(Стаття|СТАТТЯ)\s+(\d+(?:\s*[-‑]\s*\d+)?(?:\s*\^?\d+)?)\s*\.?\s*(.*)$/s;
const NUMBERED = /^(\d+(?:\.\d+)*)\.\s+(?=\S)/;
const POINT = /^(\d+(?:[-‑]\d+)?)\)\s*/;
const SUBPOINT = /^([а-яіїєґa-z]{1,3}|[а-яіїєґ]\d?)\)\s*/i;

const TRANSLIT: Record<string, string> = {
	а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i',
	й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f',
	х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia', "'": ''
};

/** Latin transliteration (the 2010 Cabinet table, simplified) for ids and addresses. */
export function transliterate(s: string): string {
	return [...s.toLowerCase()].map((c) => TRANSLIT[c] ?? c).join('');
}

/** Id fragment of a number: Cyrillic transliterated, Latin (roman numerals) kept as printed. */
function idPart(num: string): string {
	return [...num.replace(/\s+/g, '').replace(/[‑]/g, '-')]
		.map((c) => (/[а-яіїєґ']/i.test(c) ? (TRANSLIT[c.toLowerCase()] ?? '') : c))
		.join('')
		.replace(/[^a-z0-9-]/gi, '');
}

/** The first line (up to a hard break) and the rest of a block's inline source. */
function headParts(md: string): { first: string; rest: string } {
	const m = /\\\n/.exec(md);
	if (!m) return { first: md, rest: '' };
	return { first: md.slice(0, m.index), rest: md.slice(m.index + 2) };
}

function isAllCaps(s: string): boolean {
	const letters = s.replace(/[^\p{L}]/gu, '');
	return letters.length >= 4 && letters === letters.toUpperCase();
}

function normTitle(s: string): string {
	return s
		.toLowerCase()
		.replace(/[«»"'’ʼ`]/g, '')
		.replace(/\s+/g, ' ')
		.trim();
}

function classify(relText: string, linked: boolean, inNote: boolean): RelationKind {
	const t = relText.toLowerCase();
	if (inNote) {
		if (/зупинен|зупинено|зупиняється/.test(t)) return 'suspends';
		if (/втрати(в|ла|ло|ли)\s+чинн|втратив чинність|таким, що втратив|такою, що втратила/.test(t)) return 'repeals';
		if (/затверджен[оа]?\s+закон/.test(t)) return 'approves';
		if (/змін|редакці|доповнен|виключен|перенумерован|вважати|уточнен|викладено/.test(t)) return 'amends';
		return 'refers_to';
	}
	if (!linked) return 'refers_to';
	if (/визнати\s+так(им|ою|ими), що втрати(в|ла|ли) чинність|втратили чинність|втратив чинність/.test(t)) return 'repeals';
	if (/внести\s+(до|в|такі|наступні|зміни)|замінити\s+словами|викласти\s+в\s+(такій|новій)\s+редакції|доповнити\s+(статтею|частиною|пунктом|абзацом|словами|підпунктом|новим|реченням|розділом|главою|двома|такими)|виключити|слова\s+.+\s+замінити/.test(
			t
		)
	)
		return 'amends';
	return 'refers_to';
}

// «постанови Кабінету Міністрів України від 4 березня 2022 р. № 199» and similar, without a link.
const TEXT_REF =
	/(постанов\p{L}*|розпорядженн\p{L}*|указ\p{L}*|закон\p{L}*)\s+(Кабінету Міністрів України|Президента України|України)?\s*(?:від\s+(\d{1,2}\s+[а-яіїє]+\s+\d{4}|\d{1,2}\.\d{1,2}\.\d{4})\s*(?:р\.|року)?\s*)?№\s*(\d+(?:\/\d{2,4})?(?:-[IVXР]+|-р|-ВР|\/\d{2}-ВР)?)/giu;

function textualRefs(text: string): Array<{ nreg: string; label: string; date: string | null }> {
	const out: Array<{ nreg: string; label: string; date: string | null }> = [];
	for (const m of text.matchAll(TEXT_REF)) {
		const word = m[1]!.toLowerCase();
		const dateRaw = m[3] ?? null;
		const date = dateRaw ? (isoFromDotted(dateRaw) ?? isoFromWords(dateRaw)) : null;
		const types = word.startsWith('постанов')
			? ['Постанова']
			: word.startsWith('розпоряд')
				? ['Розпорядження']
				: word.startsWith('указ')
					? ['Указ']
					: ['Закон'];
		const issuers = m[2] ? [m[2]] : [];
		if (types[0] !== 'Закон' && !/Кабінет|Президент/.test(m[2] ?? '')) continue;
		const nreg = deriveNreg({ types, issuers, number: m[4]!, adoptedOn: date });
		if (nreg) out.push({ nreg, label: m[0].trim(), date });
	}
	return out;
}

// ------------------------------------------------------------------------------------------- parse

export function parseAct(source: string, options: { fileName?: string } = {}): ParsedAct {
	const warnings: string[] = [];
	const text = source.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
	const lines = text.split('\n');
	const card: ActCard = {
		issuers: [],
		types: [],
		adoptedOn: null,
		number: null,
		title: '',
		status: 'undetermined',
		statusText: null,
		nreg: null,
		registration: null,
		redactionOn: null
	};

	// Card: the lines before the text. Recognised by their markers, in any order.
	let bodyStart = -1;
	for (let i = 0; i < lines.length && i < 60; i++) {
		const l = lines[i]!;
		let m: RegExpExecArray | null;
		if ((m = /^#{2,3}\s*Текст документа(?:\s+від\s+(\d{1,2}\.\d{1,2}\.\d{4}))?/.exec(l))) {
			card.redactionOn = m[1] ? isoFromDotted(m[1]) : null;
			bodyStart = i + 1;
			break;
		} else if ((m = /^#{3,6}\s*Стан:\s*(.+)$/.exec(l))) {
			card.statusText = plainInline(m[1]!);
			card.status = statusFromText(card.statusText);
		} else if ((m = /^#{3,6}\s*Ідентифікатор:\s*(.+)$/.exec(l))) {
			card.nreg = plainInline(m[1]!).trim().toLowerCase();
		} else if ((m = /^#{3,6}\s*Реєстрація:\s*(.+)$/.exec(l))) {
			card.registration = plainInline(m[1]!);
		} else if (/^##\s+\S/.test(l) && !card.types.length) {
			parseCardLine(l, card, warnings);
		} else if (/^#\s+\S/.test(l) && !card.title) {
			card.title = plainInline(l.replace(/^#\s+/, ''));
		}
	}
	if (bodyStart < 0) {
		warnings.push('no «Текст документа» line: the text starts after the card');
		bodyStart = lines.findIndex((l, i) => i > 0 && /^-{3,}\s*$/.test(l)) + 1;
	}
	if (!card.nreg && options.fileName) {
		// The file name is the nreg with «/» written as «-» (126-95-вр.md for 126/95-вр).
		card.nreg = options.fileName.replace(/\.md$/i, '').toLowerCase();
		warnings.push('no «Ідентифікатор» line: nreg taken from the file name');
	}
	if (!card.nreg) card.nreg = deriveNreg(card);
	if (!card.title) {
		warnings.push('no title line');
	}

	// Body: the `::: {#article}` div when present; the notice (©) after it.
	const rest = lines.slice(Math.max(bodyStart, 0));
	let bodyLines = rest;
	let notice: string | null = null;
	const open = rest.findIndex((l) => /^:::+\s*\{#article\}/.test(l));
	if (open >= 0) {
		let depth = 0;
		let close = -1;
		for (let i = open; i < rest.length; i++) {
			const l = rest[i]!;
			if (/^:::+\s*\S/.test(l)) depth++;
			else if (/^:::+\s*$/.test(l)) {
				depth--;
				if (depth === 0) {
					close = i;
					break;
				}
			}
		}
		if (close < 0) {
			warnings.push('article div not closed');
			close = rest.length;
		}
		const before = rest.slice(0, open).join('\n').trim();
		if (before && !/^-+$/.test(before)) warnings.push('text before the article div');
		bodyLines = rest.slice(open + 1, close);
		const after = rest
			.slice(close + 1)
			.filter((l) => !FENCE.test(l) && !HR.test(l))
			.join('\n')
			.trim();
		notice = after ? plainInline(after) : null;
	}
	const body = bodyLines.join('\n').replace(/^\n+/, '').trimEnd();

	const blocks = splitBlocks(body);
	const units: ActUnit[] = [];
	const relations: FoundRelation[] = [];
	const stack: number[] = [];
	const usedAnchors = new Set<string>();
	const usedEids = new Set<string>();
	const childCount = new Map<number | null, number>();
	let annexCount = 0;
	let seenTitle = false;
	const titleNorm = normTitle(card.title);

	const top = () => (stack.length ? stack[stack.length - 1]! : null);
	const rankOf = (i: number) => RANK[units[i]!.kind] ?? 99;
	const popTo = (rank: number) => {
		while (stack.length && rankOf(top()!) >= rank) stack.pop();
	};
	const inside = (kind: UnitKind) => stack.some((i) => units[i]!.kind === kind);
	const nearestEid = (from: number | null): string | null => {
		for (let i = from; i !== null; i = units[i]!.parent) if (units[i]!.eid) return units[i]!.eid;
		return null;
	};
	const uniqueEid = (eid: string) => {
		let e = eid;
		for (let k = 2; usedEids.has(e); k++) e = `${eid}_${k}`;
		usedEids.add(e);
		return e;
	};

	const add = (block: Block, kind: UnitKind, num: string | null, heading: string | null, md: string, eidPart: string | null, plainText?: string) => {
		const rank = RANK[kind];
		if (rank) popTo(rank);
		const parent = top();
		const base = nearestEid(parent);
		const eid = eidPart ? uniqueEid(base ? `${base}__${eidPart}` : eidPart) : null;
		const ordinal = (childCount.get(parent) ?? 0) + 1;
		childCount.set(parent, ordinal);
		let anchor = block.anchor;
		if (!anchor || usedAnchors.has(anchor)) {
			if (anchor) warnings.push(`duplicate anchor ${anchor}`);
			anchor = eid ?? `${base ?? 'body'}__u${ordinal}`;
			for (let k = 2; usedAnchors.has(anchor); k++) anchor = `${eid ?? base ?? 'body'}__u${ordinal}_${k}`;
		}
		usedAnchors.add(anchor);
		const unit: ActUnit = {
			anchor,
			eid,
			kind,
			num,
			heading,
			md,
			text: kind === 'table' ? (block.rows ?? []).flat().map(plainInline).filter(Boolean).join(' ') : (plainText ?? plainInline(md)),
			depth: stack.length,
			parent
		};
		if (block.rows) unit.rows = block.rows;
		units.push(unit);
		const index = units.length - 1;
		if (rank) stack.push(index);
		return index;
	};

	for (const block of blocks) {
		if (block.kind === 'marker') {
			add(block, 'marker', null, null, '', null);
			continue;
		}
		if (block.kind === 'table') {
			const idx = add(block, 'table', null, null, '', null);
			collectRelations(units[idx]!, block.rows!.flat().join('\n'), false);
			continue;
		}
		let md = block.lines.join('\n');
		let listItem = false;
		if (/^- \S/.test(md)) {
			md = md.replace(/^- /, '').replace(/\n- /g, '\n');
			listItem = true;
		}
		const plain = plainInline(md);
		const { first, rest: after } = headParts(md);
		const firstPlain = plainInline(first);
		let m: RegExpExecArray | null;
		let idx: number;
		const isNote = /^\{[\s\S]*\}$/.test(plain) || /^\{/.test(plain);

		if (!seenTitle && titleNorm && normTitle(plain) === titleNorm) {
			seenTitle = true;
			idx = add(block, 'title', null, null, md, null, plain);
		} else if (isNote) {
			idx = add(block, 'note', null, null, md, null, plain);
		} else if (listItem) {
			idx = add(block, 'item', '-', null, md, null, plain);
		} else if (
			(ANNEX_START.test(firstPlain) && isAllCaps(firstPlain.split(/\s+/)[0]!) && plain.length < 600 && !/[;:]$/.test(plain)) ||
			(ANNEX_WORD.test(firstPlain) && plain.length < 300 && (after || /^(Додаток|ДОДАТОК)\s*(\d+|[IVX]+)?\s*$/.test(firstPlain)))
		) {
			annexCount++;
			const numMatch = ANNEX_WORD.exec(firstPlain);
			idx = add(block, 'annex', numMatch?.[2] ?? null, plain.replace(/\n/g, ' '), md, `annex_${annexCount}`, plain);
		} else if ((m = SECTION.exec(plain)) && plain.length < 400 && !/[;,]$/.test(plain) && (m[1]!.startsWith('Р') || m[1]!.toUpperCase() === m[1] || !m[3])) {
			idx = add(block, 'section', m[2]!, m[3]!.replace(/\n/g, ' ').trim() || null, md, `sec_${idPart(m[2]!)}`, plain);
		} else if ((m = CHAPTER.exec(plain)) && plain.length < 400 && !/[;,]$/.test(plain)) {
			idx = add(block, 'chapter', m[2]!, m[3]!.replace(/\n/g, ' ').trim() || null, md, `chp_${idPart(m[2]!)}`, plain);
		} else if ((m = ARTICLE.exec(plain)) && plain.length < 500 && !/[;,:]$/.test(plain) && !/^Стаття\s+\d+\s+(цього|Закону|Кодексу|Конституції)/.test(plain)) {
			const num = m[2]!.replace(/\s+/g, '');
			idx = add(block, 'article', num, m[3]!.replace(/\n/g, ' ').trim() || null, md, `art_${idPart(num)}`, plain);
		} else if ((m = NUMBERED.exec(plain))) {
			const kind: UnitKind = inside('article') ? 'part' : 'point';
			const num = m[1]!;
			idx = add(block, kind, num, null, md, `${kind === 'part' ? 'para' : 'point'}_${idPart(num)}`, plain);
		} else if ((m = POINT.exec(plain))) {
			const kind: UnitKind = inside('article') || inside('part') || inside('point') ? 'point' : 'point';
			const num = m[1]!;
			// Inside a numbered point «1)» is a sub-point.
			const asSub = inside('point') && !inside('article');
			idx = add(block, asSub ? 'subpoint' : kind, `${num})`, null, md, `${asSub ? 'subpoint' : 'point'}_${idPart(num)}`, plain);
		} else if ((m = SUBPOINT.exec(plain)) && plain.length > m[0].length + 2) {
			const num = m[1]!;
			idx = add(block, 'subpoint', `${num})`, null, md, `subpoint_${idPart(num)}`, plain);
		} else {
			idx = add(block, 'paragraph', null, null, md, null, plain);
		}
		collectRelations(units[idx]!, md, isNote);
	}

	function collectRelations(unit: ActUnit, md: string, inNote: boolean) {
		const tokens = tokenizeInline(md);
		const plain = unit.text;
		const linked = new Set<string>();
		for (const tok of tokens) {
			if (tok.t !== 'link') continue;
			const nreg = nregFromHref(tok.href);
			if (!nreg || nreg === card.nreg) continue;
			linked.add(nreg);
			const kind = classify(plain, true, inNote);
			const date = /від\s+(\d{1,2}\.\d{1,2}\.\d{4})/.exec(tok.text)?.[1];
			const label = tok.text.replace(/\s+/g, ' ').trim() || null;
			// Notes speak about this act: the linked act is the source (it amended / repealed this one).
			const towardsThis = inNote && kind !== 'refers_to';
			relations.push({
				kind,
				sourceNreg: towardsThis ? nreg : null,
				targetNreg: towardsThis ? null : nreg,
				label,
				date: date ? isoFromDotted(date) : null,
				anchor: unit.anchor
			});
		}
		if (!inNote) {
			for (const ref of textualRefs(plain)) {
				if (linked.has(ref.nreg) || ref.nreg === card.nreg) continue;
				linked.add(ref.nreg);
				relations.push({ kind: 'refers_to', sourceNreg: null, targetNreg: ref.nreg, label: ref.label, date: ref.date, anchor: unit.anchor });
			}
		}
	}

	// The act that produced this redaction: the newest amending act dated up to the redaction date.
	let changedBy: ParsedAct['changedBy'] = null;
	for (const r of relations) {
		if (r.kind !== 'amends' || !r.sourceNreg || !r.date) continue;
		if (card.redactionOn && r.date > card.redactionOn) continue;
		if (!changedBy || (changedBy.date ?? '') < r.date) changedBy = { nreg: r.sourceNreg, label: r.label, date: r.date };
	}

	if (!units.length) warnings.push('empty text');
	return { card, body, units, relations, changedBy, notice, warnings };
}

/** Merges relations found several times (one act amended many units): one per kind and pair. */
export function mergeRelations(
	actNreg: string,
	found: FoundRelation[]
): Array<{ kind: RelationKind; sourceNreg: string; targetNreg: string; label: string | null; date: string | null; anchors: string[] }> {
	const byKey = new Map<string, { kind: RelationKind; sourceNreg: string; targetNreg: string; label: string | null; date: string | null; anchors: string[] }>();
	for (const r of found) {
		const sourceNreg = r.sourceNreg ?? actNreg;
		const targetNreg = r.targetNreg ?? actNreg;
		if (sourceNreg === targetNreg) continue;
		const key = `${r.kind}|${sourceNreg}|${targetNreg}`;
		const seen = byKey.get(key);
		if (seen) {
			if (!seen.anchors.includes(r.anchor)) seen.anchors.push(r.anchor);
			seen.label ??= r.label;
			seen.date ??= r.date;
		} else byKey.set(key, { kind: r.kind, sourceNreg, targetNreg, label: r.label, date: r.date, anchors: [r.anchor] });
	}
	return [...byKey.values()];
}
