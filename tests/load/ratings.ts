/**
 * npm run bench:ratings — the figures of the cases/contests/ratings issue, measured on the domain
 * functions the pages' load functions call (yearPage for /ratings/<year>, cityPage for
 * /ratings/cities/<slug>, contestResults for the results), on a scratch database:
 *   1. ratings: 100 cities x 86 indicators (8 criteria) x 5 yearly editions generated (43,000
 *      measurements), each edition computed (recompute); then BENCH_REPEAT (default 50) year pages
 *      (random year, random sort) and city pages (random city): p50 and p95;
 *   2. a contest with 30 nominations (4 weighted criteria each), 300 entries, 20 jurors (5 on each
 *      nomination's panel), every sheet complete: time to compute all results (database reads + the
 *      pure ranking), and the pure ranking alone.
 * Environment:
 *   BENCH_DB=embedded|postgres|both (default both)
 *   BENCH_PG_URL=...  the PostgreSQL server to create a scratch database on (default: the local one)
 *   BENCH_REPEAT=50
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { database, closeDatabase, db } from '../../src/lib/server/db/index.ts';
import { startEmbedded } from '../../src/lib/server/db/embedded.ts';
import { poolConfigFromUrl } from '../../src/lib/server/db/migrations.ts';
import { cityPage, yearPage } from '../../src/lib/server/ratings/pages.ts';
import { recompute } from '../../src/lib/server/ratings/results.ts';
import { demoValues, prng } from '../../src/lib/server/ratings/seed.ts';
import { contestResults } from '../../src/lib/server/contests/results.ts';
import { rankEntries } from '../../src/lib/server/contests/scoring.ts';
import { startTestPostgres } from '../support/postgres.ts';

const REPEAT = Number(process.env.BENCH_REPEAT ?? 50);
const WHICH = process.env.BENCH_DB ?? 'both';
const CITIES = 100;
const INDICATORS = 86;
const CRITERIA = 8;
const YEARS = [2021, 2022, 2023, 2024, 2025];

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function timeIt(n: number, fn: (i: number) => Promise<unknown>): Promise<{ p50: number; p95: number }> {
	await fn(-1); // warm-up
	const times: number[] = [];
	for (let i = 0; i < n; i++) {
		const t = performance.now();
		await fn(i);
		times.push(performance.now() - t);
	}
	times.sort((a, b) => a - b);
	return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function ratingsBench(tag: string) {
	const t0 = performance.now();
	const m = await db().ratingMethodology.create({ data: { slug: `bench-${tag}-${Date.now()}`, titleUk: 'Бенчмарк', titleEn: 'Benchmark' } });
	const indicators: Array<{ id: string; kind: 'binary' | 'scale'; maxValue: number }> = [];
	for (let c = 0; c < CRITERIA; c++) {
		const crit = await db().ratingCriterion.create({ data: { methodologyId: m.id, code: `c${c}`, titleUk: `Критерій ${c}`, titleEn: `Criterion ${c}`, weight: 1 + (c % 3), position: c } });
		const count = Math.floor(INDICATORS / CRITERIA) + (c < INDICATORS % CRITERIA ? 1 : 0);
		for (let i = 0; i < count; i++) {
			const kind = i % 3 === 0 ? 'scale' : 'binary';
			const ind = await db().ratingIndicator.create({ data: { criterionId: crit.id, code: `c${c}-i${i}`, titleUk: `Показник ${c}.${i}`, titleEn: `Indicator ${c}.${i}`, kind, maxValue: kind === 'scale' ? 5 : 1, weight: 1 + (i % 2), position: i } });
			indicators.push({ id: ind.id, kind, maxValue: ind.maxValue });
		}
	}
	const slugs: string[] = [];
	const existing = await db().ratingCity.count();
	for (let k = 0; k < CITIES; k++) slugs.push(`bench-city-${existing}-${k}`);
	await db().ratingCity.createMany({ data: slugs.map((slug, k) => ({ slug, nameUk: `Місто ${k}`, nameEn: `City ${k}`, region: 'UA-05' })) });
	const cities = await db().ratingCity.findMany({ where: { slug: { in: slugs } }, select: { id: true, slug: true } });
	const editions: string[] = [];
	for (const year of YEARS) {
		await db().ratingEdition.deleteMany({ where: { year } });
		const e = await db().ratingEdition.create({ data: { year, methodologyId: m.id, titleUk: `Бенчмарк ${year}`, titleEn: `Benchmark ${year}`, isDemo: true, publishedAt: new Date() } });
		editions.push(e.id);
		const data = cities.flatMap((c, k) => demoValues(c.slug, k, CITIES, year, YEARS[0]!, indicators).map((value, i) => ({ editionId: e.id, cityId: c.id, indicatorId: indicators[i]!.id, value })));
		for (let i = 0; i < data.length; i += 5000) await db().ratingMeasurement.createMany({ data: data.slice(i, i + 5000) });
	}
	const tGen = performance.now() - t0;
	const t1 = performance.now();
	for (const id of editions) await recompute(id);
	const tCompute = (performance.now() - t1) / editions.length;
	const rnd = prng(`bench-${tag}`);
	const sorts = ['rank', 'name', 'score', 'c3', 'region'];
	const year = await timeIt(REPEAT, () => yearPage(YEARS[Math.floor(rnd() * YEARS.length)]!, 'uk', { sort: sorts[Math.floor(rnd() * sorts.length)], dir: rnd() < 0.5 ? 'asc' : 'desc' }));
	const city = await timeIt(REPEAT, () => cityPage(cities[Math.floor(rnd() * cities.length)]!.slug, 'uk'));
	console.log(`[${tag}] ratings: ${CITIES} cities x ${indicators.length} indicators x ${YEARS.length} years = ${CITIES * indicators.length * YEARS.length} measurements generated in ${ms(tGen)}; recompute one edition ${ms(tCompute)}`);
	console.log(`[${tag}] year page (yearPage, 100 rows, random sort): p50 ${ms(year.p50)}, p95 ${ms(year.p95)} over ${REPEAT}`);
	console.log(`[${tag}] city page (cityPage, 5 years + recommendations): p50 ${ms(city.p50)}, p95 ${ms(city.p95)} over ${REPEAT}`);
	// Leave the shared tables as they were for the next run.
	await db().ratingEdition.deleteMany({ where: { id: { in: editions } } });
	await db().ratingCity.deleteMany({ where: { slug: { in: slugs } } });
	await db().ratingMethodology.delete({ where: { id: m.id } });
	return { year, city, tCompute };
}

async function contestBench(tag: string) {
	const year = 9000 + Math.floor(Math.random() * 900);
	const contest = await db().contest.create({ data: { year, titleUk: 'Бенчмарк', titleEn: 'Benchmark', status: 'screening', finalistsPerNomination: 3 } });
	const jurors = Array.from({ length: 20 }, (_, i) => `bench-juror-${i}`);
	const marks: Array<{ entryId: string; criterionId: string; userId: string; round: 'screening'; value: number }> = [];
	const rnd = prng(`contest-${tag}`);
	const perNomination: Array<{ criteria: Array<{ id: string; weight: number; maxScore: number }>; entries: string[]; panel: string[] }> = [];
	for (let n = 0; n < 30; n++) {
		const nom = await db().contestNomination.create({ data: { contestId: contest.id, code: `n${n}`, titleUk: `Номінація ${n}`, titleEn: `Nomination ${n}`, position: n } });
		const criteria = [];
		for (let c = 0; c < 4; c++) criteria.push(await db().contestCriterion.create({ data: { nominationId: nom.id, code: `k${c}`, titleUk: `К${c}`, titleEn: `C${c}`, weight: 4 - c, maxScore: 10, position: c } }));
		const panel = Array.from({ length: 5 }, (_, i) => jurors[(n + i * 4) % jurors.length]!);
		await db().contestJuror.createMany({ data: panel.map((userId) => ({ nominationId: nom.id, userId, round: 'screening' as const })) });
		const entries: string[] = [];
		for (let e = 0; e < 10; e++) {
			const entry = await db().contestEntry.create({ data: { contestId: contest.id, nominationId: nom.id, submittedById: 'bench', organizationName: 'Рада', region: 'UA-05', city: 'Вінниця', title: `Заявка ${n}.${e}`, summary: '—' } });
			entries.push(entry.id);
			for (const userId of panel) for (const c of criteria) marks.push({ entryId: entry.id, criterionId: c.id, userId, round: 'screening', value: Math.floor(rnd() * 11) });
		}
		perNomination.push({ criteria, entries, panel });
	}
	for (let i = 0; i < marks.length; i += 5000) await db().contestScore.createMany({ data: marks.slice(i, i + 5000) });
	const full = await timeIt(Math.min(REPEAT, 20), () => contestResults(contest.id));
	const t = performance.now();
	const reps = 20;
	for (let r = 0; r < reps; r++) for (const n of perNomination) rankEntries(n.criteria, n.entries, marks.filter((mk) => n.entries.includes(mk.entryId)), { panel: new Set(n.panel) });
	const pure = (performance.now() - t) / reps;
	console.log(`[${tag}] contest: 30 nominations, 300 entries, 20 jurors (5 a panel), ${marks.length} marks: all results (reads + ranking) p50 ${ms(full.p50)}, p95 ${ms(full.p95)}; the pure ranking alone ${ms(pure)}`);
	await db().contest.delete({ where: { id: contest.id } });
	return { full, pure };
}

async function withDatabase(kind: 'embedded' | 'postgres', fn: () => Promise<void>) {
	if (kind === 'embedded') {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maisternia-bench-ratings-'));
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
	const name = `maisternia_bench_ratings_${Date.now()}`;
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
		await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
		await admin.end();
		await stopCluster?.();
	}
}

async function main() {
	const kinds: Array<'embedded' | 'postgres'> = WHICH === 'both' ? ['postgres', 'embedded'] : [WHICH as 'embedded' | 'postgres'];
	for (const kind of kinds) {
		await withDatabase(kind, async () => {
			await ratingsBench(kind);
			await contestBench(kind);
		});
	}
}

main().then(
	() => process.exit(0),
	(err) => {
		console.error(err);
		process.exit(1);
	}
);
