/**
 * The manager's compliance view of ONE organization: per department the assigned people, certified %,
 * certifications expiring in 30/60/90 days, overdue and expired; the people behind the numbers with
 * filters; the same rows for CSV and XLSX export. Only members of that organization are ever read
 * (the caller checks certification:assign on it).
 */
import { db } from '../db/index.ts';
import { refreshStale, readSummaries, summaryStatus } from './summary.ts';
import { STATUSES, type CertificationStatus } from './engine.ts';
import { csv, xlsx, type Cell } from './xlsx.ts';

const DAY = 86_400_000;

export interface ComplianceFilters {
	programmeId?: string | null;
	departmentId?: string | null;
	status?: CertificationStatus | null;
}

export interface DepartmentCompliance {
	departmentId: string | null;
	nameUk: string;
	nameEn: string;
	assigned: number;
	certified: number;
	certifiedPercent: number;
	/** Certified and inside the recertification window (status expiring). */
	inWindow: number;
	expiring30: number;
	expiring60: number;
	expiring90: number;
	overdue: number;
	expired: number;
	inProgress: number;
	notStarted: number;
}

export interface ComplianceRow {
	userId: string;
	name: string;
	email: string;
	departmentId: string | null;
	departmentUk: string;
	departmentEn: string;
	position: string;
	programmeId: string;
	programmeUk: string;
	programmeEn: string;
	status: CertificationStatus;
	dueAt: Date | null;
	expiresAt: Date | null;
	progress: number;
	certificationId: string | null;
}

export interface ComplianceReport {
	departments: DepartmentCompliance[];
	total: DepartmentCompliance;
	rows: ComplianceRow[];
	programmes: Array<{ id: string; titleUk: string; titleEn: string }>;
	generatedAt: Date;
}

export function emptyLine(departmentId: string | null, nameUk: string, nameEn: string): DepartmentCompliance {
	return { departmentId, nameUk, nameEn, assigned: 0, certified: 0, certifiedPercent: 0, inWindow: 0, expiring30: 0, expiring60: 0, expiring90: 0, overdue: 0, expired: 0, inProgress: 0, notStarted: 0 };
}

function add(line: DepartmentCompliance, r: ComplianceRow, now: Date) {
	line.assigned++;
	if (r.status === 'certified' || r.status === 'expiring') {
		line.certified++;
		if (r.status === 'expiring') line.inWindow++;
		const days = r.expiresAt ? (r.expiresAt.getTime() - now.getTime()) / DAY : Infinity;
		if (days <= 30) line.expiring30++;
		if (days <= 60) line.expiring60++;
		if (days <= 90) line.expiring90++;
	} else if (r.status === 'overdue') line.overdue++;
	else if (r.status === 'expired') line.expired++;
	else if (r.status === 'in_progress') line.inProgress++;
	else line.notStarted++;
}

/** The certified share in percent, one decimal. */
export function percentOf(l: DepartmentCompliance): number {
	return l.assigned ? Math.round((l.certified / l.assigned) * 1000) / 10 : 0;
}

const collator = new Intl.Collator('uk');

/**
 * The compliance of one organization at `now`, read from the summary (summary.ts) after the people
 * whose facts changed are refreshed; statuses that change with time are derived at `now`. Counts
 * cover assigned people; filters narrow the counts and rows alike. Reads every row: the exports use
 * it; the page reads its counts and one page of rows in SQL (dashboard-sql.ts).
 */
