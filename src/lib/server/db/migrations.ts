import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import pg from 'pg';
import { parse as parseConnectionString } from 'pg-connection-string';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import type {
	MigrationList,
	SchemaEngine as SchemaEngineType
} from '@prisma/schema-engine-wasm';

/**
 * Migrations through Prisma's schema engine compiled to WebAssembly, driven by the pg driver adapter.
 * The native engine that the Prisma CLI downloads is not reachable on every machine; this engine is
 * an ordinary npm package and gives the same `_prisma_migrations` bookkeeping (ADR 0002).
 */

export const MIGRATIONS_DIR = path.resolve(process.env.MIGRATIONS_DIR ?? 'prisma/migrations');
const SCHEMA_PATH = path.resolve(process.env.PRISMA_SCHEMA ?? 'prisma/schema.prisma');

const FILTER = { externalTables: [], externalEnums: [] };

/** pg options from a URL, as separate fields: a connectionString would override `database` (shadow DB). */
export function poolConfigFromUrl(url: string): pg.PoolConfig {
	const c = parseConnectionString(url);
	return {
		host: c.host ?? undefined,
		port: c.port ? Number(c.port) : undefined,
		user: c.user ?? undefined,
		password: c.password ?? undefined,
		database: c.database ?? undefined,
		max: 2
	};
}

const PG_CHAR_OID = 18;
const PG_TEXT_OID = 25;

/**
 * The pg driver adapter cannot deserialize PostgreSQL's internal "char" type (OID 18), which the
 * engine meets in catalog queries while describing a schema: report those columns as text.
 */
function reportCharColumnsAsText(client: pg.Pool): void {
	const query = client.query.bind(client) as (...args: unknown[]) => unknown;
	(client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
		const result = query(...args);
		if (result instanceof Promise) {
			return result.then((r: pg.QueryResult) => {
				for (const f of r?.fields ?? []) if (f.dataTypeID === PG_CHAR_OID) f.dataTypeID = PG_TEXT_OID;
				return r;
			});
		}
		return result;
	};
}

type EngineModule = typeof import('@prisma/schema-engine-wasm');
let enginePromise: Promise<EngineModule> | undefined;

async function loadEngineModule(): Promise<EngineModule> {
	enginePromise ??= (async () => {
		const require = createRequire(import.meta.url);
		const entry = require.resolve('@prisma/schema-engine-wasm');
		const wasmPath = path.join(path.dirname(entry), 'schema_engine_bg.wasm');
		const bg = (await import('@prisma/schema-engine-wasm/schema_engine_bg')) as unknown as EngineModule & {
			__wbg_set_wasm(exports: WebAssembly.Exports): void;
		};
		// The engine arms 10-second timers that would keep a finished script (or the test runner) alive:
		// unref them, so they never hold the process open on their own.
		const imports: Record<string, unknown> = { ...(bg as unknown as Record<string, unknown>) };
		for (const [name, fn] of Object.entries(imports)) {
			if (name.startsWith('__wbg_setTimeout_') && typeof fn === 'function') {
				imports[name] = (...args: unknown[]) => {
					const timer = fn(...args) as { unref?: () => void };
					timer?.unref?.();
					return timer;
				};
			}
		}
		const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmPath), {
			'./schema_engine_bg.js': imports as WebAssembly.ModuleImports
		});
		bg.__wbg_set_wasm(instance.exports);
		(instance.exports.__wbindgen_start as () => void)();
		return bg;
	})();
	return enginePromise;
}

async function withEngine<T>(url: string, fn: (engine: SchemaEngineType) => Promise<T>): Promise<T> {
	const mod = await loadEngineModule();
	const pool = new pg.Pool(poolConfigFromUrl(url));
	reportCharColumnsAsText(pool);
	const factory = bindMigrationAwareSqlAdapterFactory(new PrismaPg(pool));
	const schema = fs.readFileSync(SCHEMA_PATH, 'utf8');
	const engine = await mod.SchemaEngine.new(
		{ datamodels: [[SCHEMA_PATH, schema]] },
		(log: string) => {
			if (process.env.DEBUG_MIGRATIONS) console.error(log);
		},
		factory
	);
	try {
		return await fn(engine);
	} finally {
		engine.free();
		await pool.end().catch(() => undefined);
	}
}

