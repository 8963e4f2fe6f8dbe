import { db, Prisma } from '../db/index.ts';
import { ifi, portalActorIfis, type PortalPerson } from './agents.ts';
import { isObject, type JsonObject } from './validate.ts';

/**
 * Reading statements for people rather than for xAPI clients: the admin browser (/admin/xapi) with
 * its CSV export, and the courses domain's completion rules (`learnerStatements`).
 */

export interface AdminStatementFilter {
	/** An activity IRI or the start of one (a course's IRIs share a prefix). */
	activity?: string;
	/** E-mail address or part of a name of a learner (portal account or agent seen in statements). */
	learner?: string;
	verb?: string;
	since?: Date;
	until?: Date;
	includeVoided?: boolean;
}

export interface AdminStatementRow {
	seq: string;
	statementId: string;
	stored: Date;
	timestamp: Date;
	actorName: string | null;
	actorIfi: string | null;
	verbId: string;
	verbDisplay: JsonObject | null;
	objectType: string;
	objectId: string | null;
	objectName: JsonObject | null;
	registration: string | null;
	scoreScaled: number | null;
	scoreRaw: number | null;
	success: boolean | null;
	completion: boolean | null;
	duration: string | null;
	voided: boolean;
	authority: string | null;
}

function likePrefix(prefix: string): string {
	return prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%';
}

/** The IFIs a learner search means: matching portal accounts (both identifiers) and agents by name. */
async function learnerIfis(term: string): Promise<string[]> {
	const t = term.trim();
	const users = await db().user.findMany({
		where: t.includes('@')
			? { email: { equals: t, mode: 'insensitive' } }
			: { OR: [{ name: { contains: t, mode: 'insensitive' } }, { email: { contains: t, mode: 'insensitive' } }] },
		select: { id: true, email: true, name: true },
		take: 50
	});
	const ifis = new Set(users.flatMap((u) => portalActorIfis(u)));
	if (t.includes('@')) ifis.add(ifi({ mbox: `mailto:${t}` })!);
	const agents = await db().xapiAgent.findMany({
		where: t.includes('@')
			? { ifi: ifi({ mbox: `mailto:${t}` })! }
			: { OR: [{ name: { contains: t, mode: 'insensitive' } }, { ifi: { contains: t, mode: 'insensitive' } }] },
		select: { ifi: true },
		take: 200
	});
	for (const a of agents) ifis.add(a.ifi);
	return [...ifis];
}

async function conditions(f: AdminStatementFilter): Promise<Prisma.Sql> {
	const conds: Prisma.Sql[] = [];
	if (!f.includeVoided) conds.push(Prisma.sql`NOT s.voided`);
	if (f.verb) conds.push(Prisma.sql`s."verbId" = ${f.verb}`);
	if (f.since) conds.push(Prisma.sql`s.stored >= ${f.since}`);
	if (f.until) conds.push(Prisma.sql`s.stored <= ${f.until}`);
	if (f.activity) {
		conds.push(Prisma.sql`EXISTS (SELECT 1 FROM "XapiStatementActivity" a WHERE a."statementSeq" = s.seq AND a."activityId" LIKE ${likePrefix(f.activity)} ESCAPE '\\')`);
	}
	if (f.learner) {
		const ifis = await learnerIfis(f.learner);
		conds.push(ifis.length ? Prisma.sql`s."actorIfi" = ANY(${ifis}::text[])` : Prisma.sql`false`);
	}
	return conds.length ? Prisma.join(conds, ' AND ') : Prisma.sql`true`;
}

interface RawRow {
	seq: bigint;
	statementId: string;
	stored: Date;
	timestamp: Date;
	statement: JsonObject;
	actorIfi: string | null;
	verbId: string;
	objectType: string;
	objectActivityId: string | null;
	registration: string | null;
	voided: boolean;
	authorityIfi: string;
}

