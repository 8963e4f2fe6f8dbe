import { jobsRunning, sendJob } from '../jobs/index.ts';
import type { Prisma } from '../db/index.ts';
import type { SearchKind } from './types.ts';

/**
 * How a domain tells the search index that something changed: inside the transaction of the change,
 * a `search.index` job is written (it exists exactly when the change commits, and survives a restart).
 * Without a job runner in this process (scripts, JOBS=off) nothing is queued and false comes back:
 * the caller then indexes directly after its transaction (see reindex in ./index.ts).
 */
export const INDEX_JOB = 'search.index';
export const REINDEX_JOB = 'search.reindex';

export interface IndexJobData {
	kind: SearchKind;
	refIds: string[];
}

export async function queueIndex(tx: Prisma.TransactionClient, kind: SearchKind, refId: string): Promise<boolean> {
	if (!jobsRunning()) return false;
	await sendJob<IndexJobData>(INDEX_JOB, { kind, refIds: [refId] }, { tx });
	return true;
}
