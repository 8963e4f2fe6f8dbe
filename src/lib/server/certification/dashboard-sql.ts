/**
 * The manager's compliance page at scale (ADR 0015, summary amendment): the counts per department
 * come from one GROUP BY over CertificationSummary and the people from one page of rows, both in SQL,
 * instead of loading every summary row and membership of the organization. The status at `now` is
 * derived in SQL by `statusSql`, which mirrors `summaryStatus` (summary.ts, the one definition; the
 * tests compare both around every boundary). The exports still read every row (complianceReport).
 */
import { db, Prisma } from '../db/index.ts';
import { refreshStale, summaryStatus } from './summary.ts';
import { emptyLine, percentOf, type ComplianceFilters, type ComplianceRow, type DepartmentCompliance } from './dashboard.ts';

const DAY = 86_400_000;

/** A moment as a timestamp without time zone in UTC, as Prisma stores DateTime. */
const at = (d: Date) => Prisma.sql`(CAST(${d.toISOString()} AS timestamptz) AT TIME ZONE 'UTC')`;

/** The status of summary row `s` at `now`: the same rules as summaryStatus. */
export function statusSql(now: Date): Prisma.Sql {
	const t = at(now);
	return Prisma.sql`CASE
		WHEN s."certificationId" IS NOT NULL AND s."certificationId" <> '' AND s."expiresAt" IS NOT NULL AND s."windowOpensAt" IS NOT NULL THEN
			CASE WHEN ${t} >= s."expiresAt" THEN 'expired' WHEN ${t} >= s."windowOpensAt" THEN 'expiring' ELSE 'certified' END
		WHEN s."dueAt" IS NOT NULL AND ${t} > s."dueAt" THEN 'overdue'
		WHEN s."baseStatus" = 'in_progress' THEN 'in_progress'
		ELSE 'not_started' END`;
}

/** The summary rows of the organization the dashboard counts (members only, existing programmes), narrowed by the filters. */
function whereOf(organizationId: string, filters: ComplianceFilters): Prisma.Sql {
	return Prisma.sql`s."organizationId" = ${organizationId}
		AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."organizationId" = s."organizationId" AND m."userId" = s."userId")
		${filters.programmeId ? Prisma.sql`AND s."programmeId" = ${filters.programmeId}` : Prisma.empty}
		${filters.departmentId ? Prisma.sql`AND s."departmentId" = ${filters.departmentId}` : Prisma.empty}`;
}

const statusFilter = (filters: ComplianceFilters) => (filters.status ? Prisma.sql`WHERE x.status = ${filters.status}` : Prisma.empty);

type CountFields = Omit<DepartmentCompliance, 'departmentId' | 'nameUk' | 'nameEn' | 'certifiedPercent'>;
const COUNT_FIELDS = ['assigned', 'certified', 'inWindow', 'expiring30', 'expiring60', 'expiring90', 'overdue', 'expired', 'inProgress', 'notStarted'] as const satisfies ReadonlyArray<keyof CountFields>;

/**
 * Per department (and for the whole organization) the counts of the dashboard at `now`, computed in
 * SQL; the same lines as complianceReport gives: every department of the organization, then people
 * without a (known) department when there are any, narrowed by the department filter.
 */
export async function complianceCounts(organizationId: string, filters: ComplianceFilters = {}, now = new Date()): Promise<{ departments: DepartmentCompliance[]; total: DepartmentCompliance }> {
	const certified = Prisma.sql`x.status IN ('certified', 'expiring')`;
	const within = (days: number) => Prisma.sql`count(*) FILTER (WHERE ${certified} AND x."expiresAt" <= ${at(new Date(now.getTime() + days * DAY))})::int`;
	const [org, groups] = await Promise.all([
		db().organization.findUniqueOrThrow({ where: { id: organizationId }, include: { departments: { orderBy: { nameUk: 'asc' } } } }),
		db().$queryRaw<Array<{ departmentId: string | null } & CountFields>>`
			SELECT x."departmentId",
				count(*)::int AS "assigned",
				count(*) FILTER (WHERE ${certified})::int AS "certified",
				count(*) FILTER (WHERE x.status = 'expiring')::int AS "inWindow",
				${within(30)} AS "expiring30",
				${within(60)} AS "expiring60",
				${within(90)} AS "expiring90",
				count(*) FILTER (WHERE x.status = 'overdue')::int AS "overdue",
				count(*) FILTER (WHERE x.status = 'expired')::int AS "expired",
				count(*) FILTER (WHERE x.status = 'in_progress')::int AS "inProgress",
				count(*) FILTER (WHERE x.status = 'not_started')::int AS "notStarted"
			FROM (
				SELECT s."departmentId", s."expiresAt", ${statusSql(now)} AS status
				FROM "CertificationSummary" s JOIN "CertificationProgramme" p ON p.id = s."programmeId"
				WHERE ${whereOf(organizationId, filters)}
			) x
			${statusFilter(filters)}
			GROUP BY x."departmentId"`
	]);
	const lines = new Map<string, DepartmentCompliance>();
	for (const d of org.departments) lines.set(d.id, emptyLine(d.id, d.nameUk, d.nameEn));
	const none = emptyLine(null, '', '');
	const total = emptyLine(null, org.nameUk, org.nameEn);
	for (const g of groups) {
		const line = g.departmentId ? (lines.get(g.departmentId) ?? none) : none;
		for (const f of COUNT_FIELDS) {
			line[f] += Number(g[f]);
			total[f] += Number(g[f]);
		}
	}
	const departments = [...lines.values(), ...(none.assigned ? [none] : [])].filter((l) => !filters.departmentId || l.departmentId === filters.departmentId);
	for (const l of [...departments, total]) l.certifiedPercent = percentOf(l);
	return { departments, total };
}

