import { describe, expect, it } from 'vitest';
import {
	analyzeQuery,
	editDistance,
	foldKey,
	looksLikeNumber,
	normalizeWord,
	stem,
	terms,
	toTsQuery,
	tokenize,
	tsvectorLiteral,
	vocabulary
} from './index.ts';
import { highlightAll, snippet } from './highlight.ts';

const same = (a: string, b: string) => expect(terms(a), `${a} ~ ${b}`).toEqual(terms(b));

describe('normalisation and tokens', () => {
	it('makes every apostrophe one, lower case, folds ґ, removes stress marks', () => {
		for (const w of ["суб'єкт", 'суб’єкт', 'субʼєкт', 'суб`єкт', 'СУБ’ЄКТ']) expect(normalizeWord(w)).toBe("суб'єкт");
		expect(normalizeWord('обґрунтованість')).toBe(normalizeWord('обгрунтованість'));
		expect(normalizeWord('Ґрунт')).toBe('грунт');
		expect(normalizeWord('пра\u0301во')).toBe('право');
		// Latin look-alikes typed inside a Cyrillic word.
		expect(normalizeWord('iнформацiя')).toBe('інформація');
	});

	it('never splits a word at an apostrophe or at ґ; splits at hyphens', () => {
		expect(tokenize("Прем’єр-міністр суб'єктів ґрунтів").map((t) => t.word)).toEqual(["прем'єр", 'міністр', "суб'єктів", 'грунтів']);
		const t = tokenize('  об’єкт');
		expect(t[0]).toMatchObject({ raw: 'об’єкт', start: 2, end: 8 });
	});

	it('drops stop words and single letters', () => {
		expect(terms('Про доступ до публічної інформації')).toEqual(['доступ', 'публічн', 'інформац']);
		expect(terms('статті 5 та р')).toEqual(['стат', '5']);
	});
});

describe('stemming: the forms of a word meet', () => {
	it('електронного урядування finds електронне урядування', () => {
		same('електронного урядування', 'електронне урядування');
		same('електронному урядуванню', 'електронне урядування');
		same('електронним урядуванням', 'електронне урядування');
	});
	it.each([
		['постанови', 'постанова'],
		['постановою', 'постанова'],
		['постанов', 'постанова'],
		['інформації', 'інформація'],
		['інформацією', 'інформацію'],
		['концепції', 'концепція'],
		['закону', 'закон'],
		['законів', 'закони'],
		['публічної', 'публічна'],
		['України', 'Україна'],
		['статті', 'стаття'],
		['статей', 'статтею'],
		['відкритості', 'відкритість'],
		['діяльності', 'діяльність'],
		['урядувань', 'урядування'],
		['суб’єктів', "суб'єкт"],
		['обґрунтованості', 'обгрунтованість'],
		['документи', 'документ'],
		['акти', 'акт'],
		['проблем', 'проблема'],
		['палати', 'палата'],
		['Вознесенської', 'Вознесенська'],
		['мережі', 'мережа'],
		['цифрова', 'цифровий'],
		['режим', 'режиму'],
		['режимом', 'режими']
	])('%s ~ %s', (a, b) => same(a, b));

	it('keeps short words and numbers as they are, and does not merge different words', () => {
		expect(stem('рік')).toBe('рік');
		expect(stem('2939')).toBe('2939');
		expect(stem('закон')).not.toBe(stem('законність'));
		expect(stem('право')).not.toBe(stem('правопорушення'));
	});
});

describe('exact keys for act numbers', () => {
	it('folds spellings so they meet', () => {
		expect(foldKey('2250-р')).toBe(foldKey('2250-p'));
		expect(foldKey('2939-VI')).toBe(foldKey('2939-vі'));
		expect(foldKey('№ 64/2022')).toBe('64/2022');
		expect(foldKey('2939 – VI')).toBe(foldKey('2939-VI'));
	});
	it('recognises numbers, not words', () => {
		for (const n of ['1453', '2250-р', '2939-VI', '2939-17', '64/2022', '995_043', 'z1306-21', '126/95-вр', '№2939-VI']) expect(looksLikeNumber(n), n).toBe(true);
		for (const w of ['закон', 'р', 'COVID-19', 'веб-сайт']) expect(looksLikeNumber(w), w).toBe(false);
	});
	it('a query keeps numbers whole and never searches the stray letter', () => {
		const a = analyzeQuery('розпорядження 2250-р');
		expect(a.keys).toEqual(['2250-p']);
		expect(a.terms.map((t) => t.term)).toEqual(['розпорядженн'.slice(0, -1)]);
		expect(toTsQuery(a)).not.toContain("'р'");
		expect(analyzeQuery('1453').keys).toEqual(['1453', '~1453']);
	});
});

describe('queries', () => {
	it('phrases, synonyms, prefixes', () => {
		const a = analyzeQuery('"правовий режим воєнного стану" КМУ');
		expect(a.phrases).toEqual([['правов', 'режим', 'воєн', 'стан']]);
		expect(a.terms[0]).toMatchObject({ term: 'кму', expansion: ['кабінет', 'міністр', 'україн'] });
		expect(toTsQuery(a)).toBe("('кму' | ('кабінет' & 'міністр' & 'україн')) & ('правов' <-> 'режим' <-> 'воєн' <-> 'стан')");
		const p = analyzeQuery('доступ до публ');
		expect(p.partial).toBe('публ');
		expect(toTsQuery(p, { prefixLast: true })).toBe("'доступ' & 'публ':*");
		expect(analyzeQuery('   ').empty).toBe(true);
	});

	it('edit distance counts a transposition as one typo', () => {
		expect(editDistance('урядування', 'урдування')).toBe(1);
		expect(editDistance('закон', 'зкаон')).toBe(1);
		expect(editDistance('закон', 'указ', 1)).toBeGreaterThan(1);
	});
});

describe('index terms', () => {
	it('builds a weighted tsvector literal with positions over kept terms', () => {
		expect(tsvectorLiteral([
			{ text: 'Про доступ до публічної інформації', weight: 'A' },
			{ text: 'Доступ до інформації', weight: 'D' }
		])).toBe("'доступ':1A,4 'публічн':2A 'інформац':3A,5");
	});
	it('keeps a word list of real words', () => {
		expect([...vocabulary('Про доступ до публічної інформації, 2011 р.')]).toEqual(['доступ', 'публічної', 'інформації']);
	});
});

describe('highlighting', () => {
	it('marks inflected forms and ґ/г and apostrophe variants', () => {
		const q = new Set(terms('електронне урядування обгрунтованість субєкт'));
		const segs = highlightAll('Концепція електронного урядування, обґрунтованості та суб’єктів', q);
		expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(['електронного', 'урядування', 'обґрунтованості', 'суб’єктів']);
	});
	it('keeps the densest window of a long text', () => {
		const body = 'вступ '.repeat(200) + 'розвиток електронного урядування в Україні ' + 'кінець '.repeat(200);
		const segs = snippet(body, new Set(terms('електронне урядування')), 120);
		const text = segs.map((s) => s.text).join('');
		expect(text.startsWith('… ')).toBe(true);
		expect(text.endsWith(' …')).toBe(true);
		expect(segs.filter((s) => s.hit).map((s) => s.text)).toEqual(['електронного', 'урядування']);
		expect(text.length).toBeLessThan(140);
	});
});
