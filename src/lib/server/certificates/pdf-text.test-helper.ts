import zlib from 'node:zlib';

/**
 * A small reader of the PDFs pdfkit writes, for the tests: inflates the streams and maps the
 * glyph ids of each embedded (subset) font back to text through its ToUnicode CMap, so a test can
 * read the certificate's words as a person would. Not a general PDF parser.
 */
export interface PdfDigest {
	text: string;
	fonts: string[];
	embeddedFontFiles: number;
	links: string[];
	raw: string;
}

function objects(pdf: Buffer): Map<number, { dict: string; stream?: Buffer }> {
	const src = pdf.toString('latin1');
	const out = new Map<number, { dict: string; stream?: Buffer }>();
	const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
	for (let m = re.exec(src); m; m = re.exec(src)) {
		const body = m[2];
		const at = body.indexOf('stream');
		if (at < 0) {
			out.set(Number(m[1]), { dict: body });
			continue;
		}
		const dict = body.slice(0, at);
		let start = at + 'stream'.length;
		if (body[start] === '\r') start++;
		if (body[start] === '\n') start++;
		// The stream's bytes are exactly /Length long (pdfkit writes it directly). Trimming the line
		// break before `endstream` instead cut a compressed stream that happens to end in 0x0A (the
		// certificate's serial and date make that random: a test failing about once in a few hundred runs).
		const length = /\/Length\s+(\d+)(?!\s+\d+\s+R)/.exec(dict);
		const end = body.lastIndexOf('endstream');
		let data = Buffer.from(length ? body.slice(start, start + Number(length[1])) : body.slice(start, end).replace(/\r?\n$/, ''), 'latin1');
		if (/\/FlateDecode/.test(dict)) data = zlib.inflateSync(data);
		out.set(Number(m[1]), { dict, stream: data });
	}
	return out;
}

function cmap(text: string): Map<number, string> {
	const map = new Map<number, string>();
	const hex = (h: string) => parseInt(h, 16);
	const utf16 = (h: string) => Buffer.from(h, 'hex').swap16().toString('utf16le');
	for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
		for (const line of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(\[[^\]]*\]|<[0-9a-fA-F]+>)/g)) {
			const [lo, hi] = [hex(line[1]), hex(line[2])];
			if (line[3].startsWith('[')) {
				const items = [...line[3].matchAll(/<([0-9a-fA-F]+)>/g)].map((x) => x[1]);
				items.forEach((h, i) => map.set(lo + i, utf16(h)));
			} else {
				const base = hex(line[3].slice(1, -1));
				for (let g = lo; g <= hi; g++) map.set(g, String.fromCodePoint(base + g - lo));
			}
		}
	}
	for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
		for (const line of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(hex(line[1]), utf16(line[2]));
	}
	return map;
}

export function readPdf(pdf: Buffer): PdfDigest {
	const objs = objects(pdf);
	const fontMaps = new Map<string, Map<number, string>>(); // resource name -> glyph map
	const fonts: string[] = [];
	let embeddedFontFiles = 0;
	for (const { dict } of objs.values()) {
		const base = /\/BaseFont\s*\/([^\s/>]+)/.exec(dict);
		if (base && /\/Type\s*\/Font/.test(dict)) fonts.push(base[1]);
		if (/\/FontFile2/.test(dict)) embeddedFontFiles++;
	}
	for (const { dict } of objs.values()) {
		const res = /\/Font\s*<<([\s\S]*?)>>/.exec(dict);
		if (!res) continue;
		for (const f of res[1].matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
			const fontObj = objs.get(Number(f[2]));
			const tu = fontObj && /\/ToUnicode\s+(\d+) 0 R/.exec(fontObj.dict);
			const stream = tu && objs.get(Number(tu[1]))?.stream;
			if (stream) fontMaps.set(f[1], cmap(stream.toString('latin1')));
		}
	}
	const lines: string[] = [];
	for (const { stream } of objs.values()) {
		if (!stream) continue;
		const content = stream.toString('latin1');
		if (!/\bTJ\b|\bTj\b/.test(content)) continue;
		let current: Map<number, string> | undefined;
		for (const op of content.matchAll(/\/(\w+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ/g)) {
			if (op[1]) {
				current = fontMaps.get(op[1]);
				continue;
			}
			let line = '';
			for (const part of op[2].matchAll(/<([0-9a-fA-F]*)>|(-?[\d.]+)/g)) {
				if (part[1] !== undefined) {
					for (let i = 0; i < part[1].length; i += 4) line += current?.get(parseInt(part[1].slice(i, i + 4), 16)) ?? '\uFFFD';
				} else if (Number(part[2]) < -200) line += ' ';
			}
			lines.push(line);
		}
	}
	const raw = pdf.toString('latin1');
	const links = [...raw.matchAll(/\/URI\s*\(([^)]*)\)/g)].map((x) => x[1]);
	return { text: lines.join('\n'), fonts, embeddedFontFiles, links, raw };
}
