import { db } from '../db/index.ts';
import { registerPersonalDataProvider } from '../identity/personal-data.ts';

/**
 * The learning record store's statements about a person (those the portal linked to their account)
 * join their export, and are removed with the account: an erasure request outweighs the LRS's rule
 * that statements are immutable (their side tables go by cascade).
 */
registerPersonalDataProvider({
	key: 'xapi',
	async export(userId) {
		const rows = await db().xapiStatement.findMany({ where: { userId }, select: { statement: true } });
		return { statements: rows.map((r) => r.statement) };
	},
	async erase(tx, person) {
		await tx.xapiStatement.deleteMany({ where: { userId: person.id } });
	}
});