function toRow(r: RawRow): AdminStatementRow {
	const s = r.statement;
	const actor = isObject(s.actor) ? s.actor : {};
	const verb = isObject(s.verb) ? s.verb : {};
	const obj = isObject(s.object) ? s.object : {};
	const def = isObject(obj.definition) ? obj.definition : {};
	const result = isObject(s.result) ? s.result : {};
	const score = isObject(result.score) ? result.score : {};
	const num = (v: unknown) => (typeof v === 'number' ? v : null);
	const bool = (v: unknown) => (typeof v === 'boolean' ? v : null);
	return {
		seq: String(r.seq),
		statementId: r.statementId,
		stored: new Date(r.stored),
		timestamp: new Date(r.timestamp),
		actorName: typeof actor.name === 'string' ? actor.name : null,
		actorIfi: r.actorIfi,
		verbId: r.verbId,
		verbDisplay: isObject(verb.display) ? verb.display : null,
		objectType: r.objectType,
		objectId: r.objectActivityId ?? (typeof obj.id === 'string' ? obj.id : null),
		objectName: isObject(def.name) ? def.name : null,
		registration: r.registration,
		scoreScaled: num(score.scaled),
		scoreRaw: num(score.raw),
		success: bool(result.success),
		completion: bool(result.completion),
		duration: typeof result.duration === 'string' ? result.duration : null,
		voided: r.voided,
		authority: r.authorityIfi
	};
}

const COLUMNS = Prisma.sql`s.seq, s."statementId"::text AS "statementId", s.stored, s.timestamp, s.statement, s."actorIfi", s."verbId",
	s."objectType", s."objectActivityId", s.registration::text AS registration, s.voided, s."authorityIfi"`;

export async function listStatementsForAdmin(
	f: AdminStatementFilter,
	page = 1,
	pageSize = 50
): Promise<{ items: AdminStatementRow[]; total: number; page: number; pages: number }> {
	const where = await conditions(f);
	const [{ count }] = await db().$queryRaw<{ count: bigint }[]>`SELECT count(*) AS count FROM "XapiStatement" s WHERE ${where}`;
	const total = Number(count);
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const current = Math.min(Math.max(1, page), pages);
	const rows = await db().$queryRaw<RawRow[]>`
		SELECT ${COLUMNS} FROM "XapiStatement" s WHERE ${where} ORDER BY s.seq DESC LIMIT ${pageSize} OFFSET ${(current - 1) * pageSize}`;
	return { items: rows.map(toRow), total, page: current, pages };
}

/** The verbs used so far (for the filter's choice list), most used first. */
export async function adminFilterOptions(): Promise<{ verbs: { id: string; count: number }[] }> {
	const verbs = await db().$queryRaw<{ id: string; count: bigint }[]>`
		SELECT "verbId" AS id, count(*) AS count FROM "XapiStatement" GROUP BY "verbId" ORDER BY count(*) DESC LIMIT 100`;
	return { verbs: verbs.map((v) => ({ id: v.id, count: Number(v.count) })) };
}

