import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACT, agent, Lrs, randomUUID, run, statement } from './helpers.ts';

/**
 * The document resources (State, Activity Profile, Agent Profile), their concurrency rules, and
 * the Activities, Agents and About resources, through HTTP (Communication 2.2-2.8, 3.1).
 */

let lrs: Lrs;
beforeAll(async () => {
	lrs = await Lrs.start(['all']);
});
afterAll(() => lrs.close());

const sha1 = (s: string) => createHash('sha1').update(s).digest('hex');

function stateParams(extra: Record<string, unknown> = {}) {
	return { activityId: `${ACT}/state/${randomUUID()}`, agent: agent(), ...extra };
}

describe('State resource (Communication 2.3)', () => {
	it('stores with PUT, answers GET with the document, its Content-Type, a quoted SHA-1 ETag and Last-Modified', async () => {
		const q = stateParams({ stateId: 'bookmark' });
		const body = '{"page":7}';
		expect((await lrs.call('activities/state', { method: 'PUT', query: q, raw: body, headers: { 'Content-Type': 'application/json' } })).status).toBe(204);
		const r = await lrs.call('activities/state', { query: q });
		expect(r.status).toBe(200);
		expect(r.text).toBe(body);
		expect(r.headers.get('content-type')).toBe('application/json');
		expect(r.headers.get('etag')).toBe(`"${sha1(body)}"`);
		expect(r.headers.get('last-modified')).toBeTruthy();
		expect(r.headers.get('x-experience-api-version')).toBe('1.0.3');
	});

	it('keeps documents of any content type byte for byte', async () => {
		const q = stateParams({ stateId: 'binary' });
		const bytes = Buffer.from([0, 1, 2, 250, 255, 10, 13]);
		expect((await lrs.call('activities/state', { method: 'PUT', query: q, raw: bytes, headers: { 'Content-Type': 'application/octet-stream' } })).status).toBe(204);
		const r = await lrs.call('activities/state', { query: q });
		expect(r.bytes.equals(bytes)).toBe(true);
		expect(r.headers.get('content-type')).toBe('application/octet-stream');
	});

	it('keeps documents of different registrations apart; GET without stateId lists ids, since exclusive', async () => {
		const base = stateParams();
		const reg = randomUUID();
		await lrs.call('activities/state', { method: 'PUT', query: { ...base, stateId: 'a' }, body: { a: 1 } });
		const between = new Date().toISOString();
		await new Promise((r) => setTimeout(r, 20));
		await lrs.call('activities/state', { method: 'PUT', query: { ...base, stateId: 'b', registration: reg }, body: { b: 1 } });
		expect((await lrs.call('activities/state', { query: { ...base, stateId: 'b' } })).status).toBe(404);
		expect((await lrs.call('activities/state', { query: { ...base, stateId: 'b', registration: reg } })).json).toEqual({ b: 1 });
		expect((await lrs.call('activities/state', { query: base })).json).toEqual(['a', 'b']);
		expect((await lrs.call('activities/state', { query: { ...base, registration: reg } })).json).toEqual(['b']);
		const since = await lrs.call('activities/state', { query: { ...base, since: between } });
		expect(since.json).toEqual(['b']);
		expect(since.headers.get('last-modified')).toBeTruthy();
	});

	it('merges JSON objects one level deep on POST, stores a new document as sent, refuses to merge non-JSON (2.2.s7-s8)', async () => {
		const q = stateParams({ stateId: 'merge' });
		expect((await lrs.call('activities/state', { method: 'POST', query: q, body: { x: 'foo', y: 'bar', car: { make: 'Ford', model: 'Escape' } } })).status).toBe(204);
		expect((await lrs.call('activities/state', { method: 'POST', query: q, body: { x: 'bash', z: 'faz', car: { make: 'Dodge' } } })).status).toBe(204);
		expect((await lrs.call('activities/state', { query: q })).json).toEqual({ x: 'bash', y: 'bar', z: 'faz', car: { make: 'Dodge' } });
		const bad = await lrs.call('activities/state', { method: 'POST', query: q, raw: 'abc', headers: { 'Content-Type': 'application/json' } });
		expect(bad.status).toBe(400);
		expect(bad.json.message).toMatch(/not valid JSON/);
		const text = await lrs.call('activities/state', { method: 'POST', query: q, raw: 'plain', headers: { 'Content-Type': 'text/plain' } });
		expect(text.status).toBe(400);
		expect(text.json.message).toMatch(/both must be application\/json/);
		const array = await lrs.call('activities/state', { method: 'POST', query: q, body: [1, 2] });
		expect(array.status).toBe(400);
		expect((await lrs.call('activities/state', { query: q })).json).toEqual({ x: 'bash', y: 'bar', z: 'faz', car: { make: 'Dodge' } });
		for (const doc of ['1', 'true']) {
			const fresh = stateParams({ stateId: 's' });
			expect((await lrs.call('activities/state', { method: 'POST', query: fresh, raw: doc, headers: { 'Content-Type': 'application/json' } })).status).toBe(204);
		}
	});

	it('deletes one document or all of an activity and agent (and registration)', async () => {
		const base = stateParams();
		const reg = randomUUID();
		for (const id of ['one', 'two']) await lrs.call('activities/state', { method: 'PUT', query: { ...base, stateId: id }, body: { id } });
		await lrs.call('activities/state', { method: 'PUT', query: { ...base, stateId: 'three', registration: reg }, body: {} });
		expect((await lrs.call('activities/state', { method: 'DELETE', query: { ...base, stateId: 'one' } })).status).toBe(204);
		expect((await lrs.call('activities/state', { query: { ...base, stateId: 'one' } })).status).toBe(404);
		expect((await lrs.call('activities/state', { method: 'DELETE', query: { ...base, registration: reg } })).status).toBe(204);
		expect((await lrs.call('activities/state', { query: base })).json).toEqual(['two']);
		expect((await lrs.call('activities/state', { method: 'DELETE', query: base })).status).toBe(204);
		expect((await lrs.call('activities/state', { query: base })).json).toEqual([]);
	});

	it('honours If-Match and If-None-Match (412) but needs neither on PUT (3.1.s3)', async () => {
		const q = stateParams({ stateId: 'cc' });
		await lrs.call('activities/state', { method: 'PUT', query: q, body: { v: 1 } });
		expect((await lrs.call('activities/state', { method: 'PUT', query: q, body: { v: 2 } })).status).toBe(204);
		const wrong = await lrs.call('activities/state', { method: 'PUT', query: q, body: { v: 3 }, headers: { 'If-Match': '"1111111111111111111111111111111111111111"' } });
		expect(wrong.status).toBe(412);
		expect((await lrs.call('activities/state', { method: 'PUT', query: q, body: { v: 4 }, headers: { 'If-None-Match': '*' } })).status).toBe(412);
		expect((await lrs.call('activities/state', { query: q })).json).toEqual({ v: 2 });
	});

	it('rejects missing and invalid parameters with 400', async () => {
		const q = stateParams({ stateId: 'p' });
		const cases: Record<string, unknown>[] = [
			{ agent: q.agent, stateId: 'p' },
			{ activityId: q.activityId, stateId: 'p' },
			{ ...q, activityId: 'not an iri' },
			{ ...q, agent: { name: 'no identifier' } },
			{ ...q, agent: { objectType: 'Group', member: [agent()] } },
			{ ...q, registration: 'nope' },
			{ ...q, since: '2020-01-01T00:00:00Z' },
			{ ...q, profileId: 'x' },
			{ ...q, StateId: 'x' }
		];
		for (const query of cases) {
			const r = await lrs.call('activities/state', { query: query as Record<string, string> });
			expect(r.status, JSON.stringify(query)).toBe(400);
		}
		const noId = await lrs.call('activities/state', { method: 'PUT', query: { activityId: q.activityId, agent: q.agent }, body: {} });
		expect(noId.status).toBe(400);
		expect(noId.json.message).toMatch(/"stateId" is required/);
		expect((await lrs.call('activities/state', { query: { ...q, since: 'yesterday', stateId: undefined } as never })).status).toBe(400);
	});
});

