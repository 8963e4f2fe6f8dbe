import { PgBoss, fromPrisma, type Job, type ScheduleOptions } from 'pg-boss';
import { poolConfigFromUrl } from '../db/migrations.ts';
import { config } from '../config/index.ts';
import type { Prisma } from '../db/generated/client.ts';

/**
 * Durable background jobs and schedules, kept in the database by pg-boss (ADR 0003): they survive a
 * restart, are retried with backoff, and a job is given to one worker only, even when several app
 * instances share one PostgreSQL server (SELECT ... FOR UPDATE SKIP LOCKED).
 *
 * A domain declares its jobs once, at module level:
 *   export const remind = defineJob<{ userId: string }>('certification.remind', async (data) => {...},
 *     { retryLimit: 5, retryBackoff: true });
 *   schedule('certification.remind-all', '0 8 * * 1-5');
 * and sends them with `sendJob('certification.remind', data, { tx })` (or `remind.send(data, { tx })`).
 * src/lib/server/platform/jobs.ts imports every domain's job module, so all definitions exist before
 * the runner starts; the runner creates the queues, starts the workers and stores the schedules.
 */

export interface JobDefinitionOptions {
	/** Retries after the first failed attempt (pg-boss default 2). */
	retryLimit?: number;
	/** Seconds before a retry (with retryBackoff: the base of the exponential delay). */
	retryDelay?: number;
	/** Exponential backoff between retries. */
	retryBackoff?: boolean;
	/** Upper bound of the backoff delay, in seconds. */
	retryDelayMax?: number;
	/** A job running longer than this is considered crashed and retried. */
	expireInSeconds?: number;
	/** How long finished jobs are kept before pg-boss deletes them. */
	deleteAfterSeconds?: number;
	/** Jobs handled at the same time by one instance. */
	localConcurrency?: number;
	/** How often an idle worker polls for new jobs. */
	pollingIntervalSeconds?: number;
	/** pg-boss queue policy ('standard' by default; 'singleton' lets one job run at a time). */
	policy?: 'standard' | 'short' | 'singleton' | 'stately' | 'exclusive';
}

export type JobHandler<T> = (data: T, job: Job<T>) => Promise<unknown>;

interface JobDefinition {
	name: string;
	handler: JobHandler<never>;
	options: JobDefinitionOptions;
}

interface ScheduleDefinition {
	name: string;
	cron: string;
	data: object | null;
	options: ScheduleOptions;
}

export interface SendJobOptions {
	/**
	 * The caller's open Prisma transaction: the job row is written in it, so it exists exactly when
	 * the transaction commits. On the embedded database this is also the only safe way to send from
	 * inside a transaction (a query on another connection waits for the transaction to end).
	 */
	tx?: Prisma.TransactionClient;
	/** At most one queued job with this key per queue. */
	singletonKey?: string;
	/** Do not start before this time (or after this many seconds). */
	startAfter?: Date | number;
}

export interface JobHandle<T> {
	name: string;
	send(data: T, options?: SendJobOptions): Promise<string | null>;
}

const KEY = Symbol.for('maisternia.jobs');
const DEFS = Symbol.for('maisternia.jobs.definitions');
type Holder = {
	[KEY]?: PgBoss;
	[DEFS]?: { jobs: Map<string, JobDefinition>; schedules: Map<string, ScheduleDefinition> };
};
const holder = globalThis as unknown as Holder;
// On globalThis: a dev-server reload re-evaluates modules, and the definitions must stay one set.
const registry = (holder[DEFS] ??= { jobs: new Map(), schedules: new Map() });

const QUEUE_NAME = /^[a-z][a-z0-9_.-]*$/;

/** Declares a queue and its worker. Calling it again with the same name replaces the handler. */
export function defineJob<T extends object>(
	name: string,
	handler: JobHandler<T>,
	options: JobDefinitionOptions = {}
): JobHandle<T> {
	if (!QUEUE_NAME.test(name)) throw new Error(`Bad job name ${JSON.stringify(name)}: use lower case, digits, . _ -`);
	registry.jobs.set(name, { name, handler: handler as JobHandler<never>, options });
	return { name, send: (data, opts) => sendJob(name, data, opts) };
}

/**
 * Runs the job `name` on a cron schedule (5 fields, Europe/Kyiv time unless `tz` says otherwise).
 * The job itself must be defined with defineJob. Stored in the database when the runner starts, so
 * several instances share one schedule and each occurrence runs once.
 */
export function schedule(name: string, cron: string, data: object | null = null, options: { tz?: string } = {}): void {
	registry.schedules.set(name, { name, cron, data, options: { tz: options.tz ?? 'Europe/Kyiv' } });
}

/** Removes a schedule declared earlier (e.g. one that only applies to the embedded database). */
export function unscheduleLocal(name: string): void {
	registry.schedules.delete(name);
}

