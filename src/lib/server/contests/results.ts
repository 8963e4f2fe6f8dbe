/** Places of every nomination of a contest, from the stored marks (no permission checks: callers decide who sees them). */
import { db } from '../db/index.ts';
import { rankEntries, tallyVotes, type EntryResult } from './scoring.ts';

export type ContestRound = 'screening' | 'final';

export interface NominationResults {
	screening: EntryResult[];
	final: EntryResult[];
	votes: Array<{ entryId: string; votes: number; place: number }>;
}

/** Screening and final places of every nomination, and the public vote apart. */
export async function contestResults(contestId: string): Promise<Map<string, NominationResults>> {
	const nominations = await db().contestNomination.findMany({
		where: { contestId },
		select: {
			id: true,
			criteria: { orderBy: { position: 'asc' }, select: { id: true, weight: true, maxScore: true } },
			jurors: { select: { userId: true, round: true } },
			recusals: { select: { userId: true } },
			entries: { where: { status: 'submitted' }, orderBy: { createdAt: 'asc' }, select: { id: true, finalist: true } }
		}
	});
	const ids = nominations.flatMap((n) => n.entries.map((e) => e.id));
	const marks = await db().contestScore.findMany({ where: { entryId: { in: ids } }, select: { entryId: true, userId: true, criterionId: true, value: true, round: true } });
	const votes = await db().contestVote.findMany({ where: { entryId: { in: ids } }, select: { entryId: true } });
	const out = new Map<string, NominationResults>();
	for (const n of nominations) {
		const recused = new Set(n.recusals.map((r) => r.userId));
		const entryIds = n.entries.map((e) => e.id);
		const finalIds = n.entries.filter((e) => e.finalist).map((e) => e.id);
		const inEntries = new Set(entryIds);
		const forRound = (round: ContestRound) => marks.filter((mk) => mk.round === round && inEntries.has(mk.entryId));
		out.set(n.id, {
			screening: rankEntries(n.criteria, entryIds, forRound('screening'), { recused, panel: new Set(n.jurors.filter((j) => j.round === 'screening').map((j) => j.userId)) }),
			final: rankEntries(n.criteria, finalIds, forRound('final'), { recused, panel: new Set(n.jurors.filter((j) => j.round === 'final').map((j) => j.userId)) }),
			votes: tallyVotes(entryIds, votes.filter((v) => inEntries.has(v.entryId)))
		});
	}
	return out;
}