describe('Activity Profile resource (Communication 2.7, 3.1)', () => {
	const params = () => ({ activityId: `${ACT}/profile/${randomUUID()}`, profileId: 'settings' });

	it('refuses a PUT without If-Match or If-None-Match over an existing document with 409 and an explanation', async () => {
		const q = params();
		expect((await lrs.call('activities/profile', { method: 'PUT', query: q, body: { a: 1 } })).status).toBe(204);
		const r = await lrs.call('activities/profile', { method: 'PUT', query: q, body: { a: 2 } });
		expect(r.status).toBe(409);
		expect(r.json.message).toMatch(/If-Match/);
		expect((await lrs.call('activities/profile', { query: q })).json).toEqual({ a: 1 });
	});

	it('follows If-Match and If-None-Match on PUT, POST and DELETE (412 when they fail)', async () => {
		const q = params();
		expect((await lrs.call('activities/profile', { method: 'PUT', query: q, body: { a: 1 }, headers: { 'If-None-Match': '*' } })).status).toBe(204);
		expect((await lrs.call('activities/profile', { method: 'PUT', query: q, body: { a: 2 }, headers: { 'If-None-Match': '*' } })).status).toBe(412);
		const etag = (await lrs.call('activities/profile', { query: q })).headers.get('etag')!;
		expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
		expect((await lrs.call('activities/profile', { method: 'PUT', query: q, body: { a: 3 }, headers: { 'If-Match': etag } })).status).toBe(204);
		expect((await lrs.call('activities/profile', { method: 'PUT', query: q, body: { a: 4 }, headers: { 'If-Match': etag } })).status).toBe(412);
		const current = (await lrs.call('activities/profile', { query: q })).headers.get('etag')!;
		expect((await lrs.call('activities/profile', { method: 'POST', query: q, body: { b: 1 }, headers: { 'If-Match': etag } })).status).toBe(412);
		expect((await lrs.call('activities/profile', { method: 'POST', query: q, body: { b: 1 }, headers: { 'If-Match': current } })).status).toBe(204);
		expect((await lrs.call('activities/profile', { method: 'POST', query: q, body: { c: 1 } })).status).toBe(204);
		expect((await lrs.call('activities/profile', { query: q })).json).toEqual({ a: 3, b: 1, c: 1 });
		expect((await lrs.call('activities/profile', { method: 'DELETE', query: q, headers: { 'If-Match': current } })).status).toBe(412);
		const last = (await lrs.call('activities/profile', { query: q })).headers.get('etag')!;
		expect((await lrs.call('activities/profile', { method: 'DELETE', query: q, headers: { 'If-Match': last } })).status).toBe(204);
		expect((await lrs.call('activities/profile', { query: q })).status).toBe(404);
		expect((await lrs.call('activities/profile', { method: 'PUT', query: q, body: {}, headers: { 'If-Match': last } })).status).toBe(412);
	});

	it('lists profile ids, with since; DELETE needs a profileId', async () => {
		const activityId = `${ACT}/profile/${randomUUID()}`;
		await lrs.call('activities/profile', { method: 'PUT', query: { activityId, profileId: 'p1' }, body: {} });
		await lrs.call('activities/profile', { method: 'PUT', query: { activityId, profileId: 'p2' }, body: {} });
		expect((await lrs.call('activities/profile', { query: { activityId } })).json).toEqual(['p1', 'p2']);
		expect((await lrs.call('activities/profile', { query: { activityId, since: new Date(Date.now() + 60_000).toISOString() } })).json).toEqual([]);
		expect((await lrs.call('activities/profile', { method: 'DELETE', query: { activityId } })).status).toBe(400);
		expect((await lrs.call('activities/profile', { query: { profileId: 'p1' } })).status).toBe(400);
	});
});

