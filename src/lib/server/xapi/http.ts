import { config } from '../config/index.ts';
import { ifi } from './agents.ts';
import { activityAllowed, agentAllowed, authenticateClient, userPrincipal, type Principal } from './clients.ts';
import { MAX_BATCH, SUPPORTED_VERSIONS, XAPI_BASE, XAPI_VERSION } from './constants.ts';
import {
	deleteDocument,
	deleteStates,
	etagOf,
	getActivity,
	getDocument,
	getPerson,
	listDocumentIds,
	postDocument,
	putDocument,
	type DocumentKey,
	type Preconditions
} from './documents.ts';
import { badRequest, isXapiError, XapiError } from './errors.ts';
import { boundaryOf, buildMultipart, parseMultipart } from './multipart.ts';
import {
	attachmentsOf,
	consistentThrough,
	formatAll,
	getStatement,
	moreUrl,
	parseMore,
	queryStatements,
	sha2Of,
	storeStatements,
	type AttachmentData,
	type StatementQuery
} from './statements.ts';
import type { Format } from './statement.ts';
import { agentProblems, isIri, isObject, isUuid, parseTimestamp, type JsonObject } from './validate.ts';
import type { Agent, PortalPerson } from './agents.ts';

/**
 * The LRS as one framework-free function: a Fetch API Request in, a Response out. SvelteKit's
 * route under /xapi and the integration tests' node:http server both call it, so the tested code
 * is the served code.
 *
 * `session` is the signed-in portal person (locals.user) or null. Session authentication is
 * accepted only for requests that cannot be forged by another site: the real
 * X-Experience-API-Version header (a form or a "simple" request cannot set it; a cross-origin
 * script needs a CORS preflight that only the portal's own origin passes), no alternate syntax,
 * and an Origin, when sent, equal to the portal's. Everything else needs HTTP Basic credentials.
 */
export interface XapiContext {
	session: PortalPerson | null;
}

const HEADER_PARAMS = ['authorization', 'x-experience-api-version', 'content-type', 'content-length', 'if-match', 'if-none-match'];
const EXPOSED = 'ETag, Last-Modified, Content-Type, X-Experience-API-Version, X-Experience-API-Consistent-Through';

interface Parsed {
	method: string;
	resource: string;
	params: Map<string, string>;
	headers: Headers;
	body: Buffer;
	contentType: string;
	alternate: boolean;
	url: URL;
}

type Handler = (req: Parsed, p: Principal) => Promise<Response>;

// ---------------------------------------------------------------- responses

