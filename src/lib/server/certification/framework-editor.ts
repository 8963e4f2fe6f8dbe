/**
 * The competency framework editor (issue 4, ADR 0015 amendment): create an empty framework, edit its
 * texts, add / rename / reorder / delete areas, add / edit / move / reorder / delete competencies with
 * their 4 level descriptors and links to real courses and events, and export the framework as YAML or
 * CSV in the formats the import reads (export, then import, gives the same framework).
 *
 * Every function checks `certification:manage` (portal-wide: admins) and writes one
 * `certification.framework_edited` audit row in the same transaction as the change.
 *
 * Codes that people's assessments or development plans already use are kept: such a competency can
 * be neither deleted nor given another code (ratings and plan items are stored by code, so either
 * would silently drop people's history). Its texts, levels, links, area and position may change.
 */
import { z } from 'zod';
import { stringify } from 'yaml';
import { m } from '../../paraglide/messages.js';
import { db, type Prisma } from '../db/index.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { CertificationError } from './errors.ts';
import { auditCertification } from './audit.ts';
import { CSV_COLUMNS, LEVELS, type FrameworkDetail, type FrameworkLevel, type ParsedCompetency, type ParsedFramework } from './framework.ts';
import { csv } from './xlsx.ts';

// ---------------------------------------------------------------------------------------------
// Refusals

/** Why an edit was refused; `field` names the form field the message belongs to. */
export type FrameworkEditReason = 'slug_taken' | 'code_taken' | 'area_not_empty' | 'competency_in_use' | 'unknown_course' | 'unknown_event' | 'levels_count' | 'not_found';

export class FrameworkEditError extends CertificationError {
	constructor(
		readonly reason: FrameworkEditReason,
		readonly field: string | null = null,
		readonly detail: Record<string, string> = {}
	) {
		super(reason === 'slug_taken' ? 'slug_taken' : reason === 'not_found' ? 'not_found' : 'invalid', reason);
		this.name = 'FrameworkEditError';
	}
}

/** A refusal as a translated sentence. */
export function explainEditError(e: unknown, locale: 'uk' | 'en'): string {
	const o = { locale };
	if (e instanceof FrameworkEditError) {
		switch (e.reason) {
			case 'slug_taken':
				return m.certf_error_slug_taken({}, o);
			case 'code_taken':
				return m.certf_error_code_taken({ code: e.detail.code ?? '' }, o);
			case 'area_not_empty':
				return m.certf_error_area_not_empty({ count: e.detail.count ?? '0' }, o);
			case 'competency_in_use':
				return m.certf_error_competency_in_use({ assessments: e.detail.assessments ?? '0', plans: e.detail.plans ?? '0' }, o);
			case 'unknown_course':
				return m.certf_error_unknown_course({ value: e.detail.value ?? '' }, o);
			case 'unknown_event':
				return m.certf_error_unknown_event({ value: e.detail.value ?? '' }, o);
			case 'levels_count':
				return m.certf_error_levels_count({}, o);
			case 'not_found':
				return m.certf_error_not_found({}, o);
		}
	}
	if (e instanceof CertificationError && e.code === 'forbidden') return m.certf_error_forbidden({}, o);
	if (e instanceof CertificationError && e.code === 'not_found') return m.certf_error_not_found({}, o);
	return m.certf_error_invalid({}, o);
}

// ---------------------------------------------------------------------------------------------
// Forms: zod schemas, messages asked for at validation time (the request's language)

// Control characters (but tab and new line) never belong in a framework's texts.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;
const clean = (s: string) => s.replace(CONTROL, '').replace(/\r\n?/g, '\n');

const required = (max: number) =>
	z
		.string({ error: () => m.certf_field_required() })
		.transform(clean)
		.pipe(
			z
				.string()
				.trim()
				.min(1, { error: () => m.certf_field_required() })
				.max(max, { error: () => m.certf_field_too_long({ max: String(max) }) })
		);
