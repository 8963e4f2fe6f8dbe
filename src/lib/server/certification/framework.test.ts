import { describe, expect, it } from 'vitest';
import { inflateRawSync } from 'node:zlib';
import { db } from '../db/index.ts';
import { parseFrameworkCsv, parseFrameworkYaml, importFramework, sampleFramework } from './framework.ts';
import { submitAssessment, planOf, updatePlanItem } from './diagnosis.ts';
import { CertificationError } from './errors.ts';
import { createProgramme } from './programmes.ts';
import { createAssignment } from './assignments.ts';
import { complianceReport, complianceCsv, complianceXlsx } from './dashboard.ts';
import { seedCertification } from './seed.ts';
import { complete, makeCourse, makeOrganization, makePerson, sessionOf, uniq, attempt } from './test-helpers.ts';

function issuesOf(fn: () => unknown) {
	try {
		fn();
	} catch (e) {
		if (e instanceof CertificationError) return e.issues;
		throw e;
	}
	return [];
}

describe('framework import', () => {
	it('the sample framework parses: 5 areas, 4 levels each, linked to the three real courses', () => {
		const f = sampleFramework();
		expect(f.areas).toHaveLength(5);
		const comps = f.areas.flatMap((a) => a.competencies);
		expect(comps.length).toBeGreaterThanOrEqual(8);
		expect(comps.every((c) => c.levels.length === 4 && c.levels.every((l) => l.uk && l.en))).toBe(true);
		expect(new Set(comps.flatMap((c) => c.courseIds))).toEqual(new Set(['egov-basics', 'edms-local-gov', 'e-democracy-tools']));
	});

	it('YAML errors name the line and the field', () => {
		const text = ['slug: test-fw', 'title: { uk: Рамка, en: Framework }', 'areas:', '  - code: "1"', '    title: { uk: Сфера }', '    competencies:', '      - code: "1.1"', '        title: { uk: К, en: C }', '        levels:', '          - { uk: a, en: a }', '          - { uk: b, en: b }'].join('\n');
		const issues = issuesOf(() => parseFrameworkYaml(text));
		expect(issues).toContainEqual(expect.objectContaining({ line: 5, field: 'areas.0.title.en', code: 'required' }));
		expect(issues).toContainEqual(expect.objectContaining({ line: 10, field: 'areas.0.competencies.0.levels', code: 'levels_count' }));
		expect(issuesOf(() => parseFrameworkYaml('slug: [unclosed'))[0]).toMatchObject({ line: 1, code: 'syntax' });
	});

	it('CSV: one competency a row, errors name the line and the column', () => {
		const header = 'area_code,area_uk,area_en,code,title_uk,title_en,description_uk,description_en,level1_uk,level1_en,level2_uk,level2_en,level3_uk,level3_en,level4_uk,level4_en,courses';
		const row = (code: string, l4 = 'Експерт') => `1,Дані,Data,${code},"Пошук, оцінювання",Search,,,Базовий,Basic,Середній,Intermediate,Просунутий,Advanced,${l4},Expert,egov-basics`;
		const f = parseFrameworkCsv([header, row('1.1'), row('1.2')].join('\r\n'), { slug: 'csv-fw', titleUk: 'Рамка', titleEn: 'Framework' });
		expect(f.areas[0].competencies.map((c) => c.titleUk)).toEqual(['Пошук, оцінювання', 'Пошук, оцінювання']);
		const issues = issuesOf(() => parseFrameworkCsv([header, row('1.1'), row('1.1', '')].join('\n'), { slug: 'csv-fw', titleUk: 'Рамка', titleEn: 'Framework' }));
		expect(issues).toContainEqual(expect.objectContaining({ line: 3, field: 'code', code: 'duplicate' }));
		expect(issues).toContainEqual(expect.objectContaining({ line: 3, field: 'level4_uk', code: 'required' }));
		expect(issuesOf(() => parseFrameworkCsv('a,b\n1,2', { slug: 'x-fw', titleUk: 'x', titleEn: 'x' }))[0]).toMatchObject({ line: 1, code: 'bad_header' });
	});
});

describe('diagnosis and plan', () => {
	it('self-assessment gives gaps, gaps give a plan with courses; the plan shows progress and can be adjusted', async () => {
		const course = await makeCourse();
		const slug = uniq('fw');
		await importFramework(null, {
			slug,
			titleUk: 'Рамка',
			titleEn: 'Framework',
			descriptionUk: '',
			descriptionEn: '',
			sourceNote: '',
			areas: [{ code: '1', titleUk: 'Сфера', titleEn: 'Area', competencies: [{ code: '1.1', titleUk: 'К', titleEn: 'C', descriptionUk: '', descriptionEn: '', levels: [1, 2, 3, 4].map((level) => ({ level, uk: `р${level}`, en: `l${level}` })), courseIds: [course.courseId], eventSlugs: [] }] }]
		});
		await expect(importFramework(null, { ...(await sampleFrameworkWithUnknownCourse()), slug: uniq('fw') })).rejects.toMatchObject({ code: 'import_failed' });
		const org = await makeOrganization();
		const p = await makePerson(org.id);
		const me = sessionOf(p, ['learner'], [{ organizationId: org.id, organizationSlug: org.slug, departmentId: null, role: 'staff', position: null }]);
		await submitAssessment(me, { userId: p.id, frameworkSlug: slug, ratings: { '1.1': { current: 1, target: 3 } } }, new Date('2025-01-10T09:00:00Z'));
		let plan = await planOf(p.id, slug);
		expect(plan?.items).toHaveLength(1);
		expect(plan?.items[0]).toMatchObject({ activityKind: 'course', activityRef: course.courseId, status: 'planned', targetDate: '2025-05-10T09:00:00.000Z' });
		// Another person may not adjust it; the person may.
		const other = await makePerson(org.id);
		await expect(updatePlanItem(sessionOf(other, ['learner']), { itemId: plan!.items[0].id, targetDate: new Date('2025-06-01'), status: 'planned' })).rejects.toMatchObject({ code: 'forbidden' });
		await updatePlanItem(me, { itemId: plan!.items[0].id, targetDate: new Date('2025-06-01T00:00:00Z'), status: 'planned', note: 'Після відпустки' });
		await complete(p.id, course.courseId, new Date('2025-03-01'));
		plan = await planOf(p.id, slug);
		expect(plan).toMatchObject({ total: 1, done: 1 });
		expect(plan?.items[0]).toMatchObject({ achieved: true, note: 'Після відпустки', targetDate: '2025-06-01T00:00:00.000Z' });
	});
});

