/**
 * npm run bench:xapi — the LRS under load on PostgreSQL:
 *   1. bulk-loads 990,000 statements with SQL (generate_series; statement JSON, filter columns and side
 *      tables exactly as the LRS writes them), 1,000 learners, 100 activities in 10 courses;
 *   2. POSTs 10,000 statements through HTTP in batches of 50 (so 1,000,000 are stored): statements/s,
 *      p50/p95 per request;
 *   3. GETs by agent, by activity and by course (related_activities) with 1,000,000 stored: p50/p95.
 * The LRS is `handleXapi` served by node:http in this process: the same function the SvelteKit route
 * calls (a build is not needed; SvelteKit's routing adds little). BENCH_URL + BENCH_AUTH point the
 * HTTP phases at a running portal instead (then the database must be the one BENCH_PG_URL names).
 *   BENCH_PG_URL        server to create a scratch database on (default: the local server, else a
 *                       throwaway Debian PostgreSQL cluster as the tests use)
 *   BENCH_BULK=990000   statements loaded with SQL     BENCH_POST=10000  statements POSTed
 *   BENCH_BATCH=50      statements per POST            BENCH_CONCURRENCY=4  requests in flight
 *   BENCH_GETS=200      GET requests per kind          BENCH_LIMIT=50    statements per GET page
 *   BENCH_KEEP=1        keep the scratch database (its URL is printed) to look at query plans
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { applyMigrations } from '../../src/lib/server/db/migrations.ts';
import { closeDatabase, database, db } from '../../src/lib/server/db/index.ts';
import { createClient, handleXapi } from '../../src/lib/server/xapi/index.ts';
import { startTestPostgres, type TestPostgres } from '../support/postgres.ts';

const BULK = Number(process.env.BENCH_BULK ?? 990_000);
const POST = Number(process.env.BENCH_POST ?? 10_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 50);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 4);
const GETS = Number(process.env.BENCH_GETS ?? 200);
const LIMIT = Number(process.env.BENCH_LIMIT ?? 50);
const LEARNERS = 1_000;
const ACTIVITIES = 100;
const COURSES = 10;
const HOME = 'https://bench.maisternia.example';

const course = (c: number) => `${HOME}/courses/c${c}`;
const activity = (a: number) => `${course(a % COURSES)}/activity-${a}`;
const learnerMbox = (l: number) => `mailto:learner${l}@bench.example`;

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

const ms = (n: number) => `${n.toFixed(1)} ms`;

async function pgServer(): Promise<TestPostgres> {
	const url = process.env.BENCH_PG_URL ?? process.env.TEST_PG_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
	const probe = new pg.Client({ connectionString: url });
	try {
		await probe.connect();
		await probe.end();
		process.env.TEST_PG_URL = url;
	} catch {
		await probe.end().catch(() => undefined);
		delete process.env.TEST_PG_URL; // a throwaway cluster then
	}
	return startTestPostgres();
}

/** Loads `count` statements with SQL in chunks, as the LRS would have stored them. */
async function bulkLoad(url: string, count: number, clientKey: string): Promise<number> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	const authority = JSON.stringify({ objectType: 'Agent', name: 'bench', account: { homePage: 'http://localhost:3000/xapi', name: clientKey } });
	const authorityIfi = `account:${JSON.stringify(['http://localhost:3000/xapi', clientKey])}`;
	const chunk = 100_000;
	const t0 = performance.now();
	// Stored times lie in the past, one statement per 10 ms, so `seq` and `stored` grow together.
	const start = Date.now() - count * 10 - 60_000;
	for (let from = 0; from < count; from += chunk) {
		const to = Math.min(count, from + chunk) - 1;
		await client.query(
			`WITH src AS (
				SELECT g, gen_random_uuid() AS id, (g % ${LEARNERS}) AS l, ((g * 7) % ${ACTIVITIES}) AS a,
					to_timestamp(($1::bigint + g * 10) / 1000.0) AS ts,
					(ARRAY['http://adlnet.gov/expapi/verbs/experienced','http://adlnet.gov/expapi/verbs/answered',
					       'http://adlnet.gov/expapi/verbs/completed','http://adlnet.gov/expapi/verbs/passed'])[1 + (g % 4)] AS verb
				FROM generate_series($2::int, $3::int) AS g
			), rows AS (
				SELECT *, '${HOME}/courses/c' || (a % ${COURSES}) AS course,
					'${HOME}/courses/c' || (a % ${COURSES}) || '/activity-' || a AS act,
					'mailto:learner' || l || '@bench.example' AS mbox
				FROM src
			), ins AS (
				INSERT INTO "XapiStatement" ("statementId", stored, timestamp, statement, "verbId", "actorIfi", "objectType",
					"objectActivityId", registration, voided, voiding, "authorityIfi", "clientId")
				SELECT id, ts, ts, jsonb_build_object(
						'id', id::text,
						'actor', jsonb_build_object('objectType', 'Agent', 'name', 'Learner ' || l, 'mbox', mbox),
						'verb', jsonb_build_object('id', verb),
						'object', jsonb_build_object('objectType', 'Activity', 'id', act,
							'definition', jsonb_build_object('name', jsonb_build_object('uk', 'Активність ' || a, 'en', 'Activity ' || a))),
						'result', jsonb_build_object('score', jsonb_build_object('scaled', round(((g % 100) / 100.0)::numeric, 2)), 'completion', true),
						'context', jsonb_build_object('contextActivities', jsonb_build_object('parent', jsonb_build_array(jsonb_build_object('id', course)))),
						'timestamp', to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
						'stored', to_char(ts AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
						'authority', $4::jsonb,
						'version', '1.0.0'),
					verb, 'mbox:' || mbox, 'Activity', act, NULL, false, false, $5, NULL
				FROM rows ORDER BY g
				RETURNING seq, "actorIfi", "objectActivityId", statement -> 'context' -> 'contextActivities' -> 'parent' -> 0 ->> 'id' AS course
			), agents AS (
				INSERT INTO "XapiStatementAgent" ("statementSeq", ifi, direct)
				SELECT seq, "actorIfi", true FROM ins UNION ALL SELECT seq, $5, false FROM ins
			)
			INSERT INTO "XapiStatementActivity" ("statementSeq", "activityId", direct)
			SELECT seq, "objectActivityId", true FROM ins UNION ALL SELECT seq, course, false FROM ins`,
			[start, from, to, authority, authorityIfi]
		);
		process.stdout.write(`\r[bench] bulk load ${to + 1}/${count} (${Math.round((to + 1) / ((performance.now() - t0) / 1000))} statements/s)   `);
	}
	process.stdout.write('\n');
	await client.query(
		`INSERT INTO "XapiAgent" (ifi, agent, name, "updatedAt")
		 SELECT 'mbox:mailto:learner' || l || '@bench.example', jsonb_build_object('mbox', 'mailto:learner' || l || '@bench.example'), 'Learner ' || l, now()
		 FROM generate_series(0, ${LEARNERS - 1}) l ON CONFLICT DO NOTHING`
	);
	await client.query('ANALYZE');
	await client.end();
	return performance.now() - t0;
}

