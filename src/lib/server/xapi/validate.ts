import validationPackage from '@learninglocker/xapi-validation';
import { badRequest } from './errors.ts';
import { SIGNATURE_USAGE, VOIDED_VERB } from './constants.ts';

/**
 * Statement and parameter validation (Data 2.2, 4.x; Communication 3.0). The structure is checked by
 * @learninglocker/xapi-validation (keys, types, IFIs, object types, interaction components, score
 * ranges); the rules it leaves out are added here: UUIDs in the standard string form only,
 * `-00:00` offsets, timestamps that do not parse, mbox_sha1sum of exactly 40 hex digits, distinct
 * interaction component ids, the version prefix, null values. Every failure becomes a 400 whose
 * message names the property (`statement[2].actor.mbox`) and what it must be.
 */

// A CommonJS package with `exports.default`: Node's ESM loader and Vite's SSR hand over the exports
// object as the default import, Vitest the function itself.
type Validate = (data: unknown) => unknown[];
const validateStatementShape: Validate =
	typeof validationPackage === 'function'
		? (validationPackage as unknown as Validate)
		: (validationPackage as unknown as { default: Validate }).default;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// An IRI needs a scheme (Data 2.2.s4.b1.b8); full IRI syntax is best effort (Data 2.2.s4.b6).
const IRI_RE = /^[a-z][a-z0-9+.-]*:\S+$/i;
const LANGUAGE_RE =
	/^(([a-zA-Z]{2,8}((-[a-zA-Z]{3}){0,3})(-[a-zA-Z]{4})?((-[a-zA-Z]{2})|(-\d{3}))?(-[a-zA-Z\d]{4,8})*(-[a-zA-Z\d](-[a-zA-Z\d]{1,8})+)*)|x(-[a-zA-Z\d]{1,8})+|en-GB-oed|i-ami|i-bnn|i-default|i-enochian|i-hak|i-klingon|i-lux|i-mingo|i-navajo|i-pwn|i-tao|i-tsu|i-tay|sgn-BE-FR|sgn-BE-NL|sgn-CH-DE)$/i;
// ISO 8601 extended date-time as RFC 3339 profiles it; the basic form (20130401T120000Z) too.
const TIMESTAMP_RE =
	/^(\d{4})-?(0[1-9]|1[0-2])-?(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):?([0-5]\d)(:?([0-5]\d)(\.\d+)?)?(Z|[+-]([01]\d|2[0-3])(:?[0-5]\d)?)$/;

export function isObject(value: unknown): value is JsonObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isIri(value: unknown): boolean {
	return typeof value === 'string' && IRI_RE.test(value);
}

export function isUuid(value: unknown): boolean {
	return typeof value === 'string' && UUID_RE.test(value);
}

export function isLanguageTag(value: string): boolean {
	return LANGUAGE_RE.test(value);
}

/** Parses an ISO 8601 timestamp; null when it is not one, or uses the "unknown offset" -00:00. */
export function parseTimestamp(value: unknown): Date | null {
	if (typeof value !== 'string') return null;
	const m = TIMESTAMP_RE.exec(value);
	if (!m) return null;
	const zone = m[9]!;
	// RFC 3339 4.3: -00:00 means "offset unknown"; the conformance suite refuses -00, -0000 and -00:00.
	if (/^-00(:?00)?$/.test(zone)) return null;
	// Rebuild the extended form so that Date parses the basic form as well.
	const seconds = m[7] ?? '00';
	const fraction = (m[8] ?? '').slice(0, 4);
	const offset = zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${(zone.slice(3).replace(':', '') || '00')}`;
	const date = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${seconds}${fraction}${offset}`);
	if (Number.isNaN(date.getTime())) return null;
	// 2015-02-30 rolls over in Date; refuse it instead.
	const check = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	if (check.getUTCDate() !== Number(m[3])) return null;
	return date;
}

// ---------------------------------------------------------------- messages

interface Warning {
	name: string;
	path: (string | number)[];
	data?: unknown;
	typeName?: string;
	type?: { name?: string };
	keys?: string[];
	usedIfis?: string[];
	raw?: number;
	min?: number;
	max?: number;
	invalidComponents?: string[];
	contentType?: string;
	voidVerbId?: string;
}

function pathText(path: (string | number)[], root: string): string {
	const [, ...rest] = path;
	let text = root;
	for (const part of rest) text += typeof part === 'number' || /^\d+$/.test(String(part)) ? `[${part}]` : `.${part}`;
	return text;
}

