import { database, closeDatabase } from '../db/index.ts';
import { seedDemoRequested } from '../config/index.ts';
import { startJobs, stopJobs } from '../jobs/index.ts';
import { registerPlatformJobs } from './jobs.ts';

/**
 * Starts what the portal needs before it serves the first request: the database (with pending
 * migrations applied), the demo content when asked for, and the background job runner.
 */
let started: Promise<void> | undefined;

export function startPlatform(): Promise<void> {
	started ??= (async () => {
		const state = await database();
		if (state.appliedMigrations.length) {
			console.log(`[db] applied migrations: ${state.appliedMigrations.join(', ')}`);
		}
		console.log(`[db] ${state.mode === 'embedded' ? 'embedded PostgreSQL (PGlite) in ' + state.embedded?.dataDir : 'PostgreSQL server'}`);
		if (seedDemoRequested()) {
			const { seedDemo } = await import('../../../../prisma/seed/demo.ts');
			const summary = await seedDemo(state.prisma);
			console.log(`[seed] demo content ready: ${summary}`);
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
