/**
 * Developer migration command (works without Prisma's downloadable native engine):
 *   npm run db:migrate -- create <name>   write prisma/migrations/<ts>_<name>/migration.sql from schema.prisma
 *   npm run db:migrate -- deploy          apply pending migrations to DATABASE_URL, or to the embedded database
 *   npm run db:migrate -- status          list pending migrations
 *   npm run db:migrate -- rebuild-init    (before the first release only) replace every migration by one
 *                                         `init` migration written from schema.prisma
 * `create` needs a PostgreSQL server for its shadow database: DATABASE_URL, or MIGRATE_DATABASE_URL,
 * or the local server at postgresql://postgres@127.0.0.1:5432/postgres.
 */
import { applyMigrations, createMigration, pendingMigrations } from '../src/lib/server/db/migrations.ts';
import { startEmbedded } from '../src/lib/server/db/embedded.ts';
import { dataDir } from '../src/lib/server/config/index.ts';
import fs from 'node:fs';
import path from 'node:path';

const [command = 'deploy', name] = process.argv.slice(2);

async function withUrl<T>(fn: (url: string) => Promise<T>): Promise<T> {
	if (process.env.DATABASE_URL) return fn(process.env.DATABASE_URL);
	const embedded = await startEmbedded(dataDir());
	try {
		return await fn(embedded.url);
	} finally {
		await embedded.stop();
	}
}

async function main() {
	if (command === 'create') {
		if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error('Usage: npm run db:migrate -- create <snake_case_name>');
		const url =
			process.env.MIGRATE_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
		// The shadow database diffs the migrations; a scratch database holds nothing of value.
		const created = await createMigration(url, name);
		console.log(created ? `Created prisma/migrations/${created}` : 'No changes: the migrations match schema.prisma.');
	} else if (command === 'rebuild-init') {
		// Nothing has been released yet, so the history is one migration. A lock folder keeps two
		// developers' (or helpers') concurrent rebuilds from writing two folders.
		const lock = path.resolve('prisma/.migrate-lock');
		for (let i = 0; ; i++) {
			try {
				fs.mkdirSync(lock);
				break;
			} catch {
				if (i > 600) throw new Error(`Locked by ${lock}: remove it if no rebuild is running.`);
				await new Promise((r) => setTimeout(r, 500));
			}
		}
		try {
			for (const d of fs.readdirSync('prisma/migrations')) {
				if (/^\d{14}_/.test(d)) fs.rmSync(path.join('prisma/migrations', d), { recursive: true });
			}
			const url =
				process.env.MIGRATE_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
			const created = await createMigration(url, 'init');
			console.log(`Rebuilt prisma/migrations/${created}; delete ./data to start the embedded database afresh.`);
		} finally {
			fs.rmSync(lock, { recursive: true, force: true });
		}
	} else if (command === 'deploy') {
		const applied = await withUrl(applyMigrations);
		console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'No pending migrations.');
	} else if (command === 'status') {
		const pending = await withUrl(pendingMigrations);
		console.log(pending.length ? `Pending: ${pending.join(', ')}` : 'The database is up to date.');
	} else {
		throw new Error(`Unknown command ${command}: use create, deploy or status`);
	}
}

main().then(
	() => process.exit(0),
	(err) => {
		console.error(err instanceof Error ? err.message : err);
		process.exit(1);
	}
);