/** A row as SQL gives it: the shown fields, and what summaryStatus needs for the status and progress. */
interface RawRow extends Omit<ComplianceRow, 'status'> {
	baseStatus: string;
	windowOpensAt: Date | null;
	windowProgress: number;
	expiredProgress: number;
}

/**
 * One page of the people behind the counts, ordered by department, name and programme (ICU root
 * collation, available on the embedded and the server PostgreSQL alike; it orders Ukrainian letters
 * as the alphabet does), then by ids so pages never overlap.
 */
export async function complianceRows(organizationId: string, filters: ComplianceFilters, now: Date, page: { limit: number; offset: number }): Promise<ComplianceRow[]> {
	const raw = await db().$queryRaw<RawRow[]>`
		SELECT x."userId", x."name", x."email", x."departmentId", x."departmentUk", x."departmentEn", x."position", x."programmeId", x."programmeUk", x."programmeEn",
			x."baseStatus", x."dueAt", x."certificationId", x."expiresAt", x."windowOpensAt", x."progress", x."windowProgress", x."expiredProgress" FROM (
			SELECT s."userId", COALESCE(NULLIF(u."name", ''), u.email) AS "name", u.email AS "email", s."departmentId",
				COALESCE(d."nameUk", '') AS "departmentUk", COALESCE(d."nameEn", '') AS "departmentEn", s."position",
				s."programmeId", p."titleUk" AS "programmeUk", p."titleEn" AS "programmeEn",
				s."baseStatus", s."dueAt", s."certificationId", s."expiresAt", s."windowOpensAt", s."progress", s."windowProgress", s."expiredProgress",
				${statusSql(now)} AS status
			FROM "CertificationSummary" s
				JOIN "User" u ON u.id = s."userId"
				JOIN "CertificationProgramme" p ON p.id = s."programmeId"
				LEFT JOIN "Department" d ON d.id = s."departmentId" AND d."organizationId" = s."organizationId"
			WHERE ${whereOf(organizationId, filters)}
		) x
		${statusFilter(filters)}
		ORDER BY x."departmentUk" COLLATE "und-x-icu", x."name" COLLATE "und-x-icu", x."programmeUk" COLLATE "und-x-icu", x."userId", x."programmeId"
		LIMIT ${page.limit} OFFSET ${page.offset}`;
	return raw.map(({ baseStatus, windowOpensAt, windowProgress, expiredProgress, ...shown }) => {
		const { status, progress } = summaryStatus({ ...shown, baseStatus, windowOpensAt, windowProgress, expiredProgress }, now);
		return { ...shown, status, progress };
	});
}

export interface CompliancePage {
	departments: DepartmentCompliance[];
	total: DepartmentCompliance;
	rows: ComplianceRow[];
	/** All rows the filters match (the total's assigned count). */
	rowCount: number;
	/** 1-based, clamped to the pages there are. */
	page: number;
	pages: number;
	generatedAt: Date;
}

/** What the compliance page shows: the counts and page `page` (1-based) of `pageSize` rows, at `now`. */
export async function compliancePage(organizationId: string, filters: ComplianceFilters = {}, page = 1, pageSize = 300, now = new Date(), options: { refresh?: boolean } = {}): Promise<CompliancePage> {
	if (options.refresh !== false) await refreshStale(organizationId, now);
	const { departments, total } = await complianceCounts(organizationId, filters, now);
	const rowCount = total.assigned;
	const pages = Math.max(1, Math.ceil(rowCount / pageSize));
	const current = Math.min(Math.max(1, Math.floor(page) || 1), pages);
	const rows = rowCount ? await complianceRows(organizationId, filters, now, { limit: pageSize, offset: (current - 1) * pageSize }) : [];
	return { departments, total, rows, rowCount, page: current, pages, generatedAt: now };
}
