/**
 * The compliance summary (ADR 0015, amendment 1): one CertificationSummary row per organization,
 * person and assigned programme, written from the pure engine (statusAt) and read by the manager's
 * dashboard and exports, so a page of 10,000 people does not run the engine for everyone.
 *
 * Kept correct by:
 *  - marks (CertificationSummaryStale) written in the same transaction as a change this domain or
 *    identity makes (assignments reaching or leaving people, certifications recorded, overridden or
 *    revoked, memberships added, changed or removed), drained by `refreshStale`;
 *  - a scan for evidence the learning and events domains wrote (course completions, submitted quiz
 *    attempts, attendance) and programme versions published after a row was written;
 *  - the daily job, which rewrites every row of the organization from the facts it loads anyway.
 * Statuses that change only with time are never stored: `summaryStatus` derives them from the stored
 * dates at the reader's `now`, exactly as the engine would.
 */
import { db, type Prisma } from '../db/index.ts';
import { loadFacts, type LoadedFacts } from './facts.ts';
import { recordEarned } from './status.ts';
import { statusAt, type CertificationStatus } from './engine.ts';

type Client = Prisma.TransactionClient;

/**
 * Evidence dated up to this long before a refresh is treated as possibly unseen by it (a learning
 * transaction that took its timestamp before the refresh read, and committed after), so the person
 * is refreshed once more; refreshing is idempotent.
 */
const MARGIN_MS = 60_000;
const LONG = { timeout: 120_000 };
const SLICE = 1000;

export interface SummaryRow {
	organizationId: string;
	userId: string;
	programmeId: string;
	departmentId: string | null;
	position: string;
	baseStatus: string;
	dueAt: Date | null;
	certificationId: string | null;
	certifiedAt: Date | null;
	expiresAt: Date | null;
	windowOpensAt: Date | null;
	version: number | null;
	progress: number;
	windowProgress: number;
	expiredProgress: number;
}

/**
 * The status and progress of a summary row at `now`: with a certification, certified until the
 * window opens, expiring until it expires, expired after; without one, the stored not_started or
 * in_progress, or overdue after the due date (the same rules as engine.statusAt).
 */
export function summaryStatus(row: Pick<SummaryRow, 'baseStatus' | 'dueAt' | 'certificationId' | 'expiresAt' | 'windowOpensAt' | 'progress' | 'windowProgress' | 'expiredProgress'>, now: Date): { status: CertificationStatus; progress: number } {
	const t = now.getTime();
	if (row.certificationId && row.expiresAt && row.windowOpensAt) {
		if (t >= row.expiresAt.getTime()) return { status: 'expired', progress: row.expiredProgress };
		if (t >= row.windowOpensAt.getTime()) return { status: 'expiring', progress: row.windowProgress };
		return { status: 'certified', progress: 1 };
	}
	if (row.dueAt && t > row.dueAt.getTime()) return { status: 'overdue', progress: row.progress };
	return { status: row.baseStatus === 'in_progress' ? 'in_progress' : 'not_started', progress: row.progress };
}

/** The summary rows of the loaded pairs (assigned ones of members of the organization), from the engine at `now`. */
export function summaryRowsOf(organizationId: string, loaded: LoadedFacts, members: Map<string, { departmentId: string | null; position: string | null }>, now: Date): SummaryRow[] {
	const rows: SummaryRow[] = [];
	for (const p of loaded.pairs) {
		if (!p.facts.assigned) continue;
		const m = members.get(p.userId);
		if (!m) continue;
		const r = statusAt(p.facts, now);
		const c = r.current;
		let baseStatus: string = r.status;
		let windowProgress = 0;
		let expiredProgress = 0;
		if (c && r.windowOpensAt) {
			// What the engine will say once the window opens and once it expires (no new evidence can
			// appear without a refresh); when that moment has come, what it says now.
			windowProgress = now.getTime() >= r.windowOpensAt.getTime() ? r.progress : statusAt(p.facts, r.windowOpensAt).progress;
			expiredProgress = now.getTime() >= c.expiresAt.getTime() ? r.progress : statusAt(p.facts, c.expiresAt).progress;
		} else if (r.status === 'overdue') {
			// The status before the due date: the engine without the assignment's deadline.
			baseStatus = statusAt({ ...p.facts, dueAt: null }, now).status;
		}
		rows.push({
			organizationId,
			userId: p.userId,
			programmeId: p.programmeId,
			departmentId: m.departmentId,
			position: m.position ?? '',
			baseStatus,
			dueAt: r.dueAt,
			certificationId: c?.id ?? null,
			certifiedAt: c?.certifiedAt ?? null,
			expiresAt: c?.expiresAt ?? null,
			windowOpensAt: c ? r.windowOpensAt : null,
			version: c?.version ?? null,
			progress: r.progress,
			windowProgress,
			expiredProgress
		});
	}
	return rows;
}

