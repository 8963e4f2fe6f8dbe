import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { resetConfig } from '../config/index.ts';
import type { SessionUser } from '../auth/types.ts';
import { createZip } from '../learning/h5p/zip.ts';
import { attachmentFolder, checkFiles, cleanFileName, removeUnreferencedFiles, sniffFile } from './attachments.ts';
import { caseFile, caseForEdit, casePage, reviewCase, saveDraft, submitCase, type CaseInput } from './cases.ts';
import { filesFromForm } from './forms.ts';
import { caseInput } from './testing.ts';

const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 5);
const saved = { DATA_DIR: process.env.DATA_DIR, MAX: process.env.CASE_ATTACHMENT_MAX_MB };
let dir = '';

beforeAll(() => {
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cases-files-'));
	process.env.DATA_DIR = dir;
	process.env.CASE_ATTACHMENT_MAX_MB = '0.05'; // 51 KB: "too large" needs no big buffers
	resetConfig();
});

afterAll(() => {
	for (const [k, v] of [['DATA_DIR', saved.DATA_DIR], ['CASE_ATTACHMENT_MAX_MB', saved.MAX]] as const) {
		if (v === undefined) delete process.env[k];
		else process.env[k] = v;
	}
	resetConfig();
	fs.rmSync(dir, { recursive: true, force: true });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 16, 0x4a, 0x46, 0x49, 0x46]);
const DOCX = createZip([
	{ name: '[Content_Types].xml', data: '<Types/>' },
	{ name: 'word/document.xml', data: '<w:document/>' }
]);
const XLSX = createZip([
	{ name: '[Content_Types].xml', data: '<Types/>' },
	{ name: 'xl/workbook.xml', data: '<workbook/>' }
]);
const odf = (type: string) => createZip([{ name: 'mimetype', data: type, method: 'store' }, { name: 'content.xml', data: '<office:document-content/>' }]);
const ODT = odf('application/vnd.oasis.opendocument.text');
const ODS = odf('application/vnd.oasis.opendocument.spreadsheet');

function person(name: string, patch: Partial<SessionUser> = {}): SessionUser {
	return { id: `${name}-${run}`, email: `${name}-${run}@test.maisternia.ua`, name, locale: 'uk', roles: ['contributor'], emailVerified: true, memberships: [], ...patch };
}

const input = (patch: Partial<CaseInput> = {}) => caseInput({ title: `Файли ${run}`, ...patch });

