import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { db } from '../db/index.ts';
import { importActFiles, importActSource, importCards, listActFiles } from './import.ts';
import { parseCards } from './cards.ts';

const kind = inject('databaseKind');
const CORPUS = path.resolve(process.env.LEGAL_ACTS_DIR ?? 'tests/fixtures/legal-acts');
const VOZNESENSK = path.resolve('src/lib/server/library/data/voznesensk-e-government-acts.csv');

describe(`library import (${kind})`, () => {
	it('imports every file of the corpus, with progress and a report', async () => {
		const files = listActFiles(CORPUS);
		expect(files).toHaveLength(58);
		const seen: number[] = [];
		const result = await importActFiles([CORPUS], { onProgress: (p) => seen.push(p.done) });
		expect(result.failed).toBe(0);
		expect(result.created + result.skipped + result.updated).toBe(58);
		expect(seen).toEqual(Array.from({ length: 58 }, (_, i) => i + 1));
		const mb = result.bytes / 1024 / 1024;
		console.log(`[import ${kind}] ${result.total} acts, ${mb.toFixed(2)} MB in ${(result.durationMs / 1000).toFixed(2)} s: ` +
			`${(result.total / (result.durationMs / 1000)).toFixed(1)} acts/s, ${(mb / (result.durationMs / 1000)).toFixed(2)} MB/s`);

		const act = await db().legalAct.findUniqueOrThrow({ where: { nreg: '2939-17' }, include: { versions: true } });
		expect(act).toMatchObject({
			slug: 'zakon/2011/2939-17',
			number: '2939-VI',
			title: 'Про доступ до публічної інформації',
			status: 'in_force',
			types: ['Закон'],
			issuers: ['Верховна Рада України'],
			hasText: true,
			source: 'corpus'
		});
		expect(act.topics).toContain('access_to_information');
		expect(act.attribution).toContain('CC BY 4.0');
		expect(act.searchKeys).toEqual(expect.arrayContaining(['2939-17', '2939-vi', '~2939']));
		expect(act.versions).toHaveLength(1);
		expect(act.versions[0]!.changedByNreg).toBe('2024-20');
		const units = act.versions[0]!.units as Array<{ anchor: string; kind: string }>;
		expect(units.find((u) => u.anchor === 'n7')?.kind).toBe('article');

		expect((await db().legalAct.findUniqueOrThrow({ where: { nreg: '336-2022-р' } })).slug).toBe('rozporiadzhennia/2022/336-2022-r');
		expect((await db().legalAct.findUniqueOrThrow({ where: { nreg: '64/2022' } })).slug).toBe('ukaz/2022/64-2022');
		const amendedBy = await db().actRelation.findMany({ where: { targetNreg: '2939-17', kind: 'amends' } });
		expect(amendedBy.map((r) => r.sourceNreg)).toEqual(expect.arrayContaining(['4652-17', '319-19', '2024-20']));

		const run = await db().importRun.findUniqueOrThrow({ where: { id: result.runId } });
		expect(run).toMatchObject({ status: 'finished', total: 58, failed: 0 });
		expect((run.report as unknown[]).length).toBe(58);
	});

	it('re-importing the corpus changes nothing', async () => {
		const before = await db().legalAct.findMany({ select: { nreg: true, updatedAt: true }, orderBy: { nreg: 'asc' } });
		const versions = await db().actVersion.count();
		const relations = await db().actRelation.count();
		const result = await importActFiles([CORPUS]);
		expect(result).toMatchObject({ created: 0, updated: 0, skipped: 58, failed: 0 });
		expect(result.items.every((i) => i.messageKey === 'library_import_unchanged')).toBe(true);
		expect(await db().legalAct.findMany({ select: { nreg: true, updatedAt: true }, orderBy: { nreg: 'asc' } })).toEqual(before);
		expect(await db().actVersion.count()).toBe(versions);
		expect(await db().actRelation.count()).toBe(relations);
	});

	it('a newer redaction becomes current and keeps the older as a version; an older one is added behind it', async () => {
		// A copy of a real act under a test id, so the corpus acts stay as they are.
		const original = fs
			.readFileSync(path.join(CORPUS, '336-2022-р.md'), 'utf8')
			.replace('##### Ідентифікатор: 336-2022-р', '##### Ідентифікатор: test-336-2022-р');
		const first = await importActSource(original, 'test-336.md');
		expect(first.item.outcome).toBe('created');

		const newer = original
			.replace('### Текст документа від 23.08.2022:', '### Текст документа від 01.02.2023:')
			.replace('[]{#n6}\n2. ', '[]{#n77}\n3. Контроль покласти на Міністерство економіки.\n\n[]{#n6}\n2. ');
		const second = await importActSource(newer, 'test-336-newer.md');
		expect(second.item).toMatchObject({ outcome: 'updated', messageKey: 'library_import_newer_redaction' });

		const act = await db().legalAct.findUniqueOrThrow({ where: { nreg: 'test-336-2022-р' }, include: { versions: { orderBy: { redactionOn: 'asc' } } } });
		expect(act.currentRedactionOn?.toISOString().slice(0, 10)).toBe('2023-02-01');
		expect(act.versions.map((v) => v.redactionOn.toISOString().slice(0, 10))).toEqual(['2022-08-23', '2023-02-01']);
		expect(act.versions[0]!.body).not.toContain('Контроль покласти');
		expect(act.versions[1]!.body).toContain('Контроль покласти');

		// The older file again: already stored.
		expect((await importActSource(original, 'test-336.md')).item).toMatchObject({ outcome: 'skipped', messageKey: 'library_import_redaction_known' });
		// An even older redaction arriving late: a version behind the current text, the card untouched.
		const older = original.replace('### Текст документа від 23.08.2022:', '### Текст документа від 29.04.2022:').replace('#### Стан: Чинний', '#### Стан: Не набрав чинності');
		expect((await importActSource(older, 'test-336-older.md')).item).toMatchObject({ outcome: 'updated', messageKey: 'library_import_older_redaction' });
		const after = await db().legalAct.findUniqueOrThrow({ where: { nreg: 'test-336-2022-р' }, include: { versions: true } });
		expect(after.versions).toHaveLength(3);
		expect(after.status).toBe('in_force');
		expect(after.currentRedactionOn?.toISOString().slice(0, 10)).toBe('2023-02-01');
		await db().legalAct.delete({ where: { id: after.id } });
	});

	it('imports the Voznesensk list of e-government acts as cards, idempotently', async () => {
		const csv = fs.readFileSync(VOZNESENSK, 'utf8');
		const first = await importCards(csv, 'csv', { ref: 'voznesensk.csv' });
		expect(first.errors).toEqual([]);
		expect(first.failed).toBe(0);
		expect(first.created + first.skipped + first.updated).toBe(17);
		const concept = await db().legalAct.findUniqueOrThrow({ where: { nreg: '2250-2010-р' } });
		expect(concept).toMatchObject({ number: '2250-р', hasText: false, source: 'card', slug: 'rozporiadzhennia/2010/2250-2010-r' });
		expect(concept.searchKeys).toEqual(expect.arrayContaining(['2250-2010-p', '2250-p', '~2250']));
		const again = await importCards(csv, 'csv', { ref: 'voznesensk.csv' });
		expect(again).toMatchObject({ created: 0, updated: 0, skipped: 17, failed: 0 });
	});

	it('a card never overwrites an act that has its text', async () => {
		const csv = 'nreg,types,issuers,title\n2939-17,Закон,Верховна Рада України,Інша назва\n';
		const r = await importCards(csv, 'csv');
		expect(r.items[0]).toMatchObject({ outcome: 'skipped', messageKey: 'library_import_card_has_text' });
		expect((await db().legalAct.findUniqueOrThrow({ where: { nreg: '2939-17' } })).title).toBe('Про доступ до публічної інформації');
	});
});

