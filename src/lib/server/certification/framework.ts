/**
 * Competency frameworks: import from YAML or CSV (errors name the line and the field), edit, and the
 * sample framework shipped with the portal. An import replaces the framework with the same slug
 * (areas and competencies are matched by code, so assessments and plans keep their codes).
 */
import fs from 'node:fs';
import path from 'node:path';
import { LineCounter, parseDocument, isMap, isSeq, type Node as YamlNode } from 'yaml';
import { db } from '../db/index.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { CertificationError, type ImportIssue } from './errors.ts';
import { auditCertification } from './audit.ts';

export interface FrameworkLevel {
	level: number;
	uk: string;
	en: string;
}

export interface ParsedCompetency {
	code: string;
	titleUk: string;
	titleEn: string;
	descriptionUk: string;
	descriptionEn: string;
	levels: FrameworkLevel[];
	courseIds: string[];
	eventSlugs: string[];
}

export interface ParsedFramework {
	slug: string;
	titleUk: string;
	titleEn: string;
	descriptionUk: string;
	descriptionEn: string;
	sourceNote: string;
	areas: Array<{ code: string; titleUk: string; titleEn: string; competencies: ParsedCompetency[] }>;
}

export const LEVELS = [1, 2, 3, 4] as const;
const SLUG = /^[a-z0-9][a-z0-9-]{1,79}$/;
const MAX = 2000;

type Json = unknown;

/** Parses a framework in YAML. Throws CertificationError('import_failed') with every issue found. */
export function parseFrameworkYaml(text: string): ParsedFramework {
	const lc = new LineCounter();
	const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false });
	const issues: ImportIssue[] = [];
	if (doc.errors.length) {
		for (const e of doc.errors) issues.push({ line: e.linePos?.[0]?.line ?? 1, field: '', code: 'syntax', value: e.code });
		throw new CertificationError('import_failed', 'YAML syntax', issues);
	}
	const lineOf = (p: Array<string | number>): number => {
		const node = doc.getIn(p, true) as YamlNode | undefined;
		const range = node && 'range' in node ? node.range : undefined;
		if (range) return lc.linePos(range[0]).line;
		return p.length ? lineOf(p.slice(0, -1)) : 1;
	};
	const root = doc.toJS() as Record<string, Json> | null;
	const str = (p: Array<string | number>, v: Json, required = true): string => {
		const s = typeof v === 'string' || typeof v === 'number' ? String(v).trim() : '';
		if (!s && required) issues.push({ line: lineOf(p), field: p.join('.'), code: 'required' });
		if (s.length > MAX) issues.push({ line: lineOf(p), field: p.join('.'), code: 'too_long' });
		return s;
	};
	const obj = (v: Json) => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, Json>) : {});
	const list = (v: Json) => (Array.isArray(v) ? v : []);
	const r = obj(root);
	const slug = str(['slug'], r.slug);
	if (slug && !SLUG.test(slug)) issues.push({ line: lineOf(['slug']), field: 'slug', code: 'required', value: slug });
	const out: ParsedFramework = {
		slug,
		titleUk: str(['title', 'uk'], obj(r.title).uk),
		titleEn: str(['title', 'en'], obj(r.title).en),
		descriptionUk: str(['description', 'uk'], obj(r.description).uk, false),
		descriptionEn: str(['description', 'en'], obj(r.description).en, false),
		sourceNote: str(['source'], r.source, false),
		areas: []
	};
	if (!isSeq(doc.get('areas'))) issues.push({ line: lineOf(['areas']), field: 'areas', code: 'required' });
	const codes = new Set<string>();
	list(r.areas).forEach((a, i) => {
		const area = obj(a);
		const ap: Array<string | number> = ['areas', i];
		const code = str([...ap, 'code'], area.code);
		if (code && codes.has(`a:${code}`)) issues.push({ line: lineOf([...ap, 'code']), field: [...ap, 'code'].join('.'), code: 'duplicate', value: code });
		codes.add(`a:${code}`);
		const competencies: ParsedCompetency[] = [];
		list(area.competencies).forEach((c, j) => {
			const comp = obj(c);
			const cp = [...ap, 'competencies', j];
			const ccode = str([...cp, 'code'], comp.code);
			if (ccode && codes.has(`c:${ccode}`)) issues.push({ line: lineOf([...cp, 'code']), field: [...cp, 'code'].join('.'), code: 'duplicate', value: ccode });
			codes.add(`c:${ccode}`);
			const levels = list(comp.levels);
			if (levels.length !== 4) issues.push({ line: lineOf([...cp, 'levels']), field: [...cp, 'levels'].join('.'), code: 'levels_count', value: String(levels.length) });
			competencies.push({
				code: ccode,
				titleUk: str([...cp, 'title', 'uk'], obj(comp.title).uk),
				titleEn: str([...cp, 'title', 'en'], obj(comp.title).en),
				descriptionUk: str([...cp, 'description', 'uk'], obj(comp.description).uk, false),
				descriptionEn: str([...cp, 'description', 'en'], obj(comp.description).en, false),
				levels: levels.slice(0, 4).map((l, k) => ({ level: k + 1, uk: str([...cp, 'levels', k, 'uk'], obj(l).uk), en: str([...cp, 'levels', k, 'en'], obj(l).en) })),
				courseIds: list(comp.courses).map((x) => String(x).trim()).filter(Boolean),
				eventSlugs: list(comp.events).map((x) => String(x).trim()).filter(Boolean)
			});
		});
		if (!isSeq(doc.getIn([...ap, 'competencies'])) || competencies.length === 0) issues.push({ line: lineOf(ap), field: [...ap, 'competencies'].join('.'), code: 'required' });
		out.areas.push({ code, titleUk: str([...ap, 'title', 'uk'], obj(area.title).uk), titleEn: str([...ap, 'title', 'en'], obj(area.title).en), competencies });
	});
	if (!isMap(doc.contents)) issues.push({ line: 1, field: '', code: 'syntax' });
	if (issues.length) throw new CertificationError('import_failed', 'invalid framework', issues);
	return out;
}

