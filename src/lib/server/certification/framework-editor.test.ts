import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { getFramework, importFramework, parseFrameworkCsv, parseFrameworkYaml, sampleFramework, type ParsedFramework } from './framework.ts';
import {
	addArea,
	codeUsage,
	competencyInputFromForm,
	competencySchema,
	createFramework,
	deleteArea,
	deleteCompetency,
	explainEditError,
	frameworkCsv,
	frameworkEditorView,
	frameworkYaml,
	linkOptions,
	moveArea,
	moveCompetency,
	newFrameworkSchema,
	readForm,
	saveCompetency,
	toParsedFramework,
	updateArea,
	updateFrameworkDetails,
	type CompetencyInput
} from './framework-editor.ts';
import { submitAssessment } from './diagnosis.ts';
import { makeCourse, makeOrganization, makePerson, sessionOf, uniq } from './test-helpers.ts';

const admin = sessionOf({ id: 'admin-fw-editor', email: 'admin-fw-editor@test.maisternia.ua', name: 'Адмін' }, ['admin']);

async function adminUser() {
	await db().user.upsert({ where: { id: admin.id }, create: { id: admin.id, email: admin.email, name: admin.name, locale: 'uk' }, update: {} });
	return admin;
}

const levels = (tag: string) => [1, 2, 3, 4].map((level) => ({ level, uk: `${tag}: рівень ${level}`, en: `${tag}: level ${level}` }));
const competency = (areaId: string, code: string, extra: Partial<CompetencyInput> = {}): CompetencyInput => ({
	areaId,
	code,
	titleUk: `Компетентність ${code}`,
	titleEn: `Competency ${code}`,
	descriptionUk: '',
	descriptionEn: '',
	levels: levels(code),
	courseIds: [],
	eventSlugs: [],
	...extra
});

async function makeEvent() {
	const slug = uniq('event');
	await db().event.create({ data: { slug, kind: 'webinar', titleUk: `Вебінар ${slug}`, titleEn: `Webinar ${slug}`, startsAt: new Date('2026-03-01T10:00:00Z'), endsAt: new Date('2026-03-01T11:30:00Z'), checkinCode: 'X1' } });
	return slug;
}

async function newFramework(actor = admin) {
	const slug = uniq('fwe');
	const fw = await createFramework(actor, { slug, titleUk: 'Рамка', titleEn: 'Framework', descriptionUk: '', descriptionEn: '', sourceNote: '' });
	return fw;
}

async function auditOps(frameworkId: string) {
	const rows = await db().auditLog.findMany({ where: { targetId: frameworkId, action: 'certification.framework_edited' }, orderBy: { createdAt: 'asc' } });
	return rows.map((r) => (r.data as { op: string }).op);
}

