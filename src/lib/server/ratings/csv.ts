/**
 * A strict RFC 4180 reader (no CSV package is installed): comma separated, fields optionally in
 * double quotes with "" for a quote, CRLF or LF line ends, a UTF-8 byte-order mark ignored. Unlike a
 * lenient reader it refuses what it cannot read for sure and says where: a quote inside an unquoted
 * field, text after a closing quote, a quote never closed. Every row carries its line number (a quoted
 * field may span lines) so the importer can name the line and column of a bad value.
 */

export interface CsvRow {
	/** 1-based line the row starts on. */
	line: number;
	cells: string[];
}

export interface CsvSyntaxError {
	line: number;
	/** 1-based column (field number). */
	column: number;
	reason: 'quote_in_unquoted' | 'text_after_quote' | 'unclosed_quote';
}

export function readCsv(text: string): { rows: CsvRow[]; errors: CsvSyntaxError[] } {
	const rows: CsvRow[] = [];
	const errors: CsvSyntaxError[] = [];
	const s = text.replace(/^\uFEFF/, '');
	let cells: string[] = [];
	let cell = '';
	let line = 1;
	let rowLine = 1;
	// field state: start of a field, inside an unquoted field, inside quotes, after the closing quote
	let state: 'start' | 'plain' | 'quoted' | 'closed' = 'start';
	let quoteLine = 1;
	let rowBroken = false;

	const endRow = () => {
		cells.push(cell);
		if (!rowBroken && !(cells.length === 1 && cells[0] === '')) rows.push({ line: rowLine, cells });
		cells = [];
		cell = '';
		state = 'start';
		rowBroken = false;
	};
	const fail = (reason: CsvSyntaxError['reason'], at = line) => {
		if (!rowBroken) errors.push({ line: at, column: cells.length + 1, reason });
		rowBroken = true;
	};

	for (let i = 0; i < s.length; i++) {
		const c = s[i]!;
		if (state === 'quoted') {
			if (c === '"') {
				if (s[i + 1] === '"') {
					cell += '"';
					i++;
				} else state = 'closed';
			} else {
				if (c === '\n') line++;
				cell += c;
			}
			continue;
		}
		if (c === ',') {
			cells.push(cell);
			cell = '';
			state = 'start';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && s[i + 1] === '\n') i++;
			endRow();
			line++;
			rowLine = line;
		} else if (c === '"') {
			if (state === 'start') {
				state = 'quoted';
				quoteLine = line;
			} else if (state === 'plain') fail('quote_in_unquoted');
			else fail('text_after_quote');
		} else if (state === 'closed') {
			fail('text_after_quote');
		} else {
			cell += c;
			state = 'plain';
		}
	}
	if (state === 'quoted') {
		fail('unclosed_quote', quoteLine);
	}
	if (cell !== '' || cells.length > 0 || state === 'closed') endRow();
	return { rows, errors };
}
