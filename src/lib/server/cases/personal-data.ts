import { createHash } from 'node:crypto';
import { db } from '../db/index.ts';
import { registerPersonalDataProvider } from '../identity/personal-data.ts';
import { jobsRunning } from '../jobs/index.ts';
import { sweepFiles } from './attachments.ts';

/**
 * What cases, contests and ratings keep about a person, in their export and account deletion.
 * Deletion keeps published results intact: a juror's marks, panel seats and recusals, votes, entries
 * and published cases stay under a pseudonym (so places and the recusal's effect do not change);
 * unpublished cases are deleted with their uploaded files (the rows go in the deletion's transaction,
 * the files right after it commits, by the cases.files.sweep job, which removes only files no row
 * names; the daily sweep catches any left behind); a monitor's name on measurements is cleared.
 */
registerPersonalDataProvider({
	key: 'cases',
	async export(userId) {
		const [cases, comments, entries, jury, recusals, scores, votes] = await Promise.all([
			db().practiceCase.findMany({
				where: { authorId: userId },
				select: { slug: true, title: true, status: true, createdAt: true, publishedAt: true, files: { select: { fileName: true, mediaType: true, size: true, sha256: true, createdAt: true } } }
			}),
			db().caseReviewComment.findMany({ where: { authorId: userId }, select: { body: true, kind: true, createdAt: true } }),
			db().contestEntry.findMany({ where: { submittedById: userId }, select: { title: true, organizationName: true, createdAt: true, answers: true } }),
			db().contestJuror.findMany({ where: { userId }, select: { round: true, nominationId: true } }),
			db().contestRecusal.findMany({ where: { userId }, select: { nominationId: true, reason: true, createdAt: true } }),
			db().contestScore.findMany({ where: { userId }, select: { entryId: true, criterionId: true, round: true, value: true } }),
			db().contestVote.findMany({ where: { userId }, select: { entryId: true, createdAt: true } })
		]);
		return { cases, reviewComments: comments, contestEntries: entries, juryPanels: jury, recusals, marks: scores, votes };
	},
	async erase(tx, person) {
		const alias = `erased-${createHash('sha256').update(person.id).digest('hex').slice(0, 16)}`;
		const files = await tx.caseAttachment.findMany({ where: { case: { authorId: person.id, status: { not: 'published' } } }, select: { storedName: true } });
		await tx.practiceCase.deleteMany({ where: { authorId: person.id, status: { not: 'published' } } });
		if (files.length && jobsRunning()) await sweepFiles.send({ names: files.map((f) => f.storedName) }, { tx });
		await tx.practiceCase.updateMany({ where: { authorId: person.id }, data: { authorId: alias } });
		await tx.caseReviewComment.updateMany({ where: { authorId: person.id }, data: { authorId: alias } });
		await tx.contestEntry.updateMany({ where: { submittedById: person.id }, data: { submittedById: alias } });
		await tx.contestJuror.updateMany({ where: { userId: person.id }, data: { userId: alias } });
		await tx.contestRecusal.updateMany({ where: { userId: person.id }, data: { userId: alias } });
		await tx.contestScore.updateMany({ where: { userId: person.id }, data: { userId: alias } });
		await tx.contestVote.updateMany({ where: { userId: person.id }, data: { userId: alias } });
		await tx.ratingMeasurement.updateMany({ where: { enteredById: person.id }, data: { enteredById: null } });
	}
});
