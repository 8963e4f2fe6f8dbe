/**
 * npm run bench:certification — the figures of issue 4, at the service level (no build, no HTTP):
 *   an organization of 10,000 staff in 20 departments, 5 programmes (two with a second version), their
 *   assignments and three years of evidence (course completions, exam attempts) are generated; then
 *   1. the daily job's first run (records every certification the history gives, status changes,
 *      reminders) and a steady run on the next day: run time and messages produced;
 *      (the first run also writes the compliance summary of every pair, ADR 0015 amendment 1);
 *   2. the manager's dashboard: the full report (complianceReport, every row, as the exports read it)
 *      and what the page reads (compliancePage: counts by one GROUP BY and 300 rows in SQL, statuses
 *      derived at request time): p50/p95; and once after a person's new exam attempt (the read
 *      refreshes that person first);
 *   3. the export (the same report as CSV and as XLSX): p50/p95.
 * Before the summary (engine run for everyone on every request) the page took p50 3.9 s / p95 5.6 s.
 * 2026-11-23 (PostgreSQL 15, 2 cores, nothing else running), after the stale check went by date
 * indexes (ADR 0015, note of 2026-11-23): page p50 450 ms / p95 525 ms (SQL reads alone p50 379 ms),
 * right after one person's exam attempt 593 ms, full report p50 859 ms, CSV p50 1.07 s / p95 1.47 s,
 * XLSX p50 1.60 s / p95 2.02 s; the whole summary rewritten in 25 s; daily job first run 256 s
 * (20,713 certifications, 8,811 messages), same day again 26 s, next day 28 s.
 * Database: a scratch database on the local PostgreSQL server (BENCH_PG_SERVER, default
 * postgresql://postgres@127.0.0.1:5432/postgres), dropped at the end unless BENCH_KEEP=1; or
 * BENCH_DB=embedded for an embedded PGlite in a temporary folder.  BENCH_PEOPLE=10000  BENCH_RUNS=10
 */
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { database, db, closeDatabase } from '../../src/lib/server/db/index.ts';
import { applyMigrations } from '../../src/lib/server/db/migrations.ts';
import { startEmbedded } from '../../src/lib/server/db/embedded.ts';
import type { ExportLabels } from '../../src/lib/server/certification/index.ts';

const { createProgramme, publishVersion, createAssignment, runDaily, complianceReport, complianceCsv, complianceXlsx, refreshSummaries } = await import('../../src/lib/server/certification/index.ts');
const { compliancePage } = await import('../../src/lib/server/certification/dashboard-sql.ts');

process.env.JOBS = 'off';
delete process.env.SMTP_URL; // messages are kept in the outbox, not sent
const PEOPLE = Number(process.env.BENCH_PEOPLE ?? 10_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 10);
const DEPARTMENTS = 20;
const run = Date.now().toString(36);
const DAY = 86_400_000;

function pct(values: number[], p: number): number {
	const s = [...values].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
}
const ms = (t: number) => `${t.toFixed(0)} ms`;

// A small deterministic random generator, so every run generates the same organization.
let seed = 42;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);

async function openDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
	if (process.env.BENCH_DB === 'embedded') {
		const dir = fs.mkdtempSync(`${os.tmpdir()}/maisternia-bench-certn-`);
		const e = await startEmbedded(dir);
		await applyMigrations(e.url);
		return { url: e.url, stop: async () => { await e.stop(); fs.rmSync(dir, { recursive: true, force: true }); } };
	}
	const server = process.env.BENCH_PG_SERVER ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
	const name = `maisternia_bench_certn_${run}`;
	const admin = new pg.Client({ connectionString: server });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(server);
	url.pathname = `/${name}`;
	await applyMigrations(url.toString());
	return {
		url: url.toString(),
		stop: async () => {
			if (process.env.BENCH_KEEP === '1') return console.log(`kept database ${name}`);
			const c = new pg.Client({ connectionString: server });
			await c.connect();
			await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
			await c.end();
		}
	};
}

async function chunks<T>(rows: T[], size: number, fn: (part: T[]) => Promise<unknown>) {
	for (let i = 0; i < rows.length; i += size) await fn(rows.slice(i, i + size));
}

