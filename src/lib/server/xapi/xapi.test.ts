import { describe, expect, it } from 'vitest';
import { agentPatternToLike, ifi, ifiMatchesPatterns, isPortalActor, portalActor, portalActorIfis, statementAgents } from './agents.ts';
import { boundaryOf, buildMultipart, parseMultipart } from './multipart.ts';
import { formatStatement, mergeDefinition, parseAcceptLanguage, pickLanguage, sameStatement, statementActivities } from './statement.ts';
import { agentProblems, parseTimestamp, statementProblems, type JsonObject } from './validate.ts';

const base = {
	actor: { mbox: 'mailto:ann@Example.COM', name: 'Ann' },
	verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
	object: { id: 'http://example.com/a' }
};

describe('IFIs and the portal actor', () => {
	it('writes one IFI string per kind, with the e-mail host lowercased', () => {
		expect(ifi({ mbox: 'mailto:Ann@Example.COM' })).toBe('mbox:mailto:Ann@example.com');
		expect(ifi({ mbox_sha1sum: 'ABC' })).toBe('mbox_sha1sum:abc');
		expect(ifi({ openid: 'http://o.example/x' })).toBe('openid:http://o.example/x');
		expect(ifi({ account: { homePage: 'http://h.example', name: 'n"1' } })).toBe('account:["http://h.example","n\\"1"]');
		expect(ifi({ objectType: 'Group', member: [] })).toBeNull();
	});

	it('maps a portal person to an account on the portal and accepts their mbox too', () => {
		const user = { id: 'u1', email: 'Learner@demo.maisternia.ua', name: 'Оксана' };
		expect(portalActor(user)).toEqual({ objectType: 'Agent', name: 'Оксана', account: { homePage: 'http://localhost:3000', name: 'u1' } });
		expect(isPortalActor({ mbox: 'mailto:learner@demo.maisternia.ua' }, user)).toBe(true);
		expect(isPortalActor({ account: { homePage: 'http://localhost:3000', name: 'u1' } }, user)).toBe(true);
		expect(isPortalActor({ account: { homePage: 'http://localhost:3000', name: 'u2' } }, user)).toBe(false);
		expect(isPortalActor({ objectType: 'Group', mbox: 'mailto:learner@demo.maisternia.ua' }, user)).toBe(false);
		expect(portalActorIfis(user).length).toBeGreaterThanOrEqual(3);
	});

	it('turns client agent limits into LIKE patterns with the same meaning in JavaScript', () => {
		expect(agentPatternToLike('mailto:*@Partner.example')).toBe('mbox:mailto:%@partner.example');
		expect(agentPatternToLike('https://lms.example')).toBe('account:["https://lms.example",%');
		expect(agentPatternToLike('nonsense')).toBeNull();
		expect(ifiMatchesPatterns('mbox:mailto:x_y@partner.example', ['mailto:*@partner.example'])).toBe(true);
		expect(ifiMatchesPatterns('mbox:mailto:x@other.example', ['mailto:*@partner.example'])).toBe(false);
		expect(ifiMatchesPatterns(ifi({ account: { homePage: 'https://lms.example', name: '7' } })!, ['https://lms.example'])).toBe(true);
		expect(ifiMatchesPatterns(ifi({ account: { homePage: 'https://lms.example.evil', name: '7' } })!, ['https://lms.example'])).toBe(false);
	});

	it('finds direct and related agents of a statement', () => {
		const rows = statementAgents({
			...base,
			actor: { objectType: 'Group', mbox: 'mailto:team@x.example', member: [{ mbox: 'mailto:m@x.example' }] },
			context: { instructor: { mbox: 'mailto:t@x.example' } }
		});
		expect(rows.map((r) => [r.ifi, r.direct])).toEqual([
			['mbox:mailto:team@x.example', true],
			['mbox:mailto:m@x.example', true],
			['mbox:mailto:t@x.example', false]
		]);
	});
});

describe('validation', () => {
	it('accepts a minimal statement and explains what is wrong otherwise', () => {
		expect(statementProblems(base)).toEqual([]);
		expect(statementProblems({ ...base, actor: { mbox: 'ann' } })).toEqual(['statement.actor.mbox must be a Mailto (got string "ann").']);
		expect(statementProblems('x')).toEqual(['statement must be a JSON object.']);
	});

	it('parses ISO 8601 timestamps, refusing -00:00 and impossible dates', () => {
		expect(parseTimestamp('2013-04-01T12:00:00Z')?.toISOString()).toBe('2013-04-01T12:00:00.000Z');
		expect(parseTimestamp('2013-04-01T14:00:00.123456+02:00')?.toISOString()).toBe('2013-04-01T12:00:00.123Z');
		expect(parseTimestamp('20130401T120000Z')?.toISOString()).toBe('2013-04-01T12:00:00.000Z');
		for (const bad of ['2008-09-15T15:53:00.601-00:00', '2008-09-15T15:53:00.601-0000', '2015-02-30T00:00:00Z', '2015-01-01', 'x']) {
			expect(parseTimestamp(bad), bad).toBeNull();
		}
	});

	it('checks agents given as parameters', () => {
		expect(agentProblems({ mbox: 'mailto:a@b.example' }, 'agent', false)).toEqual([]);
		expect(agentProblems({ objectType: 'Group', mbox: 'mailto:a@b.example' }, 'agent', false)[0]).toMatch(/not a Group/);
		expect(agentProblems({ objectType: 'Group', member: [{ mbox: 'mailto:a@b.example' }] }, 'agent', true)[0]).toMatch(/identified Group/);
	});
});

