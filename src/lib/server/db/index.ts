import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/client.ts';
import { config, dataDir } from '../config/index.ts';
import { startEmbedded, type EmbeddedDatabase } from './embedded.ts';
import { applyMigrations, poolConfigFromUrl } from './migrations.ts';

export type { PrismaClient } from './generated/client.ts';
export { Prisma } from './generated/client.ts';

/**
 * The one database handle of the process. Without DATABASE_URL it opens the embedded PostgreSQL
 * (PGlite) in DATA_DIR; with it, a PostgreSQL server. Either way everything downstream receives an
 * ordinary PostgreSQL URL. Kept on globalThis so a dev-server reload never opens the folder twice.
 */
interface DatabaseState {
	url: string;
	mode: 'embedded' | 'server';
	prisma: PrismaClient;
	embedded?: EmbeddedDatabase;
	appliedMigrations: string[];
}

const KEY = Symbol.for('maisternia.database');
const READY = Symbol.for('maisternia.database.ready');
type Holder = { [KEY]?: Promise<DatabaseState>; [READY]?: DatabaseState };
const holder = globalThis as unknown as Holder;

export interface OpenOptions {
	/** Apply pending migrations before anything else uses the database (default true). */
	migrate?: boolean;
	databaseUrl?: string;
	dataDir?: string;
	poolSize?: number;
}

async function open(options: OpenOptions): Promise<DatabaseState> {
	const serverUrl = options.databaseUrl ?? config().DATABASE_URL;
	let embedded: EmbeddedDatabase | undefined;
	let url: string;
	if (serverUrl) {
		url = serverUrl;
	} else {
		embedded = await startEmbedded(options.dataDir ?? dataDir());
		url = embedded.url;
	}
	const appliedMigrations = options.migrate === false ? [] : await applyMigrations(url);
	const pool = { ...poolConfigFromUrl(url), max: options.poolSize ?? (embedded ? 8 : 10) };
	const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
	return { url, mode: embedded ? 'embedded' : 'server', prisma, embedded, appliedMigrations };
}

/** Opens the database once per process (migrating it) and returns its state. */
export function database(options: OpenOptions = {}): Promise<DatabaseState> {
	holder[KEY] ??= open(options).then(
		(state) => (holder[READY] = state),
		(err) => {
			delete holder[KEY];
			throw err;
		}
	);
	return holder[KEY];
}

/**
 * The Prisma client. The database must have been opened with `database()` first: the server's
 * `init` hook, the test setup and every script do that before anything else.
 */
export function db(): PrismaClient {
	const state = holder[READY];
	if (!state) throw new Error('The database is not open yet: call database() first.');
	return state.prisma;
}

/** The URL other clients (jobs) use to reach the same database. */
export function databaseUrl(): string {
	const state = holder[READY];
	if (!state) throw new Error('The database is not open yet: call database() first.');
	return state.url;
}

export async function closeDatabase(): Promise<void> {
	const state = await holder[KEY];
	delete holder[KEY];
	delete holder[READY];
	if (!state) return;
	await state.prisma.$disconnect();
	await state.embedded?.stop();
}

export async function databaseHealth(): Promise<{ ok: boolean; mode: string; latencyMs: number; error?: string }> {
	const started = performance.now();
	try {
		const state = await database();
		await state.prisma.$queryRaw`SELECT 1`;
		return { ok: true, mode: state.mode, latencyMs: Math.round((performance.now() - started) * 10) / 10 };
	} catch (err) {
		return {
			ok: false,
			mode: config().DATABASE_URL ? 'server' : 'embedded',
			latencyMs: Math.round(performance.now() - started),
			error: err instanceof Error ? err.message : String(err)
		};
	}
}