async function generate(now: Date) {
	const t0 = performance.now();
	const org = await db().organization.create({
		data: { slug: `bench-${run}`, nameUk: 'Бенчмарк-рада', nameEn: 'Bench council', kind: 'local_government', departments: { create: Array.from({ length: DEPARTMENTS }, (_, i) => ({ nameUk: `Відділ ${i + 1}`, nameEn: `Department ${i + 1}` })) } },
		include: { departments: true }
	});
	const positions = ['головний спеціаліст', 'провідний спеціаліст', 'начальник відділу', 'адміністратор ЦНАП', 'спеціаліст І категорії'];
	const people = Array.from({ length: PEOPLE }, (_, i) => ({
		id: `bench-${run}-${i}`,
		email: `bench-${run}-${i}@bench.maisternia.ua`,
		name: `Працівник ${i}`,
		hired: new Date(now.getTime() - Math.floor(rnd() * 6 * 365) * DAY),
		dept: org.departments[i % DEPARTMENTS].id,
		position: positions[i % positions.length]
	}));
	await chunks(people, 5000, (part) => db().user.createMany({ data: part.map((p) => ({ id: p.id, email: p.email, name: p.name })) }));
	await chunks(people, 5000, (part) =>
		db().membership.createMany({ data: part.map((p, i) => ({ userId: p.id, organizationId: org.id, departmentId: p.dept, position: p.position, role: i === 0 ? ('manager' as const) : ('staff' as const), createdAt: p.hired, updatedAt: p.hired })) })
	);
	// Three courses with an exam each (rows only).
	const courses = ['a', 'b', 'c'].map((k) => ({ id: `bench-${run}-course-${k}`, quizId: `bench-${run}-course-${k}/final` }));
	for (const c of courses) {
		await db().course.create({
			data: { id: c.id, slug: c.id, titleUk: `Курс ${c.id}`, titleEn: `Course ${c.id}`, summaryUk: '', summaryEn: '', outcomesUk: [], outcomesEn: [], audience: 'all', topics: [], level: 'beginner', format: 'self_paced', language: 'uk', hours: 4, credits: 0.2, competencies: [], prerequisites: [], instructors: [], enrolmentMode: 'open', contentHash: 'x', sourcePath: c.id, importedAt: now }
		});
		await db().quiz.create({ data: { id: c.quizId, courseId: c.id, key: 'final', titleUk: 'Іспит', titleEn: 'Exam', passMark: 70, draws: [] } });
	}
	const started = new Date(now.getTime() - 3 * 365 * DAY);
	const programmes = [];
	for (let i = 0; i < 5; i++) {
		const c = courses[i % 3];
		const p = await createProgramme(
			null,
			{ slug: `bench-${run}-p${i}`, titleUk: `Програма ${i + 1}`, titleEn: `Programme ${i + 1}`, reminderDays: [30, 7, 1] },
			{ requirements: { courseIds: [c.id], examQuizId: c.quizId, passMark: 70 }, recertRequirements: { examQuizId: c.quizId, passMark: 70 }, validityMonths: [12, 24, 24, 36, 12][i], windowDays: [60, 90, 90, 90, 30][i] },
			started
		);
		if (i % 2 === 0) await publishVersion(null, p.id, { requirements: { courseIds: [c.id], examQuizId: c.quizId, passMark: 75 }, recertRequirements: { examQuizId: c.quizId, passMark: 75 }, validityMonths: 24, windowDays: 90, note: 'bench v2' }, new Date(now.getTime() - 400 * DAY));
		programmes.push({ ...p, course: c });
	}
	// Assignments: two to the whole organization, three to groups of departments and a position.
	await createAssignment(null, org.id, { programmeId: programmes[0].id, targetType: 'organization', dueKind: 'after_hire', dueDays: 180 }, started);
	await createAssignment(null, org.id, { programmeId: programmes[1].id, targetType: 'organization', dueKind: 'fixed', dueDate: new Date(now.getTime() + 45 * DAY) }, started);
	for (let d = 0; d < DEPARTMENTS; d += 2) await createAssignment(null, org.id, { programmeId: programmes[2].id, targetType: 'department', departmentId: org.departments[d].id, dueKind: 'after_assignment', dueDays: 120 }, started);
	for (let d = 1; d < DEPARTMENTS; d += 3) await createAssignment(null, org.id, { programmeId: programmes[3].id, targetType: 'department', departmentId: org.departments[d].id, dueKind: 'after_assignment', dueDays: 365 }, started);
	await createAssignment(null, org.id, { programmeId: programmes[4].id, targetType: 'position', position: 'адміністратор ЦНАП', dueKind: 'after_assignment', dueDays: 60 }, started);
	// Three years of evidence: completions and exam attempts (some failed, some renewed).
	const completions: Array<{ courseId: string; userId: string; at: Date }> = [];
	const attempts: Array<{ quizId: string; userId: string; number: number; at: Date; percent: number }> = [];
	for (const p of people) {
		for (const c of courses) {
			if (rnd() < 0.3) continue;
			const first = new Date(started.getTime() + Math.floor(rnd() * 3 * 365) * DAY);
			if (first > now) continue;
			completions.push({ courseId: c.id, userId: p.id, at: first });
			let n = 0;
			let at = new Date(first.getTime() + Math.floor(rnd() * 20) * DAY);
			while (at < now && n < 4) {
				attempts.push({ quizId: c.quizId, userId: p.id, number: ++n, at, percent: rnd() < 0.8 ? 70 + Math.floor(rnd() * 30) : 40 + Math.floor(rnd() * 29) });
				at = new Date(at.getTime() + (300 + Math.floor(rnd() * 500)) * DAY);
			}
		}
	}
	await chunks(completions, 5000, async (part) => {
		const enrolments = part.map((c) => ({ id: `${c.userId}:${c.courseId}`, courseId: c.courseId, userId: c.userId, status: 'completed' as const, enrolledAt: c.at, completedAt: c.at }));
		await db().enrollment.createMany({ data: enrolments });
		await db().courseCompletion.createMany({ data: part.map((c) => ({ courseId: c.courseId, userId: c.userId, enrollmentId: `${c.userId}:${c.courseId}`, completedAt: c.at, courseHash: 'x', hours: 4, credits: 0.2 })) });
	});
	await chunks(attempts, 5000, (part) =>
		db().quizAttempt.createMany({ data: part.map((a) => ({ quizId: a.quizId, userId: a.userId, number: a.number, status: 'submitted' as const, startedAt: a.at, submittedAt: a.at, layout: [], maxScore: 10, score: a.percent / 10, percent: a.percent, passed: a.percent >= 70 })) })
	);
	console.log(`generated: ${PEOPLE} people, ${DEPARTMENTS} departments, 5 programmes (3 with 2 versions), ${completions.length} completions, ${attempts.length} exam attempts in ${ms(performance.now() - t0)}`);
	return org;
}

