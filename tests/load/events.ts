/**
 * npm run bench:events — the figures of the events part (issue 5), against the RUNNING portal on
 * PostgreSQL:
 *   1. 300 people register for a 100-seat webinar at the same moment (300 concurrent form posts of
 *      signed-in people): exactly 100 registered, 200 waitlisted, no errors, and how long it took;
 *   2. the events list with 2,000 events: requests/s and p50/p95 (autocannon) of /events (upcoming),
 *      a filtered page, page 50, and the month view.
 * Where the portal runs:
 *   BENCH_URL=http://localhost:3108 BENCH_DATABASE_URL=postgresql://…/db   a portal already running on
 *       that database (started with SIGNIN_MAX_ATTEMPTS_PER_IP high enough for 300 sign-ins from one
 *       address, e.g. 100000); the script prepares its people and events in that database directly;
 *   otherwise, when build/ exists, it starts `node build` itself on a scratch database of the local
 *   PostgreSQL server (BENCH_PG_SERVER, default postgresql://postgres@127.0.0.1:5432/postgres); it never
 *   builds (run the build first if you may).
 * What it creates (bench people bench-*@bench.maisternia.ua, events bench-*) is removed at the end
 * unless BENCH_KEEP=1.  BENCH_SECONDS=10  BENCH_CONNECTIONS=20
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import autocannon from 'autocannon';
import pg from 'pg';
import { database, db, closeDatabase } from '../../src/lib/server/db/index.ts';
import { applyMigrations } from '../../src/lib/server/db/migrations.ts';
import { hashPassword } from '../../src/lib/server/auth/password.ts';
import { freePort } from '../support/ports.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const PEOPLE = 300;
const SEATS = 100;
const LIST_EVENTS = 2000;
const PASSWORD = 'Bench-2026!';
const run = Date.now().toString(36);
process.env.JOBS = 'off';

interface Target {
	origin: string;
	databaseUrl: string;
	stop(): Promise<void>;
}

async function startBuilt(): Promise<Target> {
	if (!fs.existsSync('build/index.js')) {
		throw new Error('Set BENCH_URL and BENCH_DATABASE_URL to a running portal on PostgreSQL, or build the portal first (build/ is missing).');
	}
	const server = process.env.BENCH_PG_SERVER ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
	const name = `maisternia_bench_events_${run}`;
	const admin = new pg.Client({ connectionString: server });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(server);
	url.pathname = `/${name}`;
	const databaseUrl = url.toString();
	await applyMigrations(databaseUrl);
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const dataDir = fs.mkdtempSync(`${os.tmpdir()}/maisternia-bench-events-`);
	const child: ChildProcess = spawn(process.execPath, ['build/index.js'], {
		env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', ORIGIN: origin, DATABASE_URL: databaseUrl, DATA_DIR: dataDir, JOBS: 'on', AUTH_SECRET: 'bench-secret-0123456789abcdef0123456789', SIGNIN_MAX_ATTEMPTS_PER_IP: '100000' },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the portal exited with ${child.exitCode}`);
		try {
			if ((await fetch(`${origin}/healthz`)).ok) break;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 100));
	}
	return {
		origin,
		databaseUrl,
		async stop() {
			await new Promise<void>((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
			});
			if (process.env.BENCH_KEEP !== '1') {
				const c = new pg.Client({ connectionString: server });
				await c.connect();
				await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
				await c.end();
			}
			fs.rmSync(dataDir, { recursive: true, force: true });
		}
	};
}

async function target(): Promise<Target> {
	if (process.env.BENCH_URL) {
		if (!process.env.BENCH_DATABASE_URL) throw new Error('BENCH_URL needs BENCH_DATABASE_URL (the database of that portal).');
		return { origin: process.env.BENCH_URL.replace(/\/$/, ''), databaseUrl: process.env.BENCH_DATABASE_URL, stop: async () => {} };
	}
	return startBuilt();
}

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** Runs `fn` over `items` with at most `limit` at a time. */
async function pool<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
	const out: R[] = new Array(items.length);
	let next = 0;
	await Promise.all(
		Array.from({ length: limit }, async () => {
			while (next < items.length) {
				const i = next++;
				out[i] = await fn(items[i]!);
			}
		})
	);
	return out;
}

