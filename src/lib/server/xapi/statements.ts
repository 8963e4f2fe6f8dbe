import { createHash, randomUUID } from 'node:crypto';
import { db, Prisma } from '../db/index.ts';
import { agentPatternToLike, ifi, ifiMatchesPatterns, statementAgents } from './agents.ts';
import {
	activityAllowed,
	agentAllowed,
	allows,
	readsOnlyOwn,
	userIfis,
	type Principal
} from './clients.ts';
import { MAX_LIMIT, SIGNATURE_USAGE, VOIDED_VERB, XAPI_BASE } from './constants.ts';
import { badRequest, forbidden, notFound, XapiError } from './errors.ts';
import { verifySignedStatement } from './signature.ts';
import {
	activityObjects,
	formatStatement,
	mergeDefinition,
	normalizeContextActivities,
	sameStatement,
	statementActivities,
	type Format
} from './statement.ts';
import { assertValidStatements, isObject, parseTimestamp, type JsonObject } from './validate.ts';

/**
 * The Statement resource's storage (Communication 2.1, Data 2.3-2.6).
 *
 * Writers take one transaction-level advisory lock, then read the database clock: `seq` (the
 * identity column) and `stored` therefore grow together, and a reader that takes the same lock in
 * shared mode before reading the clock gets an X-Experience-API-Consistent-Through no later than
 * any statement not yet visible to it.
 */

const WRITE_LOCK = 7_243_001;

export interface AttachmentData {
	contentType: string;
	body: Buffer;
	/** The part's Content-Length header, when it had one. */
	contentLength?: number;
}

export interface StoreResult {
	ids: string[];
	/** Every statement was already stored with the same content (nothing changed). */
	allExisted: boolean;
}

function hashFor(sha2: string): string {
	return sha2.length === 128 ? 'sha512' : sha2.length === 96 ? 'sha384' : 'sha256';
}

/** The SHA-2 of data, of the length the declared hash has. */
export function sha2Of(data: Buffer, like: string): string {
	return createHash(hashFor(like)).update(data).digest('hex');
}

function activityIdOf(stmt: JsonObject): string | null {
	const obj = stmt.object;
	return isObject(obj) && (obj.objectType === undefined || obj.objectType === 'Activity') ? String(obj.id) : null;
}

/** May the principal write this statement (who it is about, which activities)? */
function checkWriteScope(p: Principal, stmt: JsonObject, index: number, batch: number): void {
	const where = batch > 1 ? `statement[${index}]` : 'the statement';
	if (p.kind === 'user') {
		if (!agentAllowed(p, stmt.actor)) {
			throw forbidden(`${where}: the actor must be the signed-in person (account ${p.authority.account?.homePage} / ${p.user.id}, or mbox mailto:${p.user.email}).`);
		}
		return;
	}
	if (p.agentPatterns.length) {
		const actor = stmt.actor;
		const members = isObject(actor) && Array.isArray(actor.member) && !ifi(actor) ? actor.member : [actor];
		if (!members.every((m) => agentAllowed(p, m))) throw forbidden(`${where}: these credentials may not write statements about this actor.`);
	}
	if (p.activityPrefixes.length && stmt.verb && isObject(stmt.verb) && stmt.verb.id !== VOIDED_VERB) {
		const ids = statementActivities(stmt).map((a) => a.activityId);
		if (!ids.length || !ids.every((id) => activityAllowed(p, id))) {
			throw forbidden(`${where}: these credentials may write statements only about activities under ${p.activityPrefixes.join(', ')}.`);
		}
	}
}

