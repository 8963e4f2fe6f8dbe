import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db/index.ts';
import { personalDataProviders } from '../../../src/lib/server/identity/personal-data.ts';
import '../../../src/lib/server/xapi/personal-data.ts';
import { portalActor } from '../../../src/lib/server/xapi/index.ts';
import { ACT, agent, Lrs, run, statement } from './helpers.ts';

/** A person's xAPI data in their export and gone with their account, under every identifier. */

let lrs: Lrs;
beforeAll(async () => {
	lrs = await Lrs.start(['all']);
});
afterAll(() => lrs.close());

describe('personal data of the record store', () => {
	it('exports and erases statements by account or e-mail from any client, documents and agent records; others stay', async () => {
		const user = await db().user.create({ data: { email: `erase.xapi.${run}@test.maisternia.ua`, name: 'Ірина' } });
		const person = { id: user.id, email: user.email };
		lrs.server.sessions.set('erase', { ...person, name: 'Ірина' });
		const viaSession = await lrs.call('statements', { auth: null, headers: { 'x-test-session': 'erase' }, body: statement({ actor: portalActor(person) }) });
		const viaClient = await lrs.call('statements', { body: statement({ actor: { name: 'Ірина', mbox: `mailto:${person.email}` } }) });
		const asObject = await lrs.call('statements', { body: statement({ actor: agent('teacher'), object: { objectType: 'Agent', mbox: `mailto:${person.email}` } }) });
		const other = await lrs.call('statements', { body: statement() });
		await lrs.call('activities/state', { method: 'PUT', query: { activityId: `${ACT}/erase`, agent: { mbox: `mailto:${person.email}` }, stateId: 'bookmark' }, body: { page: 2 } });

		const provider = personalDataProviders().find((p) => p.key === 'xapi')!;
		const exported = (await provider.export(user.id)) as { statements: { id: string }[]; documents: { id: string; content: string }[] };
		expect(exported.statements.map((s) => s.id)).toEqual([viaSession.json[0], viaClient.json[0], asObject.json[0]]);
		expect(exported.documents).toEqual([expect.objectContaining({ id: 'bookmark', content: '{"page":2}' })]);

		await db().$transaction((tx) => provider.erase(tx, person));
		for (const id of [viaSession.json[0], viaClient.json[0], asObject.json[0]]) {
			expect((await lrs.call('statements', { query: { statementId: id } })).status).toBe(404);
		}
		expect((await lrs.call('statements', { query: { statementId: other.json[0] } })).status).toBe(200);
		expect(await db().xapiDocument.count({ where: { documentId: 'bookmark', activityId: `${ACT}/erase` } })).toBe(0);
		expect(await db().xapiAgent.count({ where: { ifi: `mbox:mailto:${person.email}` } })).toBe(0);
	});
});
