/**
 * `npm run db:seed`: loads the demo content into the portal's database: the embedded one in
 * DATA_DIR (default ./data) or the PostgreSQL server named by DATABASE_URL. Pending migrations are
 * applied first. Safe to run again: a second run changes nothing.
 */
import fs from 'node:fs';
import { database, closeDatabase } from '../src/lib/server/db/index.ts';
import { seedAll } from '../src/lib/server/platform/seed.ts';

if (fs.existsSync('.env')) process.loadEnvFile?.('.env');

async function main() {
	const t0 = performance.now();
	const state = await database();
	console.log(state.mode === 'embedded' ? `Embedded database in ${state.embedded?.dataDir}` : 'PostgreSQL server (DATABASE_URL)');
	if (state.appliedMigrations.length) console.log(`Applied migrations: ${state.appliedMigrations.join(', ')}`);
	const summaries = await seedAll(state.prisma);
	console.log(`Demo content ready in ${Math.round(performance.now() - t0)} ms:\n  ${summaries.join('\n  ')}`);
}

main()
	.then(() => closeDatabase())
	.then(
		() => process.exit(0),
		async (err) => {
			console.error(err instanceof Error ? (err.stack ?? err.message) : err);
			await closeDatabase().catch(() => {});
			process.exit(1);
		}
	);