describe('what a file is, by its content', () => {
	it('recognises the allowed types and nothing else', async () => {
		expect(await sniffFile(PDF)).toBe('pdf');
		expect(await sniffFile(PNG)).toBe('png');
		expect(await sniffFile(JPEG)).toBe('jpeg');
		expect(await sniffFile(DOCX)).toBe('docx');
		expect(await sniffFile(XLSX)).toBe('xlsx');
		expect(await sniffFile(ODT)).toBe('odt');
		expect(await sniffFile(ODS)).toBe('ods');
		expect(await sniffFile(Buffer.from('MZ\x90\x00 an executable'))).toBeNull();
		expect(await sniffFile(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
		// A ZIP that is neither OOXML nor OpenDocument (e.g. an archive of anything).
		expect(await sniffFile(createZip([{ name: 'evil.exe', data: 'MZ' }]))).toBeNull();
		expect(await sniffFile(odf('application/vnd.oasis.opendocument.presentation'))).toBeNull();
	});

	it('refuses a wrong type by content, a mismatched extension, a file over the limit, an empty one, too many', async () => {
		const { ok, issues } = await checkFiles(
			[
				{ name: 'report.pdf', bytes: PDF },
				{ name: 'fake.pdf', bytes: Buffer.from('just text, not a PDF') },
				{ name: 'report.docx', bytes: PDF },
				{ name: 'tool.exe', bytes: PDF },
				{ name: 'big.pdf', bytes: Buffer.concat([PDF, Buffer.alloc(60 * 1024)]) },
				{ name: 'huge.pdf', bytes: new Uint8Array(), size: 900 * 1024 * 1024 },
				{ name: 'empty.pdf', bytes: new Uint8Array() },
				{ name: 'table.xlsx', bytes: XLSX },
				{ name: 'photo.JPG', bytes: JPEG }
			],
			0
		);
		expect(ok.map((f) => [f.fileName, f.kind])).toEqual([
			['report.pdf', 'pdf'],
			['table.xlsx', 'xlsx'],
			['photo.JPG', 'jpeg']
		]);
		expect(issues).toEqual([
			{ name: 'fake.pdf', problem: 'type' },
			{ name: 'report.docx', problem: 'type' },
			{ name: 'tool.exe', problem: 'type' },
			{ name: 'big.pdf', problem: 'too_large' },
			{ name: 'huge.pdf', problem: 'too_large' },
			{ name: 'empty.pdf', problem: 'empty' }
		]);
		expect((await checkFiles([{ name: 'a.pdf', bytes: PDF }, { name: 'b.pdf', bytes: PDF }], 9)).issues).toEqual([{ name: '', problem: 'too_many' }]);
	});

	it('keeps no folder part, control or reserved characters of a name', () => {
		expect(cleanFileName('../../etc/passwd.pdf')).toBe('passwd.pdf');
		expect(cleanFileName('C:\\Users\\me\\Звіт 2024.pdf')).toBe('Звіт 2024.pdf');
		expect(cleanFileName('..\\..\\..pdf')).toBe('pdf');
		expect(cleanFileName('a\u0000b\r\nc"<>|?*.pdf')).toBe('abc.pdf');
		expect(cleanFileName(`${'я'.repeat(300)}.docx`)).toMatch(/^я{145}\.docx$/);
	});

	it('reads the form: no empty part, an over-limit file by its size without its bytes', async () => {
		const fd = new FormData();
		fd.append('files', new File([], ''));
		fd.append('files', new File([PDF], 'a.pdf', { type: 'application/pdf' }));
		fd.append('files', new File([Buffer.alloc(100 * 1024)], 'big.pdf'));
		fd.append('removeFiles', 'x1');
		const { add, remove } = await filesFromForm(fd);
		expect(add.map((f) => [f.name, f.bytes.length, f.size])).toEqual([
			['a.pdf', PDF.length, PDF.length],
			['big.pdf', 0, 100 * 1024]
		]);
		expect(remove).toEqual(['x1']);
	});
});

describe('files on a case', () => {
	it('stores files under random names, refuses a bad one with nothing kept, removes on edit', async () => {
		const author = person('author');
		const bad = await saveDraft(author, input(), null, { add: [{ name: 'report.pdf', bytes: PDF }, { name: 'notes.pdf', bytes: Buffer.from('plain text') }] });
		expect(bad).toEqual({ ok: false, errors: {}, fileIssues: [{ name: 'notes.pdf', problem: 'type' }] });
		expect(await db().practiceCase.count({ where: { authorId: author.id } })).toBe(0);

		const r = await saveDraft(author, input(), null, { add: [{ name: '../../etc/Звіт.pdf', bytes: PDF }, { name: 'photo.png', bytes: PNG }] });
		expect(r.ok).toBe(true);
		const slug = (r as { slug: string }).slug;
		const edit = await caseForEdit(slug, author);
		expect(edit!.files.map((f) => [f.fileName, f.mediaType, f.size])).toEqual([
			['Звіт.pdf', 'application/pdf', PDF.length],
			['photo.png', 'image/png', PNG.length]
		]);
		const rows = await db().caseAttachment.findMany({ where: { case: { slug } }, orderBy: { createdAt: 'asc' } });
		for (const row of rows) {
			expect(row.storedName).toMatch(/^[0-9a-f]{32}\.(pdf|png)$/);
			expect(fs.existsSync(path.join(attachmentFolder(), row.storedName))).toBe(true);
		}
		expect(attachmentFolder().startsWith(dir)).toBe(true);

		// Removing one and adding a wrong one: refused whole, nothing removed.
		const pdf = rows[0]!;
		expect((await saveDraft(author, input(), slug, { remove: [pdf.id], add: [{ name: 'x.docx', bytes: PNG }] })).ok).toBe(false);
		expect(await db().caseAttachment.count({ where: { case: { slug } } })).toBe(2);
		expect((await saveDraft(author, input(), slug, { remove: [pdf.id] })).ok).toBe(true);
		expect(await db().caseAttachment.count({ where: { case: { slug } } })).toBe(1);
		expect(fs.existsSync(path.join(attachmentFolder(), pdf.storedName))).toBe(false);
	});

	it('downloads: a draft’s file only to its author and editors, a published one to anyone', async () => {
		const author = person('dl-author');
		const editor = person('dl-editor', { roles: ['editor'] });
		const stranger = person('dl-stranger');
		const r = await saveDraft(author, input({ title: `Завантаження ${run}` }), null, { add: [{ name: 'plan.pdf', bytes: PDF }] });
		const slug = (r as { slug: string }).slug;
		const file = (await casePage(slug, author, 'uk'))!.case.files[0]!;
		expect(file.href).toBe(`/cases/${slug}/files/${file.id}`);

		expect(await caseFile(slug, file.id, null)).toBeNull();
		expect(await caseFile(slug, file.id, stranger)).toBeNull();
		const mine = await caseFile(slug, file.id, author);
		expect(mine).toMatchObject({ fileName: 'plan.pdf', mediaType: 'application/pdf', published: false });
		expect(Buffer.compare(mine!.bytes, PDF)).toBe(0);
		expect(await caseFile(slug, file.id, editor)).not.toBeNull();
		// The file's id under another case's address is not found.
		expect(await caseFile('some-other-case', file.id, editor)).toBeNull();

		expect(await submitCase(slug, author)).toEqual({ ok: true });
		expect(await caseFile(slug, file.id, stranger)).toBeNull();
		await reviewCase(slug, editor, 'published', '');
		expect(await caseFile(slug, file.id, null)).toMatchObject({ fileName: 'plan.pdf', published: true });
		expect((await casePage(slug, null, 'uk'))!.case.files.map((f) => f.fileName)).toEqual(['plan.pdf']);
	});

	it('account deletion takes a draft’s files with it; the sweep removes only files no row names', async () => {
		await import('./personal-data.ts');
		const { personalDataProviders } = await import('../identity/personal-data.ts');
		const provider = personalDataProviders().find((p) => p.key === 'cases')!;
		const author = person('files-leaving');
		const draft = await saveDraft(author, input({ title: `Чернетка з файлом ${run}` }), null, { add: [{ name: 'draft.pdf', bytes: PDF }] });
		const pub = await saveDraft(author, input({ title: `Опубліковано з файлом ${run}` }), null, { add: [{ name: 'kept.pdf', bytes: PDF }] });
		await db().practiceCase.update({ where: { slug: (pub as { slug: string }).slug }, data: { status: 'published' } });
		const exported = (await provider.export(author.id)) as { cases: Array<{ title: string; files: Array<{ fileName: string }> }> };
		expect(exported.cases.flatMap((c) => c.files.map((f) => f.fileName)).sort()).toEqual(['draft.pdf', 'kept.pdf']);

		const [draftFile, keptFile] = await Promise.all(
			[draft, pub].map(async (x) => (await db().caseAttachment.findFirstOrThrow({ where: { case: { slug: (x as { slug: string }).slug } } })).storedName)
		);
		await db().$transaction((tx) => provider.erase(tx, { id: author.id, email: author.email }));
		// Without a job runner here the sweep the deletion queues is run by hand.
		expect(await removeUnreferencedFiles([draftFile!, keptFile!])).toBe(1);
		expect(fs.existsSync(path.join(attachmentFolder(), draftFile!))).toBe(false);
		expect(fs.existsSync(path.join(attachmentFolder(), keptFile!))).toBe(true);

		// An orphan older than an hour (a crashed upload) goes in the daily sweep; a fresh one stays.
		const orphan = path.join(attachmentFolder(), `${'a'.repeat(32)}.pdf`);
		const fresh = path.join(attachmentFolder(), `${'b'.repeat(32)}.pdf`);
		fs.writeFileSync(orphan, PDF);
		fs.writeFileSync(fresh, PDF);
		const old = new Date(Date.now() - 2 * 3600_000);
		fs.utimesSync(orphan, old, old);
		expect(await removeUnreferencedFiles()).toBe(1);
		expect(fs.existsSync(orphan)).toBe(false);
		expect(fs.existsSync(fresh)).toBe(true);
		expect(fs.existsSync(path.join(attachmentFolder(), keptFile!))).toBe(true);
	});
});