function json(value: unknown, status = 200, headers: Record<string, string> = {}): Response {
	return new Response(JSON.stringify(value), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

function noContent(headers: Record<string, string> = {}): Response {
	return new Response(null, { status: 204, headers });
}

function errorResponse(err: XapiError, accept: string | null): Response {
	const headers = { ...err.headers };
	if (accept && !/application\/json|\*\/\*/.test(accept) && /text\/plain/.test(accept)) {
		return new Response(err.message, { status: err.status, headers: { 'Content-Type': 'text/plain; charset=utf-8', ...headers } });
	}
	return json({ error: true, code: err.status, message: err.message }, err.status, headers);
}

function httpDate(d: Date): string {
	return d.toUTCString();
}

function portalOrigin(url: URL): string {
	return (config().ORIGIN ?? url.origin).replace(/\/+$/, '');
}

function withCommonHeaders(res: Response, req: { headers: Headers; url: URL }, statements: boolean, through?: Date): Response {
	// Responses from `new Response` have mutable headers; copy anyway for safety with other sources.
	const out = new Response(res.body, { status: res.status, statusText: res.statusText, headers: new Headers(res.headers) });
	out.headers.set('X-Experience-API-Version', XAPI_VERSION);
	if (statements) out.headers.set('X-Experience-API-Consistent-Through', (through ?? new Date()).toISOString());
	const origin = req.headers.get('origin');
	if (origin && origin === portalOrigin(req.url)) {
		out.headers.set('Access-Control-Allow-Origin', origin);
		out.headers.set('Access-Control-Allow-Credentials', 'true');
		out.headers.set('Access-Control-Expose-Headers', EXPOSED);
		out.headers.append('Vary', 'Origin');
	}
	out.headers.set('Cache-Control', 'no-store');
	return out;
}

// ---------------------------------------------------------------- request parsing

async function readBody(request: Request): Promise<Buffer> {
	if (request.method === 'GET' || request.method === 'HEAD') return Buffer.alloc(0);
	return Buffer.from(await request.arrayBuffer());
}

function baseType(contentType: string): string {
	return contentType.split(';')[0]!.trim().toLowerCase();
}

async function parse(request: Request): Promise<Parsed> {
	const url = new URL(request.url);
	const path = url.pathname.replace(/\/+$/, '');
	const resource = path.startsWith(`${XAPI_BASE}/`) ? path.slice(XAPI_BASE.length + 1) : '';
	const headers = new Headers(request.headers);
	const params = new Map<string, string>();
	for (const [k, v] of url.searchParams) {
		if (params.has(k)) throw badRequest(`The parameter "${k}" is given more than once.`);
		params.set(k, v);
	}
	let body = await readBody(request);
	let method = request.method.toUpperCase();
	let contentType = headers.get('content-type') ?? '';
	let alternate = false;

	if (params.has('method')) {
		// Alternate request syntax (Communication 1.3).
		alternate = true;
		if (method !== 'POST') throw badRequest('The alternate request syntax (?method=…) must be sent as a POST.');
		if (params.size > 1) {
			const others = [...params.keys()].filter((k) => k !== 'method');
			throw badRequest(`With the alternate request syntax only "method" may be in the query string; send ${others.join(', ')} as form parameters.`);
		}
		const target = params.get('method')!.toUpperCase();
		if (!['GET', 'HEAD', 'PUT', 'POST', 'DELETE'].includes(target)) throw badRequest(`"${params.get('method')}" is not an xAPI method.`);
		if (baseType(contentType) !== 'application/x-www-form-urlencoded') {
			throw badRequest('The alternate request syntax needs a form body: Content-Type application/x-www-form-urlencoded.');
		}
		const form = new URLSearchParams(body.toString('utf8'));
		params.clear();
		body = Buffer.alloc(0);
		contentType = '';
		let content: string | null = null;
		for (const [k, v] of form) {
			const lower = k.toLowerCase();
			if (k === 'content') content = v;
			else if (HEADER_PARAMS.includes(lower)) headers.set(lower, v);
			else {
				if (params.has(k)) throw badRequest(`The form parameter "${k}" is given more than once.`);
				params.set(k, v);
			}
		}
		headers.delete('content-length');
		if (content !== null) {
			body = Buffer.from(content, 'utf8');
			contentType = form.get('Content-Type') ?? form.get('content-type') ?? 'application/json';
		}
		method = target;
	} else if (baseType(contentType) === 'application/x-www-form-urlencoded' && method === 'POST' && resource === 'statements') {
		throw badRequest('A form-encoded POST must use the alternate request syntax: add ?method=GET|PUT|POST to the URL.');
	}
	return { method, resource, params, headers, body, contentType, alternate, url };
}

function checkVersion(headers: Headers): void {
	const v = headers.get('x-experience-api-version');
	if (!v) throw badRequest(`The X-Experience-API-Version header is required (this LRS speaks ${XAPI_VERSION}).`);
	// 1.0 and any 1.0.x are accepted; anything before 1.0.0 or from 1.1.0 on is refused (Communication 3.3).
	if (!/^1\.0(\.\d+)?$/.test(v.trim())) {
		throw badRequest(`X-Experience-API-Version "${v}" is not supported; this LRS accepts 1.0.x (${SUPPORTED_VERSIONS.join(', ')}).`);
	}
}

function sameOrigin(req: Parsed): boolean {
	const origin = req.headers.get('origin');
	if (origin) return origin === portalOrigin(req.url);
	// No Origin header: a browser sends one on cross-origin requests, so its absence is same-origin or not a browser.
	const site = req.headers.get('sec-fetch-site');
	return !site || site === 'same-origin' || site === 'none';
}

async function authenticate(req: Parsed, ctx: XapiContext): Promise<Principal> {
	const auth = req.headers.get('authorization');
	const challenge: Record<string, string> = {};
	// Browsers would show a password prompt (and then send cached credentials by themselves): only
	// non-browser clients get the Basic challenge.
	if (!req.headers.get('sec-fetch-site')) challenge['WWW-Authenticate'] = 'Basic realm="xAPI", charset="UTF-8"';
	if (auth) {
		const m = /^Basic\s+([A-Za-z0-9+/=]*)\s*$/i.exec(auth);
		if (!m) throw new XapiError(401, 'Only HTTP Basic authentication is supported here.', challenge);
		const decoded = Buffer.from(m[1]!, 'base64').toString('utf8');
		const i = decoded.indexOf(':');
		const key = i < 0 ? decoded : decoded.slice(0, i);
		const secret = i < 0 ? '' : decoded.slice(i + 1);
		if (!key && !secret) throw new XapiError(401, 'This LRS does not accept unauthenticated requests; send the key and secret of your credentials.', challenge);
		const principal = await authenticateClient(key, secret);
		if (!principal) throw new XapiError(401, 'The credentials are unknown, wrong or revoked.', challenge);
		return principal;
	}
	if (ctx.session && !req.alternate && sameOrigin(req)) return userPrincipal(ctx.session);
	throw new XapiError(401, 'Authentication is required: HTTP Basic credentials, or a signed-in session for the portal’s own player.', challenge);
}

// ---------------------------------------------------------------- parameters

function allowOnly(req: Parsed, allowed: string[]): void {
	for (const k of req.params.keys()) {
		if (!allowed.includes(k)) {
			const hint = allowed.find((a) => a.toLowerCase() === k.toLowerCase());
			throw badRequest(
				hint
					? `Unknown parameter "${k}": parameter names are case-sensitive, did you mean "${hint}"?`
					: `Unknown parameter "${k}" for ${req.method} ${XAPI_BASE}/${req.resource}${allowed.length ? ` (allowed: ${allowed.join(', ')})` : ''}.`
			);
		}
	}
}

function required(req: Parsed, name: string): string {
	const v = req.params.get(name);
	if (v === undefined || v === '') throw badRequest(`The parameter "${name}" is required.`);
	return v;
}

function iriParam(req: Parsed, name: string, need: boolean): string | undefined {
	const v = need ? required(req, name) : req.params.get(name);
	if (v === undefined) return undefined;
	if (!isIri(v)) throw badRequest(`The parameter "${name}" must be an IRI with a scheme (got "${v.slice(0, 100)}").`);
	return v;
}

function uuidParam(req: Parsed, name: string, need = false): string | undefined {
	const v = need ? required(req, name) : req.params.get(name);
	if (v === undefined) return undefined;
	if (!isUuid(v)) throw badRequest(`The parameter "${name}" must be a UUID (got "${v.slice(0, 100)}").`);
	return v.toLowerCase();
}

function timeParam(req: Parsed, name: string): Date | undefined {
	const v = req.params.get(name);
	if (v === undefined) return undefined;
	const d = parseTimestamp(v);
	if (!d) throw badRequest(`The parameter "${name}" must be an ISO 8601 timestamp (got "${v.slice(0, 100)}").`);
	return d;
}

function boolParam(req: Parsed, name: string): boolean {
	const v = req.params.get(name);
	if (v === undefined) return false;
	if (v !== 'true' && v !== 'false') throw badRequest(`The parameter "${name}" must be true or false (got "${v}").`);
	return v === 'true';
}

function agentParam(req: Parsed, name: string, allowGroup: boolean, need = true): Agent | undefined {
	const v = need ? required(req, name) : req.params.get(name);
	if (v === undefined) return undefined;
	let agent: unknown;
	try {
		agent = JSON.parse(v);
	} catch {
		throw badRequest(`The parameter "${name}" must be an Agent as JSON (got "${v.slice(0, 100)}").`);
	}
	const problems = agentProblems(agent, name, allowGroup);
	if (problems.length) throw badRequest(`Invalid ${name}: ${problems.join(' ')}`);
	return agent as Agent;
}

function preconditions(req: Parsed): Preconditions {
	return { ifMatch: req.headers.get('if-match'), ifNoneMatch: req.headers.get('if-none-match') };
}

// ---------------------------------------------------------------- statements

async function readStatementsBody(req: Parsed): Promise<{ statements: unknown; attachments?: Map<string, AttachmentData>; multipart: boolean }> {
	const type = baseType(req.contentType);
	if (type === 'application/json') {
		return { statements: parseJson(req.body, 'The request body'), multipart: false };
	}
	if (type === 'multipart/mixed') {
		const boundary = boundaryOf(req.contentType);
		if (!boundary) throw badRequest('The multipart/mixed Content-Type has no boundary parameter.');
		const parts = parseMultipart(req.body, boundary);
		const [first, ...rest] = parts;
		if (!first || baseType(first.headers.get('content-type') ?? '') !== 'application/json') {
			throw badRequest('The first part of a multipart/mixed statement request must be the statements, with Content-Type application/json.');
		}
		const attachments = new Map<string, AttachmentData>();
		rest.forEach((part, i) => {
			const hash = part.headers.get('x-experience-api-hash')?.toLowerCase();
			if (!hash) throw badRequest(`Multipart part ${i + 2} has no X-Experience-API-Hash header.`);
			if ((part.headers.get('content-transfer-encoding') ?? '').toLowerCase() !== 'binary') {
				throw badRequest(`Multipart part ${i + 2} must have the header Content-Transfer-Encoding: binary.`);
			}
			if (sha2Of(part.body, hash) !== hash) {
				throw badRequest(`The data of multipart part ${i + 2} does not have the SHA-2 its X-Experience-API-Hash header declares (${hash}).`);
			}
			const length = part.headers.get('content-length');
			attachments.set(hash, {
				contentType: part.headers.get('content-type') ?? 'application/octet-stream',
				body: part.body,
				contentLength: length !== undefined && /^\d+$/.test(length) ? Number(length) : undefined
			});
		});
		return { statements: parseJson(first.body, 'The first multipart part'), attachments, multipart: true };
	}
	throw badRequest(`Statements must be sent as application/json or multipart/mixed (got ${req.contentType || 'no Content-Type'}).`);
}

function parseJson(body: Buffer, what: string): unknown {
	try {
		return JSON.parse(body.toString('utf8'));
	} catch (err) {
		throw badRequest(`${what} is not valid JSON: ${err instanceof Error ? err.message : String(err)}.`);
	}
}

const GET_STATEMENT_PARAMS = [
	'statementId',
	'voidedStatementId',
	'agent',
	'verb',
	'activity',
	'registration',
	'related_activities',
	'related_agents',
	'since',
	'until',
	'limit',
	'format',
	'attachments',
	'ascending',
	'more'
];

function formatParam(req: Parsed): Format {
	const f = req.params.get('format') ?? 'exact';
	if (f !== 'exact' && f !== 'ids' && f !== 'canonical') throw badRequest(`The parameter "format" must be ids, exact or canonical (got "${f}").`);
	return f;
}

async function statementsGet(req: Parsed, p: Principal): Promise<Response> {
	allowOnly(req, GET_STATEMENT_PARAMS);
	const acceptLanguage = req.headers.get('accept-language');
	const single = req.params.has('statementId') || req.params.has('voidedStatementId');
	if (single) {
		if (req.params.has('statementId') && req.params.has('voidedStatementId')) {
			throw badRequest('Send either statementId or voidedStatementId, not both.');
		}
		const extra = [...req.params.keys()].filter((k) => !['statementId', 'voidedStatementId', 'format', 'attachments'].includes(k));
		if (extra.length) throw badRequest(`With statementId or voidedStatementId only "format" and "attachments" are allowed (also got ${extra.join(', ')}).`);
		const voided = req.params.has('voidedStatementId');
		const id = uuidParam(req, voided ? 'voidedStatementId' : 'statementId', true)!;
		const format = formatParam(req);
		const withAttachments = boolParam(req, 'attachments');
		const row = await getStatement(p, id, voided);
		const [statement] = await formatAll([row.statement], format, acceptLanguage);
		const headers = { 'Last-Modified': httpDate(new Date(row.stored)) };
		return withAttachments ? multipartResponse(statement, [row.statement], headers) : json(statement, 200, headers);
	}

	let q: StatementQuery & { format: Format; attachments: boolean };
	if (req.params.has('more')) {
		if (req.params.size > 1) throw badRequest('A "more" URL is used as given, without other parameters.');
		q = parseMore(req.params.get('more')!);
	} else {
		const agent = agentParam(req, 'agent', true, false);
		const limitText = req.params.get('limit');
		if (limitText !== undefined && !/^\d+$/.test(limitText)) throw badRequest(`The parameter "limit" must be a non-negative integer (got "${limitText}").`);
		q = {
			agent: agent ? ifi(agent)! : undefined,
			verb: iriParam(req, 'verb', false),
			activity: iriParam(req, 'activity', false),
			registration: uuidParam(req, 'registration'),
			relatedActivities: boolParam(req, 'related_activities'),
			relatedAgents: boolParam(req, 'related_agents'),
			since: timeParam(req, 'since')?.toISOString(),
			until: timeParam(req, 'until')?.toISOString(),
			limit: limitText === undefined ? 0 : Number(limitText),
			ascending: boolParam(req, 'ascending'),
			format: formatParam(req),
			attachments: boolParam(req, 'attachments')
		};
	}
	const result = await queryStatements(p, q);
	const statements = await formatAll(result.statements, q.format, acceptLanguage);
	const body = { statements, more: result.next ? moreUrl(q, result.next) : '' };
	const headers: Record<string, string> = result.lastStored ? { 'Last-Modified': httpDate(result.lastStored) } : {};
	return q.attachments ? multipartResponse(body, result.statements, headers) : json(body, 200, headers);
}

async function multipartResponse(first: unknown, statements: JsonObject[], headers: Record<string, string>): Promise<Response> {
	const data = await attachmentsOf(statements);
	const { contentType, body } = buildMultipart([
		{ headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(first) },
		...data.map((a) => ({
			headers: { 'Content-Type': a.contentType, 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': a.sha2 },
			body: a.content
		}))
	]);
	return new Response(new Uint8Array(body), { status: 200, headers: { 'Content-Type': contentType, ...headers } });
}

async function statementsPut(req: Parsed, p: Principal): Promise<Response> {
	allowOnly(req, ['statementId']);
	const statementId = uuidParam(req, 'statementId', true)!;
	const { statements, attachments, multipart } = await readStatementsBody(req);
	if (!isObject(statements)) throw badRequest('PUT stores one statement: the body must be a statement object, not an array.');
	await storeStatements(p, [statements], { statementId, attachments, multipart });
	return noContent();
}

async function statementsPost(req: Parsed, p: Principal): Promise<Response> {
	allowOnly(req, []);
	const { statements, attachments, multipart } = await readStatementsBody(req);
	const list = Array.isArray(statements) ? statements : [statements];
	if (list.length > MAX_BATCH) throw new XapiError(413, `At most ${MAX_BATCH} statements may be sent in one request (got ${list.length}).`);
	const result = await storeStatements(p, list, { attachments, multipart });
	// Only statements that were all stored before with the same content: nothing changed (2.1.2.s2.b4).
	if (result.allExisted) return noContent();
	return json(result.ids);
}

// ---------------------------------------------------------------- documents

function documentResponse(doc: { content: Buffer; contentType: string; etag: string; updated: Date }): Response {
	return new Response(new Uint8Array(doc.content), {
		status: 200,
		headers: { 'Content-Type': doc.contentType, ETag: `"${doc.etag}"`, 'Last-Modified': httpDate(doc.updated) }
	});
}

function idsResponse(list: { ids: string[]; lastModified: Date | null }): Response {
	const body = Buffer.from(JSON.stringify(list.ids));
	return new Response(new Uint8Array(body), {
		status: 200,
		headers: {
			'Content-Type': 'application/json',
			ETag: `"${etagOf(body)}"`,
			...(list.lastModified ? { 'Last-Modified': httpDate(list.lastModified) } : {})
		}
	});
}

function documentBody(req: Parsed): { content: Buffer; contentType: string } {
	return { content: req.body, contentType: req.contentType || 'application/octet-stream' };
}

async function documents(req: Parsed, p: Principal, kind: DocumentKey['kind']): Promise<Response> {
	const idName = kind === 'state' ? 'stateId' : 'profileId';
	const names =
		kind === 'state'
			? ['activityId', 'agent', 'registration', 'stateId', 'since']
			: kind === 'activity_profile'
				? ['activityId', 'profileId', 'since']
				: ['agent', 'profileId', 'since'];
	allowOnly(req, names);
	const activityId = kind === 'agent_profile' ? undefined : iriParam(req, 'activityId', true);
	const agent = kind === 'activity_profile' ? undefined : agentParam(req, 'agent', false);
	const agentIfi = agent ? ifi(agent)! : undefined;
	const registration = kind === 'state' ? uuidParam(req, 'registration') : undefined;
	const documentId = req.params.get(idName);
	if (documentId === '') throw badRequest(`The parameter "${idName}" must not be empty.`);
	await checkDocumentScope(p, activityId, agent);

	if (req.method === 'GET' || req.method === 'HEAD') {
		if (documentId !== undefined) {
			if (req.params.has('since')) throw badRequest(`"since" lists documents; it cannot be used with ${idName}.`);
			const doc = await getDocument(p, { kind, activityId, agentIfi, registration, documentId });
			if (!doc) throw new XapiError(404, `No document with ${idName} "${documentId}".`);
			return documentResponse(doc);
		}
		const since = timeParam(req, 'since');
		return idsResponse(await listDocumentIds(p, { kind, activityId, agentIfi, registration }, since));
	}
	if (req.params.has('since')) throw badRequest(`"since" is only for GET.`);
	if (req.method === 'DELETE') {
		if (documentId === undefined) {
			if (kind !== 'state') throw badRequest(`The parameter "${idName}" is required.`);
			await deleteStates(p, { activityId, agentIfi, registration });
		} else {
			await deleteDocument(p, { kind, activityId, agentIfi, registration, documentId }, preconditions(req));
		}
		return noContent();
	}
	if (documentId === undefined) throw badRequest(`The parameter "${idName}" is required.`);
	const { content, contentType } = documentBody(req);
	const key = { kind, activityId, agentIfi, registration, documentId };
	if (req.method === 'PUT') await putDocument(p, key, content, contentType, preconditions(req));
	else await postDocument(p, key, content, contentType, preconditions(req));
	return noContent();
}

async function checkDocumentScope(p: Principal, activityId: string | undefined, agent: Agent | undefined): Promise<void> {
	if (activityId && !activityAllowed(p, activityId)) throw new XapiError(403, 'These credentials may not use documents of this activity.');
	if (agent && !agentAllowed(p, agent)) {
		throw new XapiError(403, p.kind === 'user' ? 'The player may use only the signed-in person’s documents.' : 'These credentials may not use documents of this agent.');
	}
}

// ---------------------------------------------------------------- routing

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
	statements: { GET: statementsGet, HEAD: statementsGet, PUT: statementsPut, POST: statementsPost },
	'activities/state': Object.fromEntries(['GET', 'HEAD', 'PUT', 'POST', 'DELETE'].map((m) => [m, (r: Parsed, p: Principal) => documents(r, p, 'state')])),
	'activities/profile': Object.fromEntries(['GET', 'HEAD', 'PUT', 'POST', 'DELETE'].map((m) => [m, (r: Parsed, p: Principal) => documents(r, p, 'activity_profile')])),
	'agents/profile': Object.fromEntries(['GET', 'HEAD', 'PUT', 'POST', 'DELETE'].map((m) => [m, (r: Parsed, p: Principal) => documents(r, p, 'agent_profile')])),
	activities: {
		GET: async (req, p) => {
			allowOnly(req, ['activityId']);
			const id = iriParam(req, 'activityId', true)!;
			await checkDocumentScope(p, id, undefined);
			return json(await getActivity(p, id));
		}
	},
	agents: {
		GET: async (req, p) => {
			allowOnly(req, ['agent']);
			const agent = agentParam(req, 'agent', false)!;
			await checkDocumentScope(p, undefined, agent);
			return json(await getPerson(p, agent));
		}
	}
};
ROUTES.activities!.HEAD = ROUTES.activities!.GET;
ROUTES.agents!.HEAD = ROUTES.agents!.GET;

const ABOUT = { version: [...SUPPORTED_VERSIONS], extensions: {} };

function preflight(request: Request, url: URL): Response {
	const origin = request.headers.get('origin');
	const headers: Record<string, string> = { 'X-Experience-API-Version': XAPI_VERSION };
	if (origin && origin === portalOrigin(url)) {
		Object.assign(headers, {
			'Access-Control-Allow-Origin': origin,
			'Access-Control-Allow-Credentials': 'true',
			'Access-Control-Allow-Methods': 'GET, HEAD, PUT, POST, DELETE',
			'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Experience-API-Version, If-Match, If-None-Match, Accept-Language',
			'Access-Control-Expose-Headers': EXPOSED,
			'Access-Control-Max-Age': '600',
			Vary: 'Origin'
		});
	}
	return new Response(null, { status: 204, headers });
}

/** Serves one request to the LRS. */
export async function handleXapi(request: Request, ctx: XapiContext): Promise<Response> {
	const url = new URL(request.url);
	if (request.method === 'OPTIONS') return preflight(request, url);
	let req: Parsed | null = null;
	let through: Date | undefined;
	const isStatements = url.pathname.replace(/\/+$/, '') === `${XAPI_BASE}/statements`;
	try {
		req = await parse(request);
		if (req.resource === 'about') {
			if (req.method !== 'GET' && req.method !== 'HEAD') throw new XapiError(405, 'The About resource answers GET only.', { Allow: 'GET, HEAD' });
			allowOnly(req, []);
			return finish(json(ABOUT), req, request, false);
		}
		const routes = ROUTES[req.resource];
		if (!routes) throw new XapiError(404, `There is no xAPI resource at ${url.pathname}.`);
		const handler = routes[req.method];
		if (!handler) throw new XapiError(405, `${req.method} is not allowed on ${XAPI_BASE}/${req.resource}.`, { Allow: Object.keys(routes).join(', ') });
		checkVersion(req.headers);
		const principal = await authenticate(req, ctx);
		if (isStatements && (req.method === 'GET' || req.method === 'HEAD')) through = await consistentThrough();
		const res = await handler(req, principal);
		return finish(res, req, request, isStatements, through);
	} catch (err) {
		const known = isXapiError(err) ? err : null;
		if (!known) console.error(`[xapi] ${request.method} ${url.pathname}`, err);
		const res = errorResponse(known ?? new XapiError(500, 'The LRS failed to process the request.'), request.headers.get('accept'));
		return finish(res, req ?? { headers: request.headers, url, method: request.method }, request, isStatements, through);
	}
}

function finish(res: Response, req: { headers: Headers; url: URL; method: string }, request: Request, statements: boolean, through?: Date): Response {
	const out = withCommonHeaders(res, { headers: request.headers, url: req.url }, statements, through);
	if (req.method === 'HEAD' || request.method === 'HEAD') return new Response(null, { status: out.status, headers: out.headers });
	return out;
}
