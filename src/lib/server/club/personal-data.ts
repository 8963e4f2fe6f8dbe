import { registerPersonalDataProvider } from '../identity/personal-data.ts';
import { db } from '../db/index.ts';

/**
 * What the club keeps about a person joins their export. On deletion the membership, follows and
 * votes go; what they wrote in discussions and on drafts stays part of the club's record, under the
 * name "—" (adopted resolutions' signatories are a public record and are not rewritten).
 */
registerPersonalDataProvider({
	key: 'club',
	async export(userId) {
		const [membership, comments, posts, votes, follows] = await Promise.all([
			db().clubMember.findUnique({ where: { userId }, select: { role: true, status: true, displayName: true, organizationName: true, position: true, bio: true, isPublic: true, digest: true, createdAt: true } }),
			db().clubComment.findMany({ where: { authorId: userId }, select: { resolutionId: true, paragraphId: true, kind: true, quote: true, body: true, proposedText: true, createdAt: true } }),
			db().clubPost.findMany({ where: { authorId: userId }, select: { discussionId: true, body: true, createdAt: true } }),
			db().clubVote.findMany({ where: { userId }, select: { resolutionId: true, choice: true, createdAt: true } }),
			db().clubFollow.findMany({ where: { userId }, select: { discussionId: true } })
		]);
		return { membership, comments, posts, votes, follows };
	},
	async erase(tx, person) {
		await tx.clubFollow.deleteMany({ where: { userId: person.id } });
		await tx.clubVote.deleteMany({ where: { userId: person.id } });
		await tx.clubMember.deleteMany({ where: { userId: person.id } });
		await tx.clubComment.updateMany({ where: { authorId: person.id }, data: { authorName: '—' } });
		await tx.clubPost.updateMany({ where: { authorId: person.id }, data: { authorName: '—' } });
	}
});
