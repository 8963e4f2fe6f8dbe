import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { db } from '../db/index.ts';
import { startJobs, stopJobs } from '../jobs/index.ts';
import { importActSource } from '../library/import.ts';
import { actUrls, CORPUS_DIR, ensureCorpus, onlyActsIndexed } from './corpus.fixture.ts';
import { search, suggest } from './index.ts';
import './jobs.ts';

const kind = inject('databaseKind');
const url = inject('databaseUrl');
let urls: Map<string, string>;
const top = async (q: string, n = 5, extra: Parameters<typeof search>[0] = { q }) =>
	(await search({ ...extra, q, pageSize: n })).hits.map((h) => h.url);

beforeAll(async () => {
	await ensureCorpus();
	// These tests are about acts: other kinds left by other test files are taken out of the index.
	await onlyActsIndexed();
	urls = await actUrls();
}, 600_000);

describe(`search on the real corpus (${kind})`, () => {
	it('act numbers and registration ids match exactly, first', async () => {
		for (const [q, nreg] of [
			['1453', '1453-2004-п'],
			['2250-р', '2250-2010-р'],
			['2250-p', '2250-2010-р'],
			['2939-VI', '2939-17'],
			['2939-17', '2939-17'],
			['№ 2939-VI', '2939-17'],
			['64/2022', '64/2022'],
			['336-р', '336-2022-р'],
			['z1306-21', 'z1306-21']
		] as const) {
			const r = await search({ q, pageSize: 5 });
			expect(r.hits[0]?.url, q).toBe(urls.get(nreg));
			expect(r.hits[0]?.exact, q).toBe(true);
		}
		// The stray letter of «2250-р» is never searched: nothing but acts that carry that number or mention 2250.
		const r = await search({ q: '2250-р', pageSize: 50 });
		expect(r.total).toBeLessThan(5);
	});

	it('inflected forms match: «електронного урядування» finds «Електронне урядування»', async () => {
		const hits = await top('електронного урядування', 10);
		expect(hits).toContain(urls.get('voznesensk-4-2011'));
		expect(hits).toContain(urls.get('2250-2010-р'));
		const r = await search({ q: 'постанови', pageSize: 50, kinds: ['act'] });
		expect(r.hits.map((h) => h.url)).toContain(urls.get('1453-2004-п'));
	});

	it('one typo is forgiven, and says so', async () => {
		const r = await search({ q: 'урдування', pageSize: 5 });
		expect(r.corrections).toEqual([{ from: 'урдування', to: expect.stringMatching(/^урядуванн/) }]);
		expect(r.hits.map((h) => h.url)).toContain(urls.get('2250-2010-р'));
		const r2 = await search({ q: 'доступ до публічної інформацї', pageSize: 5 });
		expect(r2.hits[0]?.url).toBe(urls.get('2939-17'));
		// Two typos in one word are not «one typo».
		expect((await search({ q: 'урдуванян' })).corrections).toEqual([]);
	});

	it('facets: type, issuer, status, year; filters narrow and keep the other facets', async () => {
		const r = await search({ q: 'інформація', pageSize: 5 });
		const types = Object.fromEntries(r.facets.type!.map((f) => [f.value, f.count]));
		expect(types['Закон']).toBeGreaterThan(5);
		expect(r.facets.issuer!.map((f) => f.value)).toContain('Верховна Рада України');
		expect(r.facets.status!.map((f) => f.value)).toEqual(expect.arrayContaining(['in_force', 'repealed']));
		expect(r.facets.year!.length).toBeGreaterThan(5);
		// Other kinds (courses, events) may match too: the kind facet counts every hit once.
		expect(r.facets.kind!.find((f) => f.value === 'act')!.count).toBeGreaterThan(5);
		expect(r.facets.kind!.reduce((n, f) => n + f.count, 0)).toBe(r.total);

		const laws = await search({ q: 'інформація', types: ['Закон'], statuses: ['in_force'], pageSize: 50 });
		expect(laws.total).toBe(
			(await search({ q: 'інформація', types: ['Закон'], pageSize: 50 })).facets.status!.find((s) => s.value === 'in_force')!.count
		);
		expect(laws.hits.every((h) => h.types.includes('Закон') && h.status === 'in_force')).toBe(true);
		// The type facet under a type filter still lists the other types (to switch).
		expect(laws.facets.type!.length).toBeGreaterThan(1);
		const y2022 = await search({ q: '', years: [2022], pageSize: 50 });
		expect(y2022.total).toBeGreaterThan(3);
		expect(y2022.hits.every((h) => h.year === 2022)).toBe(true);
		const cabinet = await search({ q: '', issuers: ['Кабінет Міністрів України'], pageSize: 50 });
		expect(cabinet.hits.every((h) => h.issuers.includes('Кабінет Міністрів України'))).toBe(true);
	});

	it('sorts by relevance or by date', async () => {
		const rel = await search({ q: 'воєнний стан', pageSize: 10 });
		expect(rel.hits[0]!.score).toBeGreaterThan(0);
		const byDate = await search({ q: 'воєнний стан', sort: 'date_desc', pageSize: 10 });
		const dates = byDate.hits.map((h) => h.date!);
		expect(dates).toEqual([...dates].sort().reverse());
		const asc = await search({ q: 'воєнний стан', sort: 'date_asc', pageSize: 10 });
		expect(asc.hits.map((h) => h.date)).toEqual([...asc.hits.map((h) => h.date!)].sort());
		expect(new Set(rel.hits.map((h) => h.url)).size).toBe(10);
	});

	it('highlights the words in titles and snippets', async () => {
		const r = await search({ q: 'публічної інформації', pageSize: 3 });
		const hit = r.hits.find((h) => h.url === urls.get('2939-17'))!;
		expect(hit.titleHighlight.filter((s) => s.hit).map((s) => s.text)).toEqual(['публічної', 'інформації']);
		expect(hit.snippet.some((s) => s.hit)).toBe(true);
		expect(hit.snippet.map((s) => s.text).join('').length).toBeLessThan(300);
	});

	it('pages through results without overlap', async () => {
		const p1 = await search({ q: 'закон', pageSize: 5, page: 1 });
		const p2 = await search({ q: 'закон', pageSize: 5, page: 2 });
		expect(p1.total).toBeGreaterThan(10);
		expect(p1.pages).toBe(Math.ceil(p1.total / 5));
		expect(p2.page).toBe(2);
		expect(p1.hits.map((h) => h.url).filter((u) => p2.hits.some((h) => h.url === u))).toEqual([]);
		const far = await search({ q: 'закон', pageSize: 5, page: 999 });
		expect(far.hits).toEqual([]);
		expect(far.total).toBe(p1.total);
	});

	it('suggests titles, words and numbers as one types', async () => {
		const s = await suggest('про дост');
		expect(s.filter((x) => x.type === 'document').map((x) => x.url)).toContain(urls.get('2939-17'));
		const w = await suggest('урядув');
		expect(w.some((x) => x.type === 'word' && x.text.startsWith('урядуван'))).toBe(true);
		const n = await suggest('2939');
		expect(n[0]).toMatchObject({ type: 'number', url: urls.get('2939-17') });
		expect(await suggest('  ')).toEqual([]);
	});

	it('an empty query browses everything, newest first', async () => {
		const r = await search({ q: '', pageSize: 5, kinds: ['act'] });
		expect(r.total).toBe(await db().legalAct.count());
		const dates = r.hits.map((h) => h.date ?? '');
		expect(dates).toEqual([...dates].sort().reverse());
	});
});

describe(`the index follows changes through the jobs (${kind})`, () => {
	afterAll(async () => {
		await stopJobs({ timeout: 2_000 });
		const act = await db().legalAct.findUnique({ where: { nreg: 'test-jobs-2114' } });
		if (act) await db().legalAct.delete({ where: { id: act.id } });
		const { reindexAll } = await import('./index.ts');
		await reindexAll('act');
	});

	it('an imported act becomes findable once its search.index job ran', async () => {
		await startJobs(url, async () => {}, { force: true, only: ['search.index'], schedules: false });
		const source = fs
			.readFileSync(path.join(CORPUS_DIR, '2114-20.md'), 'utf8')
			.replace('##### Ідентифікатор: 2114-20', '##### Ідентифікатор: test-jobs-2114')
			.replace('# Про забезпечення участі цивільних осіб у захисті України', '# Про тестування черги пошукового індексу квазіунікальнослово');
		const { item } = await importActSource(source, 'test-jobs.md');
		expect(item.outcome).toBe('created');
		await expect
			.poll(async () => (await search({ q: 'квазіунікальнослово' })).hits.map((h) => h.title), { timeout: 30_000, interval: 300 })
			.toEqual(['Про тестування черги пошукового індексу квазіунікальнослово']);
	});
});
