/**
 * The programme and version forms as posted (plain form fields, so they work without JavaScript):
 * parsed into the service inputs, every problem as a translated sentence under its field, and the
 * values as typed so the page can show them again. References (courses, exam quiz, competencies)
 * are checked against the learning tables and the frameworks.
 */
import { m } from '../../paraglide/messages.js';
import { db } from '../db/index.ts';
import { SLUG, type ProgrammeEdit, type ProgrammeInput, type VersionData } from './programmes.ts';

type Locale = 'uk' | 'en';
export type FormValues = Record<string, string | string[]>;
export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; values: FormValues; input: T } | { ok: false; values: FormValues; errors: FieldErrors };

/** Field names of one path's requirements: the initial path plain, the recertification path prefixed. */
export const PATH_FIELDS = ['courseIds', 'examQuizId', 'passMark', 'eventHours', 'eventCredits'] as const;
export const pathField = (path: 'initial' | 'recert', name: (typeof PATH_FIELDS)[number]) => (path === 'initial' ? name : `recert${name[0].toUpperCase()}${name.slice(1)}`);
/** A competency's level select: level:<framework slug>:<code>. */
export const competencyField = (frameworkSlug: string, code: string) => `level:${frameworkSlug}:${code}`;

const MAX_COURSES = 20;

/** Everything posted, as typed (repeated names as lists; files are ignored). */
export function formValues(fd: FormData): FormValues {
	const out: FormValues = {};
	for (const key of new Set(fd.keys())) {
		const all = fd.getAll(key).filter((v): v is string => typeof v === 'string');
		out[key] = key === 'courseIds' || key === 'recertCourseIds' ? all : (all[0] ?? '');
	}
	return out;
}

const text = (v: FormValues, k: string) => (typeof v[k] === 'string' ? (v[k] as string) : '').trim();
const list = (v: FormValues, k: string) => (Array.isArray(v[k]) ? (v[k] as string[]) : v[k] ? [v[k] as string] : []).map((x) => x.trim()).filter(Boolean);

/** A number as people type it ("1,5" too); null when empty; NaN when not a number. */
function num(raw: string): number | null {
	if (raw === '') return null;
	return /^-?\d+([.,]\d+)?$/.test(raw) ? Number(raw.replace(',', '.')) : NaN;
}

class Collector {
	errors: FieldErrors = {};
	constructor(readonly locale: Locale) {}
	get o() {
		return { locale: this.locale };
	}
	set(field: string, message: string) {
		if (!this.errors[field]) this.errors[field] = message;
	}
	required(v: FormValues, field: string, max: number) {
		const s = text(v, field);
		if (!s) this.set(field, m.form_required({}, this.o));
		else if (s.length > max) this.set(field, m.form_too_long({ max }, this.o));
		return s;
	}
	optional(v: FormValues, field: string, max: number) {
		const s = text(v, field);
		if (s.length > max) this.set(field, m.form_too_long({ max }, this.o));
		return s;
	}
	/** A number in [min, max] (integer when asked); `fallback` when empty and not required. */
	number(v: FormValues, field: string, opts: { min: number; max: number; integer?: boolean; required?: boolean; fallback?: number | null }) {
		const n = num(text(v, field));
		if (n === null) {
			if (opts.required) this.set(field, m.form_required({}, this.o));
			return opts.fallback ?? null;
		}
		if (Number.isNaN(n) || (opts.integer && !Number.isInteger(n)) || n < opts.min || n > opts.max) {
			this.set(field, opts.integer ? m.certp_error_integer({ min: String(opts.min), max: String(opts.max) }, this.o) : m.certp_error_number({ min: String(opts.min), max: String(opts.max) }, this.o));
			return opts.fallback ?? null;
		}
		return n;
	}
}

/** Reminder offsets as typed: "30, 7, 1" (days before a due date or an expiry). */
function reminderDays(c: Collector, v: FormValues): number[] {
	const raw = text(v, 'reminderDays');
	if (!raw) return [];
	const parts = raw.split(/[\s,;]+/).filter(Boolean);
	const days = parts.map(Number);
	if (parts.length > 6 || days.some((d) => !Number.isInteger(d) || d < 0 || d > 365)) c.set('reminderDays', m.certp_error_reminders({}, c.o));
	return [...new Set(days.filter((d) => Number.isInteger(d) && d >= 0 && d <= 365))];
}

/** The programme's own fields (title, description, reminders) and, when creating, its address and owner. */
export function parseProgrammeForm(fd: FormData, locale: Locale, create: { owners: Array<string | null> }): Parsed<ProgrammeInput>;
export function parseProgrammeForm(fd: FormData, locale: Locale): Parsed<ProgrammeEdit>;
export function parseProgrammeForm(fd: FormData, locale: Locale, create?: { owners: Array<string | null> }): Parsed<ProgrammeInput> | Parsed<ProgrammeEdit> {
	const values = formValues(fd);
	const c = new Collector(locale);
	const edit: ProgrammeEdit = {
		titleUk: c.required(values, 'titleUk', 300),
		titleEn: c.required(values, 'titleEn', 300),
		descriptionUk: c.optional(values, 'descriptionUk', 5000),
		descriptionEn: c.optional(values, 'descriptionEn', 5000),
		reminderDays: reminderDays(c, values)
	};
	if (!create) return Object.keys(c.errors).length ? { ok: false, values, errors: c.errors } : { ok: true, values, input: edit };
	const slug = text(values, 'slug').toLowerCase();
	if (!slug) c.set('slug', m.form_required({}, c.o));
	else if (!SLUG.test(slug)) c.set('slug', m.certp_error_slug({}, c.o));
	const owner = text(values, 'organizationId') || null;
	if (!create.owners.includes(owner)) c.set('organizationId', m.form_choose_option({}, c.o));
	if (Object.keys(c.errors).length) return { ok: false, values, errors: c.errors };
	return { ok: true, values, input: { ...edit, slug, organizationId: owner } };
}