export function definedJobs(): string[] {
	return [...registry.jobs.keys()];
}

export class JobsNotRunningError extends Error {
	constructor() {
		super('The job runner is not started (JOBS=off or not started yet).');
		this.name = 'JobsNotRunningError';
	}
}

/**
 * Queues a job. With `tx`, the job is written inside that transaction. Throws JobsNotRunningError
 * when this process has no runner (JOBS=off): callers that must not fail then rely on a sweep job
 * (as the mail outbox does).
 */
export async function sendJob<T extends object>(name: string, data: T, options: SendJobOptions = {}): Promise<string | null> {
	const boss = holder[KEY];
	if (!boss) throw new JobsNotRunningError();
	if (!registry.jobs.has(name)) throw new Error(`Unknown job ${name}: define it with defineJob().`);
	return boss.send(name, data, {
		// pg-boss's own Prisma adapter: its statements run through tx.$queryRawUnsafe.
		db: options.tx ? fromPrisma(options.tx) : undefined,
		singletonKey: options.singletonKey,
		startAfter: options.startAfter
	});
}

export interface RunnerOptions {
	/** Register only these queues (tests); all defined ones by default. */
	only?: string[];
	/** Start the workers and schedules (default true). */
	work?: boolean;
	/** Pool size of this runner (default 4). */
	max?: number;
	/** Register stored schedules (default true). */
	schedules?: boolean;
}

/**
 * A started pg-boss instance with the defined queues created and their workers running. The app
 * keeps one (startJobs); tests make several to check restarts and two instances on one server.
 */
export async function createRunner(url: string, options: RunnerOptions = {}): Promise<PgBoss> {
	const boss = new PgBoss({ ...poolConfigFromUrl(url), max: options.max ?? 4, schema: 'pgboss' });
	boss.on('error', (err) => console.error('[jobs]', err));
	await boss.start();
	const wanted = [...registry.jobs.values()].filter((d) => !options.only || options.only.includes(d.name));
	for (const def of wanted) {
		const o = def.options;
		// pg-boss validates present keys, so unset options must be absent, not undefined.
		const queue = Object.fromEntries(
			Object.entries({
				retryLimit: o.retryLimit,
				retryDelay: o.retryDelay,
				retryBackoff: o.retryBackoff,
				retryDelayMax: o.retryDelayMax,
				expireInSeconds: o.expireInSeconds ?? 15 * 60, // always one key: updateQueue refuses none
				deleteAfterSeconds: o.deleteAfterSeconds
			}).filter(([, v]) => v !== undefined)
		);
		// Both also put the queue in pg-boss's cache: a send inside a caller's transaction must not look
		// the queue up on another connection (on PGlite that waits for the very same transaction).
		if (await boss.getQueue(def.name)) await boss.updateQueue(def.name, queue);
		else await boss.createQueue(def.name, { ...queue, policy: o.policy ?? 'standard' });
	}
	if (options.work !== false) {
		for (const def of wanted) {
			await boss.work(
				def.name,
				{ localConcurrency: def.options.localConcurrency ?? 1, pollingIntervalSeconds: def.options.pollingIntervalSeconds ?? 2 },
				async (batch: Job<never>[]) => {
					for (const job of batch) await def.handler(job.data, job);
				}
			);
		}
	}
	if (options.schedules !== false) {
		const names = new Set(wanted.map((d) => d.name));
		for (const s of registry.schedules.values()) {
			if (names.has(s.name)) await boss.schedule(s.name, s.cron, s.data, s.options);
		}
		// A schedule dropped from the code (or not applying here) must not keep firing.
		for (const stored of await boss.getSchedules()) {
			if (names.has(stored.name) && !registry.schedules.has(stored.name)) await boss.unschedule(stored.name);
		}
	}
	return boss;
}

/** Declares (imports) every domain's jobs and schedules before the runner starts. */
export type Registrar = () => Promise<void>;

/** Starts the process's job runner once (unless JOBS=off or `force`), after `register` declared its jobs. */
export async function startJobs(
	url: string,
	register: Registrar = async () => {},
	options: RunnerOptions & { force?: boolean } = {}
): Promise<PgBoss | undefined> {
	if (config().JOBS === 'off' && !options.force) return undefined;
	if (holder[KEY]) return holder[KEY];
	await register();
	const boss = await createRunner(url, options);
	holder[KEY] = boss;
	return boss;
}

export function jobs(): PgBoss {
	const boss = holder[KEY];
	if (!boss) throw new JobsNotRunningError();
	return boss;
}

export function jobsRunning(): boolean {
	return Boolean(holder[KEY]);
}

export async function stopJobs(options: { graceful?: boolean; timeout?: number } = {}): Promise<void> {
	const boss = holder[KEY];
	delete holder[KEY];
	await boss?.stop({ graceful: options.graceful ?? true, timeout: options.timeout ?? 10_000 });
}