async function sampleFrameworkWithUnknownCourse() {
	const f = sampleFramework();
	return { ...f, areas: [{ ...f.areas[0], competencies: [{ ...f.areas[0].competencies[0], courseIds: ['no-such-course'] }] }] };
}

describe('compliance dashboard and exports', () => {
	it('counts per department, never another organization, and exports CSV and a valid XLSX', async () => {
		const org = await makeOrganization();
		const other = await makeOrganization();
		const [cnap, general] = org.departments;
		const course = await makeCourse();
		const programme = await createProgramme(null, { slug: uniq('prog'), titleUk: 'Програма', titleEn: 'Programme' }, { requirements: { examQuizId: course.quizId, passMark: 70 }, recertRequirements: { examQuizId: course.quizId, passMark: 70 }, validityMonths: 12, windowDays: 60 }, new Date('2024-01-01'));
		const now = new Date('2024-06-01T09:00:00Z');
		const a = await makePerson(org.id, { departmentId: cnap.id, name: 'Анна' });
		const b = await makePerson(org.id, { departmentId: cnap.id, name: 'Богдан' });
		await makePerson(org.id, { departmentId: general.id, name: 'Віра' });
		const stranger = await makePerson(other.id, { name: 'Чужий' });
		await createAssignment(null, org.id, { programmeId: programme.id, targetType: 'organization', dueKind: 'fixed', dueDate: new Date('2024-05-01') }, new Date('2024-01-02'));
		await createAssignment(null, other.id, { programmeId: programme.id, targetType: 'organization', dueKind: 'fixed', dueDate: new Date('2024-05-01') }, new Date('2024-01-02'));
		await attempt(a.id, course.quizId, new Date('2023-07-15T09:00:00Z'), 90); // certified 2023-07-15, expires 2024-07-15: expiring in 44 days
		await attempt(b.id, course.quizId, new Date('2024-04-01T09:00:00Z'), 90);
		const { runDaily } = await import('./reminders.ts');
		await runDaily(now, org.id);
		const r = await complianceReport(org.id, {}, now);
		expect(r.rows.some((x) => x.userId === stranger.id)).toBe(false);
		const c = r.departments.find((d) => d.departmentId === cnap.id)!;
		expect(c).toMatchObject({ assigned: 2, certified: 2, certifiedPercent: 100, expiring30: 0, expiring60: 1, expiring90: 1 });
		expect(r.departments.find((d) => d.departmentId === general.id)).toMatchObject({ assigned: 1, overdue: 1, certifiedPercent: 0 });
		expect(r.total.assigned).toBe(3);
		const filtered = await complianceReport(org.id, { status: 'overdue' }, now);
		expect(filtered.rows.map((x) => x.name)).toEqual(['Віра']);
		const labels = { headers: ['Ім’я', 'Email', 'Відділ', 'Посада', 'Програма', 'Стан', 'Строк', 'Чинна до', 'Поступ, %'] as [string, string, string, string, string, string, string, string, string], status: { not_started: 'н', in_progress: 'п', certified: 'с', expiring: 'з', expired: 'ст', overdue: 'пр' }, noDepartment: '—' };
		const text = complianceCsv(r, 'uk', labels);
		expect(text.startsWith('\uFEFFІм’я,Email')).toBe(true);
		expect(text.split('\r\n')).toHaveLength(5);
		const file = complianceXlsx(r, 'uk', labels, 'Стан сертифікації');
		// A ZIP with the sheet, whose cells are the rows.
		expect(file.subarray(0, 4).toString('hex')).toBe('504b0304');
		const sheet = unzipEntry(file, 'xl/worksheets/sheet1.xml');
		expect(sheet).toContain('<t xml:space="preserve">Віра</t>');
		expect(sheet).toContain('<row r="4">');
	});

	it('the demo seed is idempotent', async () => {
		const first = await seedCertification(db());
		const second = await seedCertification(db());
		expect(first).toContain('certification');
		expect(second).toContain('0 programmes created');
	});
});

function unzipEntry(zip: Buffer, name: string): string {
	let off = 0;
	while (zip.readUInt32LE(off) === 0x04034b50) {
		const size = zip.readUInt32LE(off + 18);
		const nameLen = zip.readUInt16LE(off + 26);
		const extra = zip.readUInt16LE(off + 28);
		const entry = zip.subarray(off + 30, off + 30 + nameLen).toString('utf8');
		const data = zip.subarray(off + 30 + nameLen + extra, off + 30 + nameLen + extra + size);
		if (entry === name) return inflateRawSync(data).toString('utf8');
		off += 30 + nameLen + extra + size;
	}
	throw new Error(`${name} not in the archive`);
}