/** Courses (not archived) and their quizzes that a version may require. */
export async function learningChoices() {
	const courses = await db().course.findMany({
		where: { archivedAt: null },
		orderBy: { titleUk: 'asc' },
		select: { id: true, titleUk: true, titleEn: true, quizzes: { where: { archivedAt: null }, orderBy: { titleUk: 'asc' }, select: { id: true, titleUk: true, titleEn: true, passMark: true } } }
	});
	return courses;
}
export type LearningChoices = Awaited<ReturnType<typeof learningChoices>>;

/** The version form: both paths, validity, window, competencies and levels, the note. */
export async function parseVersionForm(fd: FormData, locale: Locale): Promise<Parsed<VersionData>> {
	const values = formValues(fd);
	const c = new Collector(locale);
	const courses = await learningChoices();
	const courseIds = new Set(courses.map((x) => x.id));
	const quizIds = new Set(courses.flatMap((x) => x.quizzes.map((q) => q.id)));

	const path = (p: 'initial' | 'recert') => {
		const f = (n: (typeof PATH_FIELDS)[number]) => pathField(p, n);
		const chosen = [...new Set(list(values, f('courseIds')))];
		if (chosen.length > MAX_COURSES) c.set(f('courseIds'), m.certp_error_too_many_courses({ max: String(MAX_COURSES) }, c.o));
		else if (chosen.some((id) => !courseIds.has(id))) c.set(f('courseIds'), m.certp_error_unknown_course({}, c.o));
		const quiz = text(values, f('examQuizId')) || null;
		if (quiz && !quizIds.has(quiz)) c.set(f('examQuizId'), m.certp_error_unknown_quiz({}, c.o));
		const passMark = c.number(values, f('passMark'), { min: 0, max: 100 });
		if (quiz && passMark === null && !c.errors[f('passMark')]) c.set(f('passMark'), m.certp_error_pass_mark_needed({}, c.o));
		if (!quiz && passMark !== null) c.set(f('examQuizId'), m.certp_error_exam_needed({}, c.o));
		const eventHours = c.number(values, f('eventHours'), { min: 0, max: 1000, fallback: 0 }) ?? 0;
		const eventCredits = c.number(values, f('eventCredits'), { min: 0, max: 1000, fallback: 0 }) ?? 0;
		if (!chosen.length && !quiz && !eventHours && !eventCredits && !c.errors[f('courseIds')]) c.set(f('courseIds'), m.certp_error_path_empty({}, c.o));
		return { courseIds: chosen, examQuizId: quiz, passMark: quiz ? passMark : null, eventHours, eventCredits };
	};
	const requirements = path('initial');
	const recertRequirements = path('recert');
	const validityMonths = c.number(values, 'validityMonths', { min: 1, max: 240, integer: true, required: true }) ?? 0;
	const windowDays = c.number(values, 'windowDays', { min: 0, max: 730, integer: true, required: true }) ?? 0;
	if (validityMonths && windowDays > validityMonths * 31 && !c.errors.windowDays) c.set('windowDays', m.certp_error_window_too_long({}, c.o));
	const note = c.optional(values, 'note', 2000);

	const competencies: VersionData['competencies'] = [];
	const picked = Object.keys(values).filter((k) => k.startsWith('level:') && text(values, k));
	if (picked.length) {
		const known = await db().competency.findMany({ select: { code: true, framework: { select: { slug: true } } } });
		const exists = new Set(known.map((k) => competencyField(k.framework.slug, k.code)));
		for (const k of picked) {
			const [, frameworkSlug, ...code] = k.split(':');
			const level = Number(text(values, k));
			if (!exists.has(k) || ![1, 2, 3, 4].includes(level)) {
				c.set('competencies', m.certp_error_competency({}, c.o));
				continue;
			}
			competencies.push({ frameworkSlug, code: code.join(':'), level });
		}
		if (competencies.length > 40) c.set('competencies', m.certp_error_too_many_competencies({ max: '40' }, c.o));
	}
	if (Object.keys(c.errors).length) return { ok: false, values, errors: c.errors };
	return { ok: true, values, input: { requirements, recertRequirements, validityMonths, windowDays, competencies, note } };
}

/** The form values a version shows when it is the starting point of the next one. */
export function versionValues(v: { requirements: VersionData['requirements']; recertRequirements: VersionData['recertRequirements']; validityMonths: number; windowDays: number; competencies?: VersionData['competencies'] }): FormValues {
	const out: FormValues = { validityMonths: String(v.validityMonths), windowDays: String(v.windowDays), note: '' };
	for (const [p, r] of [['initial', v.requirements], ['recert', v.recertRequirements]] as const) {
		out[pathField(p, 'courseIds')] = [...(r.courseIds ?? [])];
		out[pathField(p, 'examQuizId')] = r.examQuizId ?? '';
		out[pathField(p, 'passMark')] = r.passMark == null ? '' : String(r.passMark);
		out[pathField(p, 'eventHours')] = r.eventHours ? String(r.eventHours) : '';
		out[pathField(p, 'eventCredits')] = r.eventCredits ? String(r.eventCredits) : '';
	}
	for (const c of v.competencies ?? []) out[competencyField(c.frameworkSlug, c.code)] = String(c.level);
	return out;
}