/** Statements a client or person may read (used for voiding targets and single GETs). */
function readable(p: Principal, row: { statement: JsonObject; clientId: string | null; userId: string | null }): boolean {
	if (p.kind === 'user') {
		if (row.userId === p.user.id) return true;
		const mine = new Set(userIfis(p));
		return statementAgents(row.statement).some((a) => a.direct && mine.has(a.ifi));
	}
	if (readsOnlyOwn(p) && row.clientId !== p.clientId) return false;
	if (p.activityPrefixes.length) {
		const ids = statementActivities(row.statement).map((a) => a.activityId);
		if (!ids.some((id) => activityAllowed(p, id))) return false;
	}
	if (p.agentPatterns.length) {
		if (!statementAgents(row.statement).some((a) => a.direct && ifiMatchesPatterns(a.ifi, p.agentPatterns))) return false;
	}
	return true;
}

export interface StoreOptions {
	/** PUT: the statementId parameter. */
	statementId?: string;
	/** Attachment data received in multipart/mixed parts, by SHA-2. */
	attachments?: Map<string, AttachmentData>;
	/** The request was multipart/mixed (attachments without fileUrl may then carry data). */
	multipart?: boolean;
}

/**
 * Validates and stores a batch atomically: every statement is stored or none (Communication
 * 3.2.s3.b9). A statement whose id is already stored with the same content changes nothing; with
 * different content the whole batch is refused with 409.
 */
