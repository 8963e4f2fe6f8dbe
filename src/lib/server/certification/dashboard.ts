/**
 * The manager's compliance view of ONE organization: per department the assigned people, certified %,
 * certifications expiring in 30/60/90 days, overdue and expired; the people behind the numbers with
 * filters; the same rows for CSV and XLSX export. Only members of that organization are ever read
 * (the caller checks certification:assign on it).
 */
import { db } from '../db/index.ts';
import { syncSubjects } from './assignments.ts';
import { loadFacts } from './facts.ts';
import { statusAt, STATUSES, type CertificationStatus } from './engine.ts';
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

function emptyLine(departmentId: string | null, nameUk: string, nameEn: string): DepartmentCompliance {
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

/** The compliance of one organization at `now`. Counts cover assigned people; filters narrow the counts and rows alike. */
export async function complianceReport(organizationId: string, filters: ComplianceFilters = {}, now = new Date(), options: { sync?: boolean } = {}): Promise<ComplianceReport> {
	if (options.sync !== false) await syncSubjects(organizationId, now);
	const [org, members, loaded] = await Promise.all([
		db().organization.findUniqueOrThrow({ where: { id: organizationId }, include: { departments: { orderBy: { nameUk: 'asc' } } } }),
		db().membership.findMany({ where: { organizationId }, select: { userId: true, departmentId: true, position: true, user: { select: { name: true, email: true } } } }),
		loadFacts({ organizationId, ...(filters.programmeId ? { programmeIds: [filters.programmeId] } : {}) })
	]);
	const member = new Map(members.map((m) => [m.userId, m]));
	const dept = new Map(org.departments.map((d) => [d.id, d]));
	const rows: ComplianceRow[] = [];
	for (const p of loaded.pairs) {
		if (!p.facts.assigned) continue;
		const m = member.get(p.userId);
		if (!m) continue;
		if (filters.departmentId && m.departmentId !== filters.departmentId) continue;
		const r = statusAt(p.facts, now);
		if (filters.status && r.status !== filters.status) continue;
		const programme = loaded.programmes.get(p.programmeId)!;
		const d = m.departmentId ? dept.get(m.departmentId) : undefined;
		rows.push({
			userId: p.userId,
			name: m.user.name || m.user.email,
			email: m.user.email,
			departmentId: m.departmentId,
			departmentUk: d?.nameUk ?? '',
			departmentEn: d?.nameEn ?? '',
			position: m.position ?? '',
			programmeId: p.programmeId,
			programmeUk: programme.titleUk,
			programmeEn: programme.titleEn,
			status: r.status,
			dueAt: r.dueAt,
			expiresAt: r.expiresAt,
			progress: r.progress,
			certificationId: r.current?.id ?? null
		});
	}
	rows.sort((a, b) => a.departmentUk.localeCompare(b.departmentUk, 'uk') || a.name.localeCompare(b.name, 'uk') || a.programmeUk.localeCompare(b.programmeUk, 'uk'));
	const lines = new Map<string, DepartmentCompliance>();
	for (const d of org.departments) lines.set(d.id, emptyLine(d.id, d.nameUk, d.nameEn));
	const none = emptyLine(null, '', '');
	const total = emptyLine(null, org.nameUk, org.nameEn);
	for (const r of rows) {
		add(r.departmentId ? (lines.get(r.departmentId) ?? none) : none, r, now);
		add(total, r, now);
	}
	const departments = [...lines.values(), ...(none.assigned ? [none] : [])].filter((l) => !filters.departmentId || l.departmentId === filters.departmentId);
	for (const l of [...departments, total]) l.certifiedPercent = l.assigned ? Math.round((l.certified / l.assigned) * 1000) / 10 : 0;
	const programmes = [...loaded.programmes.values()].map((p) => ({ id: p.id, titleUk: p.titleUk, titleEn: p.titleEn })).sort((a, b) => a.titleUk.localeCompare(b.titleUk, 'uk'));
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
