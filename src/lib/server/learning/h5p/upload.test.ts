import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { db } from '../../db/index.ts';
import { makePerson } from '../test-helpers.ts';
import { h5pContentFile, uploadH5P } from './content.ts';
import { createZip } from './zip.ts';

const kind = inject('databaseKind');
const LIB = path.resolve('courses/_libraries/H5P.MaisterniaQuiz-1.0');

function file(entries: { name: string; data: string | Buffer }[], name = 'vprava.h5p'): File {
	return new File([new Uint8Array(createZip(entries))], name, { type: 'application/zip' });
}
const h5pJson = JSON.stringify({ title: 'Завантажена вправа', mainLibrary: 'H5P.MaisterniaQuiz', preloadedDependencies: [{ machineName: 'H5P.MaisterniaQuiz', majorVersion: 1, minorVersion: 0 }] });
const good = [
	{ name: 'h5p.json', data: h5pJson },
	{ name: 'content/content.json', data: JSON.stringify({ questions: [{ text: 'Так?', answers: [{ text: 'Так', correct: true }, { text: 'Ні' }] }] }) },
	...['library.json', 'maisternia-quiz.js', 'maisternia-quiz.css'].map((f) => ({ name: `H5P.MaisterniaQuiz-1.0/${f}`, data: fs.readFileSync(path.join(LIB, f)) }))
];

describe(`H5P uploads (${kind})`, () => {
	it('an instructor uploads a checked package; its files are served, unsafe paths are not', async () => {
		const instructor = await makePerson('instructor', { roles: ['instructor', 'learner'] });
		const result = await uploadH5P(instructor, file(good));
		expect(result).toMatchObject({ ok: true, issues: [] });
		const row = await db().h5PContent.findUniqueOrThrow({ where: { id: result.id! } });
		expect(row).toMatchObject({ source: 'upload', title: 'Завантажена вправа', mainLibrary: 'H5P.MaisterniaQuiz 1.0', uploadedById: instructor.id });
		expect(await h5pContentFile(row.id, 'h5p.json')).toMatch(/h5p\.json$/);
		expect(await h5pContentFile(row.id, 'H5P.MaisterniaQuiz-1.0/maisternia-quiz.js')).toMatch(/maisternia-quiz\.js$/);
		expect(await h5pContentFile(row.id, '../../../etc/passwd')).toBeNull();
		expect(await h5pContentFile(row.id, 'content/../h5p.json')).toBeNull();
	});

	it('refuses hostile or incomplete packages with their reasons, and learners may not upload', async () => {
		const instructor = await makePerson('instructor', { roles: ['instructor', 'learner'] });
		const before = await db().h5PContent.count({ where: { source: 'upload' } });
		const slip = await uploadH5P(instructor, file([...good, { name: '../../evil.js', data: 'alert(1)' }]));
		expect(slip.ok).toBe(false);
		expect(slip.issues.map((i) => i.code)).toContain('h5p_unsafe_path');
		const missing = await uploadH5P(instructor, file(good.slice(1)));
		expect(missing.issues.map((i) => i.code)).toEqual(['h5p_missing_h5p_json']);
		expect(await db().h5PContent.count({ where: { source: 'upload' } })).toBe(before);
		const learner = await makePerson('learner');
		await expect(uploadH5P(learner, file(good))).rejects.toMatchObject({ code: 'forbidden' });
	});
});