export async function storeStatements(p: Principal, input: unknown[], options: StoreOptions = {}): Promise<StoreResult> {
	if (!allows(p, 'statements:write')) throw forbidden('These credentials may not write statements (scope statements/write or all is needed).');
	if (input.length === 0) throw badRequest('No statements were sent (an empty array).');
	const statements = input.map((s) => structuredClone(s) as JsonObject);
	// A single context Activity is allowed and returned as an array (Data 2.4.6.2.s4.b2-b4).
	for (const s of statements) if (isObject(s)) normalizeContextActivities(s);
	assertValidStatements(statements);

	if (options.statementId !== undefined) {
		const stmt = statements[0]!;
		if (stmt.id !== undefined && String(stmt.id).toLowerCase() !== options.statementId.toLowerCase()) {
			throw badRequest(`The statement's id (${String(stmt.id)}) differs from the statementId parameter (${options.statementId}).`);
		}
		stmt.id = options.statementId;
	}

	const seen = new Set<string>();
	statements.forEach((stmt, i) => {
		if (stmt.id === undefined) stmt.id = randomUUID();
		const id = String(stmt.id).toLowerCase();
		if (seen.has(id)) throw badRequest(`The batch contains the statement id ${String(stmt.id)} twice (statement[${i}]).`);
		seen.add(id);
		checkWriteScope(p, stmt, i, statements.length);
	});

	// Attachments: data for each attachment without a fileUrl; signatures checked (Data 2.4.11, 2.6).
	const parts = options.attachments ?? new Map<string, AttachmentData>();
	const used = new Set<string>();
	statements.forEach((stmt, i) => {
		const where = statements.length > 1 ? `statement[${i}]` : 'the statement';
		const list = Array.isArray(stmt.attachments) ? (stmt.attachments as JsonObject[]) : [];
		list.forEach((a, j) => {
			const sha2 = String(a.sha2).toLowerCase();
			const data = parts.get(sha2);
			if (data) {
				used.add(sha2);
				// A part header and the attachment property it corresponds to must match (Communication
				// 1.5.2.s2.b2.b7). The data itself is identified by its hash, not by its length: even the
				// specification's signed example (Data, Appendix D) declares 4235 for 4239 bytes.
				if (data.contentLength !== undefined && typeof a.length === 'number' && a.length !== data.contentLength) {
					throw badRequest(`${where}: attachment ${j} declares length ${a.length} but its part's Content-Length is ${data.contentLength}.`);
				}
			} else if (a.fileUrl === undefined) {
				throw badRequest(
					options.multipart
						? `${where}: attachment ${j} has no fileUrl and no multipart part with X-Experience-API-Hash ${a.sha2}.`
						: `${where}: attachment ${j} has no fileUrl; send its data in a multipart/mixed request.`
				);
			}
			if (a.usageType === SIGNATURE_USAGE) {
				if (!data) throw badRequest(`${where}: the signature attachment ${j} must be sent as data in a multipart/mixed part.`);
				verifySignedStatement(stmt, data.body);
			}
		});
	});
	for (const sha2 of parts.keys()) {
		if (!used.has(sha2)) throw badRequest(`A multipart part has X-Experience-API-Hash ${sha2}, which no statement's attachment declares as its sha2.`);
	}

	for (const stmt of statements) {
		normalizeContextActivities(stmt);
		if (stmt.version === undefined) stmt.version = '1.0.0';
		// The LRS overwrites authority and stored (Data 2.4.8, 2.4.9).
		stmt.authority = p.authority as JsonObject;
	}
	const define = allows(p, 'define');

	return db().$transaction(
		async (tx) => {
			await tx.$executeRaw`SELECT pg_advisory_xact_lock(${WRITE_LOCK}::bigint)`;
			const [{ now }] = await tx.$queryRaw<{ now: Date }[]>`SELECT date_trunc('milliseconds', clock_timestamp()) AS now`;
			const stored = new Date(now).toISOString();

			const ids = statements.map((s) => String(s.id).toLowerCase());
			const existing = await tx.$queryRaw<{ id: string; statement: JsonObject }[]>`
				SELECT "statementId"::text AS id, statement FROM "XapiStatement" WHERE "statementId" = ANY(${ids}::uuid[])`;
			const existingById = new Map(existing.map((e) => [e.id, e.statement]));
			const fresh: JsonObject[] = [];
			for (const stmt of statements) {
				const prev = existingById.get(String(stmt.id).toLowerCase());
				if (!prev) fresh.push(stmt);
				else if (!sameStatement(prev, stmt)) {
					throw new XapiError(409, `A statement with id ${String(stmt.id)} is already stored with different content; statements are immutable.`);
				}
			}
			if (fresh.length === 0) return { ids: statements.map((s) => String(s.id)), allExisted: true };

			for (const stmt of fresh) {
				stmt.stored = stored;
				if (stmt.timestamp === undefined) stmt.timestamp = stored;
			}

			// Voiding (Data 2.3.2): a voiding statement's target, stored earlier or in this batch.
			const voiding = fresh.filter((s) => isObject(s.verb) && s.verb.id === VOIDED_VERB);
			const targets = voiding.map((s) => String((s.object as JsonObject).id).toLowerCase());
			if (targets.length) {
				const found = await tx.$queryRaw<{ id: string; voiding: boolean; statement: JsonObject; clientId: string | null; userId: string | null }[]>`
					SELECT "statementId"::text AS id, voiding, statement, "clientId", "userId" FROM "XapiStatement"
					WHERE "statementId" = ANY(${targets}::uuid[])`;
				const byId = new Map(found.map((f) => [f.id, f]));
				const inBatch = new Map(fresh.map((s) => [String(s.id).toLowerCase(), s]));
				for (const t of targets) {
					const stored = byId.get(t);
					const batchTarget = inBatch.get(t);
					const targetIsVoiding = stored
						? stored.voiding
						: !!batchTarget && isObject(batchTarget.verb) && batchTarget.verb.id === VOIDED_VERB;
					if (targetIsVoiding) throw badRequest(`Statement ${t} is itself a voiding statement, and a voiding statement cannot be voided.`);
					if (stored && !readable(p, { statement: stored.statement, clientId: stored.clientId, userId: stored.userId })) {
						throw forbidden(`These credentials may not void statement ${t}.`);
					}
				}
			}
			// Statements that arrive after a statement voiding them are voided from the start.
			const freshIds = fresh.map((s) => String(s.id).toLowerCase());
			const preVoided = new Set(
				(
					await tx.$queryRaw<{ id: string }[]>`
						SELECT "objectStatementRef"::text AS id FROM "XapiStatement"
						WHERE voiding AND "objectStatementRef" = ANY(${freshIds}::uuid[])`
				).map((r) => r.id)
			);
			for (const t of targets) preVoided.add(t);

			// One INSERT for the batch (unnest of column arrays): Prisma's createMany costs far more per row.
			const cols = fresh.map((stmt) => {
				const obj = stmt.object as JsonObject;
				const objectType = String(obj.objectType ?? 'Activity');
				const ctx = isObject(stmt.context) ? stmt.context : {};
				const isVoiding = isObject(stmt.verb) && stmt.verb.id === VOIDED_VERB;
				return {
					id: String(stmt.id),
					timestamp: (parseTimestamp(stmt.timestamp) ?? new Date(stored)).toISOString(),
					json: JSON.stringify(stmt),
					verbId: String((stmt.verb as JsonObject).id),
					actorIfi: ifi(stmt.actor),
					objectType,
					objectActivityId: activityIdOf(stmt),
					objectStatementRef: objectType === 'StatementRef' ? String(obj.id) : null,
					registration: typeof ctx.registration === 'string' ? ctx.registration : null,
					voided: !isVoiding && preVoided.has(String(stmt.id).toLowerCase()),
					voiding: isVoiding
				};
			});
			const col = <K extends keyof (typeof cols)[number]>(k: K) => cols.map((c) => c[k]);
			const rows = await tx.$queryRaw<{ seq: bigint; statementId: string }[]>`
				INSERT INTO "XapiStatement" ("statementId", stored, timestamp, statement, "verbId", "actorIfi", "objectType",
					"objectActivityId", "objectStatementRef", registration, voided, voiding, "authorityIfi", "clientId", "userId")
				SELECT id, ${new Date(stored)}, ts, js::jsonb, verb, actor, otype, act, ref, reg, vd, vg,
					${ifi(p.authority)!}, ${p.kind === 'client' ? p.clientId : null}, ${p.kind === 'user' ? p.user.id : null}
				FROM unnest(${col('id')}::uuid[], ${col('timestamp')}::timestamptz[], ${col('json')}::text[], ${col('verbId')}::text[],
					${col('actorIfi')}::text[], ${col('objectType')}::text[], ${col('objectActivityId')}::text[],
					${col('objectStatementRef')}::uuid[], ${col('registration')}::uuid[], ${col('voided')}::boolean[], ${col('voiding')}::boolean[])
					WITH ORDINALITY AS t(id, ts, js, verb, actor, otype, act, ref, reg, vd, vg, n)
				ORDER BY n
				RETURNING seq, "statementId"::text AS "statementId"`;
			const seqById = new Map(rows.map((r) => [r.statementId.toLowerCase(), r.seq]));

			const activityRows: { statementSeq: bigint; activityId: string; direct: boolean }[] = [];
			const agentRows: { statementSeq: bigint; ifi: string; direct: boolean }[] = [];
			const agentsSeen = new Map<string, JsonObject>();
			for (const stmt of fresh) {
				const seq = seqById.get(String(stmt.id).toLowerCase())!;
				for (const a of statementActivities(stmt)) activityRows.push({ statementSeq: seq, ...a });
				for (const a of statementAgents(stmt)) {
					agentRows.push({ statementSeq: seq, ifi: a.ifi, direct: a.direct });
					agentsSeen.set(a.ifi, a.agent);
				}
			}
			if (activityRows.length) {
				await tx.$executeRaw`INSERT INTO "XapiStatementActivity" ("statementSeq", "activityId", direct)
					SELECT * FROM unnest(${activityRows.map((r) => r.statementSeq)}::bigint[], ${activityRows.map((r) => r.activityId)}::text[],
						${activityRows.map((r) => r.direct)}::boolean[])`;
			}
			if (agentRows.length) {
				await tx.$executeRaw`INSERT INTO "XapiStatementAgent" ("statementSeq", ifi, direct)
					SELECT * FROM unnest(${agentRows.map((r) => r.statementSeq)}::bigint[], ${agentRows.map((r) => r.ifi)}::text[],
						${agentRows.map((r) => r.direct)}::boolean[])`;
			}

			if (targets.length) {
				await tx.$executeRaw`UPDATE "XapiStatement" SET voided = true WHERE "statementId" = ANY(${targets}::uuid[]) AND NOT voiding AND NOT voided`;
			}

			const attachmentRows = [...used].map((sha2) => {
				const d = parts.get(sha2)!;
				return { sha2, contentType: d.contentType, length: d.body.length, content: new Uint8Array(d.body) };
			});
			if (attachmentRows.length) await tx.xapiAttachment.createMany({ data: attachmentRows, skipDuplicates: true });

			// Canonical activity definitions (scope "define", Communication 4.2).
			if (define) {
				const received = new Map<string, JsonObject>();
				for (const stmt of fresh) {
					for (const a of activityObjects(stmt)) {
						if (!isObject(a.definition)) continue;
						const id = String(a.id);
						received.set(id, mergeDefinition(received.get(id) ?? null, a.definition));
					}
				}
				if (received.size) {
					const current = await tx.xapiActivity.findMany({ where: { activityId: { in: [...received.keys()] } } });
					const byId = new Map(current.map((c) => [c.activityId, c.definition as JsonObject]));
					for (const [id, def] of received) {
						const prev = byId.get(id) ?? null;
						const merged = mergeDefinition(prev, def);
						if (prev && JSON.stringify(prev) === JSON.stringify(merged)) continue;
						await tx.xapiActivity.upsert({
							where: { activityId: id },
							create: { activityId: id, definition: merged as Prisma.InputJsonValue },
							update: { definition: merged as Prisma.InputJsonValue }
						});
					}
				}
			}

			// Agents seen, for the Agents resource (the name last received is kept).
			if (agentsSeen.size) {
				const keys = [...agentsSeen.keys()];
				const objects = keys.map((k) => JSON.stringify(agentsSeen.get(k)));
				const names = keys.map((k) => {
					const n = agentsSeen.get(k)!.name;
					return typeof n === 'string' ? n : null;
				});
				await tx.$executeRaw`
					INSERT INTO "XapiAgent" (ifi, agent, name, "updatedAt")
					SELECT k, a::jsonb, n, now() FROM unnest(${keys}::text[], ${objects}::text[], ${names}::text[]) AS t(k, a, n)
					ON CONFLICT (ifi) DO UPDATE SET
						name = COALESCE(EXCLUDED.name, "XapiAgent".name),
						agent = CASE WHEN EXCLUDED.name IS NOT NULL THEN EXCLUDED.agent ELSE "XapiAgent".agent END,
						"updatedAt" = now()`;
			}
			return { ids: statements.map((s) => String(s.id)), allExisted: false };
		},
		{ timeout: 60_000, maxWait: 30_000 }
	);
}