const optional = (max: number) =>
	z
		.string()
		.default('')
		.transform(clean)
		.pipe(
			z
				.string()
				.trim()
				.max(max, { error: () => m.certf_field_too_long({ max: String(max) }) })
		);

export const FRAMEWORK_SLUG = /^[a-z0-9][a-z0-9-]{1,79}$/;
export const CODE = /^[\p{L}\p{N}][\p{L}\p{N}._-]{0,19}$/u;
const TITLE_MAX = 300;
const TEXT_MAX = 2000;

const code = () =>
	z
		.string({ error: () => m.certf_field_required() })
		.trim()
		.min(1, { error: () => m.certf_field_required() })
		.max(20, { error: () => m.certf_field_too_long({ max: '20' }) })
		.regex(CODE, { error: () => m.certf_field_code() });

export const frameworkMetaSchema = z.object({
	titleUk: required(TITLE_MAX),
	titleEn: required(TITLE_MAX),
	descriptionUk: optional(TEXT_MAX),
	descriptionEn: optional(TEXT_MAX),
	sourceNote: optional(500)
});
export type FrameworkMetaInput = z.output<typeof frameworkMetaSchema>;

export const newFrameworkSchema = frameworkMetaSchema.extend({
	slug: z
		.string({ error: () => m.certf_field_required() })
		.trim()
		.toLowerCase()
		.min(1, { error: () => m.certf_field_required() })
		.regex(FRAMEWORK_SLUG, { error: () => m.certf_field_slug() })
});
export type NewFrameworkInput = z.output<typeof newFrameworkSchema>;

export const areaSchema = z.object({ code: code(), titleUk: required(TITLE_MAX), titleEn: required(TITLE_MAX) });
export type AreaInput = z.output<typeof areaSchema>;

const levelFields = Object.fromEntries(LEVELS.flatMap((l) => [[`level${l}Uk`, required(TEXT_MAX)], [`level${l}En`, required(TEXT_MAX)]])) as Record<`level${1 | 2 | 3 | 4}${'Uk' | 'En'}`, ReturnType<typeof required>>;
const refList = z.array(z.string().trim().min(1).max(200)).max(100, { error: () => m.certf_field_too_many() }).default([]);

export const competencySchema = z.object({
	areaId: z.string({ error: () => m.certf_field_choose() }).trim().min(1, { error: () => m.certf_field_choose() }),
	code: code(),
	titleUk: required(TITLE_MAX),
	titleEn: required(TITLE_MAX),
	descriptionUk: optional(TEXT_MAX),
	descriptionEn: optional(TEXT_MAX),
	...levelFields,
	courseIds: refList,
	eventSlugs: refList
});
export type CompetencyFormInput = z.output<typeof competencySchema>;

/** A competency as the domain stores it, with its area (`saveCompetency` refuses anything but 4 levels). */
export type CompetencyInput = ParsedCompetency & { areaId: string };

export function competencyInputFromForm(f: CompetencyFormInput): CompetencyInput {
	return {
		areaId: f.areaId,
		code: f.code,
		titleUk: f.titleUk,
		titleEn: f.titleEn,
		descriptionUk: f.descriptionUk,
		descriptionEn: f.descriptionEn,
		levels: LEVELS.map((level) => ({ level, uk: f[`level${level}Uk`], en: f[`level${level}En`] })),
		courseIds: [...new Set(f.courseIds)],
		eventSlugs: [...new Set(f.eventSlugs)]
	};
}

/** The competency form's values for an existing competency. */
export function competencyFormValues(c: { areaId: string; code: string; titleUk: string; titleEn: string; descriptionUk: string; descriptionEn: string; levels: unknown; courseIds: string[]; eventSlugs: string[] }): Record<string, string | string[]> {
	const levels = levelsOf(c.levels);
	return {
		areaId: c.areaId,
		code: c.code,
		titleUk: c.titleUk,
		titleEn: c.titleEn,
		descriptionUk: c.descriptionUk,
		descriptionEn: c.descriptionEn,
		...Object.fromEntries(LEVELS.flatMap((l) => [[`level${l}Uk`, levels[l - 1]?.uk ?? ''], [`level${l}En`, levels[l - 1]?.en ?? '']])),
		courseIds: c.courseIds,
		eventSlugs: c.eventSlugs
	};
}

