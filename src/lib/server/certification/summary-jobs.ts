/**
 * Keeps the compliance summary following changes made outside this domain's own functions:
 *  - identity tells certification of every membership added, changed (department, position, hire
 *    date) or removed, inside its transaction: the person's assignments follow at once and the person
 *    is marked for the summary (drained before the dashboard reads);
 *  - a job every minute drains the marks and picks up evidence the learning and events domains wrote.
 * Imported by reminders.ts (so by platform/jobs.ts at start) and by the domain's index.
 */
import { defineJob, schedule } from '../jobs/index.ts';
import { onMembershipChanged } from '../identity/memberships.ts';
import { syncPersonTx } from './assignments.ts';
import { refreshAllStale } from './summary.ts';

export const SUMMARY_JOB = 'certification.summary';

onMembershipChanged((tx, change) => syncPersonTx(tx, change.userId, change.organizationId));

defineJob<Record<string, never>>(SUMMARY_JOB, async () => void (await refreshAllStale()), {
	retryLimit: 1,
	expireInSeconds: 15 * 60,
	deleteAfterSeconds: 24 * 3600,
	policy: 'singleton'
});

schedule(SUMMARY_JOB, '* * * * *');