async function membersOf(organizationId: string, userIds?: string[]) {
	const out = new Map<string, { departmentId: string | null; position: string | null }>();
	const parts = userIds ? Array.from({ length: Math.ceil(userIds.length / 5000) }, (_, i) => userIds.slice(i * 5000, i * 5000 + 5000)) : [undefined];
	for (const part of parts) {
		const rows = await db().membership.findMany({ where: { organizationId, ...(part ? { userId: { in: part } } : {}) }, select: { userId: true, departmentId: true, position: true } });
		for (const r of rows) out.set(r.userId, r);
	}
	return out;
}

/**
 * Rewrites the summary rows of `userIds` in the organization (all its people when not given) from
 * facts already loaded for them (`loaded`, as the daily job has) or loaded here; records the
 * certifications the evidence gives first. Removes the marks that were there when it started.
 */
export async function refreshSummaries(organizationId: string, userIds?: string[], now = new Date(), loaded?: LoadedFacts): Promise<number> {
	// A minute before the wall clock, or the caller's `now` when that is earlier (tests and replays on
	// fixed dates, where no transaction can still be committing evidence dated before it).
	const seen = new Date(Math.min(now.getTime(), Date.now() - MARGIN_MS));
	const users = userIds ? [...new Set(userIds)] : undefined;
	if (users && users.length === 0) return 0;
	const marks = await db().certificationSummaryStale.findMany({ where: { organizationId }, select: { id: true, userId: true } });
	const wanted = users ? new Set(users) : null;
	const markIds = marks.filter((m) => !wanted || wanted.has(m.userId)).map((m) => m.id);
	if (!loaded) {
		loaded = await loadFacts({ organizationId, ...(users ? { userIds: users } : {}) });
		await recordEarned(loaded, now, { exceptOrganizationId: organizationId });
	}
	const rows = summaryRowsOf(organizationId, loaded, await membersOf(organizationId, users), now);
	// Each person's rows are replaced in one transaction, a slice of people at a time (a whole
	// organization in one transaction would hold it open for long on a busy server).
	const byUser = new Map<string, SummaryRow[]>();
	for (const r of rows) {
		const list = byUser.get(r.userId);
		if (list) list.push(r);
		else byUser.set(r.userId, [r]);
	}
	const everyone = users ?? [...new Set([...byUser.keys(), ...(await db().certificationSummary.findMany({ where: { organizationId }, distinct: ['userId'], select: { userId: true } })).map((r) => r.userId)])];
	for (let i = 0; i < everyone.length; i += SLICE) {
		const part = everyone.slice(i, i + SLICE);
		const data = part.flatMap((u) => byUser.get(u) ?? []).map((r) => ({ ...r, refreshedAt: seen }));
		await db().$transaction(async (tx) => {
			await tx.certificationSummary.deleteMany({ where: { organizationId, userId: { in: part } } });
			if (data.length) await tx.certificationSummary.createMany({ data });
		}, LONG);
	}
	for (let i = 0; i < markIds.length; i += 5000) await db().certificationSummaryStale.deleteMany({ where: { id: { in: markIds.slice(i, i + 5000) } } });
	return rows.length;
}

/**
 * People of the organization whose rows are older than evidence they gained (course completions,
 * submitted quiz attempts, attendance) or than a version of their programme, dated up to `now`.
 */