function describe(w: Warning, root: string): string {
	const where = pathText(w.path, root);
	switch (w.name) {
		case 'RequiredWarning':
			return `${where} is required.`;
		case 'RestrictedKeysWarning':
			return `${where} has properties the specification does not allow here: ${(w.keys ?? []).join(', ')}.`;
		case 'TypeWarning': {
			const expected = w.typeName ?? w.type?.name?.toLowerCase() ?? 'another type';
			const got = w.data === null ? 'null' : Array.isArray(w.data) ? 'an array' : typeof w.data;
			return `${where} must be ${/^[aeiouAEIOU]/.test(expected) ? 'an' : 'a'} ${expected} (got ${got}${typeof w.data === 'string' ? ` "${String(w.data).slice(0, 80)}"` : ''}).`;
		}
		case 'IfiCountWarning':
			return `${where} must have exactly one inverse functional identifier (mbox, mbox_sha1sum, openid or account), found ${(w.usedIfis ?? []).join(', ')}.`;
		case 'NoIfiWarning':
			return `${where} must have one inverse functional identifier (mbox, mbox_sha1sum, openid or account).`;
		case 'NoMembersWarning':
			return `${where} is a Group with neither an inverse functional identifier nor members.`;
		case 'MembersTypeWarning':
			return `${where} may contain only Agents as members, not Groups.`;
		case 'ObjectTypeWarning':
			return `${where}.objectType has a value the specification does not allow here.`;
		case 'RestrictedValueWarning':
			return `${where} has a value the specification does not allow here.`;
		case 'ContextPropWarning':
			return `${where}.context may use "revision" and "platform" only when the object is an Activity.`;
		case 'VoidWarning':
			return `${where} uses the verb ${VOIDED_VERB}, so its object must be a StatementRef.`;
		case 'SubStatementWarning':
			return `${where}.object is a SubStatement, which must not contain another SubStatement.`;
		case 'RawLessThanMinWarning':
			return `${where}.raw (${w.raw}) is less than min (${w.min}).`;
		case 'RawMoreThanMaxWarning':
			return `${where}.raw (${w.raw}) is more than max (${w.max}).`;
		case 'MinMoreThanMaxWarning':
			return `${where}.min (${w.min}) must be less than max (${w.max}).`;
		case 'InvalidComponentsWarning':
			return `${where} has interaction components its interactionType does not support: ${(w.invalidComponents ?? []).join(', ')}.`;
		case 'MissingInteractionTypeWarning':
			return `${where} has a correctResponsesPattern but no interactionType.`;
		case 'SignedContentTypeWarning':
			return `${where} is a signature (usageType ${SIGNATURE_USAGE}), so its contentType must be application/octet-stream.`;
		default:
			return `${where} is not valid (${w.name}).`;
	}
}

// ---------------------------------------------------------------- statements

type Problems = string[];

function walk(value: unknown, path: string, problems: Problems, inExtensions = false): void {
	if (value === null) {
		if (!inExtensions) problems.push(`${path} is null; null values are allowed only inside extensions.`);
		return;
	}
	if (Array.isArray(value)) {
		value.forEach((v, i) => walk(v, `${path}[${i}]`, problems, inExtensions));
	} else if (isObject(value)) {
		for (const [k, v] of Object.entries(value)) walk(v, `${path}.${k}`, problems, inExtensions || k === 'extensions');
	}
}

function checkLanguageMap(map: unknown, path: string, problems: Problems): void {
	if (!isObject(map)) return;
	for (const [k, v] of Object.entries(map)) {
		if (!isLanguageTag(k)) problems.push(`${path} has the key "${k}", which is not an RFC 5646 language tag.`);
		if (typeof v !== 'string') problems.push(`${path}.${k} must be a string.`);
	}
}

function checkAgentExtras(agent: unknown, path: string, problems: Problems): void {
	if (!isObject(agent)) return;
	if (agent.mbox_sha1sum !== undefined && !/^[0-9a-f]{40}$/i.test(String(agent.mbox_sha1sum))) {
		problems.push(`${path}.mbox_sha1sum must be the 40 hexadecimal digits of a SHA-1 hash.`);
	}
	if (agent.openid !== undefined && !isIri(agent.openid)) problems.push(`${path}.openid must be an absolute URI.`);
	if (isObject(agent.account)) {
		if (!isIri(agent.account.homePage)) problems.push(`${path}.account.homePage must be an absolute IRL.`);
	}
	if (Array.isArray(agent.member)) agent.member.forEach((m, i) => checkAgentExtras(m, `${path}.member[${i}]`, problems));
	if (agent.objectType === 'Group' && Array.isArray(agent.member)) {
		agent.member.forEach((m, i) => {
			if (isObject(m) && m.objectType === 'Group') problems.push(`${path}.member[${i}] is a Group; a Group may contain only Agents.`);
		});
	}
}

