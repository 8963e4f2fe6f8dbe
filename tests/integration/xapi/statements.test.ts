import { createHash, generateKeyPairSync, createSign } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, revokeClient } from '../../../src/lib/server/xapi/index.ts';
import { ACT, agent, basic, Lrs, randomUUID, run, statement } from './helpers.ts';

/**
 * The Statement resource through HTTP, request by request as the xAPI 1.0.3 specification
 * (Part Three, Communication 1-3; Part Two, Data 2) and the ADL conformance suite describe it.
 * Section numbers in the test names point at the requirement.
 */

let lrs: Lrs;
beforeAll(async () => {
	lrs = await Lrs.start(['all']);
});
afterAll(() => lrs.close());

const V = 'http://adlnet.gov/expapi/verbs';
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

function multipart(boundary: string, parts: { headers: Record<string, string>; body: string | Buffer }[]): Buffer {
	const chunks: Buffer[] = [];
	for (const p of parts) {
		const head = Object.entries(p.headers).map(([k, v]) => `${k}:${v}`).join('\r\n');
		chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n\r\n`), Buffer.isBuffer(p.body) ? p.body : Buffer.from(p.body), Buffer.from('\r\n'));
	}
	chunks.push(Buffer.from(`--${boundary}--`));
	return Buffer.concat(chunks);
}

describe('headers and versions (Communication 1.2, 3.3)', () => {
	it('refuses a request without X-Experience-API-Version with 400 and still answers with the headers', async () => {
		const r = await lrs.call('statements', { headers: { 'X-Experience-API-Version': undefined } });
		expect(r.status).toBe(400);
		expect(r.json.message).toMatch(/X-Experience-API-Version header is required/);
		expect(r.headers.get('x-experience-api-version')).toBe('1.0.3');
		expect(r.headers.get('x-experience-api-consistent-through')).toBeTruthy();
	});

	it.each(['0.9', '0.95', '1.1.0', '2.0.0', 'x'])('refuses version %s with 400 (3.3.s3.b4, b6)', async (v) => {
		const r = await lrs.call('statements', { headers: { 'X-Experience-API-Version': v } });
		expect(r.status).toBe(400);
		expect(r.json.message).toMatch(/not supported/);
	});

	it.each(['1.0', '1.0.0', '1.0.3', '1.0.9'])('accepts version %s (3.3.s3.b3, b5)', async (v) => {
		const r = await lrs.call('statements', { query: { limit: 1 }, headers: { 'X-Experience-API-Version': v } });
		expect(r.status).toBe(200);
	});

	it('answers /about without version header or credentials, listing 1.0.3 (2.8)', async () => {
		const r = await lrs.call('about', { auth: null, headers: { 'X-Experience-API-Version': undefined } });
		expect(r.status).toBe(200);
		expect(r.json.version).toContain('1.0.3');
		expect(Object.keys(r.json).sort()).toEqual(['extensions', 'version']);
		expect(r.headers.get('x-experience-api-version')).toBe('1.0.3');
	});

	it('answers an unknown resource with 404 and a wrong method with 405', async () => {
		expect((await lrs.call('nothing-here')).status).toBe(404);
		const r = await lrs.call('about', { method: 'DELETE' });
		expect(r.status).toBe(405);
		expect(r.headers.get('allow')).toContain('GET');
	});

	it('answers HEAD like GET without a body (1.1)', async () => {
		const id = (await lrs.call('statements', { body: statement() })).json[0];
		const r = await lrs.call('statements', { method: 'HEAD', query: { statementId: id } });
		expect(r.status).toBe(200);
		expect(r.bytes.length).toBe(0);
		expect(r.headers.get('last-modified')).toBeTruthy();
		expect(r.headers.get('x-experience-api-consistent-through')).toBeTruthy();
	});
});

describe('authentication and scopes (Communication 4.0, 4.2)', () => {
	it('refuses a request without credentials with 401 and a Basic challenge', async () => {
		const r = await lrs.call('statements', { auth: null });
		expect(r.status).toBe(401);
		expect(r.headers.get('www-authenticate')).toMatch(/^Basic/);
	});

	it('does not send the challenge to browsers (no password prompt)', async () => {
		const r = await lrs.call('statements', { auth: null, headers: { 'Sec-Fetch-Site': 'same-origin', 'Sec-Fetch-Mode': 'cors' } });
		expect(r.status).toBe(401);
		expect(r.headers.get('www-authenticate')).toBeNull();
	});

	it('refuses wrong, empty ("Basic Og==") and revoked credentials with 401', async () => {
		expect((await lrs.call('statements', { auth: 'Basic Og==' })).status).toBe(401);
		expect((await lrs.call('statements', { auth: basic('nobody', 'wrong') })).status).toBe(401);
		expect((await lrs.call('statements', { auth: 'Bearer abc' })).status).toBe(401);
		const c = await createClient({ name: 'soon revoked', scopes: ['all'] });
		expect((await lrs.call('statements', { auth: basic(c.key, c.secret), query: { limit: 1 } })).status).toBe(200);
		expect((await lrs.call('statements', { auth: basic(c.key, c.secret.slice(1)), query: { limit: 1 } })).status).toBe(401);
		expect(await revokeClient(c.key)).toBe(true);
		expect((await lrs.call('statements', { auth: basic(c.key, c.secret), query: { limit: 1 } })).status).toBe(401);
	});

	it('limits clients to their scopes: statements/read/mine sees only its own statements, all/read cannot write', async () => {
		const mine = await createClient({ name: 'mine', scopes: ['statements/write', 'statements/read/mine'] });
		const reader = await createClient({ name: 'reader', scopes: ['all/read'] });
		const verb = `http://example.com/${run}/verbs/scoped`;
		const own = await lrs.call('statements', { auth: basic(mine.key, mine.secret), body: statement({ verb: { id: verb } }) });
		expect(own.status).toBe(200);
		await lrs.call('statements', { body: statement({ verb: { id: verb } }) });
		const list = await lrs.call('statements', { auth: basic(mine.key, mine.secret), query: { verb } });
		expect(list.json.statements.map((s: { id: string }) => s.id)).toEqual(own.json);
		const all = await lrs.call('statements', { auth: basic(reader.key, reader.secret), query: { verb } });
		expect(all.json.statements).toHaveLength(2);
		const write = await lrs.call('statements', { auth: basic(reader.key, reader.secret), body: statement() });
		expect(write.status).toBe(403);
		expect((await lrs.call('activities/state', { auth: basic(mine.key, mine.secret), query: { activityId: ACT, agent: agent() } })).status).toBe(403);
	});

	it('limits a client to its activities and agents, on writes (403) and reads (filtered)', async () => {
		const prefix = `${ACT}/partner/`;
		const c = await createClient({ name: 'partner', scopes: ['all'], activityPrefixes: [prefix], agentPatterns: ['mailto:*@partner.example'] });
		const auth = basic(c.key, c.secret);
		const inside = statement({ actor: { mbox: 'mailto:ann@partner.example' }, object: { id: `${prefix}quiz` } });
		expect((await lrs.call('statements', { auth, body: inside })).status).toBe(200);
		const outsideActivity = await lrs.call('statements', { auth, body: { ...inside, object: { id: `${ACT}/other` } } });
		expect(outsideActivity.status).toBe(403);
		expect(outsideActivity.json.message).toMatch(/activities under/);
		const outsideAgent = await lrs.call('statements', { auth, body: { ...inside, actor: { mbox: 'mailto:bob@elsewhere.example' } } });
		expect(outsideAgent.status).toBe(403);
		await lrs.call('statements', { body: statement({ actor: { mbox: 'mailto:ann@partner.example' }, object: { id: `${ACT}/other` } }) });
		const seen = await lrs.call('statements', { auth, query: { agent: { mbox: 'mailto:ann@partner.example' } } });
		expect(seen.json.statements.every((s: { object: { id: string } }) => s.object.id.startsWith(prefix))).toBe(true);
		expect((await lrs.call('activities/state', { auth, method: 'PUT', query: { activityId: `${ACT}/other`, agent: inside.actor, stateId: 's' }, raw: 'x' })).status).toBe(403);
	});

	describe('the portal session (the player)', () => {
		const person = { id: `user-${run}`, email: `learner.${run}@demo.maisternia.ua`, name: 'Оксана' };
		const other = { id: `user2-${run}`, email: `other.${run}@demo.maisternia.ua`, name: 'Інша' };
		beforeAll(() => {
			lrs.server.sessions.set('s1', person);
			lrs.server.sessions.set('s2', other);
		});
		const me = () => ({ objectType: 'Agent', account: { homePage: 'http://localhost:3000', name: person.id } });

		it('writes statements as the signed-in person, by account or by mbox; the authority is the person', async () => {
			const r = await lrs.call('statements', { auth: null, headers: { 'x-test-session': 's1' }, body: statement({ actor: me() }) });
			expect(r.status, r.text).toBe(200);
			const byMail = await lrs.call('statements', { auth: null, headers: { 'x-test-session': 's1' }, body: statement({ actor: { mbox: `mailto:${person.email}` } }) });
			expect(byMail.status).toBe(200);
			const got = await lrs.call('statements', { auth: null, headers: { 'x-test-session': 's1' }, query: { statementId: r.json[0] } });
			expect(got.json.authority).toMatchObject({ account: { homePage: 'http://localhost:3000', name: person.id } });
		});

		it('refuses statements about somebody else with 403', async () => {
			const r = await lrs.call('statements', { auth: null, headers: { 'x-test-session': 's1' }, body: statement() });
			expect(r.status).toBe(403);
			expect(r.json.message).toMatch(/actor must be the signed-in person/);
		});

		it('reads only statements about the signed-in person', async () => {
			await lrs.call('statements', { auth: null, headers: { 'x-test-session': 's2' }, body: statement({ actor: { mbox: `mailto:${other.email}` } }) });
			const r = await lrs.call('statements', { auth: null, headers: { 'x-test-session': 's1' } });
			expect(r.status).toBe(200);
			expect(r.json.statements.length).toBeGreaterThanOrEqual(2);
			for (const s of r.json.statements) expect(JSON.stringify(s.actor)).toMatch(new RegExp(`${person.id}|${person.email}`));
		});

		it('is not accepted from another origin or with the alternate syntax (CSRF)', async () => {
			const cross = await lrs.call('statements', { auth: null, headers: { 'x-test-session': 's1', Origin: 'https://evil.example' }, body: statement({ actor: me() }) });
			expect(cross.status).toBe(401);
			const form = new URLSearchParams({ content: JSON.stringify(statement({ actor: me() })), 'X-Experience-API-Version': '1.0.3' });
			const alt = await lrs.call('statements', {
				auth: null,
				query: { method: 'POST' },
				headers: { 'x-test-session': 's1', 'Content-Type': 'application/x-www-form-urlencoded', 'X-Experience-API-Version': undefined },
				raw: form.toString()
			});
			expect(alt.status).toBe(401);
		});

		it('uses State documents of the person only', async () => {
			const q = { activityId: `${ACT}/h5p`, agent: me(), stateId: 'bookmark' };
			expect((await lrs.call('activities/state', { auth: null, headers: { 'x-test-session': 's1' }, method: 'PUT', query: q, body: { page: 3 } })).status).toBe(204);
			const theirs = { ...q, agent: { mbox: `mailto:${other.email}` } };
			expect((await lrs.call('activities/state', { auth: null, headers: { 'x-test-session': 's1' }, query: theirs })).status).toBe(403);
		});
	});
});

