/**
 * A plain worker process for the crash test (campaigns.test.ts): it ticks one campaign and sends the
 * outbox until the campaign completes, exactly what the jobs do, and is killed with SIGKILL midway.
 * Run: node --import tsx crash-worker.ts <databaseUrl> <campaignId>   (SMTP_URL in the environment)
 */
import { database, closeDatabase } from '../db/index.ts';
import { configureMailDelivery, deliverDue } from '../mail/index.ts';
import { configureCampaigns, tickCampaign } from './sending.ts';

const [url, campaignId] = process.argv.slice(2);
if (!url || !campaignId) throw new Error('usage: crash-worker.ts <databaseUrl> <campaignId>');
process.env.JOBS = 'off';
await database({ databaseUrl: url, migrate: false, poolSize: 4 });
configureMailDelivery({ retryBaseMs: 50, retryMaxMs: 200, claimTimeoutMs: 1500 });
configureCampaigns({ tickSeconds: 60, sendConcurrency: Number(process.env.SEND_CONCURRENCY ?? 2) });
for (;;) {
	const r = await tickCampaign(campaignId);
	await deliverDue(500);
	if (r.completed || !r.running) break;
	if (r.handed === 0) await new Promise((resolve) => setTimeout(resolve, 100));
}
process.stdout.write('done\n');
await closeDatabase();
