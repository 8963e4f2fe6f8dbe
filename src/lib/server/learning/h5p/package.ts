import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';
import yauzl from 'yauzl';
import type { Issue } from '../issues.ts';

/**
 * H5P packages: checks before anything is unpacked or served, and extraction.
 *
 * A package is a ZIP with h5p.json, content/content.json and the libraries it needs (folders
 * named Machine.Name-major.minor with a library.json). Refused: packages over the size limit;
 * entries whose names escape the folder (zip-slip: "..", absolute paths, backslashes, drive
 * letters, symbolic links); zip bombs (too many files, too much unpacked data, a compression ratio
 * no real content has, sizes that lie: extraction counts the real bytes); file types outside H5P's
 * own allow-list; missing h5p.json, content.json or library.json of a needed library.
 */

export interface H5PLimits {
	/** The .h5p file itself. */
	maxPackageBytes: number;
	/** All entries unpacked. */
	maxTotalBytes: number;
	maxFiles: number;
	/** Unpacked / packed, for the whole package (over 1 MB unpacked). */
	maxRatio: number;
}

export const DEFAULT_LIMITS: H5PLimits = {
	maxPackageBytes: 50 * 1024 * 1024,
	maxTotalBytes: 200 * 1024 * 1024,
	maxFiles: 3000,
	maxRatio: 100
};

/** H5P core's allowed file types for content and libraries (swf left out). */
export const ALLOWED_EXTENSIONS = new Set(
	(
		'json png jpg jpeg gif bmp tif tiff svg eot ttf woff woff2 otf webm mp4 ogg mp3 m4a wav txt pdf rtf doc docx ' +
		'xls xlsx ppt pptx odt ods odp xml csv diff patch md textile vtt webvtt js css map'
	).split(' ')
);

export interface H5PJson {
	title: string;
	mainLibrary: string;
	language?: string;
	embedTypes?: string[];
	preloadedDependencies: LibraryRef[];
}

export interface LibraryRef {
	machineName: string;
	majorVersion: number;
	minorVersion: number;
}

export interface PackageInfo {
	ok: boolean;
	issues: Issue[];
	h5p: H5PJson | null;
	/** "H5P.MaisterniaQuiz 1.0" */
	mainLibrary: string | null;
	files: number;
	totalBytes: number;
	/** SHA-256 of the package (the .h5p bytes, or every file of a folder). */
	sha256: string;
}

export const libraryFolder = (ref: LibraryRef) => `${ref.machineName}-${ref.majorVersion}.${ref.minorVersion}`;

/** Why an entry name is unsafe to unpack, or null when it is a plain relative path. */
export function unsafeEntryName(name: string): boolean {
	if (!name || name.includes('\0') || name.includes('\\')) return true;
	if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return true;
	return name.split('/').some((part) => part === '..');
}

function extensionAllowed(name: string): boolean {
	const base = name.split('/').pop() ?? '';
	const dot = base.lastIndexOf('.');
	if (dot <= 0) return false;
	return ALLOWED_EXTENSIONS.has(base.slice(dot + 1).toLowerCase());
}

function isRef(v: unknown): v is LibraryRef {
	const r = v as LibraryRef;
	return !!r && typeof r.machineName === 'string' && /^[\w.-]+$/.test(r.machineName) && Number.isInteger(r.majorVersion) && Number.isInteger(r.minorVersion);
}

function parseH5PJson(text: string, file: string, issues: Issue[]): H5PJson | null {
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		issues.push({ file, field: 'h5p.json', code: 'h5p_invalid_json', params: { entry: 'h5p.json' } });
		return null;
	}
	const h = json as Partial<H5PJson>;
	const deps = Array.isArray(h.preloadedDependencies) ? h.preloadedDependencies : [];
	if (typeof h.mainLibrary !== 'string' || !deps.every(isRef) || !deps.some((d) => d.machineName === h.mainLibrary)) {
		issues.push({ file, field: 'h5p.json', code: 'h5p_main_library' });
		return null;
	}
	return { title: typeof h.title === 'string' ? h.title : h.mainLibrary, mainLibrary: h.mainLibrary, language: h.language, embedTypes: h.embedTypes, preloadedDependencies: deps };
}

