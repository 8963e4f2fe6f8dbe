/**
 * A minimal Office Open XML spreadsheet (.xlsx, ECMA-376) writer: one worksheet of text and number
 * cells (inline strings, no shared-string table), a bold header row, packed with DEFLATE in a ZIP
 * written here (no XLSX library is installed). Enough for a compliance export that Excel, LibreOffice
 * and Google Sheets open.
 */
import { crc32, deflateRawSync } from 'node:zlib';

export type Cell = string | number | null;

const xmlEscape = (s: string) =>
	s
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		// Characters XML 1.0 forbids (control characters other than tab, LF, CR).
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');

function columnName(i: number): string {
	let s = '';
	for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
	return s;
}

function sheetXml(rows: Cell[][]): string {
	const out: string[] = [];
	out.push('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>');
	rows.forEach((row, r) => {
		out.push(`<row r="${r + 1}">`);
		row.forEach((cell, c) => {
			if (cell === null || cell === '') return;
			const ref = `${columnName(c)}${r + 1}`;
			const style = r === 0 ? ' s="1"' : '';
			if (typeof cell === 'number' && Number.isFinite(cell)) out.push(`<c r="${ref}"${style}><v>${cell}</v></c>`);
			else out.push(`<c r="${ref}" t="inlineStr"${style}><is><t xml:space="preserve">${xmlEscape(String(cell))}</t></is></c>`);
		});
		out.push('</row>');
	});
	out.push('</sheetData></worksheet>');
	return out.join('');
}

function files(sheetName: string, rows: Cell[][]): Array<[string, string]> {
	const name = xmlEscape(sheetName.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet1');
	return [
		[
			'[Content_Types].xml',
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>'
		],
		[
			'_rels/.rels',
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
		],
		[
			'xl/workbook.xml',
			`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="${name}" sheetId="1" r:id="rId1"/></sheets></workbook>`
		],
		[
			'xl/_rels/workbook.xml.rels',
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>'
		],
		[
			'xl/styles.xml',
			'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs></styleSheet>'
		],
		['xl/worksheets/sheet1.xml', sheetXml(rows)]
	];
}

/** A ZIP archive (PKWARE APPNOTE 6.3, DEFLATE, UTF-8 names, fixed timestamp for reproducible output). */
export function zip(entries: Array<[string, Buffer]>): Buffer {
	const parts: Buffer[] = [];
	const central: Buffer[] = [];
	let offset = 0;
	const dosTime = 0; // 00:00:00
	const dosDate = ((2026 - 1980) << 9) | (1 << 5) | 1; // 2026-01-01
	for (const [name, data] of entries) {
		const nameBuf = Buffer.from(name, 'utf8');
		const packed = deflateRawSync(data);
		const crc = crc32(data);
		const local = Buffer.alloc(30);
		local.writeUInt32LE(0x04034b50, 0);
		local.writeUInt16LE(20, 4);
		local.writeUInt16LE(0x0800, 6); // UTF-8 names
		local.writeUInt16LE(8, 8); // deflate
		local.writeUInt16LE(dosTime, 10);
		local.writeUInt16LE(dosDate, 12);
		local.writeUInt32LE(crc, 14);
		local.writeUInt32LE(packed.length, 18);
		local.writeUInt32LE(data.length, 22);
		local.writeUInt16LE(nameBuf.length, 26);
		local.writeUInt16LE(0, 28);
		const head = Buffer.alloc(46);
		head.writeUInt32LE(0x02014b50, 0);
		head.writeUInt16LE(20, 4);
		head.writeUInt16LE(20, 6);
		head.writeUInt16LE(0x0800, 8);
		head.writeUInt16LE(8, 10);
		head.writeUInt16LE(dosTime, 12);
		head.writeUInt16LE(dosDate, 14);
		head.writeUInt32LE(crc, 16);
		head.writeUInt32LE(packed.length, 20);
		head.writeUInt32LE(data.length, 24);
		head.writeUInt16LE(nameBuf.length, 28);
		head.writeUInt32LE(offset, 42);
		central.push(head, nameBuf);
		parts.push(local, nameBuf, packed);
		offset += local.length + nameBuf.length + packed.length;
	}
	const centralBuf = Buffer.concat(central);
	const end = Buffer.alloc(22);
	end.writeUInt32LE(0x06054b50, 0);
	end.writeUInt16LE(entries.length, 8);
	end.writeUInt16LE(entries.length, 10);
	end.writeUInt32LE(centralBuf.length, 12);
	end.writeUInt32LE(offset, 16);
	return Buffer.concat([...parts, centralBuf, end]);
}

/** One worksheet: the first row is the header. */
export function xlsx(sheetName: string, rows: Cell[][]): Buffer {
	return zip(files(sheetName, rows).map(([name, text]) => [name, Buffer.from(text, 'utf8')]));
}

/** RFC 4180 CSV with a UTF-8 BOM (Excel opens Cyrillic correctly); formula-like cells are quoted with a leading apostrophe. */
export function csv(rows: Cell[][]): string {
	const cell = (v: Cell) => {
		if (v === null) return '';
		let s = String(v);
		if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
		return /[",\r\n;]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
	};
	return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