export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string[]>;
export type FormResult<T> = { ok: true; data: T } | { ok: false; values: FormValues; errors: FieldErrors };

/**
 * Validates posted form data with a schema. On failure it gives back what was typed (so the page
 * shows it again) and the translated errors by field. `lists` name fields posted several times.
 */
export function readForm<S extends z.ZodType>(schema: S, data: FormData, lists: string[] = []): FormResult<z.output<S>> {
	const values: FormValues = {};
	for (const key of new Set(data.keys())) {
		if (key.startsWith('/')) continue;
		values[key] = lists.includes(key) ? data.getAll(key).map(String) : String(data.get(key) ?? '');
	}
	for (const key of lists) values[key] ??= [];
	const parsed = schema.safeParse(values);
	if (parsed.success) return { ok: true, data: parsed.data };
	const errors: FieldErrors = {};
	for (const issue of parsed.error.issues) {
		const key = String(issue.path[0] ?? '');
		(errors[key] ??= []).push(issue.message);
	}
	return { ok: false, values, errors };
}

/** A domain refusal as form errors: on its field when it has one, otherwise on the whole form (''). */
export function editErrorAsFields(e: unknown, locale: 'uk' | 'en'): FieldErrors {
	const field = e instanceof FrameworkEditError && e.field ? e.field : '';
	return { [field]: [explainEditError(e, locale)] };
}

// ---------------------------------------------------------------------------------------------
// Who may edit

export function mayEditFrameworks(actor: SessionUser | null): boolean {
	return !!actor && can(actor, 'certification:manage', { organizationId: null });
}

function assertEditor(actor: SessionUser): void {
	if (!mayEditFrameworks(actor)) throw new CertificationError('forbidden');
}

type Tx = Prisma.TransactionClient;
type EditOp =
	| 'created'
	| 'details_updated'
	| 'area_added'
	| 'area_updated'
	| 'area_moved'
	| 'area_deleted'
	| 'competency_added'
	| 'competency_updated'
	| 'competency_moved'
	| 'competency_deleted';

function audit(tx: Tx, actor: SessionUser, frameworkId: string, op: EditOp, data: Record<string, Prisma.InputJsonValue>, before?: Prisma.InputJsonValue, after?: Prisma.InputJsonValue) {
	return auditCertification(tx, { actorId: actor.id, action: 'certification.framework_edited', targetType: 'competency_framework', targetId: frameworkId, data: { op, ...data }, before, after });
}

// ---------------------------------------------------------------------------------------------
// The framework

export async function createFramework(actor: SessionUser, input: NewFrameworkInput) {
	assertEditor(actor);
	if (await db().competencyFramework.findUnique({ where: { slug: input.slug }, select: { id: true } })) throw new FrameworkEditError('slug_taken', 'slug');
	return db().$transaction(async (tx) => {
		const fw = await tx.competencyFramework.create({ data: { ...input, createdById: actor.id } });
		await audit(tx, actor, fw.id, 'created', { slug: fw.slug }, undefined, { ...input });
		return fw;
	});
}

export async function updateFrameworkDetails(actor: SessionUser, frameworkId: string, input: FrameworkMetaInput) {
	assertEditor(actor);
	return db().$transaction(async (tx) => {
		const before = await tx.competencyFramework.findUnique({ where: { id: frameworkId }, select: { slug: true, titleUk: true, titleEn: true, descriptionUk: true, descriptionEn: true, sourceNote: true } });
		if (!before) throw new FrameworkEditError('not_found');
		const fw = await tx.competencyFramework.update({ where: { id: frameworkId }, data: input });
		const { slug, ...was } = before;
		await audit(tx, actor, frameworkId, 'details_updated', { slug }, was, { ...input });
		return fw;
	});
}