/**
 * Follows library dependencies from h5p.json: every library needed must have a library.json in
 * the package (or among the shared libraries). `readLibrary` gives a library.json's text or null.
 */
function checkLibraries(h5p: H5PJson, file: string, readLibrary: (folder: string) => string | null, issues: Issue[]): void {
	const seen = new Set<string>();
	const queue = [...h5p.preloadedDependencies];
	while (queue.length) {
		const ref = queue.shift()!;
		const folder = libraryFolder(ref);
		if (seen.has(folder)) continue;
		seen.add(folder);
		const text = readLibrary(folder);
		if (text === null) {
			issues.push({ file, code: 'h5p_missing_library', params: { library: folder } });
			continue;
		}
		try {
			const lib = JSON.parse(text) as { preloadedDependencies?: unknown[] };
			for (const dep of lib.preloadedDependencies ?? []) if (isRef(dep)) queue.push(dep);
		} catch {
			issues.push({ file, code: 'h5p_invalid_json', params: { entry: `${folder}/library.json` } });
		}
	}
}

function sharedLibraryReader(sharedDir: string | undefined) {
	return (folder: string): string | null => {
		if (!sharedDir) return null;
		const p = path.join(sharedDir, folder, 'library.json');
		return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : null;
	};
}

// ---------------------------------------------------------------- .h5p files

function openZip(file: string): Promise<yauzl.ZipFile> {
	return new Promise((resolve, reject) =>
		yauzl.open(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true, autoClose: false }, (err, zip) =>
			err || !zip ? reject(err ?? new Error('no zip')) : resolve(zip)
		)
	);
}

interface RawEntry {
	name: string;
	entry: yauzl.Entry;
}

function entryName(entry: yauzl.Entry): string {
	const raw = entry.fileName as unknown as Buffer | string;
	return typeof raw === 'string' ? raw : raw.toString('utf8');
}

async function listEntries(zip: yauzl.ZipFile): Promise<RawEntry[]> {
	return new Promise((resolve, reject) => {
		const out: RawEntry[] = [];
		zip.on('entry', (entry: yauzl.Entry) => {
			out.push({ name: entryName(entry), entry });
			zip.readEntry();
		});
		zip.on('end', () => resolve(out));
		zip.on('error', reject);
		zip.readEntry();
	});
}

async function readEntryText(zip: yauzl.ZipFile, entry: yauzl.Entry, max = 2 * 1024 * 1024): Promise<string> {
	if (entry.uncompressedSize > max) throw new Error('entry too large');
	const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
		zip.openReadStream(entry, (err, s) => (err || !s ? reject(err) : resolve(s)))
	);
	const chunks: Buffer[] = [];
	let n = 0;
	for await (const chunk of stream as AsyncIterable<Buffer>) {
		n += chunk.length;
		if (n > max) throw new Error('entry too large');
		chunks.push(chunk);
	}
	return Buffer.concat(chunks).toString('utf8');
}

const isSymlink = (entry: yauzl.Entry) => ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;

