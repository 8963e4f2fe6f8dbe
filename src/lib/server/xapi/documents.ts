import { createHash } from 'node:crypto';
import { db, Prisma } from '../db/index.ts';
import { agentFromIfi, ifi, portalActor, portalUserIdOf, type Agent } from './agents.ts';
import { allows, type Principal } from './clients.ts';
import { badRequest, forbidden, XapiError } from './errors.ts';
import { isObject, type JsonObject } from './validate.ts';

/**
 * The three document resources (Communication 2.2, 2.3, 2.6, 2.7) with their concurrency rules
 * (3.1): every GET answers with the ETag (SHA-1 of the content, quoted); If-Match and If-None-Match
 * are honoured on PUT, POST and DELETE (412 when they fail); a PUT to an existing Activity or Agent
 * Profile with neither header is refused with 409. POST merges JSON objects one level deep.
 */

export type DocumentKind = 'state' | 'activity_profile' | 'agent_profile';

export interface DocumentKey {
	kind: DocumentKind;
	activityId?: string;
	agentIfi?: string;
	registration?: string;
	documentId: string;
}

export interface Preconditions {
	ifMatch?: string | null;
	ifNoneMatch?: string | null;
}

export interface StoredDocument {
	content: Buffer;
	contentType: string;
	etag: string;
	updated: Date;
}

export function etagOf(content: Buffer): string {
	return createHash('sha1').update(content).digest('hex');
}