const COMPONENT_LISTS = ['choices', 'scale', 'source', 'target', 'steps'] as const;

function checkActivity(activity: unknown, path: string, problems: Problems): void {
	if (!isObject(activity)) return;
	if (activity.id !== undefined && !isIri(activity.id)) problems.push(`${path}.id must be an IRI with a scheme.`);
	const def = activity.definition;
	if (!isObject(def)) return;
	checkLanguageMap(def.name, `${path}.definition.name`, problems);
	checkLanguageMap(def.description, `${path}.definition.description`, problems);
	for (const key of ['type', 'moreInfo'] as const) {
		if (def[key] !== undefined && !isIri(def[key])) problems.push(`${path}.definition.${key} must be an IRI with a scheme.`);
	}
	if (isObject(def.extensions)) {
		for (const k of Object.keys(def.extensions)) {
			if (!isIri(k)) problems.push(`${path}.definition.extensions has the key "${k}", which is not an IRI.`);
		}
	}
	for (const list of COMPONENT_LISTS) {
		const items = def[list];
		if (!Array.isArray(items)) continue;
		const seen = new Set<string>();
		items.forEach((c, i) => {
			if (!isObject(c)) return;
			const id = String(c.id);
			if (seen.has(id)) problems.push(`${path}.definition.${list}[${i}].id "${id}" repeats; ids within a list must be distinct.`);
			seen.add(id);
			checkLanguageMap(c.description, `${path}.definition.${list}[${i}].description`, problems);
		});
	}
}

function checkExtensions(ext: unknown, path: string, problems: Problems): void {
	if (!isObject(ext)) return;
	for (const k of Object.keys(ext)) if (!isIri(k)) problems.push(`${path} has the key "${k}", which is not an IRI.`);
}

