import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../src/lib/server/db/index.ts';
import { learnerStatements, listStatementsForAdmin, portalActor, statementsCsv } from '../../../src/lib/server/xapi/index.ts';
import { parseStatementFilter } from '../../../src/lib/server/xapi/forms.ts';
import { ACT, Lrs, randomUUID, run, statement } from './helpers.ts';

/** The admin browser, its CSV and the courses domain's reading of statements, on stored statements. */

let lrs: Lrs;
const course = `${ACT}/admin-${run}/course`;
let person: { id: string; email: string; name: string };
const ids: string[] = [];

beforeAll(async () => {
	lrs = await Lrs.start(['all']);
	const user = await db().user.create({ data: { email: `xapi.admin.${run}@test.maisternia.ua`, name: `Олена ${run}` } });
	person = { id: user.id, email: user.email, name: user.name! };
	lrs.server.sessions.set('p', person);
	const send = async (s: Record<string, unknown>) => {
		const r = await lrs.call('statements', { auth: null, headers: { 'x-test-session': 'p' }, body: s });
		expect(r.status, r.text).toBe(200);
		ids.push(r.json[0]);
	};
	await send(statement({ actor: portalActor(person), verb: { id: 'http://adlnet.gov/expapi/verbs/attempted', display: { uk: 'розпочала' } }, object: { id: `${course}/lesson-1`, definition: { name: { uk: 'Урок 1', en: 'Lesson 1' } } } }));
	await send(statement({ actor: { mbox: `mailto:${person.email}` }, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: `${course}/lesson-1` }, result: { completion: true, success: true, score: { scaled: 0.75 } } }));
	await send(statement({ actor: portalActor(person), verb: { id: 'http://adlnet.gov/expapi/verbs/answered' }, object: { id: `${course}/lesson-1/q1` }, context: { contextActivities: { parent: [{ id: `${course}/lesson-1` }] } }, result: { response: '=SUM(A1)' } }));
	// Voided: left out of what the courses domain reads.
	await send(statement({ actor: portalActor(person), verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: ids[0]! } }));
});
afterAll(() => lrs.close());

describe('learnerStatements (for the courses domain)', () => {
	it('reads the person\u2019s statements by account or e-mail, oldest first, voided ones left out', async () => {
		const all = await learnerStatements({ user: person, activityId: `${course}/lesson-1` });
		expect(all.map((s) => s.id)).toEqual([ids[1]]);
		const related = await learnerStatements({ user: person, activityId: `${course}/lesson-1`, related: true });
		expect(related.map((s) => s.id)).toEqual([ids[1], ids[2]]);
		const completed = await learnerStatements({ user: person, verbs: ['http://adlnet.gov/expapi/verbs/completed'] });
		expect(completed).toHaveLength(1);
		expect((completed[0]!.result as { score: { scaled: number } }).score.scaled).toBe(0.75);
		const stranger = { id: randomUUID(), email: `nobody.${run}@test.maisternia.ua` };
		expect(await learnerStatements({ user: stranger })).toEqual([]);
	});
});

describe('the admin statement browser', () => {
	it('filters by course prefix, learner name or e-mail, verb, and shows voided ones on request', async () => {
		const byCourse = await listStatementsForAdmin({ activity: `${course}/` });
		expect(byCourse.total).toBe(2);
		const withVoided = await listStatementsForAdmin({ activity: `${course}/`, includeVoided: true });
		expect(withVoided.total).toBe(3);
		expect(withVoided.items.find((i) => i.statementId === ids[0])?.voided).toBe(true);
		expect((await listStatementsForAdmin({ learner: `Олена ${run}` })).total).toBe(3);
		expect((await listStatementsForAdmin({ learner: person.email.toUpperCase() })).total).toBe(3);
		const completed = await listStatementsForAdmin({ learner: person.email, verb: 'http://adlnet.gov/expapi/verbs/completed' });
		expect(completed.items.map((i) => [i.scoreScaled, i.success, i.completion])).toEqual([[0.75, true, true]]);
		const page2 = await listStatementsForAdmin({ learner: person.email }, 2, 2);
		expect([page2.page, page2.pages, page2.items.length]).toEqual([2, 2, 1]);
	});

	it('reads the filter from the query string with Kyiv calendar days', () => {
		const { filter, dateError } = parseStatementFilter(new URLSearchParams({ since: '2026-03-29', until: '2026-03-29', voided: '1', verb: ' x ' }));
		expect(dateError).toBe(false);
		expect(filter.since?.toISOString()).toBe('2026-03-28T22:00:00.000Z');
		// The day the clocks change in Kyiv has 23 hours.
		expect(filter.until?.toISOString()).toBe('2026-03-29T20:59:59.999Z');
		expect(filter.includeVoided).toBe(true);
		expect(filter.verb).toBe('x');
		expect(parseStatementFilter(new URLSearchParams({ since: '29.03.2026' })).dateError).toBe(true);
	});

	it('exports CSV with a BOM, a header and one line per statement', async () => {
		const bytes = Buffer.from(await new Response(statementsCsv({ activity: `${course}/`, includeVoided: true }, (m) => (typeof m?.uk === 'string' ? m.uk : ''))).arrayBuffer());
		// The UTF-8 byte order mark, so that spreadsheet programs read Cyrillic correctly.
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.subarray(3).toString('utf8');
		const lines = text.trim().split('\r\n');
		expect(lines[0]!.startsWith('id,stored,timestamp,actor_name')).toBe(true);
		expect(lines).toHaveLength(4);
		expect(text).toContain('Урок 1');
		expect(text).toContain(ids[1]!);
	});
});
