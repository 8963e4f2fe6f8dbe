import { afterEach, describe, expect, it, inject } from 'vitest';
import type { PgBoss } from 'pg-boss';
import { db } from '../db/index.ts';
import { createRunner, defineJob, schedule, sendJob, startJobs, stopJobs, unscheduleLocal, JobsNotRunningError } from './index.ts';
import { vacuumAnalyze } from './maintenance.ts';

const url = inject('databaseUrl');
const kind = inject('databaseKind');
const fast = { pollingIntervalSeconds: 0.5 } as const;

const runners: PgBoss[] = [];
async function runner(only: string[], work = true): Promise<PgBoss> {
	const boss = await createRunner(url, { only, work, schedules: false, max: 2 });
	runners.push(boss);
	return boss;
}
async function stop(boss: PgBoss) {
	runners.splice(runners.indexOf(boss), 1);
	await boss.stop({ graceful: true, timeout: 3_000 });
}
afterEach(async () => {
	for (const boss of runners.splice(0)) await boss.stop({ graceful: false, timeout: 1_000 });
	await stopJobs({ timeout: 1_000 });
});

async function until(check: () => boolean, timeoutMs = 20_000) {
	const deadline = Date.now() + timeoutMs;
	while (!check()) {
		if (Date.now() > deadline) throw new Error('timed out');
		await new Promise((r) => setTimeout(r, 100));
	}
}

const restarted: string[] = [];
defineJob<{ tag: string }>('test.restart', async ({ tag }) => void restarted.push(tag), fast);

const attempts: Record<string, number> = {};
const succeeded: string[] = [];
defineJob<{ tag: string }>(
	'test.retry',
	async ({ tag }) => {
		attempts[tag] = (attempts[tag] ?? 0) + 1;
		if (attempts[tag] < 3) throw new Error(`failing attempt ${attempts[tag]}`);
		succeeded.push(tag);
	},
	{ ...fast, retryLimit: 3, retryDelay: 1, retryBackoff: false }
);

const handled = new Map<number, string[]>();
// Its workers are attached per instance in the test, to know which instance handled what.
defineJob<{ n: number }>('test.count', async () => {}, fast);

const txJobs: string[] = [];
defineJob<{ tag: string }>('test.tx', async ({ tag }) => void txJobs.push(tag), fast);

describe(`jobs (${kind})`, () => {
	it('keeps a queued job across a restart and runs it on the next start', async () => {
		const tag = `r${Date.now()}`;
		const first = await runner(['test.restart'], false);
		await first.send('test.restart', { tag });
		await stop(first);
		expect(restarted).not.toContain(tag);
		await runner(['test.restart']);
		await until(() => restarted.includes(tag));
		expect(restarted.filter((t) => t === tag)).toHaveLength(1);
	});

	it('retries a failed job until it succeeds', async () => {
		const tag = `f${Date.now()}`;
		const boss = await runner(['test.retry']);
		const id = await boss.send('test.retry', { tag });
		await until(() => succeeded.includes(tag), 30_000);
		expect(attempts[tag]).toBe(3);
		await expect.poll(async () => (await boss.getJobById('test.retry', id!))?.state).toBe('completed');
	});

	it('writes a job in the caller transaction: committed runs, rolled back never exists', async () => {
		await startJobs(url, async () => {}, { force: true, only: ['test.tx'], schedules: false });
		const keep = `keep${Date.now()}`;
		const drop = `drop${Date.now()}`;
		await db().$transaction(async (tx) => {
			await sendJob('test.tx', { tag: keep }, { tx });
		});
		await expect(
			db().$transaction(async (tx) => {
				await sendJob('test.tx', { tag: drop }, { tx });
				throw new Error('rollback');
			})
		).rejects.toThrow('rollback');
		await until(() => txJobs.includes(keep));
		await new Promise((r) => setTimeout(r, 1_500));
		expect(txJobs).not.toContain(drop);
	});

	it('refuses to send without a runner, so callers can fall back (as the mail sweep does)', async () => {
		await expect(sendJob('test.tx', { tag: 'x' })).rejects.toBeInstanceOf(JobsNotRunningError);
	});

	it('stores declared schedules in the database (Kyiv time) and removes dropped ones', async () => {
		defineJob('test.sched', async () => {}, fast);
		schedule('test.sched', '15 3 * * *', { why: 'test' });
		const first = await createRunner(url, { only: ['test.sched'], work: false, max: 1 });
		runners.push(first);
		const stored = await first.getSchedules('test.sched');
		expect(stored.map((s) => [s.cron, s.timezone])).toEqual([['15 3 * * *', 'Europe/Kyiv']]);
		await stop(first);
		unscheduleLocal('test.sched');
		const second = await createRunner(url, { only: ['test.sched'], work: false, max: 1 });
		runners.push(second);
		expect(await second.getSchedules('test.sched')).toEqual([]);
	});

	it('runs VACUUM ANALYZE (scheduled on the embedded database)', async () => {
		await expect(vacuumAnalyze()).resolves.toBeUndefined();
	});

	it.skipIf(kind !== 'postgres')(
		'handles every job exactly once with two instances on one PostgreSQL server' +
			(kind === 'postgres'
				? ''
				: ' [skipped on the embedded database: PGlite is owned by one process, so two app instances never share it]'),
		async () => {
			const N = 200;
			const a = await runner(['test.count'], false);
			const b = await runner(['test.count'], false);
			for (const [boss, name] of [
				[a, 'A'],
				[b, 'B']
			] as const) {
				await boss.work('test.count', { localConcurrency: 4, pollingIntervalSeconds: 0.5, batchSize: 2 }, async (jobs) => {
					for (const job of jobs) {
						const { n } = job.data as { n: number };
						handled.set(n, [...(handled.get(n) ?? []), name]);
						await new Promise((r) => setTimeout(r, 2));
					}
				});
			}
			const producer = a;
			for (let i = 0; i < N; i += 50) {
				await Promise.all(Array.from({ length: 50 }, (_, k) => producer.send('test.count', { n: i + k })));
			}
			await until(() => handled.size === N, 60_000);
			await new Promise((r) => setTimeout(r, 1_500));
			const twice = [...handled.entries()].filter(([, who]) => who.length !== 1);
			expect(twice).toEqual([]);
			const byA = [...handled.values()].filter((w) => w[0] === 'A').length;
			const byB = N - byA;
			console.log(`[jobs test] ${N} jobs: instance A handled ${byA}, B handled ${byB}, none twice`);
			expect(byA).toBeGreaterThan(0);
			expect(byB).toBeGreaterThan(0);
		},
		90_000
	);
});