async function signIn(origin: string, email: string): Promise<string> {
	const res = await fetch(`${origin}/signin?/password`, {
		method: 'POST',
		redirect: 'manual',
		headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin },
		body: new URLSearchParams({ email, password: PASSWORD, redirectTo: '/events' })
	});
	const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!).filter((c) => !c.endsWith('='));
	if (res.status !== 303 || !cookies.some((c) => c.includes('session-token'))) throw new Error(`sign-in of ${email} answered ${res.status}`);
	return cookies.join('; ');
}

const t = await target();
console.log(`Benchmark (events): ${t.origin}, Node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
await database({ databaseUrl: t.databaseUrl, migrate: false, poolSize: 4 });
const { createEvent } = await import('../../src/lib/server/events/events.ts');
const domain = `bench.maisternia.ua`;
const results: Record<string, unknown>[] = [];
let exitCode = 0;
try {
	// ---------------------------------------------------------------- 1. 300 registrations, 100 seats
	const hash = await hashPassword(PASSWORD);
	const emails = Array.from({ length: PEOPLE }, (_, i) => `bench-${run}-${i}@${domain}`);
	await db().user.createMany({ data: emails.map((email, i) => ({ email, name: `Учасник навантаження ${i + 1}`, passwordHash: hash, emailVerified: new Date() })) });
	const signInStarted = performance.now();
	const cookies = await pool(emails, 8, (e) => signIn(t.origin, e));
	console.log(`[bench] ${PEOPLE} people signed in in ${((performance.now() - signInStarted) / 1000).toFixed(1)} s`);
	const start = new Date(Date.now() + 7 * 86_400_000);
	const event = await createEvent(
		{
			slug: `bench-${run}-webinar`,
			kind: 'webinar',
			format: 'online',
			isPublic: false,
			titleUk: 'Вебінар для навантажувального тесту',
			titleEn: 'Load test webinar',
			summaryUk: '',
			summaryEn: '',
			descriptionUk: '',
			descriptionEn: '',
			topics: [],
			startsAt: start,
			endsAt: new Date(start.getTime() + 3600_000),
			placeUk: null,
			placeEn: null,
			address: null,
			joinUrl: 'https://meet.example.org/bench',
			joinOpensMinutes: 15,
			capacity: SEATS,
			registrationOpensAt: null,
			registrationClosesAt: null,
			credits: 1,
			countsTowardCourses: false,
			courseIds: [],
			competencies: [],
			groupMax: 10,
			speakers: [],
			materials: [],
			programme: [],
			questions: [],
			hostIds: [],
			organizerName: null
		},
		null
	);
	const url = `${t.origin}/events/${event.slug}?/register`;
	const times: number[] = [];
	const began = performance.now();
	const answers = await Promise.all(
		cookies.map(async (cookie) => {
			const t0 = performance.now();
			try {
				const res = await fetch(url, {
					method: 'POST',
					redirect: 'manual',
					headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html', origin: t.origin, cookie },
					body: new URLSearchParams({ organizationName: 'Вінницька міська рада' })
				});
				await res.arrayBuffer();
				times.push(performance.now() - t0);
				return res.status === 303 ? 'ok' : `HTTP ${res.status}`;
			} catch (err) {
				return `error ${err instanceof Error ? err.message : String(err)}`;
			}
		})
	);
	const durationMs = performance.now() - began;
	times.sort((a, b) => a - b);
	const counts = await db().registration.groupBy({ by: ['status'], where: { eventId: event.id }, _count: { _all: true } });
	const count = (s: string) => counts.find((c) => c.status === s)?._count._all ?? 0;
	const errors = answers.filter((a) => a !== 'ok');
	const row = {
		figure: `${PEOPLE} concurrent registrations, ${SEATS} seats`,
		registered: count('registered'),
		waitlisted: count('waitlisted'),
		errors: errors.length,
		'duration s': (durationMs / 1000).toFixed(2),
		'p50 ms': percentile(times, 50).toFixed(0),
		'p95 ms': percentile(times, 95).toFixed(0)
	};
	console.table([row]);
	if (errors.length) console.log('errors:', [...new Set(errors)].slice(0, 5));
	if (row.registered !== SEATS || row.waitlisted !== PEOPLE - SEATS || errors.length) exitCode = 1;

	// ---------------------------------------------------------------- 2. the list with 2,000 events
	const existing = await db().event.count({ where: { isPublic: true } });
	const kinds = ['webinar', 'internship', 'study_visit', 'workshop', 'club_meeting'] as const;
	const formats = ['online', 'in_person', 'hybrid'] as const;
	const topics = ['e-services', 'e-democracy', 'open-data', 'e-documents', 'websites'];
	const base = Date.now() - 200 * 86_400_000;
	const toCreate = Math.max(0, LIST_EVENTS - existing);
	for (let from = 0; from < toCreate; from += 500) {
		await db().event.createMany({
			data: Array.from({ length: Math.min(500, toCreate - from) }, (_, j) => {
				const i = from + j;
				const startsAt = new Date(base + i * 4 * 3600_000);
				return {
					slug: `bench-${run}-${i}`,
					kind: kinds[i % kinds.length],
					format: formats[i % formats.length],
					titleUk: `Захід навантажувального тесту № ${i + 1}`,
					titleEn: `Load test event ${i + 1}`,
					summaryUk: 'Короткий опис заходу для перевірки швидкості списку.',
					summaryEn: 'A short summary for the list speed test.',
					topics: [topics[i % topics.length]!],
					startsAt,
					endsAt: new Date(startsAt.getTime() + 90 * 60_000),
					capacity: i % 4 === 0 ? null : 50,
					credits: 1,
					checkinCode: 'BENCH2'
				};
			})
		});
	}
	const total = await db().event.count({ where: { isPublic: true } });
	console.log(`[bench] public events in the list: ${total}`);
	const pages = ['/events', '/events?kind=webinar&format=online&topic=e-services', '/events?when=all&page=50', '/events?view=month'];
	for (const p of pages) {
		await autocannon({ url: t.origin + p, connections: 4, duration: 2 });
		const lat: number[] = [];
		const r = await new Promise<autocannon.Result>((resolve, reject) => {
			const inst = autocannon({ url: t.origin + p, connections: CONNECTIONS, duration: SECONDS }, (err, res) => (err ? reject(err) : resolve(res)));
			inst.on('response', (_c, _s, _b, ms) => lat.push(ms));
		});
		lat.sort((a, b) => a - b);
		results.push({ url: p, events: total, 'req/s': r.requests.average.toFixed(1), 'p50 ms': percentile(lat, 50).toFixed(0), 'p95 ms': percentile(lat, 95).toFixed(0), non2xx: r.non2xx, errors: r.errors + r.timeouts });
		if (r.non2xx || r.errors) exitCode = 1;
	}
	console.table(results);
} finally {
	if (process.env.BENCH_KEEP !== '1') {
		await db().event.deleteMany({ where: { slug: { startsWith: `bench-${run}-` } } });
		await db().user.deleteMany({ where: { email: { startsWith: `bench-${run}-`, endsWith: `@${domain}` } } });
		await db().outboxMessage.deleteMany({ where: { to: { startsWith: `bench-${run}-` } } });
	}
	await closeDatabase();
	await t.stop();
}
process.exit(exitCode);
