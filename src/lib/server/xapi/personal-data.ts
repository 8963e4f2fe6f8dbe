import { db, Prisma } from '../db/index.ts';
import { registerPersonalDataProvider } from '../identity/personal-data.ts';
import { portalActorIfis } from './agents.ts';

/**
 * The record store's data about a person join their export and are removed with their account: an
 * erasure request outweighs the LRS's rule that statements are immutable. "About a person" means
 * every identifier the portal knows for them (their portal account, their e-mail address and its
 * SHA-1), from whichever client the statements came: statements they are the actor or object of
 * (or stored through their session), their State and Agent Profile documents, and the agent record
 * behind the Agents resource. Side tables go by cascade.
 */

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

function statementsOf(client: Client, person: { id: string; email: string }, columns: Prisma.Sql) {
	const ifis = portalActorIfis(person);
	return client.$queryRaw<{ seq: bigint; statement: unknown }[]>`
		SELECT ${columns} FROM "XapiStatement" s
		WHERE s."userId" = ${person.id}
		   OR EXISTS (SELECT 1 FROM "XapiStatementAgent" g WHERE g."statementSeq" = s.seq AND g.direct AND g.ifi = ANY(${ifis}::text[]))
		ORDER BY s.seq`;
}

registerPersonalDataProvider({
	key: 'xapi',
	async export(userId) {
		const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true } });
		if (!user) return { statements: [], documents: [] };
		const ifis = portalActorIfis(user);
		const statements = await statementsOf(db(), user, Prisma.sql`s.seq, s.statement`);
		const documents = await db().xapiDocument.findMany({
			where: { agentIfi: { in: ifis } },
			select: { kind: true, activityId: true, registration: true, documentId: true, contentType: true, content: true, updated: true }
		});
		return {
			statements: statements.map((r) => r.statement),
			documents: documents.map((d) => ({
				kind: d.kind,
				activityId: d.activityId || undefined,
				registration: d.registration || undefined,
				id: d.documentId,
				contentType: d.contentType,
				updated: d.updated,
				// Text documents as text, anything else as base64.
				...(/^(application\/json|text\/)/.test(d.contentType)
					? { content: Buffer.from(d.content).toString('utf8') }
					: { contentBase64: Buffer.from(d.content).toString('base64') })
			}))
		};
	},
	async erase(tx, person) {
		const ifis = portalActorIfis(person);
		const seqs = (await statementsOf(tx, person, Prisma.sql`s.seq`)).map((r) => r.seq);
		if (seqs.length) await tx.$executeRaw`DELETE FROM "XapiStatement" WHERE seq = ANY(${seqs}::bigint[])`;
		await tx.xapiDocument.deleteMany({ where: { agentIfi: { in: ifis } } });
		await tx.xapiAgent.deleteMany({ where: { ifi: { in: ifis } } });
	}
});