// ---------------------------------------------------------------------------------------------
// Areas

async function areaOf(tx: Tx, areaId: string) {
	const area = await tx.competencyArea.findUnique({ where: { id: areaId }, include: { _count: { select: { competencies: true } } } });
	if (!area) throw new FrameworkEditError('not_found');
	return area;
}

async function assertAreaCodeFree(tx: Tx, frameworkId: string, code: string, exceptId: string | null) {
	const other = await tx.competencyArea.findUnique({ where: { frameworkId_code: { frameworkId, code } }, select: { id: true } });
	if (other && other.id !== exceptId) throw new FrameworkEditError('code_taken', 'code', { code });
}

export async function addArea(actor: SessionUser, frameworkId: string, input: AreaInput) {
	assertEditor(actor);
	return db().$transaction(async (tx) => {
		if (!(await tx.competencyFramework.findUnique({ where: { id: frameworkId }, select: { id: true } }))) throw new FrameworkEditError('not_found');
		await assertAreaCodeFree(tx, frameworkId, input.code, null);
		const last = await tx.competencyArea.aggregate({ where: { frameworkId }, _max: { position: true } });
		const area = await tx.competencyArea.create({ data: { frameworkId, ...input, position: (last._max.position ?? -1) + 1 } });
		await audit(tx, actor, frameworkId, 'area_added', { code: area.code }, undefined, { ...input });
		return area;
	});
}

export async function updateArea(actor: SessionUser, areaId: string, input: AreaInput) {
	assertEditor(actor);
	return db().$transaction(async (tx) => {
		const area = await areaOf(tx, areaId);
		await assertAreaCodeFree(tx, area.frameworkId, input.code, area.id);
		const updated = await tx.competencyArea.update({ where: { id: areaId }, data: input });
		await audit(tx, actor, area.frameworkId, 'area_updated', { code: input.code }, { code: area.code, titleUk: area.titleUk, titleEn: area.titleEn }, { ...input });
		return updated;
	});
}

/** Renumbers siblings 0..n-1 in the given order. */
async function renumber(ids: string[], write: (id: string, position: number) => Promise<unknown>) {
	for (const [position, id] of ids.entries()) await write(id, position);
}

function swapped<T extends { id: string }>(list: T[], id: string, direction: 'up' | 'down'): string[] | null {
	const ids = list.map((x) => x.id);
	const i = ids.indexOf(id);
	const j = direction === 'up' ? i - 1 : i + 1;
	if (i < 0 || j < 0 || j >= ids.length) return null;
	[ids[i], ids[j]] = [ids[j], ids[i]];
	return ids;
}

export async function moveArea(actor: SessionUser, areaId: string, direction: 'up' | 'down') {
	assertEditor(actor);
	return db().$transaction(async (tx) => {
		const area = await areaOf(tx, areaId);
		const siblings = await tx.competencyArea.findMany({ where: { frameworkId: area.frameworkId }, orderBy: [{ position: 'asc' }, { code: 'asc' }], select: { id: true } });
		const order = swapped(siblings, areaId, direction);
		if (!order) return false;
		await renumber(order, (id, position) => tx.competencyArea.update({ where: { id }, data: { position } }));
		await audit(tx, actor, area.frameworkId, 'area_moved', { code: area.code, direction });
		return true;
	});
}

/** Deletes an area; refused while it holds competencies (move or delete them first). */
export async function deleteArea(actor: SessionUser, areaId: string) {
	assertEditor(actor);
	return db().$transaction(async (tx) => {
		const area = await areaOf(tx, areaId);
		if (area._count.competencies > 0) throw new FrameworkEditError('area_not_empty', null, { count: String(area._count.competencies) });
		await tx.competencyArea.delete({ where: { id: areaId } });
		await audit(tx, actor, area.frameworkId, 'area_deleted', { code: area.code }, { code: area.code, titleUk: area.titleUk, titleEn: area.titleEn });
		return area;
	});
}

// ---------------------------------------------------------------------------------------------
// Competencies

