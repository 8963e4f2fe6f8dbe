import { deriveNreg, isoFromDotted, normalizeNumber } from './numbers.ts';
import { statusFromText, type ActStatusCode } from './parse.ts';
import { TOPICS, type Topic } from './topics.ts';

/**
 * Cards of acts known without their text, as CSV (a header row, comma separated, RFC 4180 quotes)
 * or JSON (an array of objects). Fields: nreg, number, types, issuers, adoptedOn, title, status,
 * topics, sourceUrl, sourceRef, attribution. Lists (types, issuers, topics) are separated by «;».
 * Every error names the line and the field, in English for the command line and as a message key
 * with parameters for the UI (messages/library: library_card_*).
 */

export interface CardRow {
	nreg: string;
	number: string | null;
	types: string[];
	issuers: string[];
	adoptedOn: string | null;
	title: string;
	status: ActStatusCode;
	statusText: string | null;
	topics: Topic[];
	sourceUrl: string | null;
	sourceRef: string | null;
	attribution: string | null;
}

export interface CardError {
	line: number;
	field: string | null;
	reason: string;
	messageKey: string;
	params: Record<string, string | number>;
}

const FIELDS = ['nreg', 'number', 'types', 'issuers', 'adoptedOn', 'title', 'status', 'topics', 'sourceUrl', 'sourceRef', 'attribution'] as const;
type Field = (typeof FIELDS)[number];
const ALIASES: Record<string, Field> = {
	nreg: 'nreg',
	id: 'nreg',
	ідентифікатор: 'nreg',
	number: 'number',
	номер: 'number',
	types: 'types',
	type: 'types',
	вид: 'types',
	issuers: 'issuers',
	issuer: 'issuers',
	орган: 'issuers',
	adoptedon: 'adoptedOn',
	date: 'adoptedOn',
	дата: 'adoptedOn',
	title: 'title',
	назва: 'title',
	status: 'status',
	стан: 'status',
	topics: 'topics',
	теми: 'topics',
	sourceurl: 'sourceUrl',
	sourceref: 'sourceRef',
	attribution: 'attribution'
};
const STATUS_CODES: ActStatusCode[] = ['in_force', 'repealed', 'not_in_force', 'suspended', 'undetermined', 'other'];

/** RFC 4180 CSV: rows of fields with the line each row starts on. */
export function parseCsv(text: string): { rows: Array<{ line: number; cells: string[] }>; error?: { line: number } } {
	const rows: Array<{ line: number; cells: string[] }> = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let rowLine = 1;
	let quoteLine = 0;
	const s = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < s.length; i++) {
		const c = s[i]!;
		if (quoted) {
			if (c === '"') {
				if (s[i + 1] === '"') {
					cell += '"';
					i++;
				} else quoted = false;
			} else {
				if (c === '\n') line++;
				cell += c;
			}
			continue;
		}
		if (c === '"' && cell.trim() === '') {
			quoted = true;
			quoteLine = line;
			cell = '';
		} else if (c === ',') {
			cells.push(cell);
			cell = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && s[i + 1] === '\n') i++;
			cells.push(cell);
			if (cells.some((x) => x.trim() !== '')) rows.push({ line: rowLine, cells });
			cells = [];
			cell = '';
			line++;
			rowLine = line;
		} else cell += c;
	}
	if (quoted) return { rows, error: { line: quoteLine } };
	cells.push(cell);
	if (cells.some((x) => x.trim() !== '')) rows.push({ line: rowLine, cells });
	return { rows };
}

/** Start lines of the top-level elements of a JSON array. */
function jsonElementLines(text: string): number[] {
	const lines: number[] = [];
	let depth = 0;
	let line = 1;
	let inString = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (c === '\n') line++;
		if (inString) {
			if (c === '\\') i++;
			else if (c === '"') inString = false;
			continue;
		}
		if (c === '"') {
			inString = true;
			if (depth === 1) lines.push(line);
		} else if (c === '{' || c === '[') {
			if (depth === 1) lines.push(line);
			depth++;
		} else if (c === '}' || c === ']') depth--;
		else if (depth === 1 && /[-\dtfn]/.test(c) && /[\s,[]/.test(text[i - 1] ?? '')) lines.push(line);
	}
	return lines;
}

const list = (v: unknown): string[] =>
	(Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(/\s*;\s*/) : [])
		.map((x) => x.trim())
		.filter(Boolean);
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v).trim() || null);