function csvCell(value: unknown): string {
	if (value === null || value === undefined) return '';
	const text = value instanceof Date ? value.toISOString() : typeof value === 'object' ? JSON.stringify(value) : String(value);
	// Cells that a spreadsheet would run as a formula are prefixed (CSV injection).
	const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
	return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

const CSV_HEADER = [
	'id',
	'stored',
	'timestamp',
	'actor_name',
	'actor',
	'verb',
	'verb_display',
	'object_type',
	'object',
	'object_name',
	'registration',
	'score_scaled',
	'score_raw',
	'success',
	'completion',
	'duration',
	'voided',
	'authority'
];

/** The CSV export of a filter, streamed in pages of 1,000 statements (newest first). */
export function statementsCsv(f: AdminStatementFilter, pickLanguage: (map: JsonObject | null) => string): ReadableStream<Uint8Array> {
	const enc = new TextEncoder();
	let after: bigint | null = null;
	let started = false;
	let where: Prisma.Sql | null = null;
	return new ReadableStream<Uint8Array>({
		async pull(controller) {
			if (!started) {
				started = true;
				where = await conditions(f);
				// A byte order mark, so that spreadsheet programs read the Ukrainian text as UTF-8.
				controller.enqueue(enc.encode('\uFEFF' + CSV_HEADER.join(',') + '\r\n'));
				return;
			}
			const cursor: Prisma.Sql = after === null ? Prisma.sql`true` : Prisma.sql`s.seq < ${after}`;
			const rows: RawRow[] = await db().$queryRaw<RawRow[]>`
				SELECT ${COLUMNS} FROM "XapiStatement" s WHERE ${where!} AND ${cursor} ORDER BY s.seq DESC LIMIT 1000`;
			if (!rows.length) {
				controller.close();
				return;
			}
			after = rows[rows.length - 1]!.seq;
			const lines = rows.map((raw) => {
				const r = toRow(raw);
				return [
					r.statementId,
					r.stored,
					r.timestamp,
					r.actorName,
					r.actorIfi,
					r.verbId,
					pickLanguage(r.verbDisplay),
					r.objectType,
					r.objectId,
					pickLanguage(r.objectName),
					r.registration,
					r.scoreScaled,
					r.scoreRaw,
					r.success,
					r.completion,
					r.duration,
					r.voided,
					r.authority
				]
					.map(csvCell)
					.join(',');
			});
			controller.enqueue(enc.encode(lines.join('\r\n') + '\r\n'));
		}
	});
}

/**
 * Statements about one portal person, oldest first, voided ones left out: for the courses domain's
 * completion and score rules. `activityId` matches the object (and, with `related`, context
 * activities such as the lesson a question belongs to).
 */
export async function learnerStatements(options: {
	user: PortalPerson;
	activityId?: string;
	related?: boolean;
	verbs?: string[];
	since?: Date;
	limit?: number;
}): Promise<JsonObject[]> {
	const ifis = portalActorIfis(options.user);
	const conds: Prisma.Sql[] = [
		Prisma.sql`NOT s.voided`,
		Prisma.sql`EXISTS (SELECT 1 FROM "XapiStatementAgent" g WHERE g."statementSeq" = s.seq AND g.direct AND g.ifi = ANY(${ifis}::text[]))`
	];
	if (options.activityId) {
		conds.push(
			options.related
				? Prisma.sql`EXISTS (SELECT 1 FROM "XapiStatementActivity" a WHERE a."statementSeq" = s.seq AND a."activityId" = ${options.activityId})`
				: Prisma.sql`s."objectActivityId" = ${options.activityId}`
		);
	}
	if (options.verbs?.length) conds.push(Prisma.sql`s."verbId" = ANY(${options.verbs}::text[])`);
	if (options.since) conds.push(Prisma.sql`s.stored > ${options.since}`);
	const rows = await db().$queryRaw<{ statement: JsonObject }[]>`
		SELECT s.statement FROM "XapiStatement" s WHERE ${Prisma.join(conds, ' AND ')} ORDER BY s.seq ASC LIMIT ${options.limit ?? 1000}`;
	return rows.map((r) => r.statement);
}

// ---------------------------------------------------------------- labels for people

/** A language map's text in the page's language (uk, then en, then any). */
export function displayText(map: JsonObject | null, locale: string): string | null {
	if (!map) return null;
	const keys = Object.keys(map);
	const pick =
		keys.find((k) => k.toLowerCase() === locale) ??
		keys.find((k) => k.toLowerCase().startsWith(`${locale}-`)) ??
		keys.find((k) => k.toLowerCase().startsWith('en')) ??
		keys[0];
	return pick && typeof map[pick] === 'string' ? (map[pick] as string) : null;
}

/** An IFI as a person reads it: the address, the OpenID, or name@system for an account. */
export function ifiLabel(value: string | null): string {
	if (!value) return '';
	if (value.startsWith('mbox:mailto:')) return value.slice('mbox:mailto:'.length);
	if (value.startsWith('openid:')) return value.slice('openid:'.length);
	if (value.startsWith('account:')) {
		const [homePage, name] = JSON.parse(value.slice('account:'.length)) as [string, string];
		return `${name} @ ${homePage}`;
	}
	return value;
}

/** The last path segment of an IRI, for verbs without a display. */
export function iriTail(iri: string): string {
	return iri.split(/[/#]/).filter(Boolean).pop() ?? iri;
}
