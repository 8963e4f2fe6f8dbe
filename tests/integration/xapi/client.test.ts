import { createHash } from 'node:crypto';
import XAPI from '@xapi/xapi';
import type { Statement } from '@xapi/xapi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACT, agent, Lrs, randomUUID, run } from './helpers.ts';

/**
 * A real xAPI client library (@xapi/xapi 3, the axios adapter) against the LRS over HTTP: sending
 * and reading statements, voiding, paging, attachments, and every document resource.
 */

let lrs: Lrs;
let xapi: XAPI;
beforeAll(async () => {
	lrs = await Lrs.start(['all']);
	xapi = new XAPI({ endpoint: lrs.server.endpoint, auth: lrs.auth, version: '1.0.3' });
});
afterAll(() => lrs.close());

const learner = agent(`client-${run}`);
const course = `${ACT}/client/course`;

function st(activity: string, verb = XAPI.Verbs.COMPLETED): Statement {
	return {
		actor: { objectType: 'Agent', name: learner.name, mbox: learner.mbox },
		verb,
		object: { objectType: 'Activity', id: activity, definition: { name: { 'en-US': activity.split('/').pop()! } } },
		context: { contextActivities: { parent: [{ objectType: 'Activity', id: course }] } },
		result: { completion: true, success: true, score: { scaled: 0.8 } }
	} as Statement;
}