function validate(raw: Partial<Record<Field, unknown>>, line: number, errors: CardError[]): CardRow | null {
	const before = errors.length;
	const err = (field: Field | null, reason: string, messageKey: string, params: Record<string, string | number> = {}) =>
		errors.push({ line, field, reason: `line ${line}${field ? `, field ${field}` : ''}: ${reason}`, messageKey, params: { line, field: field ?? '', ...params } });

	const title = str(raw.title);
	if (!title) err('title', 'required', 'library_card_required');
	const types = list(raw.types);
	if (!types.length) err('types', 'required', 'library_card_required');
	const issuers = list(raw.issuers);
	if (!issuers.length) err('issuers', 'required', 'library_card_required');
	let adoptedOn: string | null = null;
	const dateRaw = str(raw.adoptedOn);
	if (dateRaw) {
		adoptedOn = /^\d{4}-\d{2}-\d{2}$/.test(dateRaw) ? isoFromDotted(dateRaw.split('-').reverse().join('.')) : isoFromDotted(dateRaw);
		if (!adoptedOn) err('adoptedOn', `not a date: ${dateRaw} (use dd.mm.yyyy or yyyy-mm-dd)`, 'library_card_bad_date', { value: dateRaw });
	}
	const numberRaw = str(raw.number);
	const number = numberRaw ? normalizeNumber(numberRaw) : null;
	const statusRaw = str(raw.status);
	let status: ActStatusCode = 'undetermined';
	let statusText: string | null = null;
	if (statusRaw) {
		if ((STATUS_CODES as string[]).includes(statusRaw)) status = statusRaw as ActStatusCode;
		else {
			status = statusFromText(statusRaw);
			statusText = statusRaw;
			if (status === 'other') err('status', `unknown status: ${statusRaw}`, 'library_card_bad_status', { value: statusRaw });
		}
	}
	const topics = list(raw.topics);
	for (const t of topics) if (!(TOPICS as readonly string[]).includes(t)) err('topics', `unknown topic: ${t}`, 'library_card_bad_topic', { value: t });
	let nreg = str(raw.nreg)?.toLowerCase() ?? null;
	if (!nreg && errors.length === before) {
		nreg = deriveNreg({ types, issuers, number, adoptedOn });
		if (!nreg) err('nreg', 'no registration id, and it cannot be derived from the number, type and date', 'library_card_no_nreg');
	}
	if (errors.length > before) return null;
	return {
		nreg: nreg!,
		number,
		types,
		issuers,
		adoptedOn,
		title: title!,
		status,
		statusText,
		topics: topics as Topic[],
		sourceUrl: str(raw.sourceUrl),
		sourceRef: str(raw.sourceRef),
		attribution: str(raw.attribution)
	};
}

export function parseCards(content: string, format: 'csv' | 'json'): { rows: Array<{ line: number; card: CardRow }>; errors: CardError[] } {
	const errors: CardError[] = [];
	const records: Array<{ line: number; raw: Partial<Record<Field, unknown>> }> = [];
	if (format === 'csv') {
		const { rows, error } = parseCsv(content);
		if (error) errors.push({ line: error.line, field: null, reason: `line ${error.line}: a quoted field is not closed`, messageKey: 'library_card_csv_syntax', params: { line: error.line, field: '' } });
		const [header, ...data] = rows;
		if (!header) return { rows: [], errors: errors.length ? errors : [{ line: 1, field: null, reason: 'line 1: empty file', messageKey: 'library_card_empty', params: { line: 1, field: '' } }] };
		const columns = header.cells.map((h) => ALIASES[h.trim().toLowerCase()] ?? null);
		header.cells.forEach((h, i) => {
			if (!columns[i]) errors.push({ line: header.line, field: h, reason: `line ${header.line}: unknown column «${h}»`, messageKey: 'library_card_unknown_column', params: { line: header.line, field: h } });
		});
		for (const required of ['title', 'types', 'issuers'] as const) {
			if (!columns.includes(required)) errors.push({ line: header.line, field: required, reason: `line ${header.line}: column ${required} is missing`, messageKey: 'library_card_missing_column', params: { line: header.line, field: required } });
		}
		if (errors.length) return { rows: [], errors };
		for (const r of data) {
			const raw: Partial<Record<Field, unknown>> = {};
			columns.forEach((col, i) => {
				if (col) raw[col] = r.cells[i] ?? '';
			});
			if (r.cells.length > columns.length) {
				errors.push({ line: r.line, field: null, reason: `line ${r.line}: ${r.cells.length} fields, the header has ${columns.length}`, messageKey: 'library_card_extra_fields', params: { line: r.line, field: '', count: r.cells.length, expected: columns.length } });
				continue;
			}
			records.push({ line: r.line, raw });
		}
	} else {
		let parsed: unknown;
		try {
			parsed = JSON.parse(content);
		} catch (e) {
			const pos = /position (\d+)/.exec(String(e))?.[1];
			const line = pos ? content.slice(0, Number(pos)).split('\n').length : 1;
			return { rows: [], errors: [{ line, field: null, reason: `line ${line}: not valid JSON`, messageKey: 'library_card_json_syntax', params: { line, field: '' } }] };
		}
		if (!Array.isArray(parsed)) return { rows: [], errors: [{ line: 1, field: null, reason: 'line 1: expected an array of cards', messageKey: 'library_card_json_array', params: { line: 1, field: '' } }] };
		const lines = jsonElementLines(content);
		parsed.forEach((el, i) => {
			const line = lines[i] ?? 1;
			if (!el || typeof el !== 'object' || Array.isArray(el)) {
				errors.push({ line, field: null, reason: `line ${line}: expected an object`, messageKey: 'library_card_json_object', params: { line, field: '' } });
				return;
			}
			const raw: Partial<Record<Field, unknown>> = {};
			for (const [k, v] of Object.entries(el as Record<string, unknown>)) {
				const f = ALIASES[k.toLowerCase()];
				if (f) raw[f] = v;
				else errors.push({ line, field: k, reason: `line ${line}: unknown field «${k}»`, messageKey: 'library_card_unknown_column', params: { line, field: k } });
			}
			records.push({ line, raw });
		});
	}
	const rows: Array<{ line: number; card: CardRow }> = [];
	const seen = new Map<string, number>();
	for (const r of records) {
		const card = validate(r.raw, r.line, errors);
		if (!card) continue;
		const first = seen.get(card.nreg);
		if (first) {
			errors.push({ line: r.line, field: 'nreg', reason: `line ${r.line}, field nreg: ${card.nreg} is already on line ${first}`, messageKey: 'library_card_duplicate', params: { line: r.line, field: 'nreg', first, value: card.nreg } });
			continue;
		}
		seen.set(card.nreg, r.line);
		rows.push({ line: r.line, card });
	}
	return { rows, errors };
}
