import { describe, expect, it } from 'vitest';
import { alignParagraphs, canonicalText, sha256Hex, splitParagraphs, versionDiff, wordDiff, renderUserText, type Paragraph } from './text.ts';
import { extractCitations } from './citations.ts';
import { mentionsIn } from './discussions.ts';
import { tallyVotes } from './resolutions.ts';

let n = 0;
const id = () => `n${++n}`;

describe('paragraph identity across versions', () => {
	const v1: Paragraph[] = [
		{ id: 'a', text: 'Розвивати партнерства щодо обміну інформацією між органами влади.' },
		{ id: 'b', text: 'Проводити діагностику навчальних потреб службовців ОМС.' },
		{ id: 'c', text: 'Забезпечити інтеграцію систем документообігу з реєстрами.' }
	];

	it('keeps ids of unchanged and edited paragraphs, gives new ones new ids', () => {
		const next = alignParagraphs(v1, [
			'Новий вступний пункт про мету рекомендацій.',
			v1[0]!.text,
			'Проводити діагностику навчальних потреб службовців ОМС щороку.',
			v1[2]!.text
		], id);
		expect(next.map((p) => p.id)).toEqual(['n1', 'a', 'b', 'c']);
	});

	it('a removed paragraph loses its place, the others keep their ids', () => {
		const next = alignParagraphs(v1, [v1[0]!.text, v1[2]!.text], id);
		expect(next.map((p) => p.id)).toEqual(['a', 'c']);
	});

	it('a moved unchanged paragraph keeps its id', () => {
		const next = alignParagraphs(v1, [v1[2]!.text, v1[0]!.text, v1[1]!.text], id);
		expect(new Set(next.map((p) => p.id))).toEqual(new Set(['a', 'b', 'c']));
		expect(next.find((p) => p.text === v1[2]!.text)!.id).toBe('c');
	});

	it('a rewritten paragraph (little in common) is a new paragraph', () => {
		const next = alignParagraphs(v1, [v1[0]!.text, 'Зовсім інший зміст про кібербезпеку держави.', v1[2]!.text], id);
		expect(next[1]!.id).not.toBe('b');
		expect(next.map((p) => p.id)).toContain('a');
	});

	it('splits on empty lines and normalises spaces', () => {
		expect(splitParagraphs('один  два\nтри\r\n\r\n\n чотири ')).toEqual(['один два три', 'чотири']);
	});
});

describe('diff', () => {
	it('marks inserted and deleted words', () => {
		const d = wordDiff('інтеграцію з реєстрами', 'інтеграцію з державними реєстрами');
		expect(d).toEqual([
			{ op: 'eq', text: 'інтеграцію з ' },
			{ op: 'ins', text: 'державними ' },
			{ op: 'eq', text: 'реєстрами' }
		]);
	});

	it('compares versions paragraph by paragraph by id', () => {
		const d = versionDiff(
			[{ id: 'a', text: 'x y' }, { id: 'b', text: 'gone' }, { id: 'c', text: 'same' }],
			[{ id: 'a', text: 'x z' }, { id: 'c', text: 'same' }, { id: 'd', text: 'new' }]
		);
		expect(d.map((p) => `${p.id}:${p.status}`)).toEqual(['a:changed', 'b:removed', 'c:same', 'd:added']);
	});
});

describe('canonical text and fingerprint', () => {
	it('is stable under spacing and Unicode composition', () => {
		const a = canonicalText({ number: 3, year: 2026, date: '2026-11-22', title: 'Резолюція', paragraphs: [{ id: 'a', text: 'Ї  ї' }] });
		const b = canonicalText({ number: 3, year: 2026, date: '2026-11-22', title: ' Резолюція ', paragraphs: [{ id: 'z', text: 'І\u0308 і\u0308' }] });
		expect(a).toBe(b);
		expect(a).toBe('№ 3/2026\n2026-11-22\nРезолюція\n\n1. Ї ї\n');
		expect(sha256Hex(a)).toMatch(/^[0-9a-f]{64}$/);
	});
});

describe('user text', () => {
	it('never keeps scripts, handlers or javascript: links', () => {
		const html = renderUserText('<script>alert(1)</script><img src=x onerror=alert(1)> \n\n[x](javascript:alert(1)) **ok**');
		expect(html).not.toMatch(/<script|<img|<[^>]*\son\w+=|href="javascript/i);
		expect(html).toContain('&lt;script&gt;');
		expect(html).toContain('<strong>ok</strong>');
	});
});

describe('citations, mentions, tally', () => {
	it('finds acts with anchors and courses', () => {
		const c = extractCitations('див. /library/zakon/2017/2155-19#n45 та https://portal.example/en/courses/e-gov-basics.');
		expect(c).toEqual([
			{ targetType: 'act', targetId: 'zakon/2017/2155-19', anchor: 'n45' },
			{ targetType: 'course', targetId: 'e-gov-basics', anchor: null }
		]);
	});

	it('finds mentions but not e-mail addresses', () => {
		expect(mentionsIn('@s.moroz, привіт; пишіть на a@b.ua і @v.polishchuk.')).toEqual(['s.moroz', 'v.polishchuk']);
	});

	it('needs the quorum and more than the threshold', () => {
		const votes = (f: number, a: number, s: number) => [...Array(f).fill({ choice: 'for' }), ...Array(a).fill({ choice: 'against' }), ...Array(s).fill({ choice: 'abstain' })];
		expect(tallyVotes(votes(3, 0, 0), 10, 50, 50).passed).toBe(false); // 3 of 10: no quorum
		expect(tallyVotes(votes(3, 2, 0), 10, 50, 50).passed).toBe(true);
		expect(tallyVotes(votes(2, 2, 1), 10, 50, 50).passed).toBe(false); // 2 of 5 is not more than half
		expect(tallyVotes(votes(4, 2, 0), 10, 50, 66).passed).toBe(true);
	});
});