describe('PUT and POST statements (Communication 2.1.1, 2.1.2)', () => {
	it('POST stores one statement or an array and returns the ids in order', async () => {
		const ids = [randomUUID(), randomUUID()];
		const r = await lrs.call('statements', { body: [statement({ id: ids[0] }), statement(), statement({ id: ids[1] })] });
		expect(r.status).toBe(200);
		expect(r.json).toHaveLength(3);
		expect(r.json[0]).toBe(ids[0]);
		expect(r.json[2]).toBe(ids[1]);
		expect(r.json[1]).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('PUT stores under statementId with 204; without statementId, or a mismatching id, 400', async () => {
		const id = randomUUID();
		expect((await lrs.call('statements', { method: 'PUT', query: { statementId: id }, body: statement() })).status).toBe(204);
		expect((await lrs.call('statements', { query: { statementId: id } })).json.id).toBe(id);
		expect((await lrs.call('statements', { method: 'PUT', body: statement({ id: randomUUID() }) })).status).toBe(400);
		expect((await lrs.call('statements', { method: 'PUT', query: { statementId: 'true' }, body: statement() })).status).toBe(400);
		const mismatch = await lrs.call('statements', { method: 'PUT', query: { statementId: randomUUID() }, body: statement({ id: randomUUID() }) });
		expect(mismatch.status).toBe(400);
		expect(mismatch.json.message).toMatch(/differs from the statementId parameter/);
		expect((await lrs.call('statements', { method: 'PUT', query: { statementId: randomUUID() }, body: [statement()] })).status).toBe(400);
	});

	it('answers an id stored with the same content with 204 and changes nothing; with other content 409 (2.1.1.s2.b2-b3)', async () => {
		const id = randomUUID();
		const s = statement({ id });
		expect((await lrs.call('statements', { body: s })).status).toBe(200);
		const before = (await lrs.call('statements', { query: { statementId: id } })).json;
		expect((await lrs.call('statements', { method: 'PUT', query: { statementId: id }, body: s })).status).toBe(204);
		expect((await lrs.call('statements', { body: s })).status).toBe(204);
		const changed = { ...s, verb: { id: `${V}/failed` } };
		const put = await lrs.call('statements', { method: 'PUT', query: { statementId: id }, body: changed });
		expect(put.status).toBe(409);
		expect(put.json.message).toMatch(/already stored with different content/);
		expect((await lrs.call('statements', { body: [statement(), changed] })).status).toBe(409);
		expect((await lrs.call('statements', { query: { statementId: id } })).json).toEqual(before);
	});

	it('rejects a batch with a repeated id (2.1.2.s2.b6) and stores nothing of a rejected batch (3.2.s3.b9)', async () => {
		const id = randomUUID();
		const dup = await lrs.call('statements', { body: [statement({ id }), statement({ id })] });
		expect(dup.status).toBe(400);
		expect(dup.json.message).toMatch(/twice/);
		const good = randomUUID();
		const bad = await lrs.call('statements', { body: [statement({ id: good }), statement({ verb: { id: 'should fail' } })] });
		expect(bad.status).toBe(400);
		expect(bad.json.message).toMatch(/statement\[1\]\.verb\.id/);
		expect((await lrs.call('statements', { query: { statementId: good } })).status).toBe(404);
	});

	it('sets id, stored, timestamp, version and authority, and returns context activities as arrays (Data 2.4)', async () => {
		const s = statement({
			authority: { mbox: 'mailto:forged@example.com' },
			context: { contextActivities: { parent: { id: `${ACT}/course` } } }
		});
		delete (s as Record<string, unknown>).id;
		const id = (await lrs.call('statements', { body: s })).json[0];
		const got = (await lrs.call('statements', { query: { statementId: id } })).json;
		expect(got.id).toBe(id);
		expect(got.version).toBe('1.0.0');
		expect(new Date(got.stored).getTime()).toBeGreaterThan(Date.now() - 60_000);
		expect(got.stored).toMatch(/\.\d{3}Z$/);
		expect(got.timestamp).toBe(got.stored);
		expect(got.authority.account.name).toMatch(/^lrs_/);
		expect(got.context.contextActivities.parent).toEqual([{ id: `${ACT}/course` }]);
	});

	it('keeps a timestamp with more than millisecond precision as sent (Data 4.5)', async () => {
		const id = (await lrs.call('statements', { body: statement({ timestamp: '2015-11-18T12:17:00.1234567+02:00' }) })).json[0];
		expect((await lrs.call('statements', { query: { statementId: id } })).json.timestamp).toBe('2015-11-18T12:17:00.1234567+02:00');
	});

	it('accepts the specification\u2019s example statements (Data Appendix A, B)', async () => {
		const examples = [
			{
				id: randomUUID(),
				timestamp: '2015-11-18T12:17:00+00:00',
				actor: { objectType: 'Agent', name: 'Project Tin Can API', mbox: 'mailto:user@example.com' },
				verb: { id: 'http://example.com/xapi/verbs#sent-a-statement', display: { 'en-US': 'sent' } },
				object: { id: 'http://example.com/xapi/activity/simplestatement', definition: { name: { 'en-US': 'simple statement' } } }
			},
			{
				actor: {
					name: 'Team PB',
					mbox: 'mailto:teampb@example.com',
					member: [
						{ name: 'Andrew Downes', account: { homePage: 'http://www.example.com', name: '13936749' }, objectType: 'Agent' },
						{ name: 'Toby Nichols', openid: 'http://toby.openid.example.org/', objectType: 'Agent' },
						{ name: 'Ena Hills', mbox_sha1sum: 'ebd31e95054c018b10727ccffd2ef2ec3a016ee9', objectType: 'Agent' }
					],
					objectType: 'Group'
				},
				verb: { id: `${V}/attended`, display: { 'en-GB': 'attended', 'en-US': 'attended' } },
				result: { success: true, completion: true, response: 'We agreed on some example actions.', duration: 'PT1H0M0S' },
				context: {
					registration: randomUUID(),
					contextActivities: { parent: [{ id: 'http://www.example.com/meetings/series/267', objectType: 'Activity' }] },
					instructor: { name: 'Andrew Downes', account: { homePage: 'http://www.example.com', name: '13936749' }, objectType: 'Agent' },
					team: { name: 'Team PB', mbox: 'mailto:teampb@example.com', objectType: 'Group' },
					platform: 'Example virtual meeting software',
					language: 'tlh',
					statement: { objectType: 'StatementRef', id: randomUUID() }
				},
				timestamp: '2013-05-18T05:32:34.804+00:00',
				object: { id: 'http://www.example.com/meetings/occurances/34534', objectType: 'Activity' }
			},
			{
				actor: { objectType: 'Agent', mbox: 'mailto:test@example.com' },
				verb: { id: 'http://example.com/planned', display: { 'en-US': 'planned' } },
				object: {
					objectType: 'SubStatement',
					actor: { objectType: 'Agent', mbox: 'mailto:test@example.com' },
					verb: { id: 'http://example.com/visited', display: { 'en-US': 'will visit' } },
					object: { objectType: 'Activity', id: 'http://example.com/website', definition: { name: { 'en-US': 'Some Awesome Website' } } }
				}
			},
			{
				actor: { mbox: 'mailto:xapi@adlnet.gov' },
				verb: { id: `${V}/answered` },
				object: {
					id: `${ACT}/question`,
					definition: {
						type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
						interactionType: 'choice',
						correctResponsesPattern: ['golf[,]tetris'],
						choices: [
							{ id: 'golf', description: { 'en-US': 'Golf Example' } },
							{ id: 'tetris', description: { 'en-US': 'Tetris Example' } }
						]
					}
				},
				result: { score: { scaled: 0.95, raw: 95, min: 0, max: 100 }, extensions: { 'http://example.com/ext': null } }
			}
		];
		const r = await lrs.call('statements', { body: examples });
		expect(r.status, r.text).toBe(200);
	});

	const invalid: [string, Record<string, unknown>, RegExp][] = [
		['no actor', { actor: undefined }, /actor is required/],
		['an mbox without mailto:', { actor: { mbox: 'a@b.c' } }, /actor\.mbox must be a Mailto/],
		['two identifiers', { actor: { mbox: 'mailto:a@b.c', openid: 'http://a.example' } }, /exactly one inverse functional identifier/],
		['a property the specification does not define', { color: 'red' }, /does not allow here: color/],
		['a null value', { result: { response: null } }, /null values are allowed only inside extensions/],
		['a string where a number is required', { result: { score: { raw: '1' } } }, /result\.score\.raw must be a number/],
		['a string where a boolean is required', { result: { success: 'true' } }, /result\.success must be a boolean/],
		['a UUID in braces', { id: `{${randomUUID()}}` }, /statement\.id must be a UUID/],
		['a timestamp with the unknown offset -00:00', { timestamp: '2008-09-15T15:53:00.601-00:00' }, /timestamp must be an ISO 8601/],
		['a date that is not ISO 8601', { timestamp: '01/011/2015' }, /timestamp/],
		['a language map key that is not a language tag', { verb: { id: `${V}/x`, display: { 'not a tag!': 'x' } } }, /not an RFC 5646 language tag/],
		['revision when the object is an Agent', { object: { objectType: 'Agent', mbox: 'mailto:x@y.example' }, context: { revision: '2' } }, /revision/],
		['a SubStatement with an id', { object: { objectType: 'SubStatement', id: randomUUID(), actor: agent(), verb: { id: `${V}/x` }, object: { id: `${ACT}/a` } } }, /object has properties the specification does not allow here: id/],
		['a SubStatement inside a SubStatement', { object: { objectType: 'SubStatement', actor: agent(), verb: { id: `${V}/x` }, object: { objectType: 'SubStatement', actor: agent(), verb: { id: `${V}/x` }, object: { id: `${ACT}/a` } } } }, /SubStatement/],
		['the voided verb on an Activity', { verb: { id: `${V}/voided` } }, /must be a StatementRef/],
		['a version that does not start with 1.0', { version: '2.0.0' }, /version/],
		['an unknown context activities key', { context: { contextActivities: { sibling: [{ id: `${ACT}/s` }] } } }, /only parent, grouping, category and other/],
		['an unknown interactionType', { object: { id: `${ACT}/q`, definition: { interactionType: 'essay' } } }, /Interaction Type/],
		['an Agent object without objectType', { object: { mbox: 'mailto:x@y.example' } }, /object/],
		['an activity id without a scheme', { object: { id: 'no-scheme' } }, /object\.id/],
		['a wrong objectType case', { actor: { objectType: 'agent', mbox: 'mailto:a@b.c' } }, /objectType|not allow/],
		['a score min above max', { result: { score: { min: 5, max: 1 } } }, /min/],
		['an attachment without usageType', { attachments: [{ display: { 'en-US': 'x' }, contentType: 'text/plain', length: 1, sha2: sha256('x'), fileUrl: 'http://a.example/x' }] }, /usageType is required/]
	];
	it.each(invalid)('rejects %s with 400 and says what is wrong (Data 2.2.s4)', async (_name, overrides, message) => {
		const s: Record<string, unknown> = { ...statement(), ...overrides };
		for (const k of Object.keys(s)) if (s[k] === undefined) delete s[k];
		const r = await lrs.call('statements', { body: s });
		expect(r.status, r.text).toBe(400);
		expect(r.json.message).toMatch(message);
	});

	it('rejects a body that is not JSON, and content types other than JSON and multipart/mixed', async () => {
		const r = await lrs.call('statements', { raw: '{"actor":', headers: { 'Content-Type': 'application/json' } });
		expect(r.status).toBe(400);
		expect(r.json.message).toMatch(/not valid JSON/);
		const form = await lrs.call('statements', { raw: JSON.stringify(statement()), headers: { 'Content-Type': 'multipart/form-data; boundary=x' } });
		expect(form.status).toBe(400);
		expect((await lrs.call('statements', { raw: JSON.stringify(statement()), headers: { 'Content-Type': 'text/plain' } })).status).toBe(400);
		expect((await lrs.call('statements', { body: [] })).status).toBe(400);
	});

	it('refuses more than 1000 statements in one request with 413', async () => {
		const r = await lrs.call('statements', { body: Array.from({ length: 1001 }, () => statement()) });
		expect(r.status).toBe(413);
	});
});

describe('GET statements (Communication 2.1.3)', () => {
	const tag = randomUUID().slice(0, 8);
	const learner = agent(`filter-${tag}`);
	const teacher = agent(`teacher-${tag}`);
	const verb = `http://example.com/${run}/verbs/${tag}`;
	const course = `${ACT}/${tag}/course`;
	const lesson = `${ACT}/${tag}/lesson`;
	const registration = randomUUID();
	let ids: string[] = [];
	let firstStored = '';

	beforeAll(async () => {
		const group = { objectType: 'Group', name: 'Team', member: [learner, agent(`mate-${tag}`)] };
		const batch = [
			statement({ actor: learner, verb: { id: verb, display: { 'en-US': 'did', 'en-GB': 'did (GB)', uk: 'зробив' } }, object: { id: lesson, definition: { name: { 'en-US': 'Lesson', 'en-GB': 'Lesson (GB)' } } } }),
			statement({ actor: group, verb: { id: verb }, object: { id: lesson } }),
			statement({ actor: teacher, verb: { id: verb }, object: learner }),
			statement({ actor: teacher, verb: { id: verb }, object: { id: `${ACT}/${tag}/other` }, context: { registration, instructor: learner, contextActivities: { parent: [{ id: course }] } } }),
			statement({ actor: teacher, verb: { id: verb }, object: { objectType: 'SubStatement', actor: learner, verb: { id: `${V}/x` }, object: { id: course } } })
		];
		ids = [];
		for (const s of batch) {
			const r = await lrs.call('statements', { body: s });
			expect(r.status, r.text).toBe(200);
			ids.push(r.json[0]);
		}
		firstStored = (await lrs.call('statements', { query: { statementId: ids[0]! } })).json.stored;
	});

	const idsOf = (r: { json: { statements: { id: string }[] } }) => r.json.statements.map((s) => s.id);

	it('returns a StatementResult with statements and more, newest first, and an empty list when nothing matches (2.1.3.s2.b4)', async () => {
		const r = await lrs.call('statements', { query: { verb } });
		expect(r.status).toBe(200);
		expect(idsOf(r)).toEqual([...ids].reverse());
		expect(r.json.more).toBe('');
		const none = await lrs.call('statements', { query: { verb: 'http://adlnet.gov/expapi/non/existent' } });
		expect(none.json).toEqual({ statements: [], more: '' });
	});

	it('filters by agent: actor, object and groups with the agent as member; related_agents adds instructor and SubStatement', async () => {
		const direct = await lrs.call('statements', { query: { verb, agent: learner } });
		expect(new Set(idsOf(direct))).toEqual(new Set([ids[0], ids[1], ids[2]]));
		const related = await lrs.call('statements', { query: { verb, agent: learner, related_agents: true } });
		expect(new Set(idsOf(related))).toEqual(new Set(ids));
		const byAuthority = await lrs.call('statements', { query: { verb, agent: { account: { homePage: 'http://localhost:3000/xapi', name: '' } }, related_agents: true } });
		expect(byAuthority.status).toBe(200);
	});

	it('filters by activity (the object) and related_activities (context and SubStatement)', async () => {
		expect(new Set(idsOf(await lrs.call('statements', { query: { activity: lesson } })))).toEqual(new Set([ids[0], ids[1]]));
		expect(idsOf(await lrs.call('statements', { query: { activity: course } }))).toEqual([]);
		expect(new Set(idsOf(await lrs.call('statements', { query: { activity: course, related_activities: true } })))).toEqual(new Set([ids[3], ids[4]]));
	});

	it('filters by registration, since (exclusive) and until (inclusive), limit and ascending', async () => {
		expect(idsOf(await lrs.call('statements', { query: { registration } }))).toEqual([ids[3]]);
		const since = await lrs.call('statements', { query: { verb, since: firstStored } });
		expect(idsOf(since)).not.toContain(ids[0]);
		const until = await lrs.call('statements', { query: { verb, until: firstStored } });
		expect(idsOf(until)).toEqual([ids[0]]);
		const limited = await lrs.call('statements', { query: { verb, limit: 2 } });
		expect(idsOf(limited)).toEqual([ids[4], ids[3]]);
		expect(limited.json.more).toMatch(/^\/xapi\/statements\?more=/);
		expect(idsOf(await lrs.call('statements', { query: { verb, ascending: true } }))).toEqual(ids);
	});

	it('pages with "more" until it is empty, without gaps or repeats (Data 2.5)', async () => {
		const seen: string[] = [];
		let r = await lrs.call('statements', { query: { verb, limit: 2, ascending: true } });
		for (;;) {
			seen.push(...idsOf(r));
			if (!r.json.more) break;
			const next = await fetch(`${lrs.server.origin}${r.json.more}`, { headers: { 'X-Experience-API-Version': '1.0.3', Authorization: lrs.auth } });
			r = { ...r, status: next.status, json: await next.json() };
			expect(r.status).toBe(200);
		}
		expect(seen).toEqual(ids);
		expect((await lrs.call('statements', { query: { more: 'not-a-token' } })).status).toBe(400);
	});

	it('formats ids, exact and canonical (with Accept-Language, one language per map)', async () => {
		const ids0 = (await lrs.call('statements', { query: { statementId: ids[0]!, format: 'ids' } })).json;
		expect(ids0.actor).toEqual({ objectType: 'Agent', mbox: learner.mbox });
		expect(ids0.verb).toEqual({ id: verb });
		expect(ids0.object).toEqual({ objectType: 'Activity', id: lesson });
		const group = (await lrs.call('statements', { query: { statementId: ids[1]!, format: 'ids' } })).json;
		expect(group.actor.member.every((m: Record<string, unknown>) => Object.keys(m).sort().join() === 'mbox,objectType')).toBe(true);
		const exact = (await lrs.call('statements', { query: { statementId: ids[0]! } })).json;
		expect(exact.verb.display).toEqual({ 'en-US': 'did', 'en-GB': 'did (GB)', uk: 'зробив' });
		const gb = await lrs.call('statements', { query: { statementId: ids[0]!, format: 'canonical' }, headers: { 'Accept-Language': 'en-GB' } });
		expect(gb.json.verb.display).toEqual({ 'en-GB': 'did (GB)' });
		expect(gb.json.object.definition.name).toEqual({ 'en-GB': 'Lesson (GB)' });
		const uk = await lrs.call('statements', { query: { statementId: ids[0]!, format: 'canonical' }, headers: { 'Accept-Language': 'uk-UA, uk;q=0.9, en;q=0.5' } });
		expect(uk.json.verb.display).toEqual({ uk: 'зробив' });
		expect((await lrs.call('statements', { query: { format: 'full' } })).status).toBe(400);
	});

	it('rejects statementId or voidedStatementId with other parameters than format and attachments, and both together (2.1.3.s2.b1-b2)', async () => {
		for (const extra of [{ agent: learner }, { verb }, { limit: 1 }, { ascending: true }, { since: firstStored }, { related_agents: true }]) {
			expect((await lrs.call('statements', { query: { statementId: ids[0]!, ...extra } })).status).toBe(400);
			expect((await lrs.call('statements', { query: { voidedStatementId: ids[0]!, ...extra } })).status).toBe(400);
		}
		expect((await lrs.call('statements', { query: { statementId: ids[0]!, voidedStatementId: ids[1]! } })).status).toBe(400);
		expect((await lrs.call('statements', { query: { statementId: ids[0]!, format: 'ids', attachments: false } })).status).toBe(200);
	});

	it('rejects unknown parameters, parameters in the wrong case and invalid values with 400 (3.2.s3.b7-b8, Data 2.2.s4.b4)', async () => {
		const cases: Record<string, unknown>[] = [
			{ foo: 'bar' },
			{ Verb: verb },
			{ statementID: ids[0]! },
			{ limit: -1 },
			{ limit: 'ten' },
			{ ascending: 'yes' },
			{ since: 'yesterday' },
			{ registration: 'not-a-uuid' },
			{ agent: '{"name":"no identifier"}' },
			{ agent: 'not json' },
			{ verb: 'not an iri' },
			{ activity: 'not an iri' }
		];
		for (const q of cases) {
			const r = await lrs.call('statements', { query: q });
			expect(r.status, JSON.stringify(q)).toBe(400);
			expect(r.json.message.length).toBeGreaterThan(10);
		}
		expect((await lrs.call('statements', { query: { Verb: verb } })).json.message).toMatch(/did you mean "verb"/);
	});

	it('sends X-Experience-API-Consistent-Through not before any returned stored, and Last-Modified (2.1.3.s2.b5, b8)', async () => {
		const r = await lrs.call('statements', { query: { verb } });
		const through = new Date(r.headers.get('x-experience-api-consistent-through')!);
		for (const s of r.json.statements) expect(new Date(s.stored).getTime()).toBeLessThanOrEqual(through.getTime());
		const one = await lrs.call('statements', { query: { statementId: ids[0]! } });
		expect(new Date(one.headers.get('last-modified')!).getTime()).toBe(Math.floor(new Date(one.json.stored).getTime() / 1000) * 1000);
	});

	it('answers 404 for an unknown statementId', async () => {
		const r = await lrs.call('statements', { query: { statementId: randomUUID() } });
		expect(r.status).toBe(404);
	});
});

describe('voiding (Data 2.3.2, Communication 2.1.4)', () => {
	it('hides a voided statement from queries and statementId, shows it by voidedStatementId, keeps statements that target it (XAPI-00162)', async () => {
		const verb = `http://adlnet.gov/expapi/test/voided/target/${randomUUID()}`;
		const voidedId = randomUUID();
		const voidingId = randomUUID();
		const refId = randomUUID();
		expect((await lrs.call('statements', { body: statement({ id: voidedId, verb: { id: verb } }) })).status).toBe(200);
		expect((await lrs.call('statements', { body: statement({ id: voidingId, verb: { id: `${V}/voided` }, object: { objectType: 'StatementRef', id: voidedId } }) })).status).toBe(200);
		expect((await lrs.call('statements', { body: statement({ id: refId, verb: { id: verb }, object: { objectType: 'StatementRef', id: voidedId } }) })).status).toBe(200);

		expect((await lrs.call('statements', { query: { statementId: voidedId } })).status).toBe(404);
		const byVoided = await lrs.call('statements', { query: { voidedStatementId: voidedId } });
		expect(byVoided.status).toBe(200);
		expect(byVoided.json.id).toBe(voidedId);
		expect((await lrs.call('statements', { query: { voidedStatementId: refId } })).status).toBe(404);

		const list = await lrs.call('statements', { query: { verb } });
		expect(list.json.statements.map((s: { id: string }) => s.id)).toEqual([refId, voidingId]);
		const limited = await lrs.call('statements', { query: { verb, limit: 1 } });
		expect(limited.json.statements.map((s: { id: string }) => s.id)).toEqual([refId]);
	});

	it('refuses to void a voiding statement, and voiding twice changes nothing (XAPI-00016)', async () => {
		const target = randomUUID();
		const voiding = randomUUID();
		await lrs.call('statements', { body: statement({ id: target }) });
		await lrs.call('statements', { body: statement({ id: voiding, verb: { id: `${V}/voided` }, object: { objectType: 'StatementRef', id: target } }) });
		const again = await lrs.call('statements', { body: statement({ verb: { id: `${V}/voided` }, object: { objectType: 'StatementRef', id: target } }) });
		expect(again.status).toBe(200);
		expect((await lrs.call('statements', { query: { voidedStatementId: target } })).status).toBe(200);
		const r = await lrs.call('statements', { body: statement({ verb: { id: `${V}/voided` }, object: { objectType: 'StatementRef', id: voiding } }) });
		expect(r.status).toBe(400);
		expect(r.json.message).toMatch(/voiding statement cannot be voided/);
		expect((await lrs.call('statements', { query: { statementId: voiding } })).status).toBe(200);
	});

	it('voids a statement that arrives after its voiding statement', async () => {
		const late = randomUUID();
		await lrs.call('statements', { body: statement({ verb: { id: `${V}/voided` }, object: { objectType: 'StatementRef', id: late } }) });
		await lrs.call('statements', { body: statement({ id: late }) });
		expect((await lrs.call('statements', { query: { statementId: late } })).status).toBe(404);
		expect((await lrs.call('statements', { query: { voidedStatementId: late } })).status).toBe(200);
	});
});

describe('attachments (Communication 1.5.2, Data 2.4.11)', () => {
	const text = 'here is a simple attachment';
	const boundary = "abcABC0123'()+_,-./:=?";
	const withAttachment = (sha2 = sha256(text)) =>
		statement({
			id: randomUUID(),
			attachments: [
				{
					usageType: 'http://example.com/attachment-usage/test',
					display: { 'en-US': 'A test attachment' },
					description: { 'en-US': 'A test attachment (description)' },
					contentType: 'text/plain; charset=ascii',
					length: 27,
					sha2
				}
			]
		});

	it('accepts the specification\u2019s multipart example and returns the data with attachments=true', async () => {
		expect(sha256(text)).toBe('495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a');
		const s = withAttachment();
		const body = multipart(boundary, [
			{ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(s) },
			{ headers: { 'Content-Type': 'text/plain', 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': sha256(text) }, body: text }
		]);
		const r = await lrs.call('statements', { raw: body, headers: { 'Content-Type': `multipart/mixed; boundary="${boundary}"` } });
		expect(r.status, r.text).toBe(200);
		const plain = await lrs.call('statements', { query: { statementId: s.id as string } });
		expect(plain.headers.get('content-type')).toBe('application/json');
		const full = await lrs.call('statements', { query: { statementId: s.id as string, attachments: true } });
		expect(full.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary=/);
		expect(full.text).toContain(text);
		expect(full.text).toContain(`X-Experience-API-Hash: ${sha256(text)}`);
		const list = await lrs.call('statements', { query: { attachments: true, limit: 1 } });
		expect(list.headers.get('content-type')).toMatch(/^multipart\/mixed/);
	});

	it('accepts application/json only when every attachment has a fileUrl', async () => {
		const s = withAttachment();
		expect((await lrs.call('statements', { body: s })).status).toBe(400);
		(s.attachments as Record<string, unknown>[])[0]!.fileUrl = 'http://over.there.com/file.txt';
		expect((await lrs.call('statements', { body: s })).status).toBe(200);
	});

	const bad: [string, () => Buffer, string, RegExp][] = [
		['data that does not hash to its header', () => multipart('b', [{ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(withAttachment()) }, { headers: { 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': sha256(text) }, body: 'other text' }]), 'multipart/mixed; boundary=b', /does not have the SHA-2/],
		['no part for an attachment', () => multipart('b', [{ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(withAttachment()) }]), 'multipart/mixed; boundary=b', /no fileUrl and no multipart part/],
		['a part no attachment declares', () => multipart('b', [{ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(statement()) }, { headers: { 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': sha256(text) }, body: text }]), 'multipart/mixed; boundary=b', /which no statement's attachment declares/],
		['a first part that is not JSON', () => multipart('b', [{ headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify(withAttachment()) }]), 'multipart/mixed; boundary=b', /first part/],
		['no X-Experience-API-Hash', () => multipart('b', [{ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(withAttachment()) }, { headers: { 'Content-Transfer-Encoding': 'binary' }, body: text }]), 'multipart/mixed; boundary=b', /X-Experience-API-Hash/],
		['no Content-Transfer-Encoding: binary', () => multipart('b', [{ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(withAttachment()) }, { headers: { 'X-Experience-API-Hash': sha256(text) }, body: text }]), 'multipart/mixed; boundary=b', /Content-Transfer-Encoding/],
		['no boundary parameter', () => multipart('b', [{ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(statement()) }]), 'multipart/mixed;', /boundary/],
		['a body without its boundary', () => Buffer.from(JSON.stringify(statement())), 'multipart/mixed; boundary=b', /boundary/]
	];
	it.each(bad)('rejects %s with 400', async (_name, body, type, message) => {
		const r = await lrs.call('statements', { raw: body(), headers: { 'Content-Type': type } });
		expect(r.status, r.text).toBe(400);
		expect(r.json.message).toMatch(message);
	});

	it('stores one copy of data used by several statements of a batch', async () => {
		const a = withAttachment();
		const b = withAttachment();
		const body = multipart('b', [
			{ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify([a, b]) },
			{ headers: { 'Content-Type': 'text/plain', 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': sha256(text) }, body: text }
		]);
		expect((await lrs.call('statements', { raw: body, headers: { 'Content-Type': 'multipart/mixed; boundary=b' } })).status).toBe(200);
	});
});

describe('signed statements (Data 2.6)', () => {
	const fixture = fs.readFileSync(path.join(import.meta.dirname, 'fixtures/appendix-d.jws'));
	const signedExample = () => ({
		version: '1.0.0',
		id: '33cff416-e331-4c9d-969e-5373a1756120',
		actor: { mbox: 'mailto:example@example.com', name: 'Example Learner', objectType: 'Agent' },
		verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
		object: {
			id: 'https://www.youtube.com/watch?v=xh4kIiH3Sm8',
			objectType: 'Activity',
			definition: {
				name: { 'en-US': 'Tax Tips & Information : How to File a Tax Return ' },
				description: { 'en-US': 'Filing a tax return will require filling out either a 1040, 1040A or 1040EZ form' }
			}
		},
		timestamp: '2013-04-01T12:00:00Z',
		attachments: [
			{
				usageType: 'http://adlnet.gov/expapi/attachments/signature',
				display: { 'en-US': 'Signature' },
				description: { 'en-US': 'A test signature' },
				contentType: 'application/octet-stream',
				length: 4235,
				sha2: '672fa5fa658017f1b72d65036f13379c6ab05d4ab3b6664908d8acf0b6a0c634'
			}
		]
	});
	const send = (stmt: unknown, jws: Buffer | string) =>
		lrs.call('statements', {
			raw: multipart('sig', [
				{ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(stmt) },
				{ headers: { 'Content-Type': 'application/octet-stream', 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': sha256(jws) }, body: jws }
			]),
			headers: { 'Content-Type': 'multipart/mixed; boundary=sig' }
		});

	function sign(stmt: Record<string, unknown>, alg = 'RS256', tamper = false): { stmt: Record<string, unknown>; jws: string } {
		const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
		const header = Buffer.from(JSON.stringify({ alg })).toString('base64url');
		const payload = Buffer.from(JSON.stringify(tamper ? { ...stmt, verb: { id: `${V}/failed` } } : stmt)).toString('base64url');
		const signature = createSign('RSA-SHA256').update(`${header}.${payload}`).sign(privateKey).toString('base64url');
		const jws = `${header}.${payload}.${signature}`;
		return {
			jws,
			stmt: {
				...stmt,
				attachments: [
					{ usageType: 'http://adlnet.gov/expapi/attachments/signature', display: { 'en-US': 'Signature' }, contentType: 'application/octet-stream', length: Buffer.byteLength(jws), sha2: sha256(jws) }
				]
			}
		};
	}

	it('accepts and stores the specification\u2019s signed example (x5c certificate, RS256)', async () => {
		const r = await send(signedExample(), fixture);
		expect([200, 204]).toContain(r.status);
		const got = await lrs.call('statements', { query: { statementId: '33cff416-e331-4c9d-969e-5373a1756120', attachments: true } });
		expect(got.status).toBe(200);
		expect(got.bytes.includes(fixture)).toBe(true);
	});

	it('accepts a statement signed with RS256 without a certificate', async () => {
		const { stmt, jws } = sign(statement({ id: randomUUID() }));
		expect((await send(stmt, jws)).status).toBe(200);
	});

	it('rejects a malformed signature with 400: other algorithm, other payload, bad JSON, wrong content type, a certificate it does not verify with', async () => {
		const hs = sign(statement({ id: randomUUID() }), 'HS256');
		expect((await send(hs.stmt, hs.jws)).json.message).toMatch(/only RS256, RS384 and RS512/);
		const other = sign(statement({ id: randomUUID() }), 'RS256', true);
		const r = await send(other.stmt, other.jws);
		expect(r.status).toBe(400);
		expect(r.json.message).toMatch(/payload is not the statement/);
		const broken = 'eyJhbGciOiJSUzI1NiJ9.' + Buffer.from("{'not json").toString('base64url') + '.c2ln';
		const b = sign(statement({ id: randomUUID() }));
		(b.stmt.attachments as Record<string, unknown>[])[0] = { ...(b.stmt.attachments as Record<string, unknown>[])[0], sha2: sha256(broken), length: broken.length };
		expect((await send(b.stmt, broken)).status).toBe(400);
		const plain = sign(statement({ id: randomUUID() }));
		(plain.stmt.attachments as Record<string, unknown>[])[0]!.contentType = 'text/plain; charset=ascii';
		expect((await send(plain.stmt, plain.jws)).json.message).toMatch(/application\/octet-stream/);
		const forged = Buffer.from(fixture.toString().replace(/.{8}$/, 'AAAAAAAA'));
		const ex = signedExample();
		ex.id = '33cff416-e331-4c9d-969e-5373a1756120';
		ex.attachments[0]!.sha2 = sha256(forged);
		const f = await send({ ...ex, id: randomUUID() }, forged);
		expect(f.status).toBe(400);
	});
});

describe('alternate request syntax (Communication 1.3)', () => {
	const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
	const post = (method: string, fields: Record<string, string>, resource = 'statements', extraQuery: Record<string, string> = {}) =>
		lrs.call(resource, {
			query: { method, ...extraQuery },
			headers: { 'Content-Type': 'application/x-www-form-urlencoded', Authorization: undefined, 'X-Experience-API-Version': undefined },
			auth: null,
			raw: form(fields)
		});

	it('treats Authorization, X-Experience-API-Version, Content-Type and If-* form fields as headers, and content as the body (PUT)', async () => {
		const id = randomUUID();
		const r = await post('PUT', { statementId: id, Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json', content: JSON.stringify(statement()) });
		expect(r.status, r.text).toBe(204);
		expect((await lrs.call('statements', { query: { statementId: id } })).json.id).toBe(id);
	});

	it('runs a GET sent as POST with form parameters (2.1.2.s2.b2-b3)', async () => {
		const r = await post('GET', { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3', limit: '1' });
		expect(r.status).toBe(200);
		expect(r.json).toHaveProperty('statements');
		expect(r.json).toHaveProperty('more');
	});

	it('stores documents with the Content-Type form field', async () => {
		const q = { activityId: `${ACT}/alt`, agent: JSON.stringify(agent('alt')), stateId: 'alt' };
		const r = await post('PUT', { ...q, Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'text/plain', content: 'hello' }, 'activities/state');
		expect(r.status, r.text).toBe(204);
		const got = await lrs.call('activities/state', { query: { ...q } });
		expect(got.text).toBe('hello');
		expect(got.headers.get('content-type')).toBe('text/plain');
	});

	it('rejects other query parameters, a non-POST, a body that is not a form, and a form POST without method', async () => {
		const id = randomUUID();
		const extra = await post('PUT', { statementId: id, Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3', content: JSON.stringify(statement()) }, 'statements', { statementId: id });
		expect(extra.status).toBe(400);
		const notPost = await lrs.call('statements', { method: 'GET', query: { method: 'POST' } });
		expect(notPost.status).toBe(400);
		const json = await lrs.call('statements', { query: { method: 'PUT' }, raw: JSON.stringify({ statementId: id, content: statement() }), headers: { 'Content-Type': 'application/json' } });
		expect(json.status).toBe(400);
		const noContent = await post('PUT', { Authorization: lrs.auth, 'X-Experience-API-Version': '1.0.3' });
		expect(noContent.status).toBe(400);
		const noMethod = await lrs.call('statements', { raw: form({ content: JSON.stringify(statement()) }), headers: { 'Content-Type': 'application/x-www-form-urlencoded' } });
		expect(noMethod.status).toBe(400);
		expect(noMethod.json.message).toMatch(/alternate request syntax/);
		const badVersion = await post('GET', { Authorization: lrs.auth, 'X-Experience-API-Version': '0.95' });
		expect(badVersion.status).toBe(400);
	});
});
