import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { can } from '../../auth/permissions.ts';
import type { SessionUser } from '../../auth/types.ts';
import { db } from '../../db/index.ts';
import { LIBRARIES_FOLDER } from '../course-files.ts';
import { LearningError } from '../errors.ts';
import type { Issue } from '../issues.ts';
import { coursesRoot, h5pStore } from '../paths.ts';
import { ALLOWED_EXTENSIONS, DEFAULT_LIMITS, extractH5PFile, inspectH5PFile, type H5PLimits } from './package.ts';

/**
 * Serving H5P: the h5p-standalone player (from node_modules, no CDN) and each content's files:
 * h5p.json, content/…, and its libraries (from the package, else from courses/_libraries).
 * Packed packages are unpacked on first use (DATA_DIR/h5p/<sha256>), so a new server with an
 * empty data folder serves them too. Uploads by instructors are checked before they are kept.
 */

const MIME: Record<string, string> = {
	js: 'text/javascript; charset=utf-8',
	css: 'text/css; charset=utf-8',
	json: 'application/json; charset=utf-8',
	map: 'application/json; charset=utf-8',
	svg: 'image/svg+xml',
	png: 'image/png',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	gif: 'image/gif',
	bmp: 'image/bmp',
	webp: 'image/webp',
	tif: 'image/tiff',
	tiff: 'image/tiff',
	woff: 'font/woff',
	woff2: 'font/woff2',
	ttf: 'font/ttf',
	otf: 'font/otf',
	eot: 'application/vnd.ms-fontobject',
	mp3: 'audio/mpeg',
	m4a: 'audio/mp4',
	wav: 'audio/wav',
	ogg: 'audio/ogg',
	mp4: 'video/mp4',
	webm: 'video/webm',
	vtt: 'text/vtt; charset=utf-8',
	webvtt: 'text/vtt; charset=utf-8',
	txt: 'text/plain; charset=utf-8',
	md: 'text/plain; charset=utf-8',
	csv: 'text/csv; charset=utf-8',
	xml: 'application/xml',
	pdf: 'application/pdf',
	doc: 'application/msword',
	docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
	xls: 'application/vnd.ms-excel',
	xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
	ppt: 'application/vnd.ms-powerpoint',
	pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
	odt: 'application/vnd.oasis.opendocument.text',
	ods: 'application/vnd.oasis.opendocument.spreadsheet',
	odp: 'application/vnd.oasis.opendocument.presentation',
	rtf: 'application/rtf'
};

export function mimeOf(file: string): string {
	const ext = file.split('.').pop()?.toLowerCase() ?? '';
	return MIME[ext] ?? 'application/octet-stream';
}

function safeRelative(rel: string): string | null {
	if (!rel || rel.includes('\0') || rel.includes('\\') || rel.startsWith('/')) return null;
	const parts = rel.split('/');
	if (parts.some((p) => p === '' || p === '.' || p === '..')) return null;
	return parts.join('/');
}

function inside(root: string, rel: string): string | null {
	const abs = path.resolve(root, rel);
	return abs.startsWith(path.resolve(root) + path.sep) && fs.existsSync(abs) && fs.statSync(abs).isFile() ? abs : null;
}

// ---------------------------------------------------------------- the player

let playerDir: string | undefined;

/** node_modules/h5p-standalone/dist, wherever node resolves it from. */
export function h5pPlayerDir(): string {
	if (!playerDir) {
		try {
			playerDir = path.join(path.dirname(createRequire(import.meta.url).resolve('h5p-standalone/package.json')), 'dist');
		} catch {
			playerDir = path.resolve('node_modules/h5p-standalone/dist');
		}
	}
	return playerDir;
}

export const H5P_PLAYER_VERSION = '3.8.2';

/** A file of the player (main.bundle.js, frame.bundle.js, styles/…, fonts/…, images/…), or null. */
export function playerFile(rel: string): string | null {
	const safe = safeRelative(rel);
	if (!safe || !/\.(js|css|woff2?|ttf|eot|svg|gif|png)$/.test(safe)) return null;
	return inside(h5pPlayerDir(), safe);
}

