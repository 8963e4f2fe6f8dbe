import { database } from '../db/index.ts';
import { defineJob, schedule } from './index.ts';

/**
 * Upkeep of the database itself. PGlite never runs autovacuum (STACK-NOTES), so on the embedded
 * database dead rows of busy tables (the job tables above all) are reclaimed and the planner's
 * statistics refreshed by a scheduled VACUUM ANALYZE. A PostgreSQL server has autovacuum: nothing to do.
 */
export const VACUUM_JOB = 'db.vacuum';

export async function vacuumAnalyze(): Promise<void> {
	const state = await database();
	// VACUUM cannot run inside a transaction block: a plain statement on the client is one.
	await state.prisma.$executeRawUnsafe('VACUUM ANALYZE');
}

defineJob<Record<string, never>>(VACUUM_JOB, async () => vacuumAnalyze(), {
	retryLimit: 1,
	expireInSeconds: 30 * 60,
	policy: 'singleton'
});

/** Declares the schedule on the embedded database only. Hourly: a VACUUM of a small database takes milliseconds. */
export async function scheduleMaintenance(): Promise<void> {
	const state = await database();
	if (state.mode === 'embedded') schedule(VACUUM_JOB, '23 * * * *');
}
