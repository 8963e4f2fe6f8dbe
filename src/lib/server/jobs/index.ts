import { PgBoss } from 'pg-boss';
import { poolConfigFromUrl } from '../db/migrations.ts';
import { config } from '../config/index.ts';

/**
 * Durable background jobs and schedules, kept in the database by pg-boss (ADR 0003): they survive a
 * restart, are retried with backoff, and a job is given to one worker only, even when several app
 * instances share one PostgreSQL server (SELECT ... FOR UPDATE SKIP LOCKED).
 */
export type Registrar = (boss: PgBoss) => Promise<void>;

const KEY = Symbol.for('maisternia.jobs');
type Holder = { [KEY]?: PgBoss };
const holder = globalThis as unknown as Holder;

export async function startJobs(url: string, register: Registrar): Promise<PgBoss | undefined> {
	if (config().JOBS === 'off') return undefined;
	if (holder[KEY]) return holder[KEY];
	const boss = new PgBoss({ ...poolConfigFromUrl(url), max: 4, schema: 'pgboss' });
	boss.on('error', (err) => console.error('[jobs]', err));
	await boss.start();
	holder[KEY] = boss;
	await register(boss);
	return boss;
}

export function jobs(): PgBoss {
	const boss = holder[KEY];
	if (!boss) throw new Error('The job runner is not started.');
	return boss;
}

export function jobsRunning(): boolean {
	return Boolean(holder[KEY]);
}

export async function stopJobs(): Promise<void> {
	const boss = holder[KEY];
	delete holder[KEY];
	await boss?.stop({ graceful: true, timeout: 10_000 });
}