// ---------------------------------------------------------------- content files

export async function getH5PContent(id: string) {
	return db().h5PContent.findUnique({ where: { id } });
}

/** The folder the content's own files are served from (unpacking a packed package when needed). */
async function contentRoot(content: NonNullable<Awaited<ReturnType<typeof getH5PContent>>>): Promise<string> {
	if (content.source === 'course' && !content.sourcePath.endsWith('.h5p')) return path.join(coursesRoot(), content.sourcePath);
	const dir = path.join(h5pStore(), content.sha256);
	if (!fs.existsSync(dir)) {
		const packed = content.source === 'course' ? path.join(coursesRoot(), content.sourcePath) : path.join(h5pStore(), 'uploads', `${content.sha256}.h5p`);
		await extractH5PFile(packed, dir);
	}
	return dir;
}

/** The absolute path of a file of an H5P content, or null (unknown content, unsafe or missing path). */
export async function h5pContentFile(id: string, rel: string): Promise<string | null> {
	const safe = safeRelative(rel);
	if (!safe || !ALLOWED_EXTENSIONS.has(safe.split('.').pop()!.toLowerCase())) return null;
	const content = await getH5PContent(id);
	if (!content || content.archivedAt) return null;
	const root = await contentRoot(content);
	const own = inside(root, safe);
	if (own) return own;
	// A library the package does not carry: the portal's shared libraries.
	const first = safe.split('/')[0]!;
	if (first !== 'content' && first !== 'h5p.json' && /^[\w.]+-\d+\.\d+$/.test(first)) {
		return inside(path.join(coursesRoot(), LIBRARIES_FOLDER), safe);
	}
	return null;
}

// ---------------------------------------------------------------- uploads

export interface UploadResult {
	ok: boolean;
	issues: Issue[];
	id?: string;
}

/**
 * Keeps an .h5p uploaded by an instructor after checking it (package.ts). The file is written to a
 * temporary name first; a refused package leaves nothing behind.
 */
export async function uploadH5P(actor: SessionUser, file: File, limits: H5PLimits = DEFAULT_LIMITS): Promise<UploadResult> {
	if (!can(actor, 'h5p:upload')) throw new LearningError('forbidden');
	const name = (file.name || 'package.h5p').replace(/[^\p{L}\p{N}._ -]/gu, '_').slice(0, 120);
	if (file.size > limits.maxPackageBytes) {
		return { ok: false, issues: [{ file: name, code: 'h5p_too_large', params: { max: Math.round(limits.maxPackageBytes / 1024 / 1024) } }] };
	}
	const dir = path.join(h5pStore(), 'uploads');
	fs.mkdirSync(dir, { recursive: true });
	const tmp = path.join(dir, `.upload-${randomBytes(8).toString('hex')}.h5p`);
	fs.writeFileSync(tmp, Buffer.from(await file.arrayBuffer()));
	try {
		const info = await inspectH5PFile(tmp, { file: name, limits, sharedLibrariesDir: path.join(coursesRoot(), LIBRARIES_FOLDER) });
		if (!info.ok) return { ok: false, issues: info.issues };
		const kept = path.join(dir, `${info.sha256}.h5p`);
		if (!fs.existsSync(kept)) fs.renameSync(tmp, kept);
		await extractH5PFile(kept, path.join(h5pStore(), info.sha256), limits);
		const id = `upload.${randomBytes(9).toString('base64url').toLowerCase().replace(/[^a-z0-9]/g, 'x')}`;
		await db().h5PContent.create({
			data: {
				id,
				source: 'upload',
				title: info.h5p?.title ?? name,
				mainLibrary: info.mainLibrary ?? '',
				sourcePath: name,
				sha256: info.sha256,
				sizeBytes: info.totalBytes,
				fileCount: info.files,
				uploadedById: actor.id
			}
		});
		return { ok: true, issues: [], id };
	} finally {
		fs.rmSync(tmp, { force: true });
	}
}

export async function listUploads() {
	return db().h5PContent.findMany({ where: { source: 'upload', archivedAt: null }, orderBy: { createdAt: 'desc' }, take: 100 });
}