// ---------------------------------------------------------------- reading

/**
 * The time up to which every stored statement is visible (X-Experience-API-Consistent-Through):
 * read under the writers' lock in shared mode, so no writer is between its clock and its commit.
 */
export async function consistentThrough(): Promise<Date> {
	const [{ now }] = await db().$queryRaw<{ now: Date }[]>`
		SELECT date_trunc('milliseconds', clock_timestamp()) AS now FROM (SELECT pg_advisory_xact_lock_shared(${WRITE_LOCK}::bigint)) AS l`;
	return new Date(now);
}

interface StatementRow {
	seq: bigint;
	statement: JsonObject;
	stored: Date;
}

/** One statement by id: voided ones only by voidedStatementId, the others only by statementId. */
export async function getStatement(p: Principal, id: string, voided: boolean): Promise<StatementRow> {
	if (!allows(p, 'statements:read')) throw forbidden('These credentials may not read statements.');
	const row = await db().xapiStatement.findUnique({
		where: { statementId: id },
		select: { seq: true, statement: true, stored: true, voided: true, clientId: true, userId: true }
	});
	const what = voided ? 'voided statement' : 'statement';
	if (!row || row.voided !== voided) throw notFound(`No ${what} with id ${id}.`);
	const statement = row.statement as JsonObject;
	if (!readable(p, { statement, clientId: row.clientId, userId: row.userId })) throw notFound(`No ${what} with id ${id}.`);
	return { seq: row.seq, statement, stored: row.stored };
}

