import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../db/index.ts';
import { importActSource } from './import.ts';
import { actJsonLd, getActDiff, getActView } from './index.ts';
import { diffWords } from './diff.ts';

const CORPUS = path.resolve(process.env.LEGAL_ACTS_DIR ?? 'tests/fixtures/legal-acts');
const noJob = async () => false;
const original = fs.readFileSync(path.join(CORPUS, '336-2022-р.md'), 'utf8').replace('##### Ідентифікатор: 336-2022-р', '##### Ідентифікатор: view-336-2022-р');
const newer = original
	.replace('### Текст документа від 23.08.2022:', '### Текст документа від 01.02.2023:')
	.replace('1864145,6 тис. гривень', '2000000 тис. гривень')
	.replace('[]{#n6}\n2. ', '[]{#n77}\n3. Контроль покласти на Міністерство економіки.\n\n[]{#n6}\n2. ');
let slug = '';

beforeAll(async () => {
	await importActSource(original, 'view-336.md', { onActChanged: noJob });
	await importActSource(newer, 'view-336-newer.md', { onActChanged: noJob });
	slug = (await db().legalAct.findUniqueOrThrow({ where: { nreg: 'view-336-2022-р' } })).slug;
});
afterAll(async () => {
	await db().legalAct.deleteMany({ where: { nreg: 'view-336-2022-р' } });
});

describe(`act pages' data (${inject('databaseKind')})`, () => {
	it('text as of a date picks the redaction in force then', async () => {
		const now = (await getActView(slug))!;
		expect(now.version).toMatchObject({ redactionOn: '2023-02-01', isCurrent: true });
		expect(now.versions.map((v) => v.redactionOn)).toEqual(['2022-08-23', '2023-02-01']);
		const then = (await getActView(slug, { asOf: '2022-12-31' }))!;
		expect(then.version).toMatchObject({ redactionOn: '2022-08-23', isCurrent: false });
		expect(then.units.some((u) => u.anchor === 'n77')).toBe(false);
		const before = (await getActView(slug, { asOf: '2000-01-01' }))!;
		expect(before.beforeFirst).toBe(true);
		// Links of the text point into the library or to the Rada portal through /library/go.
		const links = now.units.flatMap((u) => u.tokens).filter((t) => t.t === 'link') as Array<{ href: string }>;
		expect(links.map((l) => l.href)).toContain('/library/go/704-2022-%D1%80');
	});

	it('the difference between redactions, unit by unit and word by word', async () => {
		const d = (await getActDiff(slug, null, null))!;
		expect(d.from.redactionOn).toBe('2022-08-23');
		expect(d.to.redactionOn).toBe('2023-02-01');
		expect(d.changes.map((c) => [c.anchor, c.status])).toEqual([
			['n4', 'changed'],
			['n77', 'added']
		]);
		const changed = d.changes[0]!.words;
		expect(changed.filter((w) => w.op === 'del').map((w) => w.text.trim())).toEqual(['1864145,6']);
		expect(changed.filter((w) => w.op === 'ins').map((w) => w.text.trim())).toEqual(['2000000']);
		expect(diffWords('a b c', 'a c d')).toEqual([
			{ op: 'eq', text: 'a ' },
			{ op: 'del', text: 'b ' },
			{ op: 'eq', text: 'c' },
			{ op: 'ins', text: ' d' }
		]);
	});

	it('relations both ways and schema.org Legislation', async () => {
		const v = (await getActView(slug))!;
		const groups = Object.fromEntries(v.relations.map((g) => [g.group, g.items.map((i) => i.nreg)]));
		expect(groups.amended_by).toEqual(['704-2022-р', '748-2022-р']);
		expect(groups.refers_to).toContain('1272-2021-п');
		const ld = actJsonLd(v, 'https://portal.example');
		expect(ld).toMatchObject({
			'@type': 'Legislation',
			legislationIdentifier: 'view-336-2022-р',
			legislationType: 'Розпорядження',
			legislationDate: '2022-04-29',
			legislationDateVersion: '2023-02-01',
			legislationLegalForce: 'https://schema.org/InForce',
			license: 'https://creativecommons.org/licenses/by/4.0/'
		});
		expect((ld.workExample as unknown[]).length).toBe(2);
	});
});