interface Timing {
	count: number;
	seconds: number;
	p50: number;
	p95: number;
	max: number;
}

async function pool<T>(items: T[], concurrency: number, fn: (item: T) => Promise<void>): Promise<void> {
	let next = 0;
	await Promise.all(
		Array.from({ length: Math.min(concurrency, items.length) }, async () => {
			while (next < items.length) await fn(items[next++]!);
		})
	);
}

async function timed(requests: (() => Promise<Response>)[], concurrency: number): Promise<Timing> {
	const times: number[] = [];
	const t0 = performance.now();
	await pool(requests, concurrency, async (send) => {
		const t = performance.now();
		const res = await send();
		await res.arrayBuffer();
		if (!res.ok) throw new Error(`HTTP ${res.status}: ${await res.text().catch(() => '')}`);
		times.push(performance.now() - t);
	});
	const seconds = (performance.now() - t0) / 1000;
	times.sort((a, b) => a - b);
	return { count: times.length, seconds, p50: percentile(times, 50), p95: percentile(times, 95), max: times[times.length - 1]! };
}

function statementFor(i: number) {
	const l = (i * 13) % LEARNERS;
	const a = (i * 7) % ACTIVITIES;
	return {
		id: randomUUID(),
		actor: { objectType: 'Agent', name: `Learner ${l}`, mbox: learnerMbox(l) },
		verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { uk: 'відповів', 'en-US': 'answered' } },
		object: { objectType: 'Activity', id: activity(a), definition: { name: { uk: `Активність ${a}`, en: `Activity ${a}` } } },
		result: { score: { scaled: (i % 100) / 100 }, success: i % 3 !== 0, completion: true, duration: 'PT42S' },
		context: { registration: randomUUID(), contextActivities: { parent: [{ id: course(a % COURSES) }] } },
		timestamp: new Date().toISOString()
	};
}

