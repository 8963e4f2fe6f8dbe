/**
 * npm run bench:club — the figure of the Expert Club (issue 8): a resolution of 200 paragraphs with
 * 2,000 comments and amendments over 5 versions; p50/p95 of its page.
 *
 * It prepares the resolution in the database, then measures:
 *   1. always: the page's server load (resolutionPage(), what /club/resolutions/<id> loads), BENCH_RUNS
 *      times (default 200) one after another;
 *   2. with BENCH_URL (a running portal on the same database): GET /club/resolutions/<id> over HTTP, BENCH_CONNECTIONS
 *      (default 10) at once for BENCH_SECONDS (default 10). The resolution is adopted at the end of
 *      the preparation, so its page (all 200 paragraphs with their 2,000 comments) needs no sign-in.
 * Database: BENCH_DATABASE_URL or DATABASE_URL (a PostgreSQL server), else the embedded database in
 * DATA_DIR (./data by default). What it creates is removed at the end unless BENCH_KEEP=1.
 */
import { database, db, closeDatabase } from '../../src/lib/server/db/index.ts';

process.env.JOBS = 'off';
const PARAGRAPHS = 200;
const COMMENTS = 2000;
const VERSIONS = 5;
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const run = Date.now().toString(36);

await database({ databaseUrl: process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL, poolSize: 4 });
const club = await import('../../src/lib/server/club/index.ts');

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

const people = Array.from({ length: 10 }, (_, i) => ({ id: `bench-club-${run}-${i}`, name: `Експерт ${i + 1}` }));
const t0 = performance.now();
await db().clubMember.createMany({
	data: people.map((p, i) => ({ userId: p.id, role: i === 0 ? 'coordinator' : 'member', status: 'active', displayName: p.name, handle: `bench.${run}.${i}` }))
});
const sentence = (i: number, v: number) =>
	`Пункт ${i + 1}. Органам місцевого самоврядування забезпечити розвиток інструментів електронного урядування, інтеграцію систем документообігу та навчання службовців (редакція ${v}).`;
let texts = Array.from({ length: PARAGRAPHS }, (_, i) => sentence(i, 1));
const r = await club.createResolution(people[0]!, { title: `Бенчмарк: резолюція ${run}`, text: texts.join('\n\n'), quorumPercent: 0 });
let exitCode = 0;
try {
	for (let v = 1; v <= VERSIONS; v++) {
		if (v > 1) {
			// Every version edits a fifth of the paragraphs (ids kept) and adds one.
			texts = texts.map((t, i) => (i % 5 === v % 5 ? t.replace(/редакція \d+/, `редакція ${v}`) : t));
			texts.splice(v * 7, 0, `Новий пункт версії ${v}: запровадити моніторинг впровадження інструментів е-урядування.`);
			await club.saveVersion(people[0]!, r.id, texts.join('\n\n'));
		}
		const paragraphs = await club.paragraphsOf(r.id);
		const rows = Array.from({ length: COMMENTS / VERSIONS }, (_, k) => {
			const p = paragraphs[(k * 7) % paragraphs.length]!;
			const author = people[k % people.length]!;
			const body = `Коментар ${k} до версії ${v}: варто **уточнити** формулювання і послатися на /library/zakon/2017/2155-19#n${k % 50}.`;
			return {
				resolutionId: r.id,
				paragraphId: p.id,
				versionNumber: v,
				kind: k % 10 === 0 ? ('amendment' as const) : ('comment' as const),
				authorId: author.id,
				authorName: author.name,
				body,
				bodyHtml: club.renderUserText(body),
				proposedText: k % 10 === 0 ? `${p.text} (уточнено)` : null
			};
		});
		await db().clubComment.createMany({ data: rows });
	}
	await club.openVoting(r.id);
	for (const p of people) await club.castVote(p, r.id, 'for');
	await club.closeVoting(r.id);
	const prepared = performance.now() - t0;
	const count = await db().clubComment.count({ where: { resolutionId: r.id } });
	const page0 = await club.resolutionPage(r.id, null);
	console.log(`prepared: ${page0!.paragraphs.length} paragraphs in version ${page0!.resolution.currentVersion}, ${count} comments, in ${(prepared / 1000).toFixed(1)} s`);

	const times: number[] = [];
	for (let i = 0; i < RUNS; i++) {
		const s = performance.now();
		const page = await club.resolutionPage(r.id, { id: people[1]!.id, clubRole: 'member' });
		times.push(performance.now() - s);
		if (i === 0 && page!.paragraphs.flatMap((p) => p.comments).length + page!.orphans.length !== COMMENTS) throw new Error('comments missing from the page');
	}
	times.sort((a, b) => a - b);
	console.log(`resolutionPage() x${RUNS}: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${times.at(-1)!.toFixed(1)} ms`);

	if (process.env.BENCH_URL) {
		const url = `${process.env.BENCH_URL.replace(/\/$/, '')}/club/resolutions/${r.id}`;
		const first = await fetch(url);
		const html = await first.text();
		console.log(`GET ${url}: ${first.status}, ${(html.length / 1024).toFixed(0)} KiB`);
		// Own loop instead of autocannon: autocannon reports p90 and p97.5, the figure asked for is p95.
		const http: number[] = [];
		let failures = 0;
		const until = Date.now() + SECONDS * 1000;
		await Promise.all(
			Array.from({ length: CONNECTIONS }, async () => {
				while (Date.now() < until) {
					const s = performance.now();
					const res = await fetch(url);
					await res.arrayBuffer();
					http.push(performance.now() - s);
					if (!res.ok) failures++;
				}
			})
		);
		http.sort((a, b) => a - b);
		console.log(
			`HTTP GET (${CONNECTIONS} concurrent, ${SECONDS} s): ${http.length} requests, ${(http.length / SECONDS).toFixed(1)} req/s, p50 ${percentile(http, 50).toFixed(0)} ms, p95 ${percentile(http, 95).toFixed(0)} ms, non-2xx ${failures}`
		);
	}
} catch (err) {
	console.error(err);
	exitCode = 1;
} finally {
	if (process.env.BENCH_KEEP !== '1') {
		await db().clubResolution.delete({ where: { id: r.id } });
		await db().clubCitation.deleteMany({ where: { resolutionId: r.id } });
		await db().clubMember.deleteMany({ where: { userId: { in: people.map((p) => p.id) } } });
	}
	await closeDatabase();
}
process.exit(exitCode);