describe('statements', () => {
	it('compares statements ignoring what the LRS assigns and member order', () => {
		const a = { ...base, id: '6690e6c9-3ef0-4ed3-8b37-7f3964730bee', timestamp: '2013-05-18T07:32:34.804+02:00' };
		const stored = { ...a, timestamp: '2013-05-18T05:32:34.804Z', stored: '2020-01-01T00:00:00.000Z', authority: { mbox: 'mailto:lrs@x.example' }, version: '1.0.0' };
		expect(sameStatement(a, stored)).toBe(true);
		expect(sameStatement({ ...base }, stored)).toBe(true);
		expect(sameStatement({ ...a, actor: { ...base.actor, mbox: 'mailto:ann@example.com' } }, stored)).toBe(true);
		expect(sameStatement({ ...a, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } }, stored)).toBe(false);
		expect(sameStatement({ ...a, result: { duration: 'PT1H' } }, { ...stored, result: { duration: 'PT60M' } })).toBe(false);
		const group = (m: object[]) => ({ ...base, actor: { objectType: 'Group', member: m } }) as unknown as JsonObject;
		expect(sameStatement(group([{ mbox: 'mailto:1@x.example' }, { mbox: 'mailto:2@x.example' }]), group([{ mbox: 'mailto:2@x.example' }, { mbox: 'mailto:1@x.example' }]))).toBe(true);
	});

	it('lists the object activity as direct and context activities as related', () => {
		expect(statementActivities({ ...base, context: { contextActivities: { parent: [{ id: 'http://example.com/p' }] } } })).toEqual([
			{ activityId: 'http://example.com/a', direct: true },
			{ activityId: 'http://example.com/p', direct: false }
		]);
	});

	it('merges definitions: languages added, structure kept', () => {
		expect(mergeDefinition({ name: { en: 'A' }, type: 'http://t/1' }, { name: { uk: 'А' }, type: 'http://t/2', moreInfo: 'http://m' })).toEqual({
			name: { en: 'A', uk: 'А' },
			type: 'http://t/1',
			moreInfo: 'http://m'
		});
	});

	it('chooses one language by Accept-Language (RFC 7231 q-values, prefixes)', () => {
		const map = { 'en-US': 'a', 'en-GB': 'b', uk: 'в' };
		expect(parseAcceptLanguage('uk;q=0.5, en-GB, *;q=0.1').map((r) => r.tag)).toEqual(['en-gb', 'uk', '*']);
		expect(pickLanguage(map, parseAcceptLanguage('en-GB'))).toEqual({ 'en-GB': 'b' });
		expect(pickLanguage(map, parseAcceptLanguage('uk-UA'))).toEqual({ uk: 'в' });
		expect(pickLanguage(map, parseAcceptLanguage('en'))).toEqual({ 'en-US': 'a' });
		expect(pickLanguage(map, parseAcceptLanguage('de'))).toEqual({ 'en-US': 'a' });
	});

	it('formats ids: only identifiers', () => {
		const out = formatStatement({ ...base, verb: { id: base.verb.id, display: { en: 'done' } }, object: { id: 'http://example.com/a', definition: { name: { en: 'A' } } } }, 'ids');
		expect(out).toEqual({ actor: { mbox: 'mailto:ann@Example.COM' }, verb: { id: base.verb.id }, object: { objectType: 'Activity', id: 'http://example.com/a' } });
	});
});

describe('multipart/mixed', () => {
	it('reads back what it builds, binary-safe, and finds quoted boundaries', () => {
		const bytes = Buffer.from([0, 13, 10, 45, 45, 255]);
		const { contentType, body } = buildMultipart([
			{ headers: { 'Content-Type': 'application/json' }, body: '{"a":1}' },
			{ headers: { 'X-Experience-API-Hash': 'h' }, body: bytes }
		]);
		const parts = parseMultipart(body, boundaryOf(contentType)!);
		expect(parts.map((p) => p.headers.get('content-type') ?? p.headers.get('x-experience-api-hash'))).toEqual(['application/json', 'h']);
		expect(parts[1]!.body.equals(bytes)).toBe(true);
		expect(boundaryOf(`multipart/mixed; boundary="abcABC0123'()+_,-./:=?"`)).toBe("abcABC0123'()+_,-./:=?");
	});
});
