import { ifi } from './agents.ts';
import { SIGNATURE_USAGE } from './constants.ts';
import { isObject, parseTimestamp, type Json, type JsonObject } from './validate.ts';

/**
 * Pure functions over statements: what the LRS adds before storing, how two statements are
 * compared (Data 2.3.1, statement comparison), which activities a statement mentions, the
 * `ids` and `canonical` formats and the Accept-Language choice (Communication 2.1.3).
 */

const CONTEXT_KEYS = ['parent', 'grouping', 'category', 'other'] as const;

/** contextActivities values always as arrays (Data 2.4.6.2.s4.b3), in a statement and its SubStatement. */
export function normalizeContextActivities(stmt: JsonObject): void {
	const fix = (s: JsonObject) => {
		const ctx = s.context;
		if (!isObject(ctx) || !isObject(ctx.contextActivities)) return;
		for (const k of CONTEXT_KEYS) {
			const v = ctx.contextActivities[k];
			if (v !== undefined && !Array.isArray(v)) ctx.contextActivities[k] = [v];
		}
	};
	fix(stmt);
	if (isObject(stmt.object) && stmt.object.objectType === 'SubStatement') fix(stmt.object);
}

function canonicalTime(value: Json | undefined): Json | undefined {
	const d = parseTimestamp(value);
	return d ? d.toISOString() : value;
}

function sortKeys(value: Json): Json {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (isObject(value)) {
		const out: JsonObject = {};
		for (const k of Object.keys(value).sort()) out[k] = sortKeys(value[k]!);
		return out;
	}
	return value;
}

function normalizeAgentForCompare(agent: Json | undefined): Json | undefined {
	if (!isObject(agent)) return agent;
	const copy: JsonObject = { ...agent };
	if (typeof copy.mbox === 'string') copy.mbox = ifi({ mbox: copy.mbox })!.slice('mbox:'.length);
	if (typeof copy.mbox_sha1sum === 'string') copy.mbox_sha1sum = copy.mbox_sha1sum.toLowerCase();
	// The members of a Group are an unordered list (Data 2.3.1.b5).
	if (Array.isArray(copy.member)) {
		copy.member = copy.member
			.map((m) => normalizeAgentForCompare(m) as Json)
			.sort((a, b) => JSON.stringify(sortKeys(a)).localeCompare(JSON.stringify(sortKeys(b))));
	}
	return copy;
}

function comparable(stmt: JsonObject, sub = false): JsonObject {
	const copy = structuredClone(stmt);
	normalizeContextActivities(copy);
	// Properties the LRS assigns or may re-serialise are not part of what is compared (Data 2.3.1).
	delete copy.authority;
	delete copy.stored;
	if (!sub) {
		delete copy.id;
		delete copy.version;
	}
	if (copy.timestamp !== undefined) copy.timestamp = canonicalTime(copy.timestamp) as Json;
	copy.actor = normalizeAgentForCompare(copy.actor) as Json;
	if (isObject(copy.object)) {
		if (copy.object.objectType === 'Agent' || copy.object.objectType === 'Group') {
			copy.object = normalizeAgentForCompare(copy.object) as Json;
		} else if (copy.object.objectType === 'SubStatement') {
			copy.object = comparable(copy.object, true);
		} else if (copy.object.objectType === 'StatementRef' && typeof copy.object.id === 'string') {
			copy.object.id = copy.object.id.toLowerCase();
		}
	}
	if (isObject(copy.context)) {
		if (copy.context.instructor !== undefined) copy.context.instructor = normalizeAgentForCompare(copy.context.instructor) as Json;
		if (copy.context.team !== undefined) copy.context.team = normalizeAgentForCompare(copy.context.team) as Json;
		if (typeof copy.context.registration === 'string') copy.context.registration = copy.context.registration.toLowerCase();
	}
	return sortKeys(copy) as JsonObject;
}

/**
 * Do two statements say the same thing? Differences that the LRS itself could have caused (id,
 * authority, stored, timestamp and version assigned, time zones, member order, single context
 * activities turned into arrays, e-mail host case) are ignored; everything else counts.
 */
export function sameStatement(a: JsonObject, b: JsonObject): boolean {
	const x = comparable(a);
	const y = comparable(b);
	// A timestamp or version the LRS assigned to one of them is not a difference either.
	if (x.timestamp === undefined || y.timestamp === undefined) {
		delete x.timestamp;
		delete y.timestamp;
	}
	return JSON.stringify(x) === JSON.stringify(y);
}