describe('Agent Profile resource (Communication 2.6, 3.1)', () => {
	it('stores, merges, lists and deletes documents of an agent, with the same concurrency rules', async () => {
		const who = agent();
		const q = { agent: who, profileId: 'prefs' };
		expect((await lrs.call('agents/profile', { method: 'POST', query: q, body: { theme: 'dark' } })).status).toBe(204);
		expect((await lrs.call('agents/profile', { method: 'PUT', query: q, body: { theme: 'light' } })).status).toBe(409);
		const etag = (await lrs.call('agents/profile', { query: q })).headers.get('etag')!;
		expect((await lrs.call('agents/profile', { method: 'PUT', query: q, body: { theme: 'light' }, headers: { 'If-Match': etag } })).status).toBe(204);
		expect((await lrs.call('agents/profile', { method: 'POST', query: q, body: { lang: 'uk' } })).status).toBe(204);
		expect((await lrs.call('agents/profile', { query: q })).json).toEqual({ theme: 'light', lang: 'uk' });
		expect((await lrs.call('agents/profile', { query: { agent: who } })).json).toEqual(['prefs']);
		// The same agent written with another host case is the same agent (the host is case-insensitive).
		const upper = { ...who, mbox: who.mbox.replace('@example.com', '@EXAMPLE.com') };
		expect((await lrs.call('agents/profile', { query: { agent: upper, profileId: 'prefs' } })).status).toBe(200);
		expect((await lrs.call('agents/profile', { method: 'DELETE', query: q })).status).toBe(204);
		expect((await lrs.call('agents/profile', { query: q })).status).toBe(404);
	});

	it('refuses a Group as the agent parameter (2.6.s3, note)', async () => {
		const r = await lrs.call('agents/profile', { query: { agent: { objectType: 'Group', mbox: 'mailto:team@example.com' }, profileId: 'x' } });
		expect(r.status).toBe(400);
		expect(r.json.message).toMatch(/must be an Agent, not a Group/);
	});
});