/** Checks a .h5p file without unpacking it. `file` is the name shown in issues. */
export async function inspectH5PFile(
	filePath: string,
	opts: { file: string; limits?: H5PLimits; sharedLibrariesDir?: string }
): Promise<PackageInfo> {
	const limits = opts.limits ?? DEFAULT_LIMITS;
	const file = opts.file;
	const issues: Issue[] = [];
	const size = fs.statSync(filePath).size;
	const sha256 = createHash('sha256').update(fs.readFileSync(filePath)).digest('hex');
	const fail = (): PackageInfo => ({ ok: false, issues, h5p: null, mainLibrary: null, files: 0, totalBytes: 0, sha256 });
	if (size > limits.maxPackageBytes) {
		issues.push({ file, code: 'h5p_too_large', params: { max: Math.round(limits.maxPackageBytes / 1024 / 1024) } });
		return fail();
	}
	let zip: yauzl.ZipFile;
	try {
		zip = await openZip(filePath);
	} catch {
		issues.push({ file, code: 'h5p_not_zip' });
		return fail();
	}
	try {
		if (zip.entryCount > limits.maxFiles) {
			issues.push({ file, code: 'h5p_too_many_files', params: { max: limits.maxFiles } });
			return fail();
		}
		let entries: RawEntry[];
		try {
			entries = await listEntries(zip);
		} catch {
			issues.push({ file, code: 'h5p_not_zip' });
			return fail();
		}
		let total = 0;
		let files = 0;
		const byName = new Map<string, yauzl.Entry>();
		for (const { name, entry } of entries) {
			if (unsafeEntryName(name) || isSymlink(entry)) {
				issues.push({ file, code: 'h5p_unsafe_path', params: { entry: name } });
				continue;
			}
			if (name.endsWith('/')) continue;
			files++;
			total += entry.uncompressedSize;
			if (!extensionAllowed(name)) issues.push({ file, code: 'h5p_file_type', params: { entry: name } });
			byName.set(name, entry);
		}
		if (issues.some((i) => i.code === 'h5p_unsafe_path')) return fail();
		const ratio = total / Math.max(1, size);
		if (total > limits.maxTotalBytes || (total > 1024 * 1024 && ratio > limits.maxRatio)) {
			issues.push({ file, code: 'h5p_bomb', params: { max: Math.round(limits.maxTotalBytes / 1024 / 1024), ratio: Math.round(ratio) } });
			return fail();
		}
		const h5pEntry = byName.get('h5p.json');
		if (!h5pEntry) {
			issues.push({ file, code: 'h5p_missing_h5p_json' });
			return fail();
		}
		let h5p: H5PJson | null = null;
		try {
			h5p = parseH5PJson(await readEntryText(zip, h5pEntry), file, issues);
		} catch {
			issues.push({ file, code: 'h5p_invalid_json', params: { entry: 'h5p.json' } });
		}
		if (!byName.has('content/content.json')) issues.push({ file, code: 'h5p_missing_content' });
		if (h5p) {
			const libTexts = new Map<string, string>();
			for (const [name, entry] of byName) {
				const m = /^([^/]+)\/library\.json$/.exec(name);
				if (m) {
					try {
						libTexts.set(m[1]!, await readEntryText(zip, entry));
					} catch {
						issues.push({ file, code: 'h5p_invalid_json', params: { entry: name } });
					}
				}
			}
			const shared = sharedLibraryReader(opts.sharedLibrariesDir);
			checkLibraries(h5p, file, (folder) => libTexts.get(folder) ?? shared(folder), issues);
		}
		return {
			ok: issues.length === 0,
			issues,
			h5p,
			mainLibrary: h5p ? mainLibraryName(h5p) : null,
			files,
			totalBytes: total,
			sha256
		};
	} finally {
		zip.close();
	}
}

function mainLibraryName(h5p: H5PJson): string {
	const ref = h5p.preloadedDependencies.find((d) => d.machineName === h5p.mainLibrary)!;
	return `${ref.machineName} ${ref.majorVersion}.${ref.minorVersion}`;
}

/**
 * Unpacks a checked .h5p into `destDir` (created through a temporary sibling folder, renamed when
 * complete). The real bytes are counted: a package whose entries inflate beyond what they declared
 * or beyond the total limit is abandoned and nothing is left behind.
 */
