import { randomBytes } from 'node:crypto';
import { badRequest } from './errors.ts';

/**
 * multipart/mixed as xAPI uses it (Communication 1.5.2, RFC 2046): the statements in the first
 * part, attachment data in the following parts, each with X-Experience-API-Hash and
 * Content-Transfer-Encoding: binary. Binary-safe: parts are found on Buffers, never decoded.
 */

export interface Part {
	headers: Map<string, string>;
	body: Buffer;
}

/** The boundary parameter of a Content-Type header, unquoted; null when there is none. */
export function boundaryOf(contentType: string): string | null {
	const m = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	return m ? (m[1] ?? m[2] ?? null) : null;
}

function parseHeaders(block: string): Map<string, string> {
	const headers = new Map<string, string>();
	for (const line of block.split(/\r?\n/)) {
		if (!line.trim()) continue;
		const i = line.indexOf(':');
		if (i <= 0) throw badRequest(`A multipart part has a malformed header line: "${line.slice(0, 80)}".`);
		headers.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
	}
	return headers;
}

export function parseMultipart(body: Buffer, boundary: string): Part[] {
	const delimiter = Buffer.from(`--${boundary}`);
	let pos = body.indexOf(delimiter);
	if (pos < 0) throw badRequest('The multipart/mixed body does not contain its boundary.');
	const parts: Part[] = [];
	for (;;) {
		pos += delimiter.length;
		// "--" after the delimiter closes the body.
		if (body[pos] === 0x2d && body[pos + 1] === 0x2d) break;
		// The rest of the delimiter line (transport padding), then CRLF.
		const lineEnd = body.indexOf('\n', pos);
		if (lineEnd < 0) throw badRequest('The multipart/mixed body ends inside a boundary line.');
		const start = lineEnd + 1;
		let headerEnd = body.indexOf('\r\n\r\n', start);
		let bodyStart = headerEnd + 4;
		// A part without headers starts with the empty line directly.
		if (body[start] === 0x0d && body[start + 1] === 0x0a) {
			headerEnd = start;
			bodyStart = start + 2;
		} else if (headerEnd < 0) {
			headerEnd = body.indexOf('\n\n', start);
			bodyStart = headerEnd + 2;
		}
		if (headerEnd < 0) throw badRequest('A multipart part has no empty line after its headers.');
		const headers = parseHeaders(body.subarray(start, headerEnd).toString('utf8'));
		const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), bodyStart);
		if (next < 0) throw badRequest('A multipart part is not closed by the boundary (missing "--boundary--").');
		parts.push({ headers, body: body.subarray(bodyStart, next) });
		pos = next + 2;
	}
	return parts;
}

export interface OutPart {
	headers: Record<string, string>;
	body: Buffer | string;
}

/** A multipart/mixed body and its Content-Type header value. */
export function buildMultipart(parts: OutPart[]): { contentType: string; body: Buffer } {
	const boundary = `xapi-${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		const head = Object.entries(part.headers).map(([k, v]) => `${k}: ${v}`).join('\r\n');
		chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`));
		chunks.push(typeof part.body === 'string' ? Buffer.from(part.body) : part.body);
		chunks.push(Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--`));
	return { contentType: `multipart/mixed; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