export async function complianceReport(organizationId: string, filters: ComplianceFilters = {}, now = new Date(), options: { refresh?: boolean } = {}): Promise<ComplianceReport> {
	if (options.refresh !== false) await refreshStale(organizationId, now);
	const [org, summaries, members, programmeIds] = await Promise.all([
		db().organization.findUniqueOrThrow({ where: { id: organizationId }, include: { departments: { orderBy: { nameUk: 'asc' } } } }),
		readSummaries(organizationId, filters),
		db().membership.findMany({ where: { organizationId }, select: { userId: true, user: { select: { name: true, email: true } } } }),
		db().certificationSummary.findMany({ where: { organizationId, ...(filters.programmeId ? { programmeId: filters.programmeId } : {}) }, distinct: ['programmeId'], select: { programmeId: true } })
	]);
	const programmeRows = await db().certificationProgramme.findMany({ where: { id: { in: programmeIds.map((p) => p.programmeId) } }, select: { id: true, titleUk: true, titleEn: true } });
	const programme = new Map(programmeRows.map((p) => [p.id, p]));
	const member = new Map(members.map((m) => [m.userId, m]));
	const dept = new Map(org.departments.map((d) => [d.id, d]));
	const rows: ComplianceRow[] = [];
	for (const s of summaries) {
		const m = member.get(s.userId);
		const p = programme.get(s.programmeId);
		if (!m || !p) continue;
		const { status, progress } = summaryStatus(s, now);
		if (filters.status && status !== filters.status) continue;
		const d = s.departmentId ? dept.get(s.departmentId) : undefined;
		rows.push({
			userId: s.userId,
			name: m.user.name || m.user.email,
			email: m.user.email,
			departmentId: s.departmentId,
			departmentUk: d?.nameUk ?? '',
			departmentEn: d?.nameEn ?? '',
			position: s.position,
			programmeId: s.programmeId,
			programmeUk: p.titleUk,
			programmeEn: p.titleEn,
			status,
			dueAt: s.dueAt,
			expiresAt: s.expiresAt,
			progress,
			certificationId: s.certificationId
		});
	}
	rows.sort((a, b) => collator.compare(a.departmentUk, b.departmentUk) || collator.compare(a.name, b.name) || collator.compare(a.programmeUk, b.programmeUk));
	const lines = new Map<string, DepartmentCompliance>();
	for (const d of org.departments) lines.set(d.id, emptyLine(d.id, d.nameUk, d.nameEn));
	const none = emptyLine(null, '', '');
	const total = emptyLine(null, org.nameUk, org.nameEn);
	for (const r of rows) {
		add(r.departmentId ? (lines.get(r.departmentId) ?? none) : none, r, now);
		add(total, r, now);
	}
	const departments = [...lines.values(), ...(none.assigned ? [none] : [])].filter((l) => !filters.departmentId || l.departmentId === filters.departmentId);
	for (const l of [...departments, total]) l.certifiedPercent = percentOf(l);
	const programmes = programmeRows.sort((a, b) => collator.compare(a.titleUk, b.titleUk));
	return { departments, total, rows, programmes, generatedAt: now };
}

export interface ExportLabels {
	headers: [string, string, string, string, string, string, string, string, string];
	status: Record<CertificationStatus, string>;
	noDepartment: string;
}

const kyivDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv' });
const isoDate = (d: Date | null) => (d ? kyivDate.format(d) : null);

export function exportRows(report: ComplianceReport, locale: string, labels: ExportLabels): Cell[][] {
	const en = locale === 'en';
	return [
		labels.headers,
		...report.rows.map((r) => [
			r.name,
			r.email,
			(en ? r.departmentEn : r.departmentUk) || labels.noDepartment,
			r.position,
			en ? r.programmeEn : r.programmeUk,
			labels.status[r.status],
			isoDate(r.dueAt),
			isoDate(r.expiresAt),
			Math.round(r.progress * 100)
		])
	];
}

export function complianceCsv(report: ComplianceReport, locale: string, labels: ExportLabels): string {
	return csv(exportRows(report, locale, labels));
}

export function complianceXlsx(report: ComplianceReport, locale: string, labels: ExportLabels, sheetName: string): Buffer {
	return xlsx(sheetName, exportRows(report, locale, labels));
}

export const STATUS_FILTERS = STATUSES;
