/**
 * npm run bench:courses — the figures of the courses part (issue 3):
 *   1. time to check and import the courses folder (the real one; again unchanged; 500 generated courses)
 *      on the embedded database (PGlite), in this process;
 *   2. requests/s, p50 and p95 of the catalog with the 500 generated courses (first page, a filtered
 *      page, a search) and of a lesson page (signed in and enrolled: every request also records the
 *      view), with autocannon;
 *   3. JavaScript shipped to a lesson page without H5P: every script the page loads in Chromium,
 *      raw and gzip-compressed, in KB.
 * By default it runs the built portal (`node build`, production; built first when stale, as
 * bench:http does). BENCH_DEV=1 runs `vite dev` instead: no build needed, but its figures (modules
 * served one by one, no minification) are not production figures.
 *   BENCH_SECONDS=10  BENCH_CONNECTIONS=20  BENCH_COURSES=500  BENCH_IMPORT_ONLY=1 (import timings only)
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import autocannon from 'autocannon';
import { chromium } from '@playwright/test';
import { freePort } from '../support/ports.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const GENERATED = Number(process.env.BENCH_COURSES ?? 500);
const DEV = process.env.BENCH_DEV === '1';
const LEARNER = 'learner@demo.maisternia.ua';
const PASSWORD = 'Demo-2026!';

process.env.JOBS = 'off';
process.env.COURSES_AUTO_IMPORT = 'off';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'maisternia-bench-courses-'));
const coursesDir = path.join(work, 'courses');
const dataDir = path.join(work, 'data');

// ---------------------------------------------------------------- generated courses

const TOPICS = ['e_government', 'e_democracy', 'document_flow', 'e_signature', 'open_data', 'petitions', 'consultations', 'transparency'];
const LEVELS = ['beginner', 'intermediate', 'advanced'];
const AUDIENCES = ['citizens', 'civil_servants', 'all'];

function write(rel: string, text: string) {
	const abs = path.join(coursesDir, rel);
	fs.mkdirSync(path.dirname(abs), { recursive: true });
	fs.writeFileSync(abs, text);
}

function generate(n: number) {
	for (let i = 1; i <= n; i++) {
		const slug = `henerovanyi-kurs-${String(i).padStart(4, '0')}`;
		const t = TOPICS[i % TOPICS.length]!;
		write(
			`${slug}/course.yaml`,
			`id: gen-${i}
slug: ${slug}
order: ${1000 + i}
title: { uk: "Згенерований курс № ${i}: ${t.replace(/_/g, ' ')}", en: "Generated course ${i}" }
summary: { uk: "Навчальний курс для навантажувального тесту каталогу, номер ${i}.", en: "A course for the catalog load test, number ${i}." }
outcomes: { uk: [розуміти тему ${i}], en: [understand topic ${i}] }
audience: ${AUDIENCES[i % 3]}
topics: [${t}, ${TOPICS[(i + 3) % TOPICS.length]}]
level: ${LEVELS[i % 3]}
format: self_paced
language: ${i % 10 === 0 ? 'en' : 'uk'}
hours: ${2 + (i % 10)}
credits: 0.1
instructors: [{ name: "Викладач ${i % 17}" }]
enrolment: ${i % 5 === 0 ? 'approval' : 'open'}
`
		);
		for (let mo = 1; mo <= 2; mo++) {
			write(`${slug}/modules/0${mo}-m${mo}/module.yaml`, `id: m${mo}\ntitle: { uk: "Модуль ${mo}", en: "Module ${mo}" }\n`);
			for (let l = 1; l <= 3; l++) {
				write(
					`${slug}/modules/0${mo}-m${mo}/0${l}-l${l}.md`,
					`---\nid: m${mo}-l${l}\ntitle: Урок ${mo}.${l}\nkind: text\nduration: 10\n---\n\n## Тема уроку\n\n${'Електронне урядування — форма організації державного управління. '.repeat(20)}\n\n- пункт один\n- пункт два\n`
				);
			}
		}
		write(`${slug}/modules/03-test/module.yaml`, 'id: test\ntitle: { uk: Тест, en: Test }\n');
		write(`${slug}/modules/03-test/01-test.md`, '---\nid: test\ntitle: Тест\nkind: quiz\nquiz: check\n---\n');
		write(
			`${slug}/quizzes/check.yaml`,
			`id: check\ntitle: { uk: Тест, en: Test }\npass_mark: 60\nquestions:\n  - id: q1\n    type: true_false\n    prompt: Так?\n    answer: true\n  - id: q2\n    type: single\n    prompt: Скільки?\n    options:\n      - { id: a, text: "1", correct: true }\n      - { id: b, text: "2" }\n`
		);
	}
}

// ---------------------------------------------------------------- import timing (in process)

async function timeImports() {
	const { database, closeDatabase } = await import('../../src/lib/server/db/index.ts');
	const { importCourses } = await import('../../src/lib/server/learning/import.ts');
	await database({ dataDir });
	const rows: Record<string, string | number>[] = [];
	const run = async (label: string, force = false) => {
		const t0 = performance.now();
		const r = await importCourses({ root: coursesDir, force });
		rows.push({ import: label, courses: r.courses.length, created: r.created, updated: r.updated, unchanged: r.unchanged, failed: r.failed, seconds: ((performance.now() - t0) / 1000).toFixed(2) });
	};
	fs.cpSync(path.resolve('courses'), coursesDir, { recursive: true });
	await run('the real courses folder, first import');
	await run('the real courses folder, unchanged');
	generate(GENERATED);
	await run(`+ ${GENERATED} generated courses`);
	await closeDatabase();
	return rows;
}

// ---------------------------------------------------------------- the portal

interface App {
	origin: string;
	stop(): Promise<void>;
}

async function startApp(): Promise<App> {
	const port = await freePort();
	const origin = `http://localhost:${port}`;
	const env = {
		...process.env,
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		DATA_DIR: dataDir,
		COURSES_DIR: coursesDir,
		COURSES_AUTO_IMPORT: 'on',
		SEED_DEMO: 'true',
		JOBS: 'on',
		AUTH_SECRET: 'bench-secret-0123456789abcdef0123456789',
		SIGNIN_MAX_ATTEMPTS_PER_IP: '100000'
	};
	let child: ChildProcess;
	if (DEV) {
		child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'dev', '--port', String(port), '--strictPort', '--host', '127.0.0.1'], { env, stdio: ['ignore', 'ignore', 'inherit'] });
	} else {
		const { buildIfStale } = await import('../../scripts/build-if-stale.js');
		buildIfStale();
		child = spawn(process.execPath, ['build/index.js'], { env: { ...env, NODE_ENV: 'production' }, stdio: ['ignore', 'ignore', 'inherit'] });
	}
	for (const t0 = Date.now(); ; ) {
		if (child.exitCode !== null) throw new Error(`the portal exited with ${child.exitCode}`);
		if (Date.now() - t0 > 300_000) throw new Error('the portal did not start in 5 minutes');
		try {
			const res = await fetch(`${origin}/courses`);
			if (res.ok) break;
		} catch {
			/* not listening yet */
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		origin,
		stop: () =>
			new Promise<void>((resolve) => {
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}

function percentile(sorted: number[], p: number): number {
	if (!sorted.length) return NaN;
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function load(url: string, headers: Record<string, string> = {}) {
	await autocannon({ url, connections: Math.min(5, CONNECTIONS), duration: 2, headers }); // warm-up
	const times: number[] = [];
	const r = await new Promise<autocannon.Result>((resolve, reject) => {
		const instance = autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers }, (err, res) => (err ? reject(err) : resolve(res)));
		instance.on('response', (_c, _s, _b, ms) => times.push(ms));
	});
	times.sort((a, b) => a - b);
	return { 'req/s': r.requests.average.toFixed(1), 'p50 ms': percentile(times, 50).toFixed(1), 'p95 ms': percentile(times, 95).toFixed(1), non2xx: r.non2xx, errors: r.errors + r.timeouts };
}

