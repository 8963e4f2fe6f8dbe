/**
 * CSV for spreadsheets (RFC 4180): every text cell quoted, quotes doubled, CRLF line ends, a UTF-8
 * byte order mark so Excel reads Cyrillic. A text cell starting with = + - @ or a tab/CR is prefixed
 * with an apostrophe so no spreadsheet runs it as a formula (CSV injection); numbers stay numbers.
 */
export type Cell = string | number | boolean | Date | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
	if (typeof value === 'boolean') return value ? 'true' : 'false';
	const text = value instanceof Date ? value.toISOString() : value;
	const safe = FORMULA_START.test(text) ? `'${text}` : text;
	return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: Cell[][]): string {
	return '\uFEFF' + [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
