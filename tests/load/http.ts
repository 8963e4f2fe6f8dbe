/**
 * npm run bench:http — requests/s and latency (p50, p95) of the home page and /healthz at 50 connections,
 * on the embedded database and on PostgreSQL, against the built portal (`node build`, production mode).
 * Also times the start: spawn to the first served page, on a fresh data folder and on a second start.
 *   BENCH_SECONDS=10       duration per URL
 *   BENCH_CONNECTIONS=50
 *   BENCH_PG_URL=...       a PostgreSQL server to create a scratch database on (default: a throwaway
 *                          Debian PostgreSQL cluster, as the tests use)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { buildIfStale } from '../../scripts/build-if-stale.js';
import { freePort } from '../support/ports.ts';
import { startTestPostgres } from '../support/postgres.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 50);

interface App {
	origin: string;
	startMs: number;
	stop(): Promise<void>;
}

async function startApp(env: Record<string, string>): Promise<App> {
	const port = await freePort();
	const origin = `http://127.0.0.1:${port}`;
	const t0 = performance.now();
	const child: ChildProcess = spawn(process.execPath, ['build/index.js'], {
		env: { ...process.env, NODE_ENV: 'production', PORT: String(port), HOST: '127.0.0.1', SEED_DEMO: 'true', AUTH_SECRET: 'bench-secret-0123456789abcdef0123456789', ...env },
		stdio: ['ignore', 'ignore', 'inherit']
	});
	for (;;) {
		if (child.exitCode !== null) throw new Error(`the portal exited with ${child.exitCode}`);
		try {
			const res = await fetch(`${origin}/`);
			if (res.ok) break;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 50));
	}
	const startMs = performance.now() - t0;
	console.log(`[bench] portal up at ${origin} in ${(startMs / 1000).toFixed(2)} s`);
	return {
		origin,
		startMs,
		stop: () =>
			new Promise<void>((resolve) => {
				if (child.exitCode !== null || child.signalCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
				// adapter-node waits for open keep-alive connections; do not wait forever.
				setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
			})
	};
}

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function load(url: string) {
	const times: number[] = [];
	const result = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS }, (err, res) =>
			err ? reject(err) : resolve(res)
		);
		instance.on('response', (_client, _status, _bytes, ms) => times.push(ms));
	});
	times.sort((a, b) => a - b);
	return {
		rps: result.requests.average,
		p50: percentile(times, 50),
		p95: percentile(times, 95),
		non2xx: result.non2xx,
		errors: result.errors + result.timeouts
	};
}

async function benchApp(label: string, app: App) {
	const rows = [];
	for (const p of ['/', '/healthz']) {
		// Warm up (JIT, caches, connection pools) before measuring.
		await autocannon({ url: app.origin + p, connections: 10, duration: 2 });
		const r = await load(app.origin + p);
		const row = { database: label, url: p, 'req/s': r.rps.toFixed(0), 'p50 ms': r.p50.toFixed(1), 'p95 ms': r.p95.toFixed(1), non2xx: r.non2xx, errors: r.errors };
		console.log(`[bench] ${JSON.stringify(row)}`);
		rows.push(row);
	}
	return rows;
}

buildIfStale();
console.log(`Benchmark: ${CONNECTIONS} connections, ${SECONDS} s per URL, Node ${process.version}, ${os.cpus().length} CPUs`);
const rows: Record<string, unknown>[] = [];
const starts: Record<string, unknown>[] = [];

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maisternia-bench-'));
try {
	const first = await startApp({ DATA_DIR: dataDir });
	await first.stop();
	const second = await startApp({ DATA_DIR: dataDir });
	starts.push({ database: 'embedded', 'first start (new data folder) s': (first.startMs / 1000).toFixed(2), 'second start s': (second.startMs / 1000).toFixed(2) });
	rows.push(...(await benchApp('embedded (PGlite)', second)));
	await second.stop();
} finally {
	fs.rmSync(dataDir, { recursive: true, force: true });
}

if (process.env.BENCH_PG_URL) process.env.TEST_PG_URL = process.env.BENCH_PG_URL;
const pg = await startTestPostgres();
try {
	const emptyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'maisternia-bench-'));
	const first = await startApp({ DATABASE_URL: pg.url, DATA_DIR: emptyDir });
	await first.stop();
	const second = await startApp({ DATABASE_URL: pg.url, DATA_DIR: emptyDir });
	starts.push({ database: 'PostgreSQL', 'first start (new data folder) s': (first.startMs / 1000).toFixed(2), 'second start s': (second.startMs / 1000).toFixed(2) });
	rows.push(...(await benchApp('PostgreSQL 15', second)));
	await second.stop();
	fs.rmSync(emptyDir, { recursive: true, force: true });
} finally {
	await pg.stop();
}
console.table(starts);
console.table(rows);
process.exit(0);