/** Signs in in Chromium, enrols, and measures the scripts a text lesson page loads; returns the session cookie. */
async function browse(app: App, lessonPath: string) {
	const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
	try {
		const page = await browser.newPage();
		await page.goto(`${app.origin}/signin`);
		const form = page.locator('form').filter({ has: page.locator('input[name="password"]') });
		await form.locator('input[name="email"]').fill(LEARNER);
		await form.locator('input[name="password"]').fill(PASSWORD);
		await form.locator('button[type="submit"], button:not([type])').first().click();
		await page.waitForURL((u) => !/\/signin$/.test(u.pathname), { timeout: 60_000 });
		await page.goto(`${app.origin}/courses/osnovy-e-uriaduvannia`);
		const enrol = page.getByRole('button', { name: 'Записатися на курс' });
		if (await enrol.count()) {
			await enrol.click();
			await page.getByText('Ви навчаєтеся на цьому курсі.').waitFor();
		}
		// A fresh page load of the lesson, counting every script it loads.
		const scripts = new Map<string, Buffer>();
		page.on('response', async (res) => {
			if ((res.headers()['content-type'] ?? '').includes('javascript') && res.request().method() === 'GET') {
				try {
					scripts.set(res.url(), await res.body());
				} catch {
					/* body gone (navigation) */
				}
			}
		});
		await page.goto(`${app.origin}${lessonPath}`, { waitUntil: 'networkidle' });
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await page.waitForTimeout(500);
		const raw = [...scripts.values()].reduce((n, b) => n + b.length, 0);
		const gzip = [...scripts.values()].reduce((n, b) => n + zlib.gzipSync(b, { level: 9 }).length, 0);
		const h5pLoaded = [...scripts.keys()].some((u) => u.includes('/h5p/'));
		const cookies = await page.context().cookies();
		return {
			js: { files: scripts.size, rawKB: (raw / 1024).toFixed(1), gzipKB: (gzip / 1024).toFixed(1), h5pLoaded },
			cookie: cookies.map((c) => `${c.name}=${c.value}`).join('; ')
		};
	} finally {
		await browser.close();
	}
}