async function changedSince(organizationId: string, now: Date): Promise<string[]> {
	// Only what is dated up to `now` can change a status at `now` (the engine ignores later evidence).
	// The evidence is read from the oldest row's refresh on (the daily job rewrites every row, so that
	// is a day's evidence at most, found by its date index) and joined to the people's rows; asking
	// every row whether evidence exists for it cost a lookup per row (30,500 rows: half the page).
	const rows = await db().$queryRaw<Array<{ userId: string }>>`
		WITH s AS (
			SELECT "userId", "programmeId", "refreshedAt" FROM "CertificationSummary" WHERE "organizationId" = ${organizationId}
		), since AS (
			SELECT MIN("refreshedAt") AS t FROM s
		), evidence AS (
			SELECT c."userId", c."completedAt" AS t FROM "CourseCompletion" c, since WHERE c."completedAt" > since.t AND c."completedAt" <= ${now}
			UNION ALL
			SELECT q."userId", q."submittedAt" FROM "QuizAttempt" q, since WHERE q."submittedAt" > since.t AND q."submittedAt" <= ${now}
			UNION ALL
			SELECT a."userId", a."attendedAt" FROM "Attendance" a, since WHERE a."attendedAt" > since.t AND a."attendedAt" <= ${now}
		)
		SELECT s."userId" FROM s JOIN evidence e ON e."userId" = s."userId" AND e.t > s."refreshedAt"
		UNION
		SELECT s."userId" FROM s JOIN "CertificationProgrammeVersion" v ON v."programmeId" = s."programmeId" AND v."createdAt" > s."refreshedAt" AND v."createdAt" <= ${now}`;
	return rows.map((r) => r.userId);
}

/**
 * Brings the organization's summary up to date: the people marked stale and those with newer
 * evidence are refreshed; an organization with assignments but no summary yet (the first run after
 * an upgrade) is refreshed whole. Returns how many people were refreshed (0 on the usual request).
 */
export async function refreshStale(organizationId: string, now = new Date()): Promise<number> {
	const [marks, changed, anyRow] = await Promise.all([
		db().certificationSummaryStale.findMany({ where: { organizationId }, distinct: ['userId'], select: { userId: true } }),
		changedSince(organizationId, now),
		db().certificationSummary.findFirst({ where: { organizationId }, select: { id: true } })
	]);
	if (!anyRow && (await db().certificationSubject.findFirst({ where: { organizationId, endedAt: null }, select: { id: true } }))) {
		await refreshSummaries(organizationId, undefined, now);
		return -1;
	}
	const users = [...new Set([...marks.map((m) => m.userId), ...changed])];
	if (users.length) await refreshSummaries(organizationId, users, now);
	return users.length;
}

/** Every organization with marks or assignments (the job every minute). */
export async function refreshAllStale(now = new Date()): Promise<number> {
	const orgs = new Set([
		...(await db().certificationSummaryStale.findMany({ distinct: ['organizationId'], select: { organizationId: true } })).map((r) => r.organizationId),
		...(await db().certificationAssignment.findMany({ where: { revokedAt: null }, distinct: ['organizationId'], select: { organizationId: true } })).map((r) => r.organizationId)
	]);
	let n = 0;
	for (const o of orgs) n += Math.max(0, await refreshStale(o, now));
	return n;
}

/** The summary rows of an organization (optionally one programme or department). */
export function readSummaries(organizationId: string, filters: { programmeId?: string | null; departmentId?: string | null } = {}, client: Client | ReturnType<typeof db> = db()) {
	return client.certificationSummary.findMany({
		where: { organizationId, ...(filters.programmeId ? { programmeId: filters.programmeId } : {}), ...(filters.departmentId ? { departmentId: filters.departmentId } : {}) },
		select: { userId: true, programmeId: true, departmentId: true, position: true, baseStatus: true, dueAt: true, certificationId: true, expiresAt: true, windowOpensAt: true, progress: true, windowProgress: true, expiredProgress: true }
	});
}