describe('Activities resource (Communication 2.5)', () => {
	it('returns the canonical definition merged from statements, and a bare Activity when it knows none', async () => {
		const id = `${ACT}/canonical/${randomUUID()}`;
		await lrs.call('statements', { body: statement({ object: { id, definition: { name: { 'en-US': 'Quiz' }, type: 'http://adlnet.gov/expapi/activities/assessment' } } }) });
		await lrs.call('statements', { body: statement({ object: { id, definition: { name: { uk: 'Тест' }, description: { uk: 'Опис' }, type: 'http://example.com/other-type' } } }) });
		const r = await lrs.call('activities', { query: { activityId: id } });
		expect(r.status).toBe(200);
		expect(r.json).toEqual({
			objectType: 'Activity',
			id,
			definition: { name: { 'en-US': 'Quiz', uk: 'Тест' }, description: { uk: 'Опис' }, type: 'http://adlnet.gov/expapi/activities/assessment' }
		});
		const canonical = await lrs.call('statements', { query: { activity: id, format: 'canonical', limit: 1 }, headers: { 'Accept-Language': 'uk' } });
		expect(canonical.json.statements[0].object.definition.name).toEqual({ uk: 'Тест' });
		expect((await lrs.call('activities', { query: { activityId: `${ACT}/unknown` } })).json).toEqual({ objectType: 'Activity', id: `${ACT}/unknown` });
		expect((await lrs.call('activities')).status).toBe(400);
	});

	it('does not update definitions for credentials without the define scope (4.2)', async () => {
		const { createClient } = await import('../../../src/lib/server/xapi/index.ts');
		const c = await createClient({ name: 'no define', scopes: ['statements/write', 'statements/read'] });
		const auth = `Basic ${Buffer.from(`${c.key}:${c.secret}`).toString('base64')}`;
		const id = `${ACT}/nodefine/${randomUUID()}`;
		expect((await lrs.call('statements', { auth, body: statement({ object: { id, definition: { name: { en: 'X' } } } }) })).status).toBe(200);
		expect((await lrs.call('activities', { query: { activityId: id } })).json).toEqual({ objectType: 'Activity', id });
	});
});

describe('Agents resource (Communication 2.4)', () => {
	it('returns a Person object with the names seen and the identifier; only the agent asked for when unknown', async () => {
		const who = agent(`person-${run}`);
		await lrs.call('statements', { body: statement({ actor: who }) });
		const r = await lrs.call('agents', { query: { agent: { mbox: who.mbox } } });
		expect(r.status).toBe(200);
		expect(r.json).toEqual({ objectType: 'Person', name: [who.name], mbox: [who.mbox] });
		const stranger = { account: { homePage: 'http://stranger.example', name: 'x1' } };
		expect((await lrs.call('agents', { query: { agent: stranger } })).json).toEqual({ objectType: 'Person', account: [stranger.account] });
		expect((await lrs.call('agents', { query: { agent: { objectType: 'Group', member: [who] } } })).status).toBe(400);
		expect((await lrs.call('agents')).status).toBe(400);
	});
});