const labels: ExportLabels = {
	headers: ['Працівник', 'Email', 'Підрозділ', 'Посада', 'Програма', 'Стан', 'Строк', 'Чинна до', 'Поступ, %'],
	status: { not_started: 'Не розпочато', in_progress: 'Триває', certified: 'Сертифіковано', expiring: 'Спливає', expired: 'Строк дії минув', overdue: 'Прострочено' },
	noDepartment: '—'
};

async function main() {
	const target = await openDatabase();
	try {
		await database({ databaseUrl: target.url, migrate: false, poolSize: 4 });
		const now = new Date();
		const org = await generate(now);

		let t = performance.now();
		const first = await runDaily(now, org.id);
		const firstMs = performance.now() - t;
		const firstMail = await db().outboxMessage.count();
		console.log(`daily job, first run (records the history): ${ms(firstMs)}; certifications recorded ${first.certified}, status changes ${first.statusChanges}, reminders to people ${first.personMessages}, manager digests ${first.digests}; outbox ${firstMail} messages`);
		t = performance.now();
		const again = await runDaily(now, org.id);
		console.log(`daily job, same day again: ${ms(performance.now() - t)}; messages ${again.personMessages + again.digests} (never twice)`);
		const tomorrow = new Date(now.getTime() + DAY);
		t = performance.now();
		const next = await runDaily(tomorrow, org.id);
		console.log(`daily job, next day: ${ms(performance.now() - t)}; certifications ${next.certified}, status changes ${next.statusChanges}, reminders to people ${next.personMessages}, digests ${next.digests}`);

		const page: number[] = [];
		let rows = 0;
		for (let i = 0; i < RUNS; i++) {
			t = performance.now();
			const r = await complianceReport(org.id, {}, now);
			page.push(performance.now() - t);
			rows = r.rows.length;
			if (i === 0) console.log(`dashboard: ${r.total.assigned} assigned pairs, certified ${r.total.certifiedPercent} %, expiring 30/60/90: ${r.total.expiring30}/${r.total.expiring60}/${r.total.expiring90}, overdue ${r.total.overdue}, expired ${r.total.expired}`);
		}
		console.log(`full report read, as the exports do (${rows} rows, ${RUNS} runs): p50 ${ms(pct(page, 50))}, p95 ${ms(pct(page, 95))}`);
		// What the page reads: counts in SQL and one page of 300 rows (dashboard-sql.ts).
		const sqlPage: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			t = performance.now();
			const p = await compliancePage(org.id, {}, 1 + (i % 3), 300, now);
			sqlPage.push(performance.now() - t);
			if (i === 0) console.log(`dashboard page (SQL): ${p.total.assigned} assigned pairs, ${p.pages} pages of 300`);
		}
		console.log(`dashboard page computation (counts + 300 rows in SQL, ${RUNS} runs): p50 ${ms(pct(sqlPage, 50))}, p95 ${ms(pct(sqlPage, 95))}`);
		const sqlOnly: number[] = [];
		for (let i = 0; i < RUNS; i++) {
			t = performance.now();
			await compliancePage(org.id, {}, 1 + (i % 3), 300, now, { refresh: false });
			sqlOnly.push(performance.now() - t);
		}
		console.log(`  of which the SQL reads alone (without the stale check, ${RUNS} runs): p50 ${ms(pct(sqlOnly, 50))}, p95 ${ms(pct(sqlOnly, 95))}`);
		// One person submits an exam: the next read refreshes them (and only them) before it reads.
		const someone = (await db().certificationSummary.findFirstOrThrow({ where: { organizationId: org.id, certificationId: null }, select: { userId: true, programmeId: true } })).userId;
		const quiz = (await db().quiz.findFirstOrThrow({ where: { id: { startsWith: `bench-${run}-course-` } }, select: { id: true } })).id;
		const n = await db().quizAttempt.count({ where: { userId: someone, quizId: quiz } });
		await db().quizAttempt.create({ data: { quizId: quiz, userId: someone, number: n + 1, status: 'submitted', startedAt: new Date(), submittedAt: new Date(), layout: [], maxScore: 10, score: 9, percent: 90, passed: true } });
		t = performance.now();
		await compliancePage(org.id, {}, 1, 300, new Date());
		console.log(`dashboard page right after one person's exam attempt (refreshes that person, then reads): ${ms(performance.now() - t)}`);
		t = performance.now();
		const rewritten = await refreshSummaries(org.id, undefined, now);
		console.log(`whole summary rewritten (${rewritten} rows, as the daily job does): ${ms(performance.now() - t)}`);
		const csvT: number[] = [];
		const xlsxT: number[] = [];
		let sizes = [0, 0];
		for (let i = 0; i < RUNS; i++) {
			t = performance.now();
			const r = await complianceReport(org.id, {}, now);
			const csv = complianceCsv(r, 'uk', labels);
			csvT.push(performance.now() - t);
			t = performance.now();
			const r2 = await complianceReport(org.id, {}, now);
			const x = complianceXlsx(r2, 'uk', labels, 'Стан сертифікації');
			xlsxT.push(performance.now() - t);
			sizes = [Buffer.byteLength(csv), x.length];
		}
		console.log(`export CSV (${(sizes[0] / 1024).toFixed(0)} KiB): p50 ${ms(pct(csvT, 50))}, p95 ${ms(pct(csvT, 95))}`);
		console.log(`export XLSX (${(sizes[1] / 1024).toFixed(0)} KiB): p50 ${ms(pct(xlsxT, 50))}, p95 ${ms(pct(xlsxT, 95))}`);
	} finally {
		await closeDatabase();
		await target.stop();
	}
}

main().catch((e) => {
	console.error(e);
	process.exit(1);
});
