import { registerPersonalDataProvider } from '../identity/personal-data.ts';
import { db } from '../db/index.ts';

/**
 * A person's subscription (found by their account's address) and the articles they created join
 * their export; deleting the account removes the subscription with its consent records and leaves
 * the articles, published under their authors' names, without the link to the account.
 */
registerPersonalDataProvider({
	key: 'publishing',
	async export(userId) {
		const user = await db().user.findUnique({ where: { id: userId }, select: { email: true } });
		const subscriber = user
			? await db().subscriber.findUnique({
					where: { email: user.email.toLowerCase() },
					select: { email: true, lists: true, locale: true, status: true, confirmedAt: true, unsubscribedAt: true, consents: { select: { action: true, text: true, at: true, ip: true } } }
				})
			: null;
		const articles = await db().article.findMany({ where: { createdById: userId }, select: { slug: true, titleUk: true, status: true, createdAt: true } });
		return { subscription: subscriber, articles };
	},
	async erase(tx, person) {
		await tx.subscriber.deleteMany({ where: { email: person.email.toLowerCase() } });
		await tx.article.updateMany({ where: { createdById: person.id }, data: { createdById: null } });
		await tx.articleRevision.updateMany({ where: { editorId: person.id }, data: { editorId: null } });
		await tx.bulletin.updateMany({ where: { createdById: person.id }, data: { createdById: null } });
		await tx.campaign.updateMany({ where: { createdById: person.id }, data: { createdById: null } });
	}
});
