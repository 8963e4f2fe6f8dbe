import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { complianceReport, type ComplianceFilters } from './dashboard.ts';
import { complianceCounts, compliancePage } from './dashboard-sql.ts';
import { summaryStatus, type SummaryRow } from './summary.ts';
import { STATUSES } from './engine.ts';
import { makeOrganization, makePerson, uniq } from './test-helpers.ts';

const DAY = 86_400_000;
const T = new Date('2026-03-10T09:00:00.000Z').getTime();
const at = (ms: number) => new Date(T + ms);

type Dates = Pick<SummaryRow, 'baseStatus' | 'dueAt' | 'certificationId' | 'expiresAt' | 'windowOpensAt'>;

/** Rows whose status or 30/60/90-day bucket changes exactly at T, T+30d, T+60d or T+90d. */
const SCENARIOS: Dates[] = [
	{ baseStatus: 'not_started', dueAt: null, certificationId: 'c', windowOpensAt: at(0), expiresAt: at(30 * DAY) },
	{ baseStatus: 'in_progress', dueAt: null, certificationId: 'c', windowOpensAt: at(-10 * DAY), expiresAt: at(0) },
	{ baseStatus: 'not_started', dueAt: null, certificationId: 'c', windowOpensAt: at(DAY), expiresAt: at(60 * DAY) },
	{ baseStatus: 'not_started', dueAt: null, certificationId: 'c', windowOpensAt: at(20 * DAY), expiresAt: at(90 * DAY) },
	{ baseStatus: 'in_progress', dueAt: at(0), certificationId: null, windowOpensAt: null, expiresAt: null },
	{ baseStatus: 'not_started', dueAt: at(0), certificationId: null, windowOpensAt: null, expiresAt: null },
	{ baseStatus: 'in_progress', dueAt: null, certificationId: null, windowOpensAt: null, expiresAt: null },
	{ baseStatus: 'not_started', dueAt: at(30 * DAY), certificationId: 'c', windowOpensAt: null, expiresAt: at(30 * DAY) }
];

/** Moments on and either side of every boundary of SCENARIOS. */
const NOWS = [0, 30 * DAY, 60 * DAY, 90 * DAY].flatMap((b) => [b - 1, b, b + 1]).concat([-20 * DAY, 200 * DAY]).map(at);

async function setup() {
	const org = await makeOrganization(['Єдиний центр', 'Ґрунтовий відділ', 'Господарський відділ', 'Інформаційний відділ']);
	const other = await makeOrganization();
	const programmes = await Promise.all(
		['Цифрова грамотність', 'Інформаційна безпека'].map((titleUk) => db().certificationProgramme.create({ data: { slug: uniq('prog'), titleUk, titleEn: titleUk } }))
	);
	const names = ['Їжак Іван', 'Євген Петренко', 'Ігор Коваль', 'Ганна Гнатюк', 'Ґалина Ґудзь', 'Андрій Бондар', 'яна Лисенко', 'Ольга Шевчук', 'Юрій Цап', 'Марія Мороз'];
	const depts = [...org.departments.map((d) => d.id), null, 'department-of-nobody'];
	const rows = [];
	let i = 0;
	for (const name of names) {
		const departmentId = depts[i % depts.length];
		const person = await makePerson(org.id, { departmentId: departmentId === 'department-of-nobody' ? null : departmentId, name });
		for (const p of programmes) {
			const s = SCENARIOS[i++ % SCENARIOS.length];
			rows.push({ organizationId: org.id, userId: person.id, programmeId: p.id, departmentId, position: '', ...s, certificationId: s.certificationId ? uniq('cert') : null, certifiedAt: s.expiresAt, progress: 0.5, windowProgress: 0.25, expiredProgress: 0.1, refreshedAt: at(0) });
		}
	}
	// Rows the dashboard never counts: a person who left and a programme gone.
	const gone = await makePerson(other.id, { name: 'Колишня Працівниця' });
	rows.push({ organizationId: org.id, userId: gone.id, programmeId: programmes[0].id, departmentId: null, position: '', ...SCENARIOS[0], certifiedAt: null, progress: 0, refreshedAt: at(0) });
	await db().certificationSummary.createMany({ data: rows });
	return { org, programmes };
}

describe('the compliance counts in SQL', () => {
	it('equal the counts from summaryStatus at every boundary, for every filter', async () => {
		const { org, programmes } = await setup();
		const filterSets: ComplianceFilters[] = [{}, { departmentId: org.departments[0].id }, { programmeId: programmes[1].id }, ...STATUSES.map((status) => ({ status }))];
		for (const now of NOWS) {
			for (const filters of filterSets) {
				const expected = await complianceReport(org.id, filters, now, { refresh: false });
				const counted = await complianceCounts(org.id, filters, now);
				expect({ now: now.toISOString(), filters, ...counted }).toEqual({ now: now.toISOString(), filters, departments: expected.departments, total: expected.total });
			}
		}
		// The scenarios really cross the boundaries: the totals differ across the moments.
		const totals = await Promise.all(NOWS.map((now) => complianceCounts(org.id, {}, now)));
		expect(new Set(totals.map((t) => JSON.stringify(t.total))).size).toBeGreaterThan(6);
		// And summaryStatus itself gives the counted statuses (the report is its only other reader).
		const summaries = await db().certificationSummary.findMany({ where: { organizationId: org.id } });
		const members = new Set((await db().membership.findMany({ where: { organizationId: org.id }, select: { userId: true } })).map((m) => m.userId));
		for (const now of NOWS) {
			const byStatus = Object.fromEntries(STATUSES.map((s) => [s, 0]));
			for (const s of summaries) if (members.has(s.userId)) byStatus[summaryStatus(s, now).status]++;
			const t = (await complianceCounts(org.id, {}, now)).total;
			expect([t.certified - t.inWindow, t.inWindow, t.overdue, t.expired, t.inProgress, t.notStarted]).toEqual([byStatus.certified, byStatus.expiring, byStatus.overdue, byStatus.expired, byStatus.in_progress, byStatus.not_started]);
		}
	}, 240_000);

	it('pages the rows in the order of the full report, keeping the filters', async () => {
		const { org, programmes } = await setup();
		const now = at(DAY);
		for (const filters of [{}, { programmeId: programmes[0].id }, { status: 'certified' as const }]) {
			const full = await complianceReport(org.id, filters, now, { refresh: false });
			const first = await compliancePage(org.id, filters, 1, 3, now, { refresh: false });
			expect(first.rowCount).toBe(full.rows.length);
			expect(first.pages).toBe(Math.max(1, Math.ceil(full.rows.length / 3)));
			const all = [];
			for (let page = 1; page <= first.pages; page++) {
				const p = await compliancePage(org.id, filters, page, 3, now, { refresh: false });
				expect(p.page).toBe(page);
				all.push(...p.rows);
			}
			expect(all).toEqual(full.rows);
		}
		// Out-of-range pages are clamped.
		const last = await compliancePage(org.id, {}, 999, 3, now, { refresh: false });
		expect(last.page).toBe(last.pages);
		expect((await compliancePage(org.id, {}, -4, 3, now, { refresh: false })).page).toBe(1);
	}, 120_000);
});
