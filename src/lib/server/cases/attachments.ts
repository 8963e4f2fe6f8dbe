/**
 * Files attached to a case: checked before anything is kept (type recognised from the content, size,
 * count), stored under DATA_DIR/cases/attachments with a random name the portal chooses, read back
 * through a permission check. Several app instances need DATA_DIR on a shared volume.
 *
 * Allowed: PDF, DOCX, XLSX, ODT, ODS, PNG, JPEG. The name's extension must be one of these AND the
 * content must be what the extension says (a renamed .exe, or a PDF called .docx, is refused).
 * Office files are ZIP packages: OOXML is recognised by its part names (word/document.xml,
 * xl/workbook.xml), OpenDocument by its uncompressed first `mimetype` entry. No part is unpacked.
 */
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import yauzl from 'yauzl';
import { config, dataDir } from '../config/index.ts';
import { db } from '../db/index.ts';
import { defineJob, schedule } from '../jobs/index.ts';

export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'odt' | 'ods' | 'png' | 'jpeg';

export const FILE_TYPES: Record<FileKind, { mediaType: string; extensions: string[] }> = {
	pdf: { mediaType: 'application/pdf', extensions: ['pdf'] },
	docx: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extensions: ['docx'] },
	xlsx: { mediaType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', extensions: ['xlsx'] },
	odt: { mediaType: 'application/vnd.oasis.opendocument.text', extensions: ['odt'] },
	ods: { mediaType: 'application/vnd.oasis.opendocument.spreadsheet', extensions: ['ods'] },
	png: { mediaType: 'image/png', extensions: ['png'] },
	jpeg: { mediaType: 'image/jpeg', extensions: ['jpg', 'jpeg'] }
};

/** What the file input accepts (a hint for the browser; the server decides). */
export const ACCEPT = Object.values(FILE_TYPES)
	.flatMap((t) => t.extensions.map((e) => `.${e}`))
	.join(',');

/** At most this many files on one case. */
export const MAX_ATTACHMENTS = 10;

export function maxAttachmentBytes(): number {
	return Math.round(config().CASE_ATTACHMENT_MAX_MB * 1024 * 1024);
}

export interface UploadedFile {
	name: string;
	/** The whole file; may be left empty when `size` is already over the limit. */
	bytes: Uint8Array;
	size?: number;
}

export type FileProblem = 'type' | 'too_large' | 'too_many' | 'empty';

export interface FileIssue {
	/** The cleaned file name ('' for a problem of the whole set, e.g. too many). */
	name: string;
	problem: FileProblem;
}

const at = (b: Uint8Array, i: number, bytes: number[]) => bytes.every((x, j) => b[i + j] === x);
const ascii = (b: Uint8Array, from: number, to: number) => Buffer.from(b.subarray(from, to)).toString('latin1');

async function zipEntryNames(bytes: Uint8Array, max = 5000): Promise<string[] | null> {
	return new Promise((resolve) => {
		yauzl.fromBuffer(Buffer.from(bytes), { lazyEntries: true, decodeStrings: true, validateEntrySizes: false }, (err, zip) => {
			if (err || !zip) return resolve(null);
			const names: string[] = [];
			zip.on('entry', (entry: yauzl.Entry) => {
				names.push(entry.fileName);
				if (names.length >= max) {
					zip.close();
					resolve(names);
				} else zip.readEntry();
			});
			zip.on('end', () => resolve(names));
			zip.on('error', () => resolve(null));
			zip.readEntry();
		});
	});
}

/** The OpenDocument type named by an uncompressed first entry `mimetype` (ODF 1.2, part 3, 3.3). */
function odfMimetype(b: Uint8Array): string | null {
	if (b.length < 38 || !at(b, 0, [0x50, 0x4b, 0x03, 0x04])) return null;
	const view = Buffer.from(b.buffer, b.byteOffset, b.byteLength);
	const method = view.readUInt16LE(8);
	const size = view.readUInt32LE(18);
	const nameLen = view.readUInt16LE(26);
	const extraLen = view.readUInt16LE(28);
	if (method !== 0 || nameLen !== 8 || size > 100 || ascii(b, 30, 38) !== 'mimetype') return null;
	const start = 30 + nameLen + extraLen;
	return ascii(b, start, start + size);
}