export function readMigrations(dir = MIGRATIONS_DIR): MigrationList {
	const lockPath = path.join(dir, 'migration_lock.toml');
	const dirs = fs.existsSync(dir)
		? fs
				.readdirSync(dir, { withFileTypes: true })
				.filter((d) => d.isDirectory())
				.map((d) => d.name)
				.sort()
		: [];
	return {
		baseDir: dir,
		lockfile: {
			path: 'migration_lock.toml',
			content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null
		},
		shadowDbInitScript: '',
		migrationDirectories: dirs.map((name) => {
			const file = path.join(dir, name, 'migration.sql');
			return {
				path: name,
				migrationFile: {
					path: 'migration.sql',
					content: fs.existsSync(file)
						? { tag: 'ok', value: fs.readFileSync(file, 'utf8') }
						: { tag: 'error', value: `missing ${file}` }
				}
			};
		})
	} as MigrationList;
}

/** Applies every migration not yet applied; returns their names. */
export async function applyMigrations(url: string): Promise<string[]> {
	return withEngine(url, async (engine) => {
		const out = await engine.applyMigrations({ migrationsList: readMigrations(), filters: FILTER });
		return out.appliedMigrationNames;
	});
}

/**
 * Writes a new migration folder with the SQL that brings the migrations up to schema.prisma.
 * Needs a PostgreSQL server: the existing migrations are replayed into a scratch database (created
 * and dropped here), which is then diffed against the schema. Returns null when nothing changed.
 */
export async function createMigration(serverUrl: string, name: string): Promise<string | null> {
	const base = poolConfigFromUrl(serverUrl);
	const scratch = `maisternia_scratch_${crypto.randomUUID().replaceAll('-', '')}`;
	const admin = new pg.Pool({ ...base, max: 1 });
	await admin.query(`CREATE DATABASE "${scratch}"`);
	try {
		const scratchUrl = urlFromConfig({ ...base, database: scratch });
		await applyMigrations(scratchUrl);
		const script = await withEngine(scratchUrl, async (engine) => {
			const schema = fs.readFileSync(SCHEMA_PATH, 'utf8');
			const files = [{ path: SCHEMA_PATH, content: schema }];
			const out = await engine.diff({
				from: { tag: 'schemaDatasource', files, configDir: path.dirname(SCHEMA_PATH) },
				to: { tag: 'schemaDatamodel', files },
				script: true,
				exitCode: null,
				filters: FILTER
			} as Parameters<SchemaEngineType['diff']>[0]);
			return out.stdout;
		});
		if (!script || /^-- This is an empty migration\.?\s*$/.test(script.trim())) return null;
		const stamp = new Date().toISOString().replace(/\D/g, '').slice(0, 14);
		const folderName = `${stamp}_${name}`;
		const folder = path.join(MIGRATIONS_DIR, folderName);
		fs.mkdirSync(folder, { recursive: true });
		fs.writeFileSync(path.join(folder, 'migration.sql'), script);
		const lock = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
		if (!fs.existsSync(lock)) {
			fs.writeFileSync(lock, '# Written by scripts/migrate.ts\nprovider = "postgresql"\n');
		}
		return folderName;
	} finally {
		await admin.query(`DROP DATABASE IF EXISTS "${scratch}" WITH (FORCE)`);
		await admin.end();
	}
}

function urlFromConfig(c: pg.PoolConfig): string {
	const auth = c.user ? `${encodeURIComponent(c.user)}${c.password ? ':' + encodeURIComponent(String(c.password)) : ''}@` : '';
	const hostIsSocket = typeof c.host === 'string' && c.host.startsWith('/');
	const host = hostIsSocket ? 'localhost' : (c.host ?? 'localhost');
	const port = !hostIsSocket && c.port ? `:${c.port}` : '';
	const q = hostIsSocket ? `?host=${encodeURIComponent(c.host as string)}` : '';
	return `postgresql://${auth}${host}${port}/${c.database}${q}`;
}

/** Which migrations in the folder the database has not applied yet. */
export async function pendingMigrations(url: string): Promise<string[]> {
	const pool = new pg.Pool({ ...poolConfigFromUrl(url), max: 1 });
	try {
		const exists = await pool.query(`SELECT to_regclass('_prisma_migrations') AS t`);
		const applied = new Set<string>();
		if (exists.rows[0]?.t) {
			const r = await pool.query(
				`SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`
			);
			for (const row of r.rows) applied.add(row.migration_name as string);
		}
		return readMigrations().migrationDirectories.map((d) => d.path).filter((n) => !applied.has(n));
	} finally {
		await pool.end();
	}
}
