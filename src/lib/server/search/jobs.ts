import { defineJob, schedule } from '../jobs/index.ts';
import { INDEX_JOB, REINDEX_JOB, type IndexJobData } from './queue.ts';
import { indexDocuments, reindexAll } from './index.ts';
import type { SearchKind } from './types.ts';

/**
 * The search jobs (imported by src/lib/server/platform/jobs.ts before the runner starts):
 *   search.index    brings the given documents of a kind up to date (queued by the change itself)
 *   search.reindex  rebuilds a kind (or everything) from its source; nightly, it heals any drift
 */
defineJob<IndexJobData>(INDEX_JOB, async ({ kind, refIds }) => indexDocuments(kind, refIds), {
	retryLimit: 5,
	retryDelay: 5,
	retryBackoff: true,
	localConcurrency: 1
});

defineJob<{ kind?: SearchKind }>(
	REINDEX_JOB,
	async ({ kind }) => {
		const n = await reindexAll(kind);
		console.log(`[search] reindexed ${n} documents${kind ? ` of kind ${kind}` : ''}`);
	},
	{ retryLimit: 2, expireInSeconds: 3600, policy: 'singleton' }
);

schedule(REINDEX_JOB, '30 3 * * *', {});