export async function extractH5PFile(filePath: string, destDir: string, limits: H5PLimits = DEFAULT_LIMITS): Promise<void> {
	if (fs.existsSync(destDir)) return;
	const tmp = `${destDir}.tmp-${randomBytes(4).toString('hex')}`;
	fs.mkdirSync(tmp, { recursive: true });
	const zip = await openZip(filePath);
	let written = 0;
	try {
		const entries = await listEntries(zip);
		for (const { name, entry } of entries) {
			if (unsafeEntryName(name) || isSymlink(entry)) throw new Error(`unsafe entry ${name}`);
			const target = path.resolve(tmp, name);
			if (!target.startsWith(tmp + path.sep)) throw new Error(`unsafe entry ${name}`);
			if (name.endsWith('/')) {
				fs.mkdirSync(target, { recursive: true });
				continue;
			}
			if (!extensionAllowed(name)) continue;
			fs.mkdirSync(path.dirname(target), { recursive: true });
			const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) =>
				zip.openReadStream(entry, (err, s) => (err || !s ? reject(err) : resolve(s)))
			);
			const counter = new Transform({
				transform(chunk: Buffer, _enc, cb) {
					written += chunk.length;
					if (written > limits.maxTotalBytes) cb(new Error('package inflates beyond the limit'));
					else cb(null, chunk);
				}
			});
			await pipeline(stream as NodeJS.ReadableStream, counter, fs.createWriteStream(target, { flags: 'wx' }));
		}
		fs.mkdirSync(path.dirname(destDir), { recursive: true });
		fs.renameSync(tmp, destDir);
	} catch (err) {
		fs.rmSync(tmp, { recursive: true, force: true });
		throw err;
	} finally {
		zip.close();
	}
}

// ---------------------------------------------------------------- unpacked folders (course files)

function walk(dir: string, base = dir, out: { rel: string; size: number; link: boolean }[] = []) {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const abs = path.join(dir, entry.name);
		const rel = path.relative(base, abs).split(path.sep).join('/');
		if (entry.isSymbolicLink()) out.push({ rel, size: 0, link: true });
		else if (entry.isDirectory()) walk(abs, base, out);
		else if (entry.isFile()) out.push({ rel, size: fs.statSync(abs).size, link: false });
	}
	return out;
}

/** Checks an unpacked package folder of a course. */
export function inspectH5PFolder(dir: string, opts: { file: string; limits?: H5PLimits; sharedLibrariesDir?: string }): PackageInfo {
	const limits = opts.limits ?? DEFAULT_LIMITS;
	const file = opts.file;
	const issues: Issue[] = [];
	const entries = walk(dir).sort((a, b) => (a.rel < b.rel ? -1 : 1));
	const hash = createHash('sha256');
	let total = 0;
	for (const e of entries) {
		if (e.link) {
			issues.push({ file, code: 'h5p_unsafe_path', params: { entry: e.rel } });
			continue;
		}
		if (!extensionAllowed(e.rel)) issues.push({ file, code: 'h5p_file_type', params: { entry: e.rel } });
		total += e.size;
		hash.update(e.rel).update('\0').update(fs.readFileSync(path.join(dir, e.rel)));
	}
	const sha256 = hash.digest('hex');
	if (entries.length > limits.maxFiles) issues.push({ file, code: 'h5p_too_many_files', params: { max: limits.maxFiles } });
	if (total > limits.maxTotalBytes) issues.push({ file, code: 'h5p_bomb', params: { max: Math.round(limits.maxTotalBytes / 1024 / 1024), ratio: 1 } });
	let h5p: H5PJson | null = null;
	const h5pPath = path.join(dir, 'h5p.json');
	if (!fs.existsSync(h5pPath)) issues.push({ file, code: 'h5p_missing_h5p_json' });
	else h5p = parseH5PJson(fs.readFileSync(h5pPath, 'utf8'), file, issues);
	if (!fs.existsSync(path.join(dir, 'content', 'content.json'))) issues.push({ file, code: 'h5p_missing_content' });
	else {
		try {
			JSON.parse(fs.readFileSync(path.join(dir, 'content', 'content.json'), 'utf8'));
		} catch {
			issues.push({ file, code: 'h5p_invalid_json', params: { entry: 'content/content.json' } });
		}
	}
	if (h5p) {
		const shared = sharedLibraryReader(opts.sharedLibrariesDir);
		checkLibraries(
			h5p,
			file,
			(folder) => {
				const p = path.join(dir, folder, 'library.json');
				return fs.existsSync(p) ? fs.readFileSync(p, 'utf8') : shared(folder);
			},
			issues
		);
	}
	return { ok: issues.length === 0, issues, h5p, mainLibrary: h5p ? mainLibraryName(h5p) : null, files: entries.length, totalBytes: total, sha256 };
}