describe('card files: errors name the line and the field', () => {
	it('CSV', () => {
		const csv = [
			'nreg,number,types,issuers,adoptedOn,title,status',
			',1453,Постанова,Кабінет Міністрів України,28.10.2004,Про затвердження Типового порядку,',
			',,Закон,Верховна Рада України,31.02.2004,Без номера,',
			'x-1,,Закон,,01.01.2004,,чинний',
			'x-2,,Закон,Верховна Рада України,01.01.2004,"Назва, з комою",щось',
			'1453-2004-п,1453,Постанова,Кабінет Міністрів України,28.10.2004,Дубль,'
		].join('\n');
		const { rows, errors } = parseCards(csv, 'csv');
		expect(rows.map((r) => r.card.nreg)).toEqual(['1453-2004-п']);
		const brief = errors.map((e) => [e.line, e.field, e.messageKey]);
		expect(brief).toEqual([
			[3, 'adoptedOn', 'library_card_bad_date'],
			[4, 'title', 'library_card_required'],
			[4, 'issuers', 'library_card_required'],
			[5, 'status', 'library_card_bad_status'],
			[6, 'nreg', 'library_card_duplicate']
		]);
		expect(errors[0]!.reason).toBe('line 3, field adoptedOn: not a date: 31.02.2004 (use dd.mm.yyyy or yyyy-mm-dd)');
	});

	it('CSV header and syntax', () => {
		expect(parseCards('nreg,title,colour\n', 'csv').errors.map((e) => [e.line, e.field, e.messageKey])).toEqual([
			[1, 'colour', 'library_card_unknown_column'],
			[1, 'types', 'library_card_missing_column'],
			[1, 'issuers', 'library_card_missing_column']
		]);
		expect(parseCards('title,types,issuers\n"open,Закон,ВР\n', 'csv').errors[0]).toMatchObject({ line: 2, messageKey: 'library_card_csv_syntax' });
	});

	it('JSON', () => {
		const json = `[
  {"nreg": "928/2000", "types": ["Указ"], "issuers": ["Президент України"], "adoptedOn": "2000-07-31", "title": "Про заходи"},
  {"types": "Указ", "issuers": "Президент України",
   "title": "Без номера", "colour": "red"}
]`;
		const { rows, errors } = parseCards(json, 'json');
		expect(rows.map((r) => r.card.adoptedOn)).toEqual(['2000-07-31']);
		expect(errors.map((e) => [e.line, e.field, e.messageKey])).toEqual([
			[3, 'colour', 'library_card_unknown_column'],
			[3, 'nreg', 'library_card_no_nreg']
		]);
		expect(parseCards('[{"a": 1},', 'json').errors[0]).toMatchObject({ messageKey: 'library_card_json_syntax' });
	});
});