/** How many assessments and development plan items of this framework use each competency code. */
export async function codeUsage(frameworkId: string, tx: Tx | ReturnType<typeof db> = db()): Promise<Map<string, { assessments: number; plans: number }>> {
	const [ratings, items] = await Promise.all([
		tx.$queryRaw<Array<{ code: string; n: number }>>`SELECT k AS code, count(*)::int AS n FROM "CompetencyAssessment" a, jsonb_object_keys(a.ratings) AS k WHERE a."frameworkId" = ${frameworkId} AND jsonb_typeof(a.ratings) = 'object' GROUP BY k`,
		tx.developmentPlanItem.groupBy({ by: ['competencyCode'], where: { plan: { frameworkId } }, _count: { _all: true } })
	]);
	const out = new Map<string, { assessments: number; plans: number }>();
	const at = (code: string) => out.get(code) ?? out.set(code, { assessments: 0, plans: 0 }).get(code)!;
	for (const r of ratings) at(r.code).assessments = Number(r.n);
	for (const i of items) at(i.competencyCode).plans = i._count._all;
	return out;
}

async function assertNotInUse(tx: Tx, frameworkId: string, code: string) {
	const use = (await codeUsage(frameworkId, tx)).get(code);
	if (use && (use.assessments || use.plans)) throw new FrameworkEditError('competency_in_use', 'code', { assessments: String(use.assessments), plans: String(use.plans) });
}

async function assertLinksExist(tx: Tx, input: CompetencyInput) {
	if (input.courseIds.length) {
		const known = new Set((await tx.course.findMany({ where: { id: { in: input.courseIds } }, select: { id: true } })).map((c) => c.id));
		const unknown = input.courseIds.find((id) => !known.has(id));
		if (unknown) throw new FrameworkEditError('unknown_course', 'courseIds', { value: unknown });
	}
	if (input.eventSlugs.length) {
		const known = new Set((await tx.event.findMany({ where: { slug: { in: input.eventSlugs } }, select: { slug: true } })).map((e) => e.slug));
		const unknown = input.eventSlugs.find((s) => !known.has(s));
		if (unknown) throw new FrameworkEditError('unknown_event', 'eventSlugs', { value: unknown });
	}
}

function assertLevels(levels: FrameworkLevel[]) {
	const ok = levels.length === LEVELS.length && levels.every((l, i) => l.level === i + 1 && l.uk.trim() !== '' && l.en.trim() !== '');
	if (!ok) throw new FrameworkEditError('levels_count', null);
}

/**
 * Adds (id null) or edits a competency: texts, the 4 levels, links, its area (moving it to the end of
 * another area) and its code (unique in the framework; not changed while people's ratings use it).
 */
export async function saveCompetency(actor: SessionUser, frameworkId: string, id: string | null, input: CompetencyInput) {
	assertEditor(actor);
	assertLevels(input.levels);
	return db().$transaction(async (tx) => {
		const area = await tx.competencyArea.findUnique({ where: { id: input.areaId }, select: { id: true, frameworkId: true } });
		if (!area || area.frameworkId !== frameworkId) throw new FrameworkEditError('not_found', 'areaId');
		const same = await tx.competency.findUnique({ where: { frameworkId_code: { frameworkId, code: input.code } }, select: { id: true } });
		if (same && same.id !== id) throw new FrameworkEditError('code_taken', 'code', { code: input.code });
		await assertLinksExist(tx, input);
		const texts = { code: input.code, titleUk: input.titleUk, titleEn: input.titleEn, descriptionUk: input.descriptionUk, descriptionEn: input.descriptionEn, levels: input.levels.map((l) => ({ ...l })), courseIds: input.courseIds, eventSlugs: input.eventSlugs };
		const endOf = async (areaId: string) => ((await tx.competency.aggregate({ where: { areaId }, _max: { position: true } }))._max.position ?? -1) + 1;
		if (id === null) {
			const c = await tx.competency.create({ data: { frameworkId, areaId: area.id, position: await endOf(area.id), ...texts } });
			await audit(tx, actor, frameworkId, 'competency_added', { code: c.code }, undefined, { ...texts });
			return c;
		}
		const before = await tx.competency.findUnique({ where: { id } });
		if (!before || before.frameworkId !== frameworkId) throw new FrameworkEditError('not_found');
		if (before.code !== input.code) await assertNotInUse(tx, frameworkId, before.code);
		const moved = before.areaId !== area.id;
		const c = await tx.competency.update({ where: { id }, data: { ...texts, areaId: area.id, ...(moved ? { position: await endOf(area.id) } : {}) } });
		const was = { code: before.code, areaId: before.areaId, titleUk: before.titleUk, titleEn: before.titleEn, descriptionUk: before.descriptionUk, descriptionEn: before.descriptionEn, levels: before.levels as Prisma.InputJsonValue, courseIds: before.courseIds, eventSlugs: before.eventSlugs };
		await audit(tx, actor, frameworkId, 'competency_updated', { code: c.code, ...(before.code !== c.code ? { previousCode: before.code } : {}), ...(moved ? { movedToArea: area.id } : {}) }, was, { ...texts, areaId: area.id });
		return c;
	});
}