// ---------------------------------------------------------------- run

console.log(`bench:courses — ${DEV ? 'vite dev (NOT production figures)' : 'built portal (production)'}; ${CONNECTIONS} connections, ${SECONDS} s per URL; Node ${process.version}, ${os.cpus().length} CPUs`);
try {
	const imports = await timeImports();
	console.table(imports);
	if (process.env.BENCH_IMPORT_ONLY === '1') process.exit(0);
	const app = await startApp();
	try {
		const lesson = '/courses/osnovy-e-uriaduvannia/what-is-egov';
		const { js, cookie } = await browse(app, lesson);
		const rows: Record<string, unknown>[] = [];
		for (const [label, p, headers] of [
			[`catalog, page 1 (${GENERATED + 3} courses)`, '/courses', {}],
			['catalog, filtered (topic + level)', '/courses?topic=e_government&level=beginner', {}],
			['catalog, search', `/courses?q=${encodeURIComponent('згенерований 42')}`, {}],
			['catalog, page 20', '/courses?page=20', {}],
			['lesson page (signed in, enrolled)', lesson, { cookie }]
		] as const) {
			rows.push({ url: label, ...(await load(app.origin + p, headers as Record<string, string>)) });
		}
		console.table(rows);
		console.table([{ 'lesson page without H5P': lesson, 'JS files': js.files, 'JS KB (raw)': js.rawKB, 'JS KB (gzip)': js.gzipKB, 'H5P player loaded': js.h5pLoaded }]);
	} finally {
		await app.stop();
	}
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}
process.exit(0);