export interface StatementFilters {
	agent?: string;
	verb?: string;
	activity?: string;
	registration?: string;
	relatedActivities?: boolean;
	relatedAgents?: boolean;
	since?: string;
	until?: string;
}

export interface StatementQuery extends StatementFilters {
	limit: number;
	ascending: boolean;
	/** Continue after this seq (from a `more` token). */
	after?: string;
}

function likePrefix(prefix: string): string {
	return prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

/** Conditions that keep a query within what the principal may read. */
function scopeSql(p: Principal, s: Prisma.Sql): Prisma.Sql[] {
	const out: Prisma.Sql[] = [];
	if (p.kind === 'user') {
		out.push(Prisma.sql`(${s}."userId" = ${p.user.id} OR EXISTS (SELECT 1 FROM "XapiStatementAgent" sg
			WHERE sg."statementSeq" = ${s}.seq AND sg.direct AND sg.ifi = ANY(${userIfis(p)}::text[])))`);
		return out;
	}
	if (readsOnlyOwn(p)) out.push(Prisma.sql`${s}."clientId" = ${p.clientId}`);
	if (p.activityPrefixes.length) {
		const likes = Prisma.join(p.activityPrefixes.map((x) => Prisma.sql`sa."activityId" LIKE ${likePrefix(x)} ESCAPE '\\'`), ' OR ');
		out.push(Prisma.sql`EXISTS (SELECT 1 FROM "XapiStatementActivity" sa WHERE sa."statementSeq" = ${s}.seq AND (${likes}))`);
	}
	if (p.agentPatterns.length) {
		const likes: Prisma.Sql[] = [];
		for (const pattern of p.agentPatterns) {
			const like = agentPatternToLike(pattern);
			if (like) likes.push(Prisma.sql`sg.ifi LIKE ${like} ESCAPE '\\'`);
		}
		out.push(
			likes.length
				? Prisma.sql`EXISTS (SELECT 1 FROM "XapiStatementAgent" sg WHERE sg."statementSeq" = ${s}.seq AND sg.direct AND (${Prisma.join(likes, ' OR ')}))`
				: Prisma.sql`false`
		);
	}
	return out;
}

/** The non-time filters on a statement alias (all must hold). */
function filterSql(f: StatementFilters, s: Prisma.Sql, skip: { agent?: boolean; activity?: boolean } = {}): Prisma.Sql[] {
	const out: Prisma.Sql[] = [];
	if (f.verb !== undefined) out.push(Prisma.sql`${s}."verbId" = ${f.verb}`);
	if (f.registration !== undefined) out.push(Prisma.sql`${s}.registration = ${f.registration}::uuid`);
	if (f.activity !== undefined && !skip.activity) {
		out.push(
			f.relatedActivities
				? Prisma.sql`EXISTS (SELECT 1 FROM "XapiStatementActivity" fa WHERE fa."statementSeq" = ${s}.seq AND fa."activityId" = ${f.activity})`
				: Prisma.sql`${s}."objectActivityId" = ${f.activity}`
		);
	}
	if (f.agent !== undefined && !skip.agent) {
		out.push(
			f.relatedAgents
				? Prisma.sql`EXISTS (SELECT 1 FROM "XapiStatementAgent" fg WHERE fg."statementSeq" = ${s}.seq AND fg.ifi = ${f.agent})`
				: Prisma.sql`EXISTS (SELECT 1 FROM "XapiStatementAgent" fg WHERE fg."statementSeq" = ${s}.seq AND fg.ifi = ${f.agent} AND fg.direct)`
		);
	}
	return out;
}

function hasFilters(f: StatementFilters): boolean {
	return f.agent !== undefined || f.verb !== undefined || f.activity !== undefined || f.registration !== undefined;
}

function and(conds: Prisma.Sql[]): Prisma.Sql {
	return conds.length ? Prisma.join(conds, ' AND ') : Prisma.sql`true`;
}

export interface QueryResult {
	statements: JsonObject[];
	/** The seq to continue after, when there are more. */
	next: string | null;
	lastStored: Date | null;
}

/**
 * Statements matching the filters, newest first (or oldest first), at most `limit` (Communication
 * 2.1.3). Voided statements are never returned; statements that target a matching statement
 * with a StatementRef match too, recursively, even when the target is voided (2.1.3.s3, 2.1.4).
 */
export async function queryStatements(p: Principal, q: StatementQuery): Promise<QueryResult> {
	if (!allows(p, 'statements:read')) throw forbidden('These credentials may not read statements.');
	const s = Prisma.raw('s');
	const limit = Math.min(q.limit > 0 ? q.limit : MAX_LIMIT, MAX_LIMIT);
	const dir = Prisma.raw(q.ascending ? 'ASC' : 'DESC');
	const cmp = Prisma.raw(q.ascending ? '>' : '<');

	const common: Prisma.Sql[] = [Prisma.sql`NOT ${s}.voided`];
	if (q.since) common.push(Prisma.sql`${s}.stored > ${new Date(q.since)}`);
	if (q.until) common.push(Prisma.sql`${s}.stored <= ${new Date(q.until)}`);
	if (q.after) common.push(Prisma.sql`${s}.seq ${cmp} ${BigInt(q.after)}`);
	common.push(...scopeSql(p, s));

	// The direct matches, driven by the most selective index: agent, then related activity.
	let direct: Prisma.Sql;
	if (q.agent !== undefined) {
		const conds = [Prisma.sql`d.ifi = ${q.agent}`, ...(q.relatedAgents ? [] : [Prisma.sql`d.direct`])];
		direct = Prisma.sql`SELECT ${s}.seq FROM "XapiStatementAgent" d JOIN "XapiStatement" s ON s.seq = d."statementSeq"
			WHERE ${and([...conds, ...filterSql(q, s, { agent: true }), ...common])}
			ORDER BY d."statementSeq" ${dir} LIMIT ${limit + 1}`;
	} else if (q.activity !== undefined && q.relatedActivities) {
		direct = Prisma.sql`SELECT ${s}.seq FROM "XapiStatementActivity" d JOIN "XapiStatement" s ON s.seq = d."statementSeq"
			WHERE ${and([Prisma.sql`d."activityId" = ${q.activity}`, ...filterSql(q, s, { activity: true }), ...common])}
			ORDER BY d."statementSeq" ${dir} LIMIT ${limit + 1}`;
	} else {
		direct = Prisma.sql`SELECT ${s}.seq FROM "XapiStatement" s WHERE ${and([...filterSql(q, s), ...common])}
			ORDER BY ${s}.seq ${dir} LIMIT ${limit + 1}`;
	}

	let sql: Prisma.Sql;
	if (hasFilters(q)) {
		const t = Prisma.raw('t');
		sql = Prisma.sql`
			WITH RECURSIVE refs(seq, sid) AS (
				SELECT r.seq, r."statementId" FROM "XapiStatement" r JOIN "XapiStatement" t ON t."statementId" = r."objectStatementRef"
				WHERE r."objectStatementRef" IS NOT NULL AND ${and(filterSql(q, t))}
				UNION
				SELECT r.seq, r."statementId" FROM "XapiStatement" r JOIN refs ON r."objectStatementRef" = refs.sid
			),
			cand AS (
				(${direct})
				UNION
				(SELECT ${s}.seq FROM refs JOIN "XapiStatement" s ON s.seq = refs.seq WHERE ${and(common)} ORDER BY ${s}.seq ${dir} LIMIT ${limit + 1})
			)
			SELECT s.seq, s.statement, s.stored FROM cand JOIN "XapiStatement" s ON s.seq = cand.seq ORDER BY s.seq ${dir} LIMIT ${limit + 1}`;
	} else {
		sql = Prisma.sql`SELECT s.seq, s.statement, s.stored FROM (${direct}) AS cand JOIN "XapiStatement" s ON s.seq = cand.seq
			ORDER BY s.seq ${dir}`;
	}
	const rows = await db().$queryRaw<StatementRow[]>(sql);
	const page = rows.slice(0, limit);
	const latest = page.reduce<Date | null>((m, r) => (!m || new Date(r.stored) > m ? new Date(r.stored) : m), null);
	return {
		statements: page.map((r) => r.statement),
		next: rows.length > limit ? String(page[page.length - 1]!.seq) : null,
		lastStored: latest
	};
}

// ---------------------------------------------------------------- formats and attachments

/** Canonical definitions of the activities the statements mention (format=canonical). */
export async function canonicalDefinitions(statements: JsonObject[]): Promise<Map<string, JsonObject>> {
	const ids = [...new Set(statements.flatMap((s) => activityObjects(s).map((a) => String(a.id))))];
	if (!ids.length) return new Map();
	const rows = await db().xapiActivity.findMany({ where: { activityId: { in: ids } } });
	return new Map(rows.map((r) => [r.activityId, r.definition as JsonObject]));
}

export async function formatAll(statements: JsonObject[], format: Format, acceptLanguage: string | null): Promise<JsonObject[]> {
	if (format === 'exact') return statements;
	const canon = format === 'canonical' ? await canonicalDefinitions(statements) : new Map<string, JsonObject>();
	return statements.map((s) => formatStatement(s, format, canon, acceptLanguage));
}

/** Attachment data of the statements, once per SHA-2 (attachments=true). */
export async function attachmentsOf(statements: JsonObject[]): Promise<{ sha2: string; contentType: string; content: Buffer }[]> {
	const hashes = new Set<string>();
	for (const s of statements) {
		if (!Array.isArray(s.attachments)) continue;
		for (const a of s.attachments) if (isObject(a) && typeof a.sha2 === 'string') hashes.add(a.sha2.toLowerCase());
	}
	if (!hashes.size) return [];
	const rows = await db().xapiAttachment.findMany({ where: { sha2: { in: [...hashes] } } });
	return rows.map((r) => ({ sha2: r.sha2, contentType: r.contentType, content: Buffer.from(r.content) }));
}

// ---------------------------------------------------------------- `more` continuation

interface MoreToken {
	q: StatementQuery & { format: Format; attachments: boolean };
	v: 1;
}

/** The relative IRL of the next page (Data 2.5): the query and where it stopped, opaque to clients. */
export function moreUrl(q: StatementQuery & { format: Format; attachments: boolean }, after: string): string {
	const token: MoreToken = { v: 1, q: { ...q, after } };
	return `${XAPI_BASE}/statements?more=${Buffer.from(JSON.stringify(token)).toString('base64url')}`;
}

export function parseMore(value: string): StatementQuery & { format: Format; attachments: boolean } {
	try {
		const token = JSON.parse(Buffer.from(value, 'base64url').toString('utf8')) as MoreToken;
		if (token.v !== 1 || !isObject(token.q as unknown) || !/^\d+$/.test(String(token.q.after))) throw new Error('shape');
		return token.q;
	} catch {
		throw badRequest('The "more" parameter is not a continuation this LRS issued.');
	}
}

