import { scheduleMaintenance } from '../jobs/maintenance.ts';
// Every domain's job module, imported for its defineJob()/schedule() declarations.
import '../mail/delivery.ts';
import '../publishing/jobs.ts';
import '../auth/jobs.ts';
import '../search/jobs.ts';
import '../events/reminders.ts';
import '../club/jobs.ts';
import '../events/followups.ts';
import '../certification/reminders.ts';
import '../cases/attachments.ts';

/**
 * Declares every domain's queues, workers and schedules before the job runner starts (see
 * src/lib/server/jobs/index.ts). A later feature adds one import line here.
 */
export async function registerPlatformJobs(): Promise<void> {
	await scheduleMaintenance();
}