export async function moveCompetency(actor: SessionUser, id: string, direction: 'up' | 'down') {
	assertEditor(actor);
	return db().$transaction(async (tx) => {
		const c = await tx.competency.findUnique({ where: { id }, select: { id: true, areaId: true, frameworkId: true, code: true } });
		if (!c) throw new FrameworkEditError('not_found');
		const siblings = await tx.competency.findMany({ where: { areaId: c.areaId }, orderBy: [{ position: 'asc' }, { code: 'asc' }], select: { id: true } });
		const order = swapped(siblings, id, direction);
		if (!order) return false;
		await renumber(order, (cid, position) => tx.competency.update({ where: { id: cid }, data: { position } }));
		await audit(tx, actor, c.frameworkId, 'competency_moved', { code: c.code, direction });
		return true;
	});
}

/** Deletes a competency; refused while assessments or development plans use its code. */
export async function deleteCompetency(actor: SessionUser, id: string) {
	assertEditor(actor);
	return db().$transaction(async (tx) => {
		const c = await tx.competency.findUnique({ where: { id } });
		if (!c) throw new FrameworkEditError('not_found');
		await assertNotInUse(tx, c.frameworkId, c.code);
		await tx.competency.delete({ where: { id } });
		await audit(tx, actor, c.frameworkId, 'competency_deleted', { code: c.code }, { code: c.code, titleUk: c.titleUk, titleEn: c.titleEn, levels: c.levels as Prisma.InputJsonValue, courseIds: c.courseIds, eventSlugs: c.eventSlugs });
		return c;
	});
}

/** The editor page's view: the framework's texts, areas and competencies, each with its links and use. */
export async function frameworkEditorView(fw: FrameworkDetail) {
	const usage = await codeUsage(fw.id);
	const { slug, titleUk, titleEn, descriptionUk, descriptionEn, sourceNote } = fw;
	return {
		slug,
		titleUk,
		titleEn,
		descriptionUk,
		descriptionEn,
		sourceNote,
		areas: fw.areas.map(({ id, code, titleUk, titleEn, competencies }) => ({
			id,
			code,
			titleUk,
			titleEn,
			competencies: competencies.map((c) => ({ id: c.id, code: c.code, titleUk: c.titleUk, titleEn: c.titleEn, courses: c.courseIds.length, events: c.eventSlugs.length, used: usage.get(c.code) ?? { assessments: 0, plans: 0 } }))
		}))
	};
}

// ---------------------------------------------------------------------------------------------
// What the editor offers to link