/** What a file is, from its bytes alone; null for anything outside the allow-list. */
export async function sniffFile(b: Uint8Array): Promise<FileKind | null> {
	if (at(b, 0, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
	if (at(b, 0, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
	if (at(b, 0, [0xff, 0xd8, 0xff])) return 'jpeg';
	if (!at(b, 0, [0x50, 0x4b, 0x03, 0x04])) return null;
	const odf = odfMimetype(b);
	if (odf === FILE_TYPES.odt.mediaType) return 'odt';
	if (odf === FILE_TYPES.ods.mediaType) return 'ods';
	if (odf !== null) return null;
	const names = await zipEntryNames(b);
	if (!names?.includes('[Content_Types].xml')) return null;
	if (names.includes('word/document.xml')) return 'docx';
	if (names.includes('xl/workbook.xml')) return 'xlsx';
	return null;
}

/**
 * The uploader's file name without any folder part, control or reserved characters, at most 150
 * characters, keeping its extension: shown on the page and offered on download, never used as a path.
 */
export function cleanFileName(name: string): string {
	const base = (name.split(/[\\/]/).pop() ?? '')
		// eslint-disable-next-line no-control-regex
		.replace(/[\u0000-\u001f\u007f"<>:|?*]/g, '')
		.replace(/\s+/g, ' ')
		.trim()
		.replace(/^\.+/, '');
	if (base.length <= 150) return base;
	const dot = base.lastIndexOf('.');
	const ext = dot > 0 && base.length - dot <= 6 ? base.slice(dot) : '';
	return base.slice(0, 150 - ext.length) + ext;
}

function extensionOf(name: string): string {
	const dot = name.lastIndexOf('.');
	return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

export interface CheckedFile {
	fileName: string;
	kind: FileKind;
	bytes: Uint8Array;
}

/** Checks new files against the rules; `existing` is how many the case keeps already. */
export async function checkFiles(files: UploadedFile[], existing: number): Promise<{ ok: CheckedFile[]; issues: FileIssue[] }> {
	const ok: CheckedFile[] = [];
	const issues: FileIssue[] = [];
	const max = maxAttachmentBytes();
	for (const f of files) {
		const fileName = cleanFileName(f.name);
		const size = Math.max(f.size ?? 0, f.bytes.length);
		if (size === 0) issues.push({ name: fileName, problem: 'empty' });
		else if (size > max) issues.push({ name: fileName, problem: 'too_large' });
		else {
			const kind = await sniffFile(f.bytes);
			if (!kind || !FILE_TYPES[kind].extensions.includes(extensionOf(fileName))) issues.push({ name: fileName, problem: 'type' });
			else ok.push({ fileName: fileName || `attachment.${FILE_TYPES[kind].extensions[0]}`, kind, bytes: f.bytes });
		}
	}
	if (existing + files.length > MAX_ATTACHMENTS) issues.push({ name: '', problem: 'too_many' });
	return { ok, issues };
}

export function attachmentFolder(): string {
	return path.join(dataDir(), 'cases', 'attachments');
}

const STORED = /^[0-9a-f]{32}\.(pdf|docx|xlsx|odt|ods|png|jpg)$/;

function storedPath(storedName: string): string {
	if (!STORED.test(storedName)) throw new Error(`Not a stored attachment name: ${storedName}`);
	return path.join(attachmentFolder(), storedName);
}

export interface StoredFile {
	storedName: string;
	fileName: string;
	mediaType: string;
	size: number;
	sha256: string;
}

/** Writes checked files under new random names (a reader never sees half a file). */
export async function writeFiles(files: CheckedFile[]): Promise<StoredFile[]> {
	if (!files.length) return [];
	await fs.mkdir(attachmentFolder(), { recursive: true });
	const out: StoredFile[] = [];
	for (const f of files) {
		const storedName = `${randomBytes(16).toString('hex')}.${FILE_TYPES[f.kind].extensions[0]}`;
		const file = storedPath(storedName);
		const tmp = `${file}.${process.pid}.tmp`;
		await fs.writeFile(tmp, f.bytes);
		await fs.rename(tmp, file);
		out.push({ storedName, fileName: f.fileName, mediaType: FILE_TYPES[f.kind].mediaType, size: f.bytes.length, sha256: createHash('sha256').update(f.bytes).digest('hex') });
	}
	return out;
}

export async function readStoredFile(storedName: string): Promise<Buffer | null> {
	try {
		return await fs.readFile(storedPath(storedName));
	} catch {
		return null;
	}
}

/**
 * Removes stored files no row refers to: the named ones (after a removal or an account deletion), or
 * with no names every such file older than an hour (uploads whose row never came, e.g. a crash).
 */
export async function removeUnreferencedFiles(names?: string[]): Promise<number> {
	let candidates: string[];
	if (names) candidates = names.filter((n) => STORED.test(n));
	else {
		let all: string[] = [];
		try {
			all = await fs.readdir(attachmentFolder());
		} catch {
			return 0;
		}
		const hourAgo = Date.now() - 3600_000;
		candidates = [];
		for (const n of all) {
			const full = path.join(attachmentFolder(), n);
			const stat = await fs.stat(full).catch(() => null);
			if (!stat || stat.mtimeMs > hourAgo) continue;
			if (STORED.test(n)) candidates.push(n);
			else if (n.endsWith('.tmp')) await fs.rm(full, { force: true });
		}
	}
	if (!candidates.length) return 0;
	const kept = new Set((await db().caseAttachment.findMany({ where: { storedName: { in: candidates } }, select: { storedName: true } })).map((r) => r.storedName));
	let removed = 0;
	for (const n of candidates) {
		if (kept.has(n)) continue;
		await fs.rm(storedPath(n), { force: true });
		removed++;
	}
	return removed;
}

export const SWEEP_JOB = 'cases.files.sweep';

export const sweepFiles = defineJob<{ names?: string[] }>(SWEEP_JOB, async (data) => ({ removed: await removeUnreferencedFiles(data.names) }), {
	retryLimit: 3,
	retryBackoff: true
});
schedule(SWEEP_JOB, '41 3 * * *', {});
