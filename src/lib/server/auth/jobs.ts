import { db } from '../db/index.ts';
import { defineJob, schedule } from '../jobs/index.ts';
import { deleteStaleAuthTokens } from './tokens.ts';

/**
 * Sign-in housekeeping (imported by src/lib/server/platform/jobs.ts): used or expired single-use
 * tokens, Auth.js magic-link tokens and rate-limit counters are worth nothing after a day.
 */
export const AUTH_CLEANUP_JOB = 'auth.cleanup';

export async function cleanUpSignInData(): Promise<{ tokens: number; magicLinks: number; limits: number }> {
	const dayAgo = new Date(Date.now() - 24 * 60 * 60_000);
	const tokens = await deleteStaleAuthTokens();
	const magicLinks = (await db().verificationToken.deleteMany({ where: { expires: { lt: dayAgo } } })).count;
	const limits = (await db().rateLimiterFlexible.deleteMany({ where: { expire: { lt: dayAgo } } })).count;
	return { tokens, magicLinks, limits };
}

defineJob<Record<string, never>>(AUTH_CLEANUP_JOB, async () => cleanUpSignInData(), {
	retryLimit: 2,
	expireInSeconds: 10 * 60,
	policy: 'singleton'
});

schedule(AUTH_CLEANUP_JOB, '17 4 * * *', {});
