import { database, closeDatabase } from '../db/index.ts';
import { seedDemoRequested } from '../config/index.ts';
import { startJobs, stopJobs } from '../jobs/index.ts';
import { registerPlatformJobs } from './jobs.ts';
import './personal-data.ts';

/**
 * Starts what the portal needs before it serves the first request: the database (with pending
 * migrations applied), the courses from their files, the demo content when asked for, and the
 * background job runner.
 */
let started: Promise<void> | undefined;

export function startPlatform(): Promise<void> {
	started ??= (async () => {
		const state = await database();
		if (state.appliedMigrations.length) {
			console.log(`[db] applied migrations: ${state.appliedMigrations.join(', ')}`);
		}
		console.log(`[db] ${state.mode === 'embedded' ? 'embedded PostgreSQL (PGlite) in ' + state.embedded?.dataDir : 'PostgreSQL server'}`);
		// Courses live as files: import them when the folder changed since the last import.
		const { importCoursesIfChanged } = await import('../learning/index.ts');
		await importCoursesIfChanged();
		if (seedDemoRequested()) {
			const { seedAll } = await import('./seed.ts');
			for (const summary of await seedAll(state.prisma)) console.log(`[seed] ${summary}`);
		}
		await startJobs(state.url, registerPlatformJobs);
		process.once('sveltekit:shutdown', () => void stopPlatform());
	})();
	return started;
}

export async function stopPlatform(): Promise<void> {
	started = undefined;
	await stopJobs();
	await closeDatabase();
}
