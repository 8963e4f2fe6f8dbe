import { describe, expect, it } from 'vitest';
import { readCsv } from './csv.ts';

describe('RFC 4180 reader', () => {
	it('reads plain and quoted fields, doubled quotes, CRLF, a BOM, line breaks inside quotes', () => {
		const { rows, errors } = readCsv('\uFEFFcity,a\r\n"Київ, столиця","1"\r\n"line\nbreak","say ""hi"""\nlast,');
		expect(errors).toEqual([]);
		expect(rows).toEqual([
			{ line: 1, cells: ['city', 'a'] },
			{ line: 2, cells: ['Київ, столиця', '1'] },
			{ line: 3, cells: ['line\nbreak', 'say "hi"'] },
			{ line: 5, cells: ['last', ''] }
		]);
	});

	it('skips blank lines but keeps counting lines', () => {
		const { rows } = readCsv('a,b\n\n1,2\n');
		expect(rows.map((r) => r.line)).toEqual([1, 3]);
	});

	it('refuses a quote inside an unquoted field, text after a closing quote and an unclosed quote, naming line and column', () => {
		expect(readCsv('a,b\n1,x"y\n').errors).toEqual([{ line: 2, column: 2, reason: 'quote_in_unquoted' }]);
		expect(readCsv('a,b\n"1"x,2\n').errors).toEqual([{ line: 2, column: 1, reason: 'text_after_quote' }]);
		const open = readCsv('a,b\n1,2\n3,"never\nclosed');
		expect(open.errors).toEqual([{ line: 3, column: 2, reason: 'unclosed_quote' }]);
		expect(open.rows).toHaveLength(2);
	});

	it('drops a broken row and goes on with the next', () => {
		const { rows, errors } = readCsv('a,b\n1,x"y\n3,4\n');
		expect(errors).toHaveLength(1);
		expect(rows.map((r) => r.cells)).toEqual([['a', 'b'], ['3', '4']]);
	});
});