/** Entity tags of an If-Match / If-None-Match header ("*" stays "*"). */
function tags(header: string): string[] {
	return header
		.split(',')
		.map((t) => t.trim().replace(/^W\//, '').replace(/^"(.*)"$/, '$1'))
		.filter(Boolean);
}

function checkPreconditions(current: { etag: string } | null, pre: Preconditions): void {
	if (pre.ifMatch) {
		const list = tags(pre.ifMatch);
		const ok = current !== null && (list.includes('*') || list.includes(current.etag));
		if (!ok) {
			throw new XapiError(
				412,
				current
					? `If-Match ${pre.ifMatch} does not match the document's current ETag "${current.etag}": it was changed since you read it.`
					: `If-Match ${pre.ifMatch} was sent but the document does not exist.`
			);
		}
	}
	if (pre.ifNoneMatch) {
		const list = tags(pre.ifNoneMatch);
		if (current && (list.includes('*') || list.includes(current.etag))) {
			throw new XapiError(412, `If-None-Match ${pre.ifNoneMatch} was sent but the document exists (ETag "${current.etag}").`);
		}
	}
}

function where(key: DocumentKey) {
	return {
		kind: key.kind,
		activityId: key.activityId ?? '',
		agentIfi: key.agentIfi ?? '',
		registration: key.registration?.toLowerCase() ?? '',
		documentId: key.documentId
	};
}

function uniqueWhere(key: DocumentKey) {
	return { kind_activityId_agentIfi_registration_documentId: where(key) };
}

function baseType(contentType: string): string {
	return contentType.split(';')[0]!.trim().toLowerCase();
}

// ---------------------------------------------------------------- permissions

function checkAccess(p: Principal, key: Pick<DocumentKey, 'kind'>, write: boolean): void {
	const resource = key.kind === 'state' ? 'state' : 'profile';
	if (!allows(p, `${resource}:${write ? 'write' : 'read'}`)) {
		throw forbidden(`These credentials may not ${write ? 'write' : 'read'} ${key.kind === 'state' ? 'State' : 'profile'} documents (scope ${resource}${write ? '' : ', all/read'} or all is needed).`);
	}
	// The portal's player reads activity profiles but does not define them.
	if (p.kind === 'user' && key.kind === 'activity_profile' && write) {
		throw forbidden('Activity Profile documents are written by the portal, not by the player.');
	}
}

// ---------------------------------------------------------------- operations

export async function getDocument(p: Principal, key: DocumentKey): Promise<StoredDocument | null> {
	checkAccess(p, key, false);
	const row = await db().xapiDocument.findUnique({ where: uniqueWhere(key) });
	if (!row) return null;
	return { content: Buffer.from(row.content), contentType: row.contentType, etag: row.etag, updated: row.updated };
}

export async function listDocumentIds(
	p: Principal,
	key: Omit<DocumentKey, 'documentId'>,
	since?: Date
): Promise<{ ids: string[]; lastModified: Date | null }> {
	checkAccess(p, key, false);
	const { documentId: _d, ...filter } = where({ ...key, documentId: '' });
	// State ids are listed for the activity and agent "+ registration if specified" (2.3.s4).
	if (key.kind === 'state' && !key.registration) delete (filter as { registration?: string }).registration;
	const rows = await db().xapiDocument.findMany({
		where: { ...filter, ...(since ? { updated: { gt: since } } : {}) },
		select: { documentId: true, updated: true },
		orderBy: { documentId: 'asc' }
	});
	const last = rows.reduce<Date | null>((m, r) => (!m || r.updated > m ? r.updated : m), null);
	return { ids: [...new Set(rows.map((r) => r.documentId))], lastModified: last };
}

async function writeDocument(
	key: DocumentKey,
	decide: (current: StoredDocument | null) => { content: Buffer; contentType: string }
): Promise<void> {
	for (let attempt = 0; ; attempt++) {
		try {
			await db().$transaction(async (tx) => {
				const w = where(key);
				const [current] = await tx.$queryRaw<{ id: string; content: Uint8Array; contentType: string; etag: string; updated: Date }[]>`
					SELECT id, content, "contentType", etag, updated FROM "XapiDocument"
					WHERE kind = ${w.kind}::"XapiDocumentKind" AND "activityId" = ${w.activityId} AND "agentIfi" = ${w.agentIfi}
					  AND registration = ${w.registration} AND "documentId" = ${w.documentId}
					FOR UPDATE`;
				const next = decide(
					current ? { content: Buffer.from(current.content), contentType: current.contentType, etag: current.etag, updated: current.updated } : null
				);
				const data = {
					content: new Uint8Array(next.content),
					contentType: next.contentType,
					etag: etagOf(next.content),
					updated: new Date()
				};
				if (current) await tx.xapiDocument.update({ where: { id: current.id }, data });
				else await tx.xapiDocument.create({ data: { ...w, ...data } });
			});
			return;
		} catch (err) {
			// Two first writes of one document at once: the loser runs again and sees the winner's row.
			if (attempt === 0 && err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') continue;
			throw err;
		}
	}
}

/** PUT: stores the document as sent. */
export async function putDocument(p: Principal, key: DocumentKey, content: Buffer, contentType: string, pre: Preconditions): Promise<void> {
	checkAccess(p, key, true);
	await writeDocument(key, (current) => {
		checkPreconditions(current, pre);
		if (current && key.kind !== 'state' && !pre.ifMatch && !pre.ifNoneMatch) {
			throw new XapiError(
				409,
				'The document already exists. Check its current state (GET it) and send the request again with the If-Match header set to its ETag; use If-None-Match: * to create only when absent.'
			);
		}
		return { content, contentType };
	});
}

function parseJsonObject(content: Buffer, which: string): JsonObject {
	let value: unknown;
	try {
		value = JSON.parse(content.toString('utf8'));
	} catch {
		throw badRequest(`The ${which} is not valid JSON, so it cannot be merged.`);
	}
	if (!isObject(value)) throw badRequest(`The ${which} is JSON but not a JSON object, so it cannot be merged.`);
	return value;
}

/** POST: stores a new document, or merges JSON objects one level deep into the existing one. */
export async function postDocument(p: Principal, key: DocumentKey, content: Buffer, contentType: string, pre: Preconditions): Promise<void> {
	checkAccess(p, key, true);
	await writeDocument(key, (current) => {
		checkPreconditions(current, pre);
		if (!current) return { content, contentType };
		if (baseType(current.contentType) !== 'application/json' || baseType(contentType) !== 'application/json') {
			throw badRequest(
				`A POST merges JSON documents: the stored document is ${current.contentType} and the posted one ${contentType}; both must be application/json. Use PUT to replace the document.`
			);
		}
		const merged = { ...parseJsonObject(current.content, 'stored document'), ...parseJsonObject(content, 'posted document') };
		return { content: Buffer.from(JSON.stringify(merged)), contentType: 'application/json' };
	});
}

export async function deleteDocument(p: Principal, key: DocumentKey, pre: Preconditions): Promise<void> {
	checkAccess(p, key, true);
	await db().$transaction(async (tx) => {
		const current = await tx.xapiDocument.findUnique({ where: uniqueWhere(key), select: { id: true, etag: true } });
		checkPreconditions(current, { ifMatch: pre.ifMatch });
		if (current) await tx.xapiDocument.delete({ where: { id: current.id } });
	});
}

/** DELETE of every State document of an activity and agent (and registration, when given). */
export async function deleteStates(p: Principal, key: Omit<DocumentKey, 'documentId' | 'kind'>): Promise<void> {
	checkAccess(p, { kind: 'state' }, true);
	const { documentId: _d, ...filter } = where({ ...key, kind: 'state', documentId: '' });
	if (!key.registration) delete (filter as { registration?: string }).registration;
	await db().xapiDocument.deleteMany({ where: filter });
}

// ---------------------------------------------------------------- Activities and Agents resources

/** The Activity object with the LRS's canonical definition (Communication 2.5). */
export async function getActivity(p: Principal, activityId: string): Promise<JsonObject> {
	if (!allows(p, 'metadata:read')) throw forbidden('These credentials may not read activities.');
	const row = await db().xapiActivity.findUnique({ where: { activityId } });
	const def = row?.definition as JsonObject | undefined;
	return { objectType: 'Activity', id: activityId, ...(def && Object.keys(def).length ? { definition: def } : {}) };
}

type Person = { objectType: 'Person'; name?: string[]; mbox?: string[]; mbox_sha1sum?: string[]; openid?: string[]; account?: { homePage: string; name: string }[] };

/**
 * The Person object of an agent (Communication 2.4): the names the LRS has seen for it and its
 * identifier. For a portal account the person's other identifier (mbox or account) is added, but
 * only for the person themself or for credentials with the scope "all" (2.4.s3.b1).
 */
export async function getPerson(p: Principal, agent: Agent): Promise<Person> {
	if (!allows(p, 'metadata:read')) throw forbidden('These credentials may not read agents.');
	const key = ifi(agent)!;
	const keys = new Set([key]);
	const names = new Set<string>();
	const mayMerge = p.kind === 'user' || p.scopes.includes('all');
	if (mayMerge) {
		let userId = portalUserIdOf(key);
		if (!userId && key.startsWith('mbox:mailto:')) {
			const user = await db().user.findFirst({ where: { email: { equals: key.slice('mbox:mailto:'.length), mode: 'insensitive' } }, select: { id: true } });
			userId = user?.id ?? null;
		}
		if (userId) {
			const user = await db().user.findUnique({ where: { id: userId }, select: { id: true, email: true, name: true } });
			if (user && (p.kind !== 'user' || p.user.id === user.id)) {
				keys.add(ifi(portalActor(user))!);
				keys.add(ifi({ mbox: `mailto:${user.email}` })!);
				if (user.name) names.add(user.name);
			}
		}
	}
	const rows = await db().xapiAgent.findMany({ where: { ifi: { in: [...keys] } }, select: { name: true } });
	for (const r of rows) if (r.name) names.add(r.name);
	if (typeof agent.name === 'string') names.add(agent.name);
	const person: Person = { objectType: 'Person' };
	if (names.size) person.name = [...names];
	for (const k of keys) {
		const a = agentFromIfi(k);
		if (a.mbox) (person.mbox ??= []).push(k === key && agent.mbox ? agent.mbox : a.mbox);
		if (a.mbox_sha1sum) (person.mbox_sha1sum ??= []).push(a.mbox_sha1sum);
		if (a.openid) (person.openid ??= []).push(a.openid);
		if (a.account) (person.account ??= []).push(a.account);
	}
	return person;
}