function contextActivityList(value: unknown): unknown[] {
	return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

function checkBody(stmt: JsonObject, path: string, problems: Problems, sub: boolean): void {
	if (stmt.id !== undefined && !isUuid(stmt.id)) problems.push(`${path}.id must be a UUID in the standard string form.`);
	if (stmt.timestamp !== undefined && !parseTimestamp(stmt.timestamp)) {
		problems.push(`${path}.timestamp must be an ISO 8601 date and time with a known offset (got ${JSON.stringify(stmt.timestamp)}).`);
	}
	if (!sub && stmt.stored !== undefined && !parseTimestamp(stmt.stored)) problems.push(`${path}.stored must be an ISO 8601 timestamp.`);
	if (!sub && stmt.version !== undefined && !(typeof stmt.version === 'string' && /^1\.0(\.\d+)?$/.test(stmt.version))) {
		problems.push(`${path}.version must start with 1.0 (got ${JSON.stringify(stmt.version)}).`);
	}
	checkAgentExtras(stmt.actor, `${path}.actor`, problems);
	if (isObject(stmt.verb)) {
		if (!isIri(stmt.verb.id)) problems.push(`${path}.verb.id must be an IRI with a scheme.`);
		checkLanguageMap(stmt.verb.display, `${path}.verb.display`, problems);
	}
	const obj = stmt.object;
	if (isObject(obj)) {
		const type = obj.objectType ?? 'Activity';
		if (type === 'Activity') checkActivity(obj, `${path}.object`, problems);
		else if (type === 'Agent' || type === 'Group') checkAgentExtras(obj, `${path}.object`, problems);
		else if (type === 'StatementRef' && !isUuid(obj.id)) problems.push(`${path}.object.id must be a UUID in the standard string form.`);
		else if (type === 'SubStatement') {
			if (sub) problems.push(`${path}.object is a SubStatement, which must not contain another SubStatement.`);
			else checkBody(obj, `${path}.object`, problems, true);
		}
	}
	if (isObject(stmt.result)) {
		checkExtensions(stmt.result.extensions, `${path}.result.extensions`, problems);
		const score = stmt.result.score;
		if (isObject(score) && typeof score.min === 'number' && typeof score.max === 'number' && score.min >= score.max) {
			problems.push(`${path}.result.score.min must be less than max.`);
		}
	}
	if (isObject(stmt.context)) {
		const ctx = stmt.context;
		if (ctx.registration !== undefined && !isUuid(ctx.registration)) problems.push(`${path}.context.registration must be a UUID.`);
		checkAgentExtras(ctx.instructor, `${path}.context.instructor`, problems);
		checkAgentExtras(ctx.team, `${path}.context.team`, problems);
		if (isObject(ctx.team) && ctx.team.objectType !== 'Group') problems.push(`${path}.context.team must be a Group (objectType "Group").`);
		checkExtensions(ctx.extensions, `${path}.context.extensions`, problems);
		if (isObject(ctx.statement) && !isUuid(ctx.statement.id)) problems.push(`${path}.context.statement.id must be a UUID.`);
		if (isObject(ctx.contextActivities)) {
			for (const [k, v] of Object.entries(ctx.contextActivities)) {
				if (!['parent', 'grouping', 'category', 'other'].includes(k)) {
					problems.push(`${path}.context.contextActivities has the key "${k}"; only parent, grouping, category and other are allowed.`);
					continue;
				}
				contextActivityList(v).forEach((a, i) => checkActivity(a, `${path}.context.contextActivities.${k}[${i}]`, problems));
			}
		}
	}
	if (Array.isArray(stmt.attachments)) {
		stmt.attachments.forEach((a, i) => {
			if (!isObject(a)) return;
			checkLanguageMap(a.display, `${path}.attachments[${i}].display`, problems);
			checkLanguageMap(a.description, `${path}.attachments[${i}].description`, problems);
			if (typeof a.sha2 === 'string' && !/^[0-9a-f]{64}([0-9a-f]{32})?([0-9a-f]{32})?$/i.test(a.sha2)) {
				problems.push(`${path}.attachments[${i}].sha2 must be the hexadecimal SHA-256, SHA-384 or SHA-512 of the data.`);
			}
			if (typeof a.length === 'number' && a.length < 0) problems.push(`${path}.attachments[${i}].length must not be negative.`);
		});
	}
}

/** All that is wrong with one statement, as messages; empty when it is valid. */
export function statementProblems(statement: unknown, path = 'statement'): string[] {
	if (!isObject(statement)) return [`${path} must be a JSON object.`];
	const problems: Problems = [];
	walk(statement, path, problems);
	for (const w of validateStatementShape(statement) as unknown as Warning[]) problems.push(describe(w, path));
	checkBody(statement, path, problems, false);
	return [...new Set(problems)];
}

/** Throws 400 with every problem of the first invalid statement of a batch. */
export function assertValidStatements(statements: unknown[]): void {
	for (let i = 0; i < statements.length; i++) {
		const problems = statementProblems(statements[i], statements.length > 1 ? `statement[${i}]` : 'statement');
		if (problems.length) throw badRequest(`Invalid statement: ${problems.slice(0, 10).join(' ')}`);
	}
}

// ---------------------------------------------------------------- agents as parameters

export function agentProblems(agent: unknown, path: string, allowGroup: boolean): string[] {
	if (!isObject(agent)) return [`${path} must be a JSON object.`];
	const problems: Problems = [];
	walk(agent, path, problems);
	const type = agent.objectType ?? 'Agent';
	if (type === 'Group' && !allowGroup) return [`${path} must be an Agent, not a Group.`];
	if (type !== 'Agent' && type !== 'Group') return [`${path}.objectType must be "Agent"${allowGroup ? ' or "Group"' : ''}.`];
	// Reuse the statement validator on a statement made around the agent, to get the same rules.
	const probe = { actor: agent, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: 'http://example.com/a' } };
	for (const w of validateStatementShape(probe) as unknown as Warning[]) {
		const p = w.path.slice(1);
		if (p[0] !== 'actor') continue;
		problems.push(describe({ ...w, path: ['agent', ...p.slice(1)] }, path));
	}
	checkAgentExtras(agent, path, problems);
	const ifis = ['mbox', 'mbox_sha1sum', 'openid', 'account'].filter((k) => agent[k] !== undefined);
	if (type === 'Group' && ifis.length === 0) problems.push(`${path} must be an identified Group (with an inverse functional identifier).`);
	return [...new Set(problems)];
}
