import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { actsWithDemoCoursesAndEvents, actUrls, ensureCorpus } from './corpus.fixture.ts';
import { search, searchEngine } from './index.ts';

/**
 * Relevance on the real corpus: tests/fixtures/search-relevance.json lists queries and the acts that
 * must be among the first five; the share found is reported (and must stay high). The portal's demo
 * courses and events share the index meanwhile, as on the portal: they must not push acts out.
 */
const fixture = JSON.parse(fs.readFileSync(path.resolve('tests/fixtures/search-relevance.json'), 'utf8')) as {
	queries: Array<{ q: string; expect: string[]; note?: string }>;
};
const kind = inject('databaseKind');

beforeAll(async () => {
	await ensureCorpus();
	await actsWithDemoCoursesAndEvents();
}, 600_000);

describe(`relevance (${kind})`, () => {
	it('has at least 30 queries', () => {
		expect(fixture.queries.length).toBeGreaterThanOrEqual(30);
	});

	it('shares the index with courses and events', async () => {
		expect(await searchEngine().count('course')).toBeGreaterThan(0);
		expect(await searchEngine().count('event')).toBeGreaterThan(0);
	});

	it('finds the expected act in the top 5 for nearly every query', async () => {
		const urls = await actUrls();
		const misses: string[] = [];
		let found = 0;
		let firsts = 0;
		for (const { q, expect: nregs } of fixture.queries) {
			for (const n of nregs) expect(urls.has(n), `fixture names an act not in the corpus: ${n}`).toBe(true);
			const r = await search({ q, pageSize: 5 });
			const got = r.hits.map((h) => h.url);
			const wanted = nregs.map((n) => urls.get(n)!);
			if (got.some((u) => wanted.includes(u))) found++;
			else misses.push(`${q} -> ${got.join(', ') || '(nothing)'}`);
			if (wanted.includes(got[0]!)) firsts++;
		}
		const share = found / fixture.queries.length;
		console.log(
			`[relevance ${kind}] ${found}/${fixture.queries.length} queries have an expected act in the top 5 (${(share * 100).toFixed(1)}%); ` +
				`first place: ${firsts}/${fixture.queries.length} (${((firsts / fixture.queries.length) * 100).toFixed(1)}%)` +
				(misses.length ? `\n  misses:\n  ${misses.join('\n  ')}` : '')
		);
		expect(share).toBeGreaterThanOrEqual(0.9);
	}, 120_000);
});
