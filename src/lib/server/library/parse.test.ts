import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { mergeRelations, parseAct, statusFromText } from './parse.ts';
import { nregFromHref, plainInline, tokenizeInline } from './inline.ts';
import { deriveNreg, lawNumberFromNreg, numberVariants } from './numbers.ts';

export const CORPUS_DIR = path.resolve(process.env.LEGAL_ACTS_DIR ?? 'tests/fixtures/legal-acts');
const files = fs.existsSync(CORPUS_DIR)
	? fs
			.readdirSync(CORPUS_DIR)
			.filter((f) => f.endsWith('.md') && !/^(SOURCE|README)\.md$/i.test(f))
			.sort()
	: [];
const read = (f: string) => fs.readFileSync(path.join(CORPUS_DIR, f), 'utf8');

// An independent reading of the raw text, for the "nothing lost" check: letters and digits only,
// after removing what is markup (link targets, anchors, HTML-only lines, fences).
const SIMPLE_RULE = /^\s+-{3,}(\s+-{3,})*\s*$/;
function rawParts(body: string): { prose: string; tables: string; links: number } {
	let prose = '';
	let tables = '';
	let links = 0;
	let inSimple = false;
	for (const line of body.split('\n')) {
		if (/^\s*<\/?[a-z][^>]*>\s*$/i.test(line) || /^:::/.test(line)) continue;
		if (SIMPLE_RULE.test(line)) {
			inSimple = !inSimple;
			continue;
		}
		if (inSimple || /^[+|]/.test(line)) {
			// Cells wrap links across lines: join a table's lines before removing link targets.
			tables += line.replace(/^\+[-=:+]+\+\s*$/, '').replace(/[|\s]/g, '');
			continue;
		}
		links += countLinks(line);
		prose += unlink(line);
	}
	return { prose: letters(prose), tables: letters(unlink(tables)), links: links + countLinks(tables) };
}
const countLinks = (s: string) => [...s.matchAll(/\]\((\/go\/[^)\s]+|#n\d+)\)/g)].length;
const unlink = (s: string) => s.replace(/\]\((?:[^()\s]|\([^()\s]*\))*\)/g, ']').replace(/\[\]\{#[^}]*\}/g, '');
const letters = (s: string) => s.replace(/[^\p{L}\p{N}]/gu, '');
const sorted = (s: string) => [...s].sort().join('');

describe('parseAct on every file of the corpus', () => {
	it('finds the corpus (58 acts)', () => {
		expect(files.length).toBe(58);
	});

	for (const file of files) {
		it(`${file}: card, and the units cover the whole text`, () => {
			const source = read(file);
			const act = parseAct(source, { fileName: file });
			// Card
			expect(act.card.nreg, 'nreg').toBeTruthy();
			expect(act.card.nreg!.replace(/\//g, '-')).toBe(file.replace(/\.md$/, ''));
			expect(act.card.title.length).toBeGreaterThan(5);
			expect(act.card.types.length).toBeGreaterThan(0);
			expect(act.card.issuers.length).toBeGreaterThan(0);
			expect(act.card.adoptedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(act.card.redactionOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(act.card.statusText).toBeTruthy();
			expect(act.notice).toContain('Офіційний вебпортал парламенту України');

			// Nothing lost: the text outside tables, in order; table cells as a multiset of characters.
			const raw = rawParts(act.body);
			const prose = letters(act.units.filter((u) => u.kind !== 'table').map((u) => u.text).join(''));
			const tables = letters(act.units.filter((u) => u.kind === 'table').map((u) => u.text).join(''));
			expect(prose).toBe(raw.prose);
			expect(sorted(tables)).toBe(sorted(raw.tables));

			// Every anchor of the source is a unit's anchor; every link survives in some unit's source.
			const anchors = [...act.body.matchAll(/\[\]\{#(n\d+)\}/g)].map((m) => m[1]);
			const unitAnchors = new Set(act.units.map((u) => u.anchor));
			for (const a of anchors) expect(unitAnchors.has(a!), `anchor ${a}`).toBe(true);
			const links = raw.links;
			const unitLinks = act.units
				.flatMap((u) => [u.md, ...(u.rows ?? []).flat()])
				.flatMap((md) => tokenizeInline(md))
				.filter((t) => t.t === 'link' && (t.href.startsWith('/go/') || t.href.startsWith('#n'))).length;
			expect(unitLinks).toBe(links);

			// Anchors are unique, parents point backwards.
			expect(unitAnchors.size).toBe(act.units.length);
			act.units.forEach((u, i) => {
				if (u.parent !== null) expect(u.parent).toBeLessThan(i);
			});
		});
	}
});

describe('parseAct: structure of tricky files', () => {
	it('2939-17: sections, articles, parts, points with the portal anchors and structural ids', () => {
		const act = parseAct(read('2939-17.md'), { fileName: '2939-17.md' });
		expect(act.card).toMatchObject({
			issuers: ['Верховна Рада України'],
			types: ['Закон'],
			number: '2939-VI',
			adoptedOn: '2011-01-13',
			title: 'Про доступ до публічної інформації',
			status: 'in_force',
			nreg: '2939-17',
			redactionOn: '2022-02-19'
		});
		const sec1 = act.units.find((u) => u.anchor === 'n6')!;
		expect(sec1).toMatchObject({ kind: 'section', num: 'I', heading: 'ЗАГАЛЬНІ ПОЛОЖЕННЯ', eid: 'sec_I' });
		const art1 = act.units.find((u) => u.anchor === 'n7')!;
		expect(art1).toMatchObject({ kind: 'article', num: '1', heading: 'Публічна інформація', eid: 'sec_I__art_1' });
		expect(act.units[art1.parent!]!.anchor).toBe('n6');
		const part = act.units.find((u) => u.anchor === 'n14')!;
		expect(part).toMatchObject({ kind: 'part', num: '1', eid: 'sec_I__art_3__para_1' });
		const point = act.units.find((u) => u.anchor === 'n15')!;
		expect(point).toMatchObject({ kind: 'point', num: '1)', eid: 'sec_I__art_3__para_1__point_1' });
		expect(act.units[point.parent!]!.anchor).toBe('n14');
		// Escaped apostrophes and quotes are read as characters.
		expect(act.units.find((u) => u.anchor === 'n5')!.text).toContain("суб'єктів владних повноважень");
		// The editorial note is a note, kept with its links.
		const note = act.units.find((u) => u.anchor === 'n254')!;
		expect(note.kind).toBe('note');
		expect(note.md).toContain('](/go/319-19)');
	});

	it('2939-17: relations from the notes (amended by) and from the text (amends, refers to)', () => {
		const act = parseAct(read('2939-17.md'), { fileName: '2939-17.md' });
		const merged = mergeRelations('2939-17', act.relations);
		const amendedBy = merged.filter((r) => r.kind === 'amends' && r.targetNreg === '2939-17').map((r) => r.sourceNreg);
		expect(amendedBy).toEqual(expect.arrayContaining(['4652-17', '4711-17', '319-19', '2024-20', '1914-20']));
		// Its final provisions amend the Criminal Code.
		expect(merged).toContainEqual(expect.objectContaining({ kind: 'amends', sourceNreg: '2939-17', targetNreg: '2341-14' }));
		expect(merged).toContainEqual(expect.objectContaining({ kind: 'refers_to', sourceNreg: '2939-17', targetNreg: '3855-12' }));
		// Redaction of 19.02.2022: the newest amending act up to that date is 2024-IX of 27.01.2022.
		expect(act.changedBy).toMatchObject({ nreg: '2024-20', date: '2022-01-27' });
	});

	it('1647-14: a law that lost force names the act that repealed it', () => {
		const act = parseAct(read('1647-14.md'), { fileName: '1647-14.md' });
		expect(act.card.status).toBe('repealed');
		const repealed = mergeRelations('1647-14', act.relations).filter((r) => r.kind === 'repeals');
		expect(repealed).toHaveLength(1);
		expect(repealed[0]).toMatchObject({ targetNreg: '1647-14' });
		expect(repealed[0]!.sourceNreg).toMatch(/^\d+-\d+$/);
	});

	it('336-2022-р (Cabinet order): Cyrillic nreg in percent-encoded links', () => {
		const act = parseAct(read('336-2022-р.md'), { fileName: '336-2022-р.md' });
		expect(act.card).toMatchObject({ number: '336-р', nreg: '336-2022-р', types: ['Розпорядження'], issuers: ['Кабінет Міністрів України'] });
		const merged = mergeRelations('336-2022-р', act.relations);
		expect(merged).toContainEqual(expect.objectContaining({ kind: 'amends', sourceNreg: '704-2022-р', targetNreg: '336-2022-р' }));
		expect(merged).toContainEqual(expect.objectContaining({ kind: 'refers_to', targetNreg: '1272-2021-п' }));
		expect(act.changedBy?.nreg).toBe('748-2022-р');
		// The heading table keeps its lines as cells.
		const heading = act.units.find((u) => u.anchor === 'n2')!;
		expect(heading.kind).toBe('table');
		expect(heading.rows!.flat().join(' ')).toContain('РОЗПОРЯДЖЕННЯ');
	});

	it('1272-2021-п (Cabinet resolution): the approved procedures are annexes with their own points', () => {
		const act = parseAct(read('1272-2021-п.md'), { fileName: '1272-2021-п.md' });
		expect(act.card.types).toEqual(['Постанова', 'Порядок', 'Перелік', 'Форма типового документа', 'Інформація', 'Реєстр']);
		const annex = act.units.find((u) => u.anchor === 'n13')!;
		expect(annex.kind).toBe('annex');
		expect(annex.heading).toContain('надання допомоги в рамках Програми');
		const p1 = act.units.find((u) => u.anchor === 'n14')!;
		expect(p1).toMatchObject({ kind: 'point', num: '1' });
		expect(act.units[p1.parent!]!.anchor).toBe('n13');
		// Table cells: a word broken by a full narrow column is joined again; a wrapped line gets a space.
		const cells = act.units.filter((u) => u.kind === 'table').flatMap((u) => u.rows!.flat());
		expect(cells.some((c) => c.startsWith('Порядковий'))).toBe(true);
		expect(cells).toContain('ЗАТВЕРДЖЕНО\\\nпостановою Кабінету Міністрів України\\\nвід 9 грудня 2021 р. № 1272');
	});

	it('64/2022 (decree): number with a slash, approval by a law, amending decrees', () => {
		const act = parseAct(read('64-2022.md'), { fileName: '64-2022.md' });
		expect(act.card).toMatchObject({ nreg: '64/2022', number: '64/2022', types: ['Указ'], issuers: ['Президент України'] });
		const merged = mergeRelations('64/2022', act.relations);
		expect(merged).toContainEqual(expect.objectContaining({ kind: 'approves', sourceNreg: '2102-20', targetNreg: '64/2022' }));
		expect(merged).toContainEqual(expect.objectContaining({ kind: 'amends', sourceNreg: '133/2022' }));
		expect(merged).toContainEqual(expect.objectContaining({ kind: 'refers_to', targetNreg: '254к/96-вр' }));
	});

	it('995_043 (treaty): no portal anchors, structural anchors instead, escaped numbering', () => {
		const act = parseAct(read('995_043.md'), { fileName: '995_043.md' });
		expect(act.card).toMatchObject({ number: null, issuers: ['ООН'], types: ['Пакт', 'Міжнародний документ'] });
		const art6 = act.units.find((u) => u.kind === 'article' && u.num === '6')!;
		expect(art6.anchor).toBe('sec_III__art_6');
		const part1 = act.units.find((u) => u.parent === act.units.indexOf(art6) && u.kind === 'part')!;
		expect(part1).toMatchObject({ num: '1', anchor: 'sec_III__art_6__para_1' });
		expect(part1.text.startsWith('1. Право на життя')).toBe(true);
	});

	it('z1306-21 (registered ministry order): registration, suspended status, suspending act', () => {
		const act = parseAct(read('z1306-21.md'), { fileName: 'z1306-21.md' });
		expect(act.card).toMatchObject({ nreg: 'z1306-21', number: '2153', status: 'suspended', statusText: 'Дію зупинено' });
		expect(act.card.registration).toContain('1306/36928');
		const merged = mergeRelations('z1306-21', act.relations);
		expect(merged).toContainEqual(expect.objectContaining({ kind: 'suspends', sourceNreg: 'z0256-22', targetNreg: 'z1306-21' }));
	});

	it('1704-17: bullet list items keep their text without the marker', () => {
		const act = parseAct(read('1704-17.md'), { fileName: '1704-17.md' });
		const item = act.units.find((u) => u.anchor === 'n110')!;
		expect(item.kind).toBe('item');
		expect(item.text.startsWith('концепцію розвитку')).toBe(true);
	});
});

describe('parseAct on damaged input', () => {
	it('never throws, and says what was missing', () => {
		for (const src of ['', 'just text', '# Title only', '## ; від 99.99.2020 №\n\n::: {#article}\n[]{#n1}\n', '::: {#article}\n[]{#n1}\n+---+\n| a |\n']) {
			const act = parseAct(src, { fileName: 'x-1.md' });
			expect(act.warnings.length).toBeGreaterThan(0);
		}
	});

	it('reads a file without the article div and without an nreg line', () => {
		const act = parseAct('## Кабінет Міністрів України; Постанова від 28.10.2004 № 1453\n\n# Про затвердження Типового порядку\n\n#### Стан: Чинний\n\n### Текст документа від 28.10.2004:\n\n1. Затвердити Типовий порядок.\n');
		expect(act.card.nreg).toBe('1453-2004-п');
		expect(act.units.map((u) => u.kind)).toEqual(['point']);
	});
});

describe('numbers and inline', () => {
	it('derives Rada ids from numbers', () => {
		expect(deriveNreg({ types: ['Закон'], issuers: ['Верховна Рада України'], number: '2939-VI', adoptedOn: '2011-01-13' })).toBe('2939-17');
		expect(deriveNreg({ types: ['Закон'], issuers: ['Верховна Рада України'], number: '2939-VІ', adoptedOn: '2011-01-13' })).toBe('2939-17');
		expect(deriveNreg({ types: ['Закон'], issuers: [], number: '126/95-ВР', adoptedOn: '1995-04-06' })).toBe('126/95-вр');
		expect(deriveNreg({ types: ['Закон'], issuers: [], number: '551-XIV', adoptedOn: '1999-03-24' })).toBe('551-14');
		expect(deriveNreg({ types: ['Постанова'], issuers: ['Кабінет Міністрів України'], number: '1453', adoptedOn: '2004-10-28' })).toBe('1453-2004-п');
		expect(deriveNreg({ types: ['Розпорядження'], issuers: ['Кабінет Міністрів України'], number: '2250-р', adoptedOn: '2010-12-13' })).toBe('2250-2010-р');
		expect(deriveNreg({ types: ['Указ'], issuers: ['Президент України'], number: '928/2000', adoptedOn: '2000-07-31' })).toBe('928/2000');
		expect(deriveNreg({ types: ['Наказ'], issuers: ['МОЗ України'], number: '2153', adoptedOn: '2021-10-04', registration: "Мін'юст України від 07.10.2021 № 1306/36928" })).toBe('z1306-21');
		expect(lawNumberFromNreg('2939-17')).toBe('2939-VI');
		expect(numberVariants('2939-17', '2939-VI')).toEqual(expect.arrayContaining(['2939-17', '2939-VI', '~2939']));
		expect(numberVariants('2250-2010-р', '2250-р')).toEqual(expect.arrayContaining(['2250-2010-р', '2250-р', '~2250']));
	});

	it('reads links, anchors, escapes and breaks', () => {
		expect(plainInline('Стаття 1\\\nПро \\"це\\" і суб\\\'єкт [№ 1 від 01.01.2020](/go/1-20)')).toBe('Стаття 1\nПро "це" і суб\'єкт № 1 від 01.01.2020');
		expect(nregFromHref('/go/704-2022-%D1%80')).toBe('704-2022-р');
		expect(nregFromHref('/go/254%D0%BA/96-%D0%B2%D1%80')).toBe('254к/96-вр');
		expect(nregFromHref('#n27')).toBeNull();
		expect(tokenizeInline('[]{#n89}\\\n')).toEqual([{ t: 'anchor', id: 'n89' }, { t: 'br' }]);
		expect(statusFromText('Втратив чинність')).toBe('repealed');
		expect(statusFromText('Дію зупинено')).toBe('suspended');
		expect(statusFromText('Щось нове')).toBe('other');
	});
});
