import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempRoot } from '../test-helpers.ts';
import { DEFAULT_LIMITS, extractH5PFile, inspectH5PFile, inspectH5PFolder } from './package.ts';
import { createZip, type ZipEntry } from './zip.ts';

const LIB = path.resolve('courses/_libraries/H5P.MaisterniaQuiz-1.0');
const h5pJson = JSON.stringify({ title: 'Тест', mainLibrary: 'H5P.MaisterniaQuiz', preloadedDependencies: [{ machineName: 'H5P.MaisterniaQuiz', majorVersion: 1, minorVersion: 0 }] });
const library: ZipEntry[] = ['library.json', 'maisternia-quiz.js', 'maisternia-quiz.css'].map((f) => ({ name: `H5P.MaisterniaQuiz-1.0/${f}`, data: fs.readFileSync(path.join(LIB, f)) }));
const good: ZipEntry[] = [{ name: 'h5p.json', data: h5pJson }, { name: 'content/content.json', data: '{"questions":[]}' }, ...library];

function pack(entries: ZipEntry[]): string {
	const file = path.join(tempRoot('maisternia-h5p-'), 'p.h5p');
	fs.writeFileSync(file, createZip(entries));
	return file;
}

const codes = async (entries: ZipEntry[], limits = DEFAULT_LIMITS) => (await inspectH5PFile(pack(entries), { file: 'p.h5p', limits })).issues.map((i) => i.code);

describe('H5P package checks', () => {
	it('accepts a complete package (h5p.json, content.json, the library) and unpacks it', async () => {
		const file = pack(good);
		const info = await inspectH5PFile(file, { file: 'p.h5p' });
		expect(info).toMatchObject({ ok: true, mainLibrary: 'H5P.MaisterniaQuiz 1.0', files: 5 });
		const dest = path.join(tempRoot(), 'out');
		await extractH5PFile(file, dest);
		expect(fs.existsSync(path.join(dest, 'H5P.MaisterniaQuiz-1.0/maisternia-quiz.js'))).toBe(true);
	});

	it('refuses zip-slip entry names', async () => {
		for (const name of ['../evil.js', 'content/../../evil.json', '/etc/passwd.txt', 'C:/x.json', 'a\\..\\b.json']) {
			expect(await codes([...good, { name, data: 'x' }]), name).toContain('h5p_unsafe_path');
		}
	});

	it('refuses a symbolic link entry', async () => {
		expect(await codes([...good, { name: 'content/link.json', data: '/etc/passwd', unixMode: 0o120777 }])).toContain('h5p_unsafe_path');
	});

	it('refuses zip bombs: a compression ratio no content has, too much unpacked data, too many files', async () => {
		const zeros = Buffer.alloc(30 * 1024 * 1024);
		expect(await codes([...good, { name: 'content/zeros.txt', data: zeros }])).toContain('h5p_bomb');
		expect(await codes(good, { ...DEFAULT_LIMITS, maxTotalBytes: 1000 })).toContain('h5p_bomb');
		expect(await codes(good, { ...DEFAULT_LIMITS, maxFiles: 3 })).toContain('h5p_too_many_files');
	});

	it('does not trust declared sizes: extraction stops when an entry inflates beyond what it claimed', async () => {
		const liar = pack([...good, { name: 'content/big.txt', data: Buffer.alloc(2 * 1024 * 1024, 65), declaredSize: 10 }]);
		const info = await inspectH5PFile(liar, { file: 'p.h5p' });
		expect(info.totalBytes).toBeLessThan(100_000); // what the headers claim
		const dest = path.join(tempRoot(), 'out');
		await expect(extractH5PFile(liar, dest)).rejects.toThrow();
		expect(fs.existsSync(dest)).toBe(false);
	});

	it('refuses a package over the size limit, a file that is not a zip, and unknown file types', async () => {
		expect(await codes(good, { ...DEFAULT_LIMITS, maxPackageBytes: 100 })).toEqual(['h5p_too_large']);
		const notZip = path.join(tempRoot(), 'x.h5p');
		fs.writeFileSync(notZip, 'this is not a zip');
		expect((await inspectH5PFile(notZip, { file: 'x.h5p' })).issues.map((i) => i.code)).toEqual(['h5p_not_zip']);
		expect(await codes([...good, { name: 'content/run.exe', data: 'MZ' }, { name: 'content/page.php', data: '<?php' }])).toEqual(['h5p_file_type', 'h5p_file_type']);
	});

	it('requires h5p.json, content/content.json and every library it needs', async () => {
		expect(await codes(good.filter((e) => e.name !== 'h5p.json'))).toEqual(['h5p_missing_h5p_json']);
		expect(await codes(good.filter((e) => e.name !== 'content/content.json'))).toEqual(['h5p_missing_content']);
		expect(await codes(good.filter((e) => !e.name.endsWith('library.json')))).toEqual(['h5p_missing_library']);
		expect(await codes([{ name: 'h5p.json', data: '{not json' }, ...good.slice(1)])).toEqual(['h5p_invalid_json']);
		expect(await codes([{ name: 'h5p.json', data: '{"mainLibrary":"X","preloadedDependencies":[]}' }, ...good.slice(1)])).toEqual(['h5p_main_library']);
		// A library found among the portal's shared libraries is enough.
		const file = pack(good.filter((e) => !e.name.startsWith('H5P.MaisterniaQuiz')));
		expect((await inspectH5PFile(file, { file: 'p.h5p', sharedLibrariesDir: path.dirname(LIB) })).ok).toBe(true);
	});

	it('checks unpacked folders the same way', () => {
		const dir = tempRoot();
		fs.mkdirSync(path.join(dir, 'content'));
		fs.writeFileSync(path.join(dir, 'content/content.json'), '{}');
		expect(inspectH5PFolder(dir, { file: 'f' }).issues.map((i) => i.code)).toEqual(['h5p_missing_h5p_json']);
		fs.writeFileSync(path.join(dir, 'h5p.json'), h5pJson);
		expect(inspectH5PFolder(dir, { file: 'f', sharedLibrariesDir: path.dirname(LIB) }).ok).toBe(true);
		fs.symlinkSync('/etc/passwd', path.join(dir, 'content/link.json'));
		expect(inspectH5PFolder(dir, { file: 'f', sharedLibrariesDir: path.dirname(LIB) }).issues.map((i) => i.code)).toContain('h5p_unsafe_path');
	});
});
