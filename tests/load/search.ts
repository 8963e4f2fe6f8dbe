/**
 * npm run bench:search — the PostgreSQL search engine over many acts, on the embedded database
 * (PGlite) and on a PostgreSQL server, plus the import throughput of the real corpus.
 *   1. a fresh database; the real corpus (../shared/data/legal-acts) imported: MB/s and acts/s of the
 *      import (parse + store), and of indexing it;
 *   2. BENCH_ACTS (default 100,000) acts generated from the real corpus by variation (titles with
 *      words swapped, numbers, dates, issuers, status, 1-4 KB slices of real texts) written to the
 *      index; docs/s;
 *   3. 20 typical queries (words, inflected forms, numbers, a typo, filters, date sort, paging),
 *      each BENCH_REPEAT times after a warm-up: p50 and p95 per query and over all.
 * Environment:
 *   BENCH_DB=embedded|postgres|both (default both)
 *   BENCH_ACTS=100000  BENCH_REPEAT=10
 *   BENCH_PG_URL=...   a PostgreSQL server to create a scratch database on (default: the local server
 *                      at postgresql://postgres@127.0.0.1:5432/postgres, else a throwaway cluster)
 *   BENCH_KEEP_DB=1    keep the PostgreSQL scratch database (its URL is printed) for later runs
 *   BENCH_REUSE_DB=url query an existing database (a kept one) without importing or generating
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { database, closeDatabase, db } from '../../src/lib/server/db/index.ts';
import { startEmbedded } from '../../src/lib/server/db/embedded.ts';
import { poolConfigFromUrl } from '../../src/lib/server/db/migrations.ts';
import { importActFiles } from '../../src/lib/server/library/import.ts';
import { parseAct, type ActUnit } from '../../src/lib/server/library/parse.ts';
import { numberVariants } from '../../src/lib/server/library/numbers.ts';
import { reindexAll, search, useSearchEngine } from '../../src/lib/server/search/index.ts';
import { PostgresSearchEngine } from '../../src/lib/server/search/pg.ts';
import type { SearchDocumentInput, SearchQuery } from '../../src/lib/server/search/types.ts';
import { startTestPostgres } from '../support/postgres.ts';

const CORPUS = path.resolve(process.env.LEGAL_ACTS_DIR ?? 'tests/fixtures/legal-acts');
const ACTS = Number(process.env.BENCH_ACTS ?? 100_000);
const REPEAT = Number(process.env.BENCH_REPEAT ?? 10);
const WHICH = process.env.BENCH_DB ?? 'both';

const QUERIES: Array<[string, SearchQuery]> = [
	['words: доступ до публічної інформації', { q: 'доступ до публічної інформації' }],
	['inflected: електронного урядування', { q: 'електронного урядування' }],
	['one word: бюджет', { q: 'бюджет' }],
	['two words: воєнний стан', { q: 'воєнний стан' }],
	['phrase: "правовий режим воєнного стану"', { q: '"правовий режим воєнного стану"' }],
	['number: 2939-VI', { q: '2939-VI' }],
	['order number: 2250-р', { q: '2250-р' }],
	['bare number: 1453', { q: '1453' }],
	['nreg: 64/2022', { q: '64/2022' }],
	['typo: урдування', { q: 'урдування' }],
	['abbreviation: кму постанова', { q: 'кму постанова' }],
	['filter type: інформація + Закон', { q: 'інформація', types: ['Закон'] }],
	['filter status+year: захист, in_force, 2015', { q: 'захист', statuses: ['in_force'], years: [2015] }],
	['filter issuer: Кабінет Міністрів України', { q: 'порядок', issuers: ['Кабінет Міністрів України'] }],
	['date sort: охорона праці', { q: 'охорона праці', sort: 'date_desc' }],
	['page 5: закон', { q: 'закон', page: 5 }],
	['browse: empty query, newest first', { q: '' }],
	['browse filtered: Указ', { q: '', types: ['Указ'] }],
	['long: відкритість використання публічних коштів', { q: 'відкритість використання публічних коштів' }],
	['rare: квазіунікальнеслово', { q: 'квазіунікальнеслово' }]
];

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

// A small deterministic generator: the same acts on every run and every database.
function rng(seed: number) {
	let s = seed >>> 0;
	return () => {
		s = (s + 0x6d2b79f5) >>> 0;
		let t = s;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

interface Base {
	title: string;
	types: string[];
	issuers: string[];
	texts: string[];
	headings: string[];
}

function loadCorpus(): Base[] {
	return fs
		.readdirSync(CORPUS)
		.filter((f) => f.endsWith('.md') && f !== 'SOURCE.md')
		.map((f) => {
			const p = parseAct(fs.readFileSync(path.join(CORPUS, f), 'utf8'), { fileName: f });
			const units = p.units.filter((u: ActUnit) => u.text && u.kind !== 'marker' && u.kind !== 'table');
			return {
				title: p.card.title,
				types: p.card.types,
				issuers: p.card.issuers,
				texts: units.filter((u) => !['article', 'section', 'chapter', 'annex'].includes(u.kind)).map((u) => u.text),
				headings: units.filter((u) => ['article', 'section', 'chapter', 'annex'].includes(u.kind)).map((u) => u.text)
			};
		})
		.filter((b) => b.texts.length > 3);
}

const TYPES: Array<[string[], string[], (n: number, y: number) => [string, string]]> = [
	[['Закон'], ['Верховна Рада України'], (n, y) => [`${n}-${['XII', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'][y % 7]}`, `${n}-${[12, 15, 16, 17, 18, 19, 20][y % 7]}`]],
	[['Постанова'], ['Кабінет Міністрів України'], (n, y) => [String(n), `${n}-${y}-п`]],
	[['Розпорядження'], ['Кабінет Міністрів України'], (n, y) => [`${n}-р`, `${n}-${y}-р`]],
	[['Указ'], ['Президент України'], (n, y) => [`${n}/${y}`, `${n}/${y}`]],
	[['Наказ'], ['Міністерство цифрової трансформації України'], (n, y) => [String(n), `z${n}-${String(y).slice(2)}`]],
	[['Рішення'], ['Вінницька міська рада'], (n, y) => [String(n), `vmr-${n}-${y}`]]
];
const STATUSES = ['in_force', 'in_force', 'in_force', 'repealed', 'suspended', 'not_in_force', 'undetermined'];

function generate(bases: Base[], count: number): SearchDocumentInput[] {
	const r = rng(20261122);
	const pick = <T>(a: T[]) => a[Math.floor(r() * a.length)]!;
	const titleWords = [...new Set(bases.flatMap((b) => b.title.split(/\s+/)).filter((w) => w.length > 4))];
	const docs: SearchDocumentInput[] = [];
	for (let i = 0; i < count; i++) {
		const base = pick(bases);
		const [types, issuers, num] = pick(TYPES);
		const year = 1991 + Math.floor(r() * 32);
		const [number, nreg] = num(100 + Math.floor(r() * 5000), year);
		const words = base.title.split(/\s+/);
		words[1 + Math.floor(r() * Math.max(1, words.length - 1))] = pick(titleWords);
		const start = Math.floor(r() * Math.max(1, base.texts.length - 10));
		const body: string[] = [];
		let size = 0;
		const want = 1000 + Math.floor(r() * 3000);
		for (let k = start; k < base.texts.length && size < want; k++) {
			body.push(base.texts[k]!);
			size += base.texts[k]!.length;
		}
		docs.push({
			kind: 'act',
			refId: `bench-${i}`,
			url: `/library/bench/${year}/${i}`,
			title: words.join(' '),
			subtitle: `${types[0]} № ${number}`,
			headings: base.headings.slice(0, 3),
			body: body.join('\n'),
			keys: numberVariants(`${nreg}-b${i}`, number),
			types: [...types, ...(r() < 0.2 ? base.types.slice(1, 2) : [])],
			issuers,
			status: pick(STATUSES),
			date: new Date(Date.UTC(year, Math.floor(r() * 12), 1 + Math.floor(r() * 28)))
		});
	}
	return docs;
}

async function withDatabase(kind: 'embedded' | 'postgres', fn: () => Promise<void>) {
	if (kind === 'embedded') {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maisternia-bench-search-'));
		const embedded = await startEmbedded(dir);
		try {
			await database({ databaseUrl: embedded.url, poolSize: 4 });
			await fn();
		} finally {
			await closeDatabase();
			await embedded.stop();
			fs.rmSync(dir, { recursive: true, force: true });
		}
		return;
	}
	if (process.env.BENCH_REUSE_DB) {
		try {
			await database({ databaseUrl: process.env.BENCH_REUSE_DB, poolSize: 4, migrate: false });
			await fn();
		} finally {
			await closeDatabase();
		}
		return;
	}
	let serverUrl = process.env.BENCH_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
	let stopCluster: (() => Promise<void>) | undefined;
	try {
		const c = new pg.Client(poolConfigFromUrl(serverUrl));
		await c.connect();
		await c.end();
	} catch {
		const cluster = await startTestPostgres();
		serverUrl = cluster.serverUrl;
		stopCluster = cluster.stop;
	}
	const name = `maisternia_bench_${Date.now()}`;
	const admin = new pg.Client(poolConfigFromUrl(serverUrl));
	await admin.connect();
	await admin.query(`CREATE DATABASE "${name}"`);
	try {
		const u = new URL(serverUrl);
		u.pathname = `/${name}`;
		await database({ databaseUrl: u.toString(), poolSize: 4 });
		await fn();
	} finally {
		await closeDatabase();
		if (process.env.BENCH_KEEP_DB) {
			const u = new URL(serverUrl);
			u.pathname = `/${name}`;
			console.log(`[postgres] kept the database: BENCH_REUSE_DB=${u}`);
		} else await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
		await admin.end();
		await stopCluster?.();
	}
}

interface Report {
	kind: string;
	importMBs: number;
	importActsS: number;
	importS: number;
	indexS: number;
	corpusMB: number;
	genDocsS: number;
	genS: number;
	queries: Array<{ name: string; total: number; p50: number; p95: number }>;
	all: { p50: number; p95: number };
}

async function bench(kind: 'embedded' | 'postgres', docs: SearchDocumentInput[]): Promise<Report> {
	let report!: Report;
	await withDatabase(kind, async () => {
		// Facet counts uncached: every run below measures the full work of a search.
		useSearchEngine(new PostgresSearchEngine(undefined, { facetCacheMs: 0 }));
		const reuse = Boolean(process.env.BENCH_REUSE_DB);
		let imp = { total: 0, bytes: 0, durationMs: 1 };
		let indexS = 0;
		let genS = 1;
		if (!reuse) {
		// 1. Import of the real corpus.
		const noJob = async () => false;
		imp = await importActFiles([CORPUS], { onActChanged: noJob });
		const t0 = performance.now();
		await reindexAll('act');
		indexS = (performance.now() - t0) / 1000;
		const mb = imp.bytes / 1024 / 1024;
		console.log(`[${kind}] import of the corpus: ${imp.total} acts, ${mb.toFixed(2)} MB in ${(imp.durationMs / 1000).toFixed(2)} s = ${(mb / (imp.durationMs / 1000)).toFixed(2)} MB/s, ${(imp.total / (imp.durationMs / 1000)).toFixed(1)} acts/s; indexing ${indexS.toFixed(2)} s`);

		// 2. Generated acts into the index.
		const engine = new PostgresSearchEngine();
		const g0 = performance.now();
		const step = 1000;
		for (let i = 0; i < docs.length; i += step) {
			await engine.upsert(docs.slice(i, i + step));
			if ((i / step) % 10 === 9 || i + step >= docs.length) {
				const s = (performance.now() - g0) / 1000;
				console.log(`[${kind}]   ${Math.min(i + step, docs.length)}/${docs.length} generated acts indexed, ${(Math.min(i + step, docs.length) / s).toFixed(0)} docs/s`);
			}
		}
		genS = (performance.now() - g0) / 1000;
		await db().$executeRawUnsafe('ANALYZE "SearchDocument"');
		await db().$executeRawUnsafe('ANALYZE "SearchTerm"');
		}
		const mb = imp.bytes / 1024 / 1024;

		// 3. Queries.
		const all: number[] = [];
		const queries: Report['queries'] = [];
		for (const [name, q] of QUERIES) {
			const first = await search({ ...q, pageSize: 10 });
			const times: number[] = [];
			for (let k = 0; k < REPEAT; k++) {
				const t = performance.now();
				await search({ ...q, pageSize: 10 });
				times.push(performance.now() - t);
			}
			times.sort((a, b) => a - b);
			all.push(...times);
			queries.push({ name, total: first.total, p50: percentile(times, 50), p95: percentile(times, 95) });
			console.log(`[${kind}]   ${name.padEnd(48)} hits ${String(first.total).padStart(6)}  p50 ${percentile(times, 50).toFixed(1).padStart(7)} ms  p95 ${percentile(times, 95).toFixed(1).padStart(7)} ms`);
		}
		all.sort((a, b) => a - b);
		report = {
			kind,
			importMBs: mb / (imp.durationMs / 1000),
			importActsS: imp.total / (imp.durationMs / 1000),
			importS: imp.durationMs / 1000,
			indexS,
			corpusMB: mb,
			genDocsS: docs.length / genS,
			genS,
			queries,
			all: { p50: percentile(all, 50), p95: percentile(all, 95) }
		};
	});
	return report;
}

async function main() {
	const bases = loadCorpus();
	const g = performance.now();
	const docs = generate(bases, ACTS);
	console.log(`generated ${docs.length} acts from ${bases.length} real ones in ${((performance.now() - g) / 1000).toFixed(1)} s (${(docs.reduce((n, d) => n + d.body.length, 0) / 1024 / 1024).toFixed(0)} MB of text)`);
	const reports: Report[] = [];
	if (WHICH === 'embedded' || WHICH === 'both') reports.push(await bench('embedded', docs));
	if (WHICH === 'postgres' || WHICH === 'both') reports.push(await bench('postgres', docs));
	console.log(`\nSummary (${ACTS} generated acts + the corpus, ${REPEAT} runs per query, ${os.cpus().length} CPUs, load ${os.loadavg()[0]!.toFixed(1)})`);
	for (const r of reports) {
		console.log(
			`  ${r.kind.padEnd(9)} import ${r.importMBs.toFixed(2)} MB/s, ${r.importActsS.toFixed(1)} acts/s (${r.corpusMB.toFixed(2)} MB in ${r.importS.toFixed(1)} s, indexing ${r.indexS.toFixed(1)} s); ` +
				`index build ${r.genDocsS.toFixed(0)} docs/s; 20 queries p50 ${r.all.p50.toFixed(1)} ms, p95 ${r.all.p95.toFixed(1)} ms`
		);
	}
	process.exit(0);
}

main().catch(async (err) => {
	console.error(err);
	await closeDatabase().catch(() => undefined);
	process.exit(1);
});
