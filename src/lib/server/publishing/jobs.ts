/** The publishing domain's jobs: scheduled publication every minute, and the campaign tick and sweep. */
import { defineJob, schedule } from '../jobs/index.ts';
import { publishDueArticles } from './articles.ts';
import { publishDueBulletins } from './bulletins.ts';
import './campaigns.ts';

export const PUBLISH_DUE_JOB = 'publishing.publish-due';

export async function publishDue(now = new Date()): Promise<{ articles: number; bulletins: number }> {
	const articles = await publishDueArticles(now);
	const bulletins = await publishDueBulletins(now);
	return { articles, bulletins };
}

defineJob<Record<string, never>>(PUBLISH_DUE_JOB, async () => void (await publishDue()), {
	retryLimit: 0,
	expireInSeconds: 5 * 60,
	deleteAfterSeconds: 60 * 60,
	policy: 'singleton'
});

schedule(PUBLISH_DUE_JOB, '* * * * *');