/** The statement as signed: without the signature attachment (added after signing, Data 2.6). */
export function withoutSignature(stmt: JsonObject): JsonObject {
	const copy = structuredClone(stmt);
	if (Array.isArray(copy.attachments)) {
		copy.attachments = copy.attachments.filter((a) => !(isObject(a) && a.usageType === SIGNATURE_USAGE));
		if (copy.attachments.length === 0) delete copy.attachments;
	}
	return copy;
}

// ---------------------------------------------------------------- activities a statement mentions

export interface ActivityRow {
	activityId: string;
	direct: boolean;
}

/** Activity objects of a statement with their definitions (for the canonical definitions). */
export function activityObjects(stmt: JsonObject): JsonObject[] {
	const out: JsonObject[] = [];
	const visit = (s: JsonObject) => {
		const obj = s.object;
		if (isObject(obj) && (obj.objectType === undefined || obj.objectType === 'Activity')) out.push(obj);
		const ctx = s.context;
		if (isObject(ctx) && isObject(ctx.contextActivities)) {
			for (const k of CONTEXT_KEYS) {
				const v = ctx.contextActivities[k];
				for (const a of Array.isArray(v) ? v : v === undefined ? [] : [v]) if (isObject(a)) out.push(a);
			}
		}
	};
	visit(stmt);
	if (isObject(stmt.object) && stmt.object.objectType === 'SubStatement') visit(stmt.object);
	return out;
}

/** The object activity is direct (the `activity` filter); context and SubStatement ones are related. */
export function statementActivities(stmt: JsonObject): ActivityRow[] {
	const rows = new Map<string, ActivityRow>();
	const direct = isObject(stmt.object) && (stmt.object.objectType === undefined || stmt.object.objectType === 'Activity');
	const objectId = direct ? String((stmt.object as JsonObject).id) : null;
	for (const a of activityObjects(stmt)) {
		const id = String(a.id);
		const isDirect = id === objectId;
		const prev = rows.get(id);
		if (!prev) rows.set(id, { activityId: id, direct: isDirect });
		else if (isDirect) prev.direct = true;
	}
	return [...rows.values()];
}

const LANGUAGE_MAP_KEYS = ['name', 'description'] as const;
const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;

/**
 * Merges a received definition into the canonical one. Names, descriptions and extensions are
 * merged key by key (a new language or a corrected spelling is taken, Data 2.4.4.1.s4.b4); the
 * interaction structure (type, moreInfo, interactionType, correct responses, components) is taken
 * only when the canonical definition has none: changing it would be a significant change, which the
 * LRS SHOULD NOT make (Data 2.4.4.1.s4.b5).
 */
export function mergeDefinition(canonical: JsonObject | null, received: JsonObject): JsonObject {
	const out: JsonObject = canonical ? structuredClone(canonical) : {};
	for (const [k, v] of Object.entries(received)) {
		if ((LANGUAGE_MAP_KEYS as readonly string[]).includes(k) || k === 'extensions') {
			out[k] = { ...(isObject(out[k]) ? out[k] : {}), ...(isObject(v) ? v : {}) };
		} else if (out[k] === undefined) {
			out[k] = structuredClone(v);
		}
	}
	return out;
}

// ---------------------------------------------------------------- formats

export type Format = 'exact' | 'ids' | 'canonical';

function idsAgent(agent: Json | undefined): Json | undefined {
	if (!isObject(agent)) return agent;
	const out: JsonObject = {};
	if (agent.objectType) out.objectType = agent.objectType;
	// The identifier as received; an anonymous group is identified by its members (Communication 2.1.3).
	for (const k of ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const) if (agent[k] !== undefined) out[k] = agent[k]!;
	if (!ifi(agent) && Array.isArray(agent.member)) out.member = agent.member.map((m) => idsAgent(m) as Json);
	return out;
}

function idsActivity(a: Json): Json {
	if (!isObject(a)) return a;
	return { objectType: 'Activity', id: a.id! };
}

function mapContextActivities(s: JsonObject, fn: (a: Json) => Json): void {
	const ctx = s.context;
	if (!isObject(ctx) || !isObject(ctx.contextActivities)) return;
	for (const k of CONTEXT_KEYS) {
		const v = ctx.contextActivities[k];
		if (Array.isArray(v)) ctx.contextActivities[k] = v.map(fn);
	}
}