/** The real courses and events a competency may link to (events: the newest 300 and any already linked). */
export async function linkOptions(linkedEventSlugs: string[] = []) {
	const [courses, events] = await Promise.all([
		db().course.findMany({ orderBy: { titleUk: 'asc' }, select: { id: true, slug: true, titleUk: true, titleEn: true } }),
		db().event.findMany({ where: { OR: [{ status: { not: 'cancelled' } }, { slug: { in: linkedEventSlugs } }] }, orderBy: { startsAt: 'desc' }, take: 300, select: { slug: true, titleUk: true, titleEn: true, startsAt: true } })
	]);
	const missing = linkedEventSlugs.filter((s) => !events.some((e) => e.slug === s));
	const extra = missing.length ? await db().event.findMany({ where: { slug: { in: missing } }, select: { slug: true, titleUk: true, titleEn: true, startsAt: true } }) : [];
	return { courses, events: [...events, ...extra].map((e) => ({ ...e, startsAt: e.startsAt.toISOString() })) };
}

// ---------------------------------------------------------------------------------------------
// Export (the formats the import reads)

function levelsOf(v: unknown): FrameworkLevel[] {
	const list = Array.isArray(v) ? (v as Array<Partial<FrameworkLevel>>) : [];
	return list.map((l, i) => ({ level: Number(l.level ?? i + 1), uk: String(l.uk ?? ''), en: String(l.en ?? '') })).sort((a, b) => a.level - b.level);
}

/** A stored framework in the import's shape. */
export function toParsedFramework(fw: FrameworkDetail): ParsedFramework {
	return {
		slug: fw.slug,
		titleUk: fw.titleUk,
		titleEn: fw.titleEn,
		descriptionUk: fw.descriptionUk,
		descriptionEn: fw.descriptionEn,
		sourceNote: fw.sourceNote,
		areas: fw.areas.map((a) => ({
			code: a.code,
			titleUk: a.titleUk,
			titleEn: a.titleEn,
			competencies: a.competencies.map((c) => ({
				code: c.code,
				titleUk: c.titleUk,
				titleEn: c.titleEn,
				descriptionUk: c.descriptionUk,
				descriptionEn: c.descriptionEn,
				levels: levelsOf(c.levels),
				courseIds: [...c.courseIds],
				eventSlugs: [...c.eventSlugs]
			}))
		}))
	};
}

/** The framework as YAML, as `parseFrameworkYaml` reads it (codes stay strings: "1.1"). */
export function frameworkYaml(fw: FrameworkDetail): string {
	const f = toParsedFramework(fw);
	const doc = {
		slug: f.slug,
		title: { uk: f.titleUk, en: f.titleEn },
		description: { uk: f.descriptionUk, en: f.descriptionEn },
		source: f.sourceNote,
		areas: f.areas.map((a) => ({
			code: a.code,
			title: { uk: a.titleUk, en: a.titleEn },
			competencies: a.competencies.map((c) => ({
				code: c.code,
				title: { uk: c.titleUk, en: c.titleEn },
				description: { uk: c.descriptionUk, en: c.descriptionEn },
				levels: c.levels.map((l) => ({ uk: l.uk, en: l.en })),
				...(c.courseIds.length ? { courses: c.courseIds } : {}),
				...(c.eventSlugs.length ? { events: c.eventSlugs } : {})
			}))
		}))
	};
	return stringify(doc, { lineWidth: 0 });
}

/**
 * The framework as CSV (one competency a row, CSV_COLUMNS), as `parseFrameworkCsv` reads it. The
 * framework's own slug and titles are given on the import form; areas without competencies have no
 * row. Cells that a spreadsheet would run as a formula get a leading apostrophe, which the import drops.
 */
export function frameworkCsv(fw: FrameworkDetail): string {
	const f = toParsedFramework(fw);
	const rows: string[][] = [[...CSV_COLUMNS]];
	for (const a of f.areas)
		for (const c of a.competencies)
			rows.push([a.code, a.titleUk, a.titleEn, c.code, c.titleUk, c.titleEn, c.descriptionUk, c.descriptionEn, ...c.levels.flatMap((l) => [l.uk, l.en]), c.courseIds.join(' '), c.eventSlugs.join(' ')]);
	return csv(rows);
}