describe('@xapi/xapi against the LRS', () => {
	it('reads /about', async () => {
		const about = await xapi.getAbout();
		expect(about.data.version).toContain('1.0.3');
	});

	it('sends statements and reads them back, one, by filters and page by page', async () => {
		const one = await xapi.sendStatement({ statement: st(`${ACT}/client/lesson-1`) });
		expect(one.data).toHaveLength(1);
		const many = await xapi.sendStatements({ statements: [2, 3, 4, 5].map((n) => st(`${ACT}/client/lesson-${n}`)) });
		expect(many.data).toHaveLength(4);

		const got = await xapi.getStatement({ statementId: one.data[0]! });
		expect(got.data.id).toBe(one.data[0]);
		expect(got.data.actor).toMatchObject({ mbox: learner.mbox });

		const page = await xapi.getStatements({ agent: { mbox: learner.mbox } as never, activity: course, related_activities: true, limit: 2 });
		expect(page.data.statements).toHaveLength(2);
		expect(page.data.more).toBeTruthy();
		const seen = page.data.statements.map((s) => s.id);
		let more = page.data.more;
		while (more) {
			const next = await xapi.getMoreStatements({ more });
			const data = next.data as { statements: Statement[]; more: string };
			seen.push(...data.statements.map((s) => s.id));
			more = data.more;
		}
		expect(new Set(seen)).toEqual(new Set([...one.data, ...many.data]));
		expect(seen).toHaveLength(5);
	});

	it('voids a statement and fetches it as voided', async () => {
		const [id] = (await xapi.sendStatement({ statement: st(`${ACT}/client/void-me`) })).data;
		await xapi.voidStatement({ actor: { objectType: 'Agent', mbox: learner.mbox } as never, statementId: id! });
		await expect(xapi.getStatement({ statementId: id! })).rejects.toMatchObject({ response: { status: 404 } });
		const voided = await xapi.getVoidedStatement({ voidedStatementId: id! });
		expect(voided.data.id).toBe(id);
	});

	it('sends a statement with an attachment as multipart/mixed and reads it back with attachments=true', async () => {
		const text = `Сертифікат ${run}`;
		const data = Buffer.from(text);
		const statement = {
			...st(`${ACT}/client/certificate`),
			attachments: [
				{
					usageType: XAPI.AttachmentUsages.CERTIFICATE_OF_COMPLETION,
					display: { uk: 'Сертифікат' },
					contentType: 'text/plain',
					length: data.length,
					sha2: createHash('sha256').update(data).digest('hex')
				}
			]
		} as Statement;
		// The library's default axios adapter replaces the multipart Content-Type with the Blob's empty
		// type under Node (application/octet-stream); its fetch adapter sends the header it built.
		const viaFetch = new XAPI({ endpoint: lrs.server.endpoint, auth: lrs.auth, adapter: 'fetch' });
		const sent = await viaFetch.sendStatement({ statement, attachments: [new Uint8Array(data) as unknown as ArrayBuffer] });
		expect(sent.data).toHaveLength(1);
		const back = await viaFetch.getStatement({ statementId: sent.data[0]!, attachments: true });
		const parts = back.data as unknown as [Statement, string];
		expect(parts[0].id).toBe(sent.data[0]);
		expect(parts[1]).toBe(text);
	});

	it('stores, lists, reads and deletes State documents', async () => {
		const base = { agent: { objectType: 'Agent', mbox: learner.mbox } as never, activityId: `${ACT}/client/h5p`, registration: randomUUID() };
		await xapi.setState({ ...base, stateId: 'progress', state: { page: 1 } });
		await xapi.createState({ ...base, stateId: 'progress', state: { score: 5 } });
		expect((await xapi.getState({ ...base, stateId: 'progress' })).data).toEqual({ page: 1, score: 5 });
		expect((await xapi.getStates(base)).data).toEqual(['progress']);
		await xapi.deleteState({ ...base, stateId: 'progress' });
		await expect(xapi.getState({ ...base, stateId: 'progress' })).rejects.toMatchObject({ response: { status: 404 } });
	});

	it('uses Activity and Agent Profiles with ETags', async () => {
		const activityId = `${ACT}/client/profile-${randomUUID()}`;
		await xapi.createActivityProfile({ activityId, profileId: 'meta', profile: { a: 1 } });
		const first = await xapi.getActivityProfile({ activityId, profileId: 'meta' });
		const etag = String(first.headers.etag);
		await xapi.setActivityProfile({ activityId, profileId: 'meta', profile: { a: 2 }, etag, matchHeader: 'If-Match' });
		await expect(xapi.setActivityProfile({ activityId, profileId: 'meta', profile: { a: 3 }, etag, matchHeader: 'If-Match' })).rejects.toMatchObject({
			response: { status: 412 }
		});
		expect((await xapi.getActivityProfile({ activityId, profileId: 'meta' })).data).toEqual({ a: 2 });
		expect((await xapi.getActivityProfiles({ activityId })).data).toEqual(['meta']);

		const who = { objectType: 'Agent', mbox: learner.mbox } as never;
		await xapi.createAgentProfile({ agent: who, profileId: 'prefs', profile: { lang: 'uk' } });
		const p = await xapi.getAgentProfile({ agent: who, profileId: 'prefs' });
		expect(p.data).toEqual({ lang: 'uk' });
		await xapi.deleteAgentProfile({ agent: who, profileId: 'prefs', etag: String(p.headers.etag) });
		expect((await xapi.getAgentProfiles({ agent: who })).data).toEqual([]);
	});

	it('reads an activity definition and the Person object of an agent', async () => {
		const activity = await xapi.getActivity({ activityId: `${ACT}/client/lesson-1` });
		expect(activity.data).toMatchObject({ objectType: 'Activity', id: `${ACT}/client/lesson-1`, definition: { name: { 'en-US': 'lesson-1' } } });
		const person = await xapi.getAgent({ agent: { objectType: 'Agent', mbox: learner.mbox } as never });
		expect(person.data).toMatchObject({ objectType: 'Person', name: [learner.name], mbox: [learner.mbox] });
	});

	it('gets a 400 with the reason for an invalid statement, and 401 with wrong credentials', async () => {
		await expect(xapi.sendStatement({ statement: { ...st(`${ACT}/x`), actor: { mbox: 'nobody' } } as Statement })).rejects.toMatchObject({
			response: { status: 400, data: { message: expect.stringMatching(/actor\.mbox must be a Mailto/) } }
		});
		const wrong = new XAPI({ endpoint: lrs.server.endpoint, auth: XAPI.toBasicAuth('lrs_nobody', 'nothing') });
		await expect(wrong.getStatements({})).rejects.toMatchObject({ response: { status: 401 } });
	});
});