async function main() {
	const server = await pgServer();
	console.log(`[bench] PostgreSQL database ${new URL(server.url).pathname.slice(1)} on ${new URL(server.url).host}`);
	let httpServer: http.Server | null = null;
	try {
		await applyMigrations(server.url);
		await database({ databaseUrl: server.url, migrate: false, poolSize: 20 });
		const { key, secret } = await createClient({ name: 'bench', scopes: ['all'] });
		const auth = process.env.BENCH_AUTH ?? `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

		const loadMs = await bulkLoad(server.url, BULK, key);
		console.log(`[bench] bulk-loaded ${BULK.toLocaleString('en')} statements in ${(loadMs / 1000).toFixed(1)} s`);

		let base = process.env.BENCH_URL?.replace(/\/+$/, '');
		if (!base) {
			httpServer = http.createServer(async (req, res) => {
				const chunks: Buffer[] = [];
				for await (const c of req) chunks.push(c as Buffer);
				const body = Buffer.concat(chunks);
				const headers = new Headers();
				for (const [k, v] of Object.entries(req.headers)) if (v !== undefined) headers.set(k, Array.isArray(v) ? v.join(', ') : v);
				const response = await handleXapi(
					new Request(`http://${req.headers.host}${req.url}`, { method: req.method, headers, body: body.length ? body : undefined }),
					{ session: null }
				);
				const out: Record<string, string> = {};
				response.headers.forEach((v, k) => (out[k] = v));
				res.writeHead(response.status, out);
				res.end(Buffer.from(await response.arrayBuffer()));
			});
			await new Promise<void>((r) => httpServer!.listen(0, '127.0.0.1', r));
			base = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
		}
		const headers = { Authorization: auth, 'X-Experience-API-Version': '1.0.3' };

		// POST: batches of 50, CONCURRENCY in flight.
		const batches = Array.from({ length: Math.ceil(POST / BATCH) }, (_, b) =>
			Array.from({ length: Math.min(BATCH, POST - b * BATCH) }, (_, i) => statementFor(BULK + b * BATCH + i))
		);
		const post = await timed(
			batches.map((batch) => () => fetch(`${base}/xapi/statements`, { method: 'POST', headers: { ...headers, 'Content-Type': 'application/json' }, body: JSON.stringify(batch) })),
			CONCURRENCY
		);
		const [{ count }] = await db().$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "XapiStatement"`;
		console.log(`[bench] ${Number(count).toLocaleString('en')} statements stored`);
		await db().$executeRawUnsafe('ANALYZE');

		const pick = (n: number) => Math.floor((n * 7919) % LEARNERS);
		const get = (query: Record<string, string>) => () => fetch(`${base}/xapi/statements?${new URLSearchParams({ ...query, limit: String(LIMIT) })}`, { headers });
		const warm = Array.from({ length: 10 }, (_, i) => get({ agent: JSON.stringify({ mbox: learnerMbox(pick(i + 999)) }) }));
		await timed(warm, 1);
		const byAgent = await timed(Array.from({ length: GETS }, (_, i) => get({ agent: JSON.stringify({ mbox: learnerMbox(pick(i)) }) })), CONCURRENCY);
		const byActivity = await timed(Array.from({ length: GETS }, (_, i) => get({ activity: activity((i * 37) % ACTIVITIES) })), CONCURRENCY);
		const byCourse = await timed(Array.from({ length: GETS }, (_, i) => get({ activity: course(i % COURSES), related_activities: 'true' })), CONCURRENCY);
		const agentAndVerb = await timed(
			Array.from({ length: GETS }, (_, i) => get({ agent: JSON.stringify({ mbox: learnerMbox(pick(i + 1)) }), verb: 'http://adlnet.gov/expapi/verbs/completed' })),
			CONCURRENCY
		);

		const rows = [
			{ what: `POST ${POST.toLocaleString('en')} statements, batches of ${BATCH}`, t: post, rate: `${Math.round(POST / post.seconds)} statements/s` },
			{ what: `GET ?agent= (limit ${LIMIT})`, t: byAgent, rate: `${Math.round(byAgent.count / byAgent.seconds)} req/s` },
			{ what: `GET ?activity= (limit ${LIMIT})`, t: byActivity, rate: `${Math.round(byActivity.count / byActivity.seconds)} req/s` },
			{ what: `GET ?activity=<course>&related_activities=true`, t: byCourse, rate: `${Math.round(byCourse.count / byCourse.seconds)} req/s` },
			{ what: `GET ?agent=&verb=`, t: agentAndVerb, rate: `${Math.round(agentAndVerb.count / agentAndVerb.seconds)} req/s` }
		];
		console.log(`\n[bench] ${Number(count).toLocaleString('en')} statements on PostgreSQL, ${CONCURRENCY} requests in flight`);
		console.log('| request | count | rate | p50 | p95 | max |');
		console.log('|---|---|---|---|---|---|');
		for (const r of rows) console.log(`| ${r.what} | ${r.t.count} | ${r.rate} | ${ms(r.t.p50)} | ${ms(r.t.p95)} | ${ms(r.t.max)} |`);
		console.log(
			JSON.stringify({
				stored: Number(count),
				bulkLoadSeconds: Math.round(loadMs / 100) / 10,
				post: { statementsPerSecond: Math.round(POST / post.seconds), p50: post.p50, p95: post.p95 },
				getByAgent: { p50: byAgent.p50, p95: byAgent.p95 },
				getByActivity: { p50: byActivity.p50, p95: byActivity.p95 },
				getByCourseRelated: { p50: byCourse.p50, p95: byCourse.p95 },
				getByAgentAndVerb: { p50: agentAndVerb.p50, p95: agentAndVerb.p95 }
			})
		);
	} finally {
		if (httpServer) await new Promise<void>((r) => httpServer!.close(() => r()));
		await closeDatabase();
		if (process.env.BENCH_KEEP === '1') console.log(`[bench] kept ${server.url}`);
		else await server.stop();
	}
}

main().catch((err) => {
	console.error(err);
	process.exit(1);
});