/** Splits CSV text (RFC 4180, "," or ";") into records with the line each starts on. */
export function parseCsv(text: string): Array<{ line: number; cells: string[] }> {
	const src = text.replace(/^\uFEFF/, '');
	const firstLine = src.split(/\r?\n/, 1)[0] ?? '';
	const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
	const out: Array<{ line: number; cells: string[] }> = [];
	let line = 1;
	let start = 1;
	let cell = '';
	let cells: string[] = [];
	let quoted = false;
	for (let i = 0; i < src.length; i++) {
		const ch = src[i];
		if (quoted) {
			if (ch === '"' && src[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (ch === '"') quoted = false;
			else {
				if (ch === '\n') line++;
				cell += ch;
			}
		} else if (ch === '"' && cell === '') quoted = true;
		else if (ch === sep) {
			cells.push(cell);
			cell = '';
		} else if (ch === '\n' || ch === '\r') {
			if (ch === '\r' && src[i + 1] === '\n') i++;
			cells.push(cell);
			if (cells.some((c) => c.trim() !== '')) out.push({ line: start, cells });
			cells = [];
			cell = '';
			line++;
			start = line;
		} else cell += ch;
	}
	cells.push(cell);
	if (cells.some((c) => c.trim() !== '')) out.push({ line: start, cells });
	return out;
}

export const CSV_COLUMNS = [
	'area_code',
	'area_uk',
	'area_en',
	'code',
	'title_uk',
	'title_en',
	'description_uk',
	'description_en',
	'level1_uk',
	'level1_en',
	'level2_uk',
	'level2_en',
	'level3_uk',
	'level3_en',
	'level4_uk',
	'level4_en',
	'courses',
	'events'
] as const;

/**
 * Parses a framework in CSV: one competency a row, columns CSV_COLUMNS (header row required; courses
 * and events separated by spaces or "|"). The framework's own slug and titles come from the form.
 */
export function parseFrameworkCsv(text: string, meta: { slug: string; titleUk: string; titleEn: string }): ParsedFramework {
	const records = parseCsv(text);
	const issues: ImportIssue[] = [];
	if (records.length === 0) throw new CertificationError('import_failed', 'empty', [{ line: 1, field: '', code: 'required' }]);
	const header = records[0].cells.map((h) => h.trim().toLowerCase());
	const index = new Map(header.map((h, i) => [h, i]));
	for (const col of CSV_COLUMNS) if (col !== 'events' && col !== 'courses' && !index.has(col)) issues.push({ line: records[0].line, field: col, code: 'bad_header' });
	if (issues.length) throw new CertificationError('import_failed', 'header', issues);
	const out: ParsedFramework = { slug: meta.slug, titleUk: meta.titleUk, titleEn: meta.titleEn, descriptionUk: '', descriptionEn: '', sourceNote: '', areas: [] };
	const seen = new Set<string>();
	for (const r of records.slice(1)) {
		const get = (col: (typeof CSV_COLUMNS)[number], required = true) => {
			const i = index.get(col);
			// A leading apostrophe before = + - @ is the export's guard against spreadsheet formulas.
			const v = (i === undefined ? '' : (r.cells[i] ?? '')).trim().replace(/^'(?=[=+\-@])/, '');
			if (!v && required) issues.push({ line: r.line, field: col, code: 'required' });
			if (v.length > MAX) issues.push({ line: r.line, field: col, code: 'too_long' });
			return v;
		};
		const areaCode = get('area_code');
		let area = out.areas.find((a) => a.code === areaCode);
		if (!area) {
			area = { code: areaCode, titleUk: get('area_uk'), titleEn: get('area_en'), competencies: [] };
			out.areas.push(area);
		}
		const code = get('code');
		if (code && seen.has(code)) issues.push({ line: r.line, field: 'code', code: 'duplicate', value: code });
		seen.add(code);
		const split = (s: string) => s.split(/[\s|]+/).map((x) => x.trim()).filter(Boolean);
		area.competencies.push({
			code,
			titleUk: get('title_uk'),
			titleEn: get('title_en'),
			descriptionUk: get('description_uk', false),
			descriptionEn: get('description_en', false),
			levels: LEVELS.map((l) => ({ level: l, uk: get(`level${l}_uk` as (typeof CSV_COLUMNS)[number]), en: get(`level${l}_en` as (typeof CSV_COLUMNS)[number]) })),
			courseIds: split(get('courses', false)),
			eventSlugs: split(get('events', false))
		});
	}
	if (!SLUG.test(meta.slug)) issues.push({ line: 0, field: 'slug', code: 'required' });
	if (!meta.titleUk.trim()) issues.push({ line: 0, field: 'title_uk', code: 'required' });
	if (!meta.titleEn.trim()) issues.push({ line: 0, field: 'title_en', code: 'required' });
	if (issues.length) throw new CertificationError('import_failed', 'invalid framework', issues);
	return out;
}

/** Stores a parsed framework (replacing the one with the same slug). Unknown course ids are refused. */
export async function importFramework(actor: SessionUser | null, f: ParsedFramework, options: { checkCourses?: boolean } = {}) {
	if (actor && !can(actor, 'certification:manage', { organizationId: null })) throw new CertificationError('forbidden');
	const courseIds = [...new Set(f.areas.flatMap((a) => a.competencies.flatMap((c) => c.courseIds)))];
	if (courseIds.length && options.checkCourses !== false) {
		const known = new Set((await db().course.findMany({ where: { id: { in: courseIds } }, select: { id: true } })).map((c) => c.id));
		const unknown = courseIds.filter((c) => !known.has(c));
		if (unknown.length) throw new CertificationError('import_failed', 'unknown course', unknown.map((value) => ({ line: 0, field: 'courses', code: 'unknown_course' as const, value })));
	}
	return db().$transaction(async (tx) => {
		const fw = await tx.competencyFramework.upsert({
			where: { slug: f.slug },
			create: { slug: f.slug, titleUk: f.titleUk, titleEn: f.titleEn, descriptionUk: f.descriptionUk, descriptionEn: f.descriptionEn, sourceNote: f.sourceNote, createdById: actor?.id ?? null },
			update: { titleUk: f.titleUk, titleEn: f.titleEn, descriptionUk: f.descriptionUk, descriptionEn: f.descriptionEn, sourceNote: f.sourceNote }
		});
		const areaCodes = f.areas.map((a) => a.code);
		const compCodes = f.areas.flatMap((a) => a.competencies.map((c) => c.code));
		await tx.competency.deleteMany({ where: { frameworkId: fw.id, code: { notIn: compCodes } } });
		await tx.competencyArea.deleteMany({ where: { frameworkId: fw.id, code: { notIn: areaCodes } } });
		for (const [i, a] of f.areas.entries()) {
			const area = await tx.competencyArea.upsert({
				where: { frameworkId_code: { frameworkId: fw.id, code: a.code } },
				create: { frameworkId: fw.id, code: a.code, position: i, titleUk: a.titleUk, titleEn: a.titleEn },
				update: { position: i, titleUk: a.titleUk, titleEn: a.titleEn }
			});
			for (const [j, c] of a.competencies.entries()) {
				const data = { areaId: area.id, position: j, titleUk: c.titleUk, titleEn: c.titleEn, descriptionUk: c.descriptionUk, descriptionEn: c.descriptionEn, levels: c.levels.map((l) => ({ ...l })), courseIds: c.courseIds, eventSlugs: c.eventSlugs };
				await tx.competency.upsert({ where: { frameworkId_code: { frameworkId: fw.id, code: c.code } }, create: { frameworkId: fw.id, code: c.code, ...data }, update: data });
			}
		}
		if (actor) await auditCertification(tx, { actorId: actor.id, action: 'certification.framework_imported', targetType: 'competency_framework', targetId: fw.id, data: { slug: f.slug, areas: f.areas.length, competencies: compCodes.length } });
		return fw;
	});
}

// Resolved from the working directory (the repo root, as for the library's data): the built server's
// chunks live elsewhere, so a path beside this module would not exist there.
export const SAMPLE_FRAMEWORK_FILE = path.resolve('src/lib/server/certification/frameworks/digital-competence-civil-servants.yaml');

/** The sample framework, parsed (for the seed and the tests). */
export function sampleFramework(): ParsedFramework {
	return parseFrameworkYaml(fs.readFileSync(SAMPLE_FRAMEWORK_FILE, 'utf8'));
}

export function listFrameworks() {
	return db().competencyFramework.findMany({ orderBy: { titleUk: 'asc' }, select: { id: true, slug: true, titleUk: true, titleEn: true, _count: { select: { competencies: true } } } });
}

export function getFramework(slug: string) {
	return db().competencyFramework.findUnique({
		where: { slug },
		include: { areas: { orderBy: { position: 'asc' }, include: { competencies: { orderBy: { position: 'asc' } } } } }
	});
}
export type FrameworkDetail = NonNullable<Awaited<ReturnType<typeof getFramework>>>;

/** Edits one competency's texts and links (the framework editor). */
export async function updateCompetency(actor: SessionUser, id: string, input: { titleUk: string; titleEn: string; levels: FrameworkLevel[]; courseIds: string[]; eventSlugs: string[] }) {
	if (!can(actor, 'certification:manage', { organizationId: null })) throw new CertificationError('forbidden');
	if (input.levels.length !== 4 || input.levels.some((l) => !l.uk.trim() || !l.en.trim()) || !input.titleUk.trim() || !input.titleEn.trim()) throw new CertificationError('invalid');
	return db().competency.update({ where: { id }, data: { titleUk: input.titleUk.trim(), titleEn: input.titleEn.trim(), levels: input.levels.map((l) => ({ ...l })), courseIds: input.courseIds, eventSlugs: input.eventSlugs } });
}

export interface FrameworkForm {
	slug: string;
	titleUk: string;
	titleEn: string;
	areas: Array<{
		code: string;
		titleUk: string;
		titleEn: string;
		competencies: Array<{ code: string; titleUk: string; titleEn: string; descriptionUk: string; descriptionEn: string; levels: FrameworkLevel[] }>;
	}>;
}

/** A framework as an assessment form shows it. */
export function frameworkForm(fw: FrameworkDetail): FrameworkForm {
	return {
		slug: fw.slug,
		titleUk: fw.titleUk,
		titleEn: fw.titleEn,
		areas: fw.areas.map((a) => ({
			code: a.code,
			titleUk: a.titleUk,
			titleEn: a.titleEn,
			competencies: a.competencies.map((c) => ({ code: c.code, titleUk: c.titleUk, titleEn: c.titleEn, descriptionUk: c.descriptionUk, descriptionEn: c.descriptionEn, levels: c.levels as unknown as FrameworkLevel[] }))
		}))
	};
}

/** Ratings posted by an assessment form (current-<code>, target-<code>); `missing` lists codes not rated. */
export function ratingsFromForm(fw: FrameworkForm, data: FormData): { ratings: Record<string, { current: number; target: number }>; missing: string[] } {
	const ratings: Record<string, { current: number; target: number }> = {};
	const missing: string[] = [];
	for (const c of fw.areas.flatMap((a) => a.competencies)) {
		const cur = String(data.get(`current-${c.code}`) ?? '');
		const tgt = String(data.get(`target-${c.code}`) ?? '');
		const current = Number(cur);
		const target = Number(tgt);
		if (cur === '' || !Number.isInteger(current) || current < 0 || current > 4 || !Number.isInteger(target) || target < 1 || target > 4) missing.push(c.code);
		else ratings[c.code] = { current, target };
	}
	return { ratings, missing };
}