describe('framework editor: who may edit', () => {
	it('a staff member or an organization manager may not create or change a framework', async () => {
		await adminUser();
		const org = await makeOrganization();
		const staff = await makePerson(org.id);
		const manager = await makePerson(org.id, { role: 'manager' });
		const asStaff = sessionOf(staff, ['learner'], [{ organizationId: org.id, organizationSlug: org.slug, departmentId: null, role: 'staff', position: null }]);
		const asManager = sessionOf(manager, ['learner'], [{ organizationId: org.id, organizationSlug: org.slug, departmentId: null, role: 'manager', position: null }]);
		await expect(newFramework(asStaff)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(newFramework(asManager)).rejects.toMatchObject({ code: 'forbidden' });
		const fw = await newFramework();
		const area = await addArea(admin, fw.id, { code: '1', titleUk: 'Сфера', titleEn: 'Area' });
		await expect(addArea(asStaff, fw.id, { code: '2', titleUk: 'С', titleEn: 'A' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(updateArea(asManager, area.id, { code: '1', titleUk: 'Нова', titleEn: 'New' })).rejects.toMatchObject({ code: 'forbidden' });
		await expect(deleteArea(asStaff, area.id)).rejects.toMatchObject({ code: 'forbidden' });
		await expect(saveCompetency(asStaff, fw.id, null, competency(area.id, '1.1'))).rejects.toMatchObject({ code: 'forbidden' });
		await expect(updateFrameworkDetails(asStaff, fw.id, { titleUk: 'x', titleEn: 'x', descriptionUk: '', descriptionEn: '', sourceNote: '' })).rejects.toMatchObject({ code: 'forbidden' });
		expect((await getFramework(fw.slug))?.areas.map((a) => a.titleUk)).toEqual(['Сфера']);
	});
});

describe('framework editor: framework and areas', () => {
	it('creates an empty framework (slug unique), edits its texts, audits every change', async () => {
		await adminUser();
		const fw = await newFramework();
		expect((await getFramework(fw.slug))?.areas).toEqual([]);
		await expect(createFramework(admin, { slug: fw.slug, titleUk: 'Інша', titleEn: 'Other', descriptionUk: '', descriptionEn: '', sourceNote: '' })).rejects.toMatchObject({ reason: 'slug_taken', field: 'slug' });
		await updateFrameworkDetails(admin, fw.id, { titleUk: 'Рамка 2027', titleEn: 'Framework 2027', descriptionUk: 'Опис', descriptionEn: 'Description', sourceNote: 'DigComp 2.2' });
		expect(await getFramework(fw.slug)).toMatchObject({ titleUk: 'Рамка 2027', titleEn: 'Framework 2027', descriptionUk: 'Опис', descriptionEn: 'Description', sourceNote: 'DigComp 2.2' });
		const rows = await db().auditLog.findMany({ where: { targetId: fw.id, action: 'certification.framework_edited' }, orderBy: { createdAt: 'asc' } });
		expect(rows.map((r) => (r.data as { op: string }).op)).toEqual(['created', 'details_updated']);
		expect(rows[1]).toMatchObject({ actorId: admin.id, targetType: 'competency_framework', before: expect.objectContaining({ titleUk: 'Рамка' }), after: expect.objectContaining({ titleUk: 'Рамка 2027' }) });
	});

	it('areas: add (codes unique), rename, reorder, delete only when empty', async () => {
		await adminUser();
		const fw = await newFramework();
		const a1 = await addArea(admin, fw.id, { code: '1', titleUk: 'Дані', titleEn: 'Data' });
		const a2 = await addArea(admin, fw.id, { code: '2', titleUk: 'Комунікація', titleEn: 'Communication' });
		const a3 = await addArea(admin, fw.id, { code: '3', titleUk: 'Безпека', titleEn: 'Safety' });
		await expect(addArea(admin, fw.id, { code: '2', titleUk: 'Повтор', titleEn: 'Again' })).rejects.toMatchObject({ reason: 'code_taken', field: 'code' });
		await expect(updateArea(admin, a3.id, { code: '1', titleUk: 'Безпека', titleEn: 'Safety' })).rejects.toMatchObject({ reason: 'code_taken' });
		await updateArea(admin, a2.id, { code: '2', titleUk: 'Комунікація та взаємодія', titleEn: 'Communication and interaction' });
		expect(await moveArea(admin, a3.id, 'up')).toBe(true);
		expect(await moveArea(admin, a1.id, 'up')).toBe(false);
		const codes = async () => (await getFramework(fw.slug))!.areas.map((a) => `${a.code}:${a.titleUk}`);
		expect(await codes()).toEqual(['1:Дані', '3:Безпека', '2:Комунікація та взаємодія']);
		await moveArea(admin, a1.id, 'down');
		expect(await codes()).toEqual(['3:Безпека', '1:Дані', '2:Комунікація та взаємодія']);

		await saveCompetency(admin, fw.id, null, competency(a1.id, '1.1'));
		const refused = await deleteArea(admin, a1.id).catch((e: unknown) => e);
		expect(refused).toMatchObject({ reason: 'area_not_empty', detail: { count: '1' } });
		expect(explainEditError(refused, 'uk')).toBe('Сферу не можна видалити: у ній є компетентності (1). Спершу перенесіть їх до іншої сфери або видаліть.');
		expect(explainEditError(refused, 'en')).toContain('The area cannot be deleted');
		await deleteArea(admin, a3.id);
		expect(await codes()).toEqual(['1:Дані', '2:Комунікація та взаємодія']);
		expect(await auditOps(fw.id)).toEqual(['created', 'area_added', 'area_added', 'area_added', 'area_updated', 'area_moved', 'area_moved', 'competency_added', 'area_deleted']);
	});
});

describe('framework editor: competencies', () => {
	it('adds a competency with 4 levels and real course and event links; refuses unknown links, duplicate codes and other than 4 levels', async () => {
		await adminUser();
		const course = await makeCourse();
		const event = await makeEvent();
		const fw = await newFramework();
		const area = await addArea(admin, fw.id, { code: '1', titleUk: 'Дані', titleEn: 'Data' });
		const c = await saveCompetency(admin, fw.id, null, competency(area.id, '1.1', { courseIds: [course.courseId], eventSlugs: [event] }));
		expect(c).toMatchObject({ code: '1.1', courseIds: [course.courseId], eventSlugs: [event], position: 0 });
		expect(c.levels).toEqual(levels('1.1'));
		await expect(saveCompetency(admin, fw.id, null, competency(area.id, '1.1'))).rejects.toMatchObject({ reason: 'code_taken', field: 'code' });
		await expect(saveCompetency(admin, fw.id, null, competency(area.id, '1.2', { courseIds: ['no-such-course'] }))).rejects.toMatchObject({ reason: 'unknown_course', field: 'courseIds' });
		await expect(saveCompetency(admin, fw.id, null, competency(area.id, '1.2', { eventSlugs: ['no-such-event'] }))).rejects.toMatchObject({ reason: 'unknown_event', field: 'eventSlugs' });
		await expect(saveCompetency(admin, fw.id, null, competency(area.id, '1.2', { levels: levels('x').slice(0, 3) }))).rejects.toMatchObject({ reason: 'levels_count' });
		await expect(saveCompetency(admin, fw.id, null, competency(area.id, '1.2', { levels: [...levels('x'), { level: 5, uk: 'п', en: 'f' }] }))).rejects.toMatchObject({ reason: 'levels_count' });
		// An area of another framework is not this framework's.
		const other = await newFramework();
		const otherArea = await addArea(admin, other.id, { code: '1', titleUk: 'Інша', titleEn: 'Other' });
		await expect(saveCompetency(admin, fw.id, null, competency(otherArea.id, '1.2'))).rejects.toMatchObject({ reason: 'not_found', field: 'areaId' });
		// The pickers offer the real course and event.
		const options = await linkOptions();
		expect(options.courses.map((x) => x.id)).toContain(course.courseId);
		expect(options.events.map((x) => x.slug)).toContain(event);
		expect((await getFramework(fw.slug))!.areas.flatMap((a) => a.competencies)).toHaveLength(1);
	});

	it('edits texts and levels, moves to another area (last there), reorders', async () => {
		await adminUser();
		const fw = await newFramework();
		const a1 = await addArea(admin, fw.id, { code: '1', titleUk: 'Дані', titleEn: 'Data' });
		const a2 = await addArea(admin, fw.id, { code: '2', titleUk: 'Комунікація', titleEn: 'Communication' });
		const c11 = await saveCompetency(admin, fw.id, null, competency(a1.id, '1.1'));
		const c12 = await saveCompetency(admin, fw.id, null, competency(a1.id, '1.2'));
		await saveCompetency(admin, fw.id, null, competency(a2.id, '2.1'));
		const changed = levels('1.2');
		changed[2] = { level: 3, uk: 'Навчає колег відкритих даних', en: 'Teaches colleagues open data' };
		await saveCompetency(admin, fw.id, c12.id, competency(a1.id, '1.2', { titleUk: 'Відкриті дані', levels: changed }));
		expect((await db().competency.findUnique({ where: { id: c12.id } }))?.levels).toEqual(changed);
		expect(await moveCompetency(admin, c12.id, 'up')).toBe(true);
		const order = async () => (await getFramework(fw.slug))!.areas.map((a) => `${a.code}:${a.competencies.map((c) => c.code).join(',')}`);
		expect(await order()).toEqual(['1:1.2,1.1', '2:2.1']);
		// Moving to area 2 and renaming the (unused) code at once.
		await saveCompetency(admin, fw.id, c11.id, competency(a2.id, '2.2'));
		expect(await order()).toEqual(['1:1.2', '2:2.1,2.2']);
		expect(await moveCompetency(admin, c11.id, 'down')).toBe(false);
		const ops = await auditOps(fw.id);
		expect(ops.filter((o) => o === 'competency_updated')).toHaveLength(2);
		expect(ops).toContain('competency_moved');
	});

	it('a code used by assessments or plans can be neither changed nor deleted; its texts still can', async () => {
		await adminUser();
		const course = await makeCourse();
		const fw = await newFramework();
		const area = await addArea(admin, fw.id, { code: '1', titleUk: 'Дані', titleEn: 'Data' });
		const used = await saveCompetency(admin, fw.id, null, competency(area.id, '1.1', { courseIds: [course.courseId] }));
		const unused = await saveCompetency(admin, fw.id, null, competency(area.id, '1.2'));
		const org = await makeOrganization();
		const p = await makePerson(org.id);
		const me = sessionOf(p, ['learner'], [{ organizationId: org.id, organizationSlug: org.slug, departmentId: null, role: 'staff', position: null }]);
		await submitAssessment(me, { userId: p.id, frameworkSlug: fw.slug, ratings: { '1.1': { current: 1, target: 3 }, '1.2': { current: 2, target: 2 } } });
		const usage = await codeUsage(fw.id);
		expect(usage.get('1.1')).toEqual({ assessments: 1, plans: 1 });
		expect(usage.get('1.2')).toEqual({ assessments: 1, plans: 0 });
		const view = await frameworkEditorView((await getFramework(fw.slug))!);
		expect(view.areas[0].competencies.map((c) => [c.code, c.courses, c.used])).toEqual([
			['1.1', 1, { assessments: 1, plans: 1 }],
			['1.2', 0, { assessments: 1, plans: 0 }]
		]);
		const refused = await deleteCompetency(admin, used.id).catch((e: unknown) => e);
		expect(refused).toMatchObject({ reason: 'competency_in_use', detail: { assessments: '1', plans: '1' } });
		expect(explainEditError(refused, 'uk')).toContain('самооцінювання (1) і пункти планів розвитку (1)');
		await expect(saveCompetency(admin, fw.id, used.id, competency(area.id, '1.9', { courseIds: [course.courseId] }))).rejects.toMatchObject({ reason: 'competency_in_use', field: 'code' });
		await expect(deleteCompetency(admin, unused.id)).rejects.toMatchObject({ reason: 'competency_in_use' });
		await saveCompetency(admin, fw.id, used.id, competency(area.id, '1.1', { titleUk: 'Пошук інформації', courseIds: [course.courseId] }));
		expect((await db().competency.findUnique({ where: { id: used.id } }))?.titleUk).toBe('Пошук інформації');
		// A competency nobody rated may go.
		const fresh = await saveCompetency(admin, fw.id, null, competency(area.id, '1.3'));
		await deleteCompetency(admin, fresh.id);
		expect((await getFramework(fw.slug))!.areas.flatMap((a) => a.competencies).map((c) => c.code).sort()).toEqual(['1.1', '1.2']);
		expect(await auditOps(fw.id)).toContain('competency_deleted');
	});
});

describe('framework editor: forms', () => {
	const form = (entries: Array<[string, string]>) => {
		const f = new FormData();
		for (const [k, v] of entries) f.append(k, v);
		return f;
	};
	const full = (over: Record<string, string> = {}): Array<[string, string]> => {
		const base: Record<string, string> = { areaId: 'a1', code: '1.1', titleUk: 'Назва', titleEn: 'Title', descriptionUk: '', descriptionEn: '' };
		for (const l of [1, 2, 3, 4]) {
			base[`level${l}Uk`] = `Рівень ${l}`;
			base[`level${l}En`] = `Level ${l}`;
		}
		return Object.entries({ ...base, ...over });
	};

	it('a bad competency form keeps what was typed and names each bad field in Ukrainian', () => {
		const r = readForm(competencySchema, form([...full({ code: '1 1', level3Uk: '   ', titleEn: 'x'.repeat(301) }), ['courseIds', 'c1'], ['courseIds', 'c2']]), ['courseIds', 'eventSlugs']);
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.values).toMatchObject({ code: '1 1', level3Uk: '   ', level1Uk: 'Рівень 1', courseIds: ['c1', 'c2'], eventSlugs: [] });
		expect(r.errors.level3Uk).toEqual(['Заповніть це поле.']);
		expect(r.errors.code?.[0]).toMatch(/^Код: літери, цифри/);
		expect(r.errors.titleEn).toEqual(['Не більше 300 символів.']);
		expect(Object.keys(r.errors).sort()).toEqual(['code', 'level3Uk', 'titleEn']);
	});

	it('a good form gives exactly 4 levels, trimmed, control characters dropped, links without repeats', () => {
		const r = readForm(competencySchema, form([...full({ titleUk: '  Назва\u0007  ' }), ['courseIds', 'c1'], ['courseIds', 'c1'], ['eventSlugs', 'e1']]), ['courseIds', 'eventSlugs']);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const input = competencyInputFromForm(r.data);
		expect(input.titleUk).toBe('Назва');
		expect(input.levels).toEqual([1, 2, 3, 4].map((level) => ({ level, uk: `Рівень ${level}`, en: `Level ${level}` })));
		expect(input.courseIds).toEqual(['c1']);
		expect(input.eventSlugs).toEqual(['e1']);
	});

	it('a new framework needs a Latin address and both titles', () => {
		const r = readForm(newFrameworkSchema, form([['slug', 'Цифрова рамка'], ['titleUk', ''], ['titleEn', 'Framework']]));
		expect(r.ok).toBe(false);
		if (r.ok) return;
		expect(r.errors.slug?.[0]).toMatch(/^Адреса: малі латинські літери/);
		expect(r.errors.titleUk).toEqual(['Заповніть це поле.']);
		expect(r.values.slug).toBe('Цифрова рамка');
	});
});

describe('framework editor: export', () => {
	const tricky = 'Текст із комою, "лапками", апострофом (м’який) і\nновим рядком';

	async function builtFramework() {
		await adminUser();
		const course = await makeCourse();
		const event = await makeEvent();
		const fw = await newFramework();
		await updateFrameworkDetails(admin, fw.id, { titleUk: 'Рамка: експорт', titleEn: 'Framework: export', descriptionUk: tricky, descriptionEn: 'Description', sourceNote: 'DigComp 2.2' });
		const a1 = await addArea(admin, fw.id, { code: '1', titleUk: 'Дані; таблиці', titleEn: 'Data' });
		const a2 = await addArea(admin, fw.id, { code: '2', titleUk: 'Комунікація', titleEn: 'Communication' });
		const formulaLevels = levels('1.1');
		formulaLevels[0] = { level: 1, uk: '=СУМ(A1:A2) як формула', en: '-starts with a minus' };
		await saveCompetency(admin, fw.id, null, competency(a1.id, '1.1', { descriptionUk: tricky, levels: formulaLevels, courseIds: [course.courseId], eventSlugs: [event] }));
		await saveCompetency(admin, fw.id, null, competency(a1.id, '1.10', { titleUk: '1.10 (не 1.1)', courseIds: [course.courseId] }));
		await saveCompetency(admin, fw.id, null, competency(a2.id, 'A-2_x'));
		return (await getFramework(fw.slug))!;
	}

	it('YAML: export, then import, gives the same framework', async () => {
		const fw = await builtFramework();
		const text = frameworkYaml(fw);
		const parsed = parseFrameworkYaml(text);
		expect(parsed).toEqual(toParsedFramework(fw));
		// Import the export under another address: the stored copy is the same framework.
		const copy: ParsedFramework = { ...parsed, slug: uniq('fwe-copy') };
		await importFramework(admin, copy);
		expect(toParsedFramework((await getFramework(copy.slug))!)).toEqual(copy);
		// And over the framework itself after an edit: the import restores what was exported.
		await updateFrameworkDetails(admin, fw.id, { titleUk: 'Змінено', titleEn: 'Changed', descriptionUk: '', descriptionEn: '', sourceNote: '' });
		await importFramework(admin, parsed);
		expect(toParsedFramework((await getFramework(fw.slug))!)).toEqual(toParsedFramework(fw));
	});

	it('CSV: export, then import (address and titles from the form), gives the same areas and competencies', async () => {
		const fw = await builtFramework();
		const text = frameworkCsv(fw);
		expect(text.split('\r\n')[0]).toBe('\uFEFFarea_code,area_uk,area_en,code,title_uk,title_en,description_uk,description_en,level1_uk,level1_en,level2_uk,level2_en,level3_uk,level3_en,level4_uk,level4_en,courses,events');
		expect(text).toContain("'=СУМ(A1:A2)"); // guarded against spreadsheet formulas
		const slug = uniq('fwe-csv');
		const parsed = parseFrameworkCsv(text, { slug, titleUk: fw.titleUk, titleEn: fw.titleEn });
		const expected = toParsedFramework(fw);
		expect(parsed.areas).toEqual(expected.areas);
		await importFramework(admin, parsed);
		expect(toParsedFramework((await getFramework(slug))!).areas).toEqual(expected.areas);
	});

	it('the sample framework survives a YAML round trip', async () => {
		await adminUser();
		const sample = { ...sampleFramework(), slug: uniq('fwe-sample') };
		await importFramework(admin, sample, { checkCourses: false });
		const fw = (await getFramework(sample.slug))!;
		expect(parseFrameworkYaml(frameworkYaml(fw))).toEqual(sample);
		expect(parseFrameworkCsv(frameworkCsv(fw), { slug: sample.slug, titleUk: sample.titleUk, titleEn: sample.titleEn }).areas).toEqual(sample.areas);
	});
});
