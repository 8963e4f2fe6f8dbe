import { beforeAll, describe, expect, it } from 'vitest';
import { collectionSchema, searchParams, toTypesenseDocument, TypesenseSearchEngine } from './typesense.ts';
import type { SearchDocumentInput } from './types.ts';
import { typesenseSettings } from '../config/index.ts';
import { engineFromConfig } from './index.ts';

/**
 * The Typesense engine. The mapping tests always run; the contract tests need a Typesense server
 * (none can be installed on these machines) and run only when TYPESENSE_URL and TYPESENSE_API_KEY
 * are set, e.g. `docker run -p 8108:8108 typesense/typesense:29.0 --data-dir /tmp --api-key=xyz`
 * then `TYPESENSE_URL=http://localhost:8108 TYPESENSE_API_KEY=xyz npx vitest run src/lib/server/search`.
 */

const doc: SearchDocumentInput = {
	kind: 'act',
	refId: 'a1',
	url: '/library/zakon/2011/2939-17',
	title: 'Про доступ до публічної інформації',
	subtitle: 'Закон № 2939-VI від 13.01.2011 · Верховна Рада України',
	headings: ['Стаття 1. Публічна інформація'],
	body: 'Публічна інформація є відкритою, крім випадків, встановлених законом. Розвиток електронного урядування.',
	keys: ['2939-17', '2939-VI', '~2939'],
	types: ['Закон'],
	issuers: ['Верховна Рада України'],
	status: 'in_force',
	date: new Date('2011-01-13T00:00:00Z')
};

describe('Typesense mapping (no server needed)', () => {
	it('maps a document to analysed term fields, exact keys and facets', () => {
		const d = toTypesenseDocument(doc);
		expect(d).toMatchObject({
			id: 'act-a1-uk',
			title_terms: 'доступ публічн інформац',
			keys: ['2939-17', '2939-vi', '~2939'],
			types: ['Закон'],
			status: 'in_force',
			year: 2011,
			date: 14987
		});
		expect(d.body_terms).toContain('електрон урядуван');
		expect(collectionSchema('portal').fields.find((f) => f.name === 'title')).toMatchObject({ locale: 'uk' });
		// Bilingual content: the English title is stored for the English interface and searched with the title.
		const course = toTypesenseDocument({ ...doc, kind: 'course', refId: 'c1', titleEn: 'Access to public information' });
		expect(course.title_en).toBe('Access to public information');
		expect(course.title_terms.split(' ')).toEqual(expect.arrayContaining(toTypesenseDocument(doc).title_terms.split(' ')));
		expect(course.title_terms.length).toBeGreaterThan(toTypesenseDocument(doc).title_terms.length);
		expect(toTypesenseDocument(doc).title_en).toBeUndefined();
	});

	it('maps a query: analysed words, exact keys as a filter without typos, facets, sort, paging', () => {
		const p = searchParams({ q: 'електронного урядування 2250-р', types: ['Розпорядження'], years: [2010], page: 2, pageSize: 5 });
		expect(p.q).toBe('електрон урядуван');
		expect(p.filter_by).toBe('keys:=[`2250-p`] && types:=[`Розпорядження`] && year:=[2010]');
		expect(p.sort_by).toBe('_eval(keys:=[`2250-p`]):desc,_text_match:desc,date:desc');
		expect(p.facet_by).toBe('kind,types,issuers,status,year');
		expect(p).toMatchObject({ page: '2', per_page: '5', num_typos: '1,1,1,1' });
		expect(searchParams({ q: '', sort: 'date_desc' })).toMatchObject({ q: '*', sort_by: 'date:desc,_text_match:desc' });
	});
});

describe('engine choice', () => {
	it('PostgreSQL without Typesense settings, Typesense with them (from the config module)', () => {
		expect(engineFromConfig(null).name).toBe('postgres');
		expect(engineFromConfig({ url: 'http://127.0.0.1:1', apiKey: 'k', collection: 'portal' }).name).toBe('typesense');
	});
});

const settings = typesenseSettings();
const configured = settings !== null;

describe.skipIf(!configured)('Typesense engine contract (needs TYPESENSE_URL)', () => {
	let engine: TypesenseSearchEngine;
	beforeAll(async () => {
		engine = new TypesenseSearchEngine({ ...settings!, collection: `test_${Date.now()}` });
		await engine.clear();
		await engine.upsert([
			doc,
			{ ...doc, refId: 'a2', url: '/library/rozporiadzhennia/2010/2250-2010-r', title: 'Про схвалення Концепції розвитку електронного урядування в Україні', keys: ['2250-2010-р', '2250-р', '~2250'], types: ['Розпорядження'], issuers: ['Кабінет Міністрів України'], date: new Date('2010-12-13T00:00:00Z'), body: 'Концепція.' }
		]);
	});

	it('counts, finds inflected forms, exact numbers, forgives a typo, facets and pages', async () => {
		expect(await engine.count('act')).toBe(2);
		const r = await engine.search({ q: 'електронне урядування', pageSize: 10 });
		expect(r.hits.map((h) => h.refId)).toEqual(expect.arrayContaining(['a1', 'a2']));
		expect((await engine.search({ q: '2250-р' })).hits.map((h) => h.refId)).toEqual(['a2']);
		expect((await engine.search({ q: 'урдування' })).total).toBeGreaterThan(0);
		const f = await engine.search({ q: '', types: ['Закон'] });
		expect(f.hits.map((h) => h.refId)).toEqual(['a1']);
		expect(f.facets.type!.map((x) => x.value)).toContain('Закон');
		expect((await engine.search({ q: '', pageSize: 1, page: 2 })).hits).toHaveLength(1);
		expect((await engine.suggest('концеп')).map((s) => s.url)).toContain('/library/rozporiadzhennia/2010/2250-2010-r');
		await engine.remove('act', ['a1']);
		expect(await engine.count('act')).toBe(1);
	});
});