function idsBody(s: JsonObject): void {
	s.actor = idsAgent(s.actor) as Json;
	if (isObject(s.verb)) s.verb = { id: s.verb.id! };
	const obj = s.object;
	if (isObject(obj)) {
		const type = obj.objectType ?? 'Activity';
		if (type === 'Activity') s.object = idsActivity(obj);
		else if (type === 'Agent' || type === 'Group') s.object = idsAgent(obj) as Json;
		else if (type === 'SubStatement') idsBody(obj);
	}
	if (s.authority !== undefined) s.authority = idsAgent(s.authority) as Json;
	const ctx = s.context;
	if (isObject(ctx)) {
		if (ctx.instructor !== undefined) ctx.instructor = idsAgent(ctx.instructor) as Json;
		if (ctx.team !== undefined) ctx.team = idsAgent(ctx.team) as Json;
	}
	mapContextActivities(s, idsActivity);
}

interface LanguageRange {
	tag: string;
	q: number;
}

/** Accept-Language as ranges, best first (RFC 7231 5.3.5). */
export function parseAcceptLanguage(header: string | null | undefined): LanguageRange[] {
	if (!header) return [];
	return header
		.split(',')
		.map((part, i) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
			return { tag: (tag ?? '').trim().toLowerCase(), q: q === undefined ? 1 : Number(q), i };
		})
		.filter((r) => r.tag && r.q > 0 && !Number.isNaN(r.q))
		.sort((a, b) => b.q - a.q || a.i - b.i)
		.map(({ tag, q }) => ({ tag, q }));
}

/**
 * The one language of a language map to return in canonical format: the first Accept-Language
 * range that matches a key exactly or as a prefix (`en` matches `en-US`), else `*`, else the
 * first key (the map must still hold exactly one language, Communication 2.1.3.s4.b1).
 */
export function pickLanguage(map: JsonObject, ranges: LanguageRange[]): JsonObject {
	const keys = Object.keys(map);
	if (keys.length <= 1) return map;
	for (const r of ranges) {
		if (r.tag === '*') break;
		const exact = keys.find((k) => k.toLowerCase() === r.tag);
		if (exact) return { [exact]: map[exact]! };
		const prefix = keys.find((k) => k.toLowerCase().startsWith(`${r.tag}-`));
		if (prefix) return { [prefix]: map[prefix]! };
		// `en-GB` accepted, only `en` present: RFC 4647 lookup falls back to the shorter tag.
		const shorter = keys.find((k) => r.tag.startsWith(`${k.toLowerCase()}-`));
		if (shorter) return { [shorter]: map[shorter]! };
	}
	return { [keys[0]!]: map[keys[0]!]! };
}

function filterDefinition(def: JsonObject, ranges: LanguageRange[]): JsonObject {
	const out = structuredClone(def);
	for (const k of LANGUAGE_MAP_KEYS) if (isObject(out[k])) out[k] = pickLanguage(out[k], ranges);
	for (const list of COMPONENT_LISTS) {
		const items = out[list];
		if (!Array.isArray(items)) continue;
		out[list] = items.map((c) =>
			isObject(c) && isObject(c.description) ? { ...c, description: pickLanguage(c.description, ranges) } : c
		);
	}
	return out;
}

function canonicalActivity(a: Json, canon: Map<string, JsonObject>, ranges: LanguageRange[]): Json {
	if (!isObject(a)) return a;
	const def = canon.get(String(a.id)) ?? (isObject(a.definition) ? a.definition : undefined);
	const out: JsonObject = { ...a };
	if (def && Object.keys(def).length) out.definition = filterDefinition(def, ranges);
	else delete out.definition;
	return out;
}

function canonicalBody(s: JsonObject, canon: Map<string, JsonObject>, ranges: LanguageRange[]): void {
	if (isObject(s.verb) && isObject(s.verb.display)) s.verb = { ...s.verb, display: pickLanguage(s.verb.display, ranges) };
	const obj = s.object;
	if (isObject(obj)) {
		const type = obj.objectType ?? 'Activity';
		if (type === 'Activity') s.object = canonicalActivity(obj, canon, ranges);
		else if (type === 'SubStatement') canonicalBody(obj, canon, ranges);
	}
	mapContextActivities(s, (a) => canonicalActivity(a, canon, ranges));
}

/**
 * A stored statement in the requested format. `canon` holds the canonical definitions of the
 * activities it mentions (needed for `canonical` only).
 */
export function formatStatement(
	stmt: JsonObject,
	format: Format,
	canon: Map<string, JsonObject> = new Map(),
	acceptLanguage?: string | null
): JsonObject {
	if (format === 'exact') return stmt;
	const copy = structuredClone(stmt);
	if (format === 'ids') idsBody(copy);
	else canonicalBody(copy, canon, parseAcceptLanguage(acceptLanguage));
	return copy;
}
