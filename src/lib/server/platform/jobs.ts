import type { PgBoss } from 'pg-boss';

/** Every domain's queues, workers and schedules, registered when the job runner starts. */
export async function registerPlatformJobs(boss: PgBoss): Promise<void> {
	void boss;
}
