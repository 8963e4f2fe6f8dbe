/**
 * The forms of the events pages (superforms + zod 4). Messages are functions so zod asks for them in
 * the request's language. The event form keeps lists (speakers, materials, programme, questions) as
 * plain text, one item per line with "|" between the parts: it works without JavaScript and reads well
 * in a textarea.
 */
import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { email, optionalText, requiredText } from '$lib/validation';
import { fromKyivInputValue, toKyivInputValue } from '../../i18n/datetime.ts';
import { db } from '../db/index.ts';
import type { Event } from '../db/generated/client.ts';
import { EVENT_FORMATS, EVENT_KINDS, EVENT_TOPICS, isHttpUrl, readMaterials, readProgramme, readQuestions, readSpeakers, type ExtraQuestion, type Material, type ProgrammeItem, type Speaker, type SurveyQuestion } from './types.ts';
import { RESERVED_SLUGS, SLUG, type EventInput } from './events.ts';
import type { ParticipantInput } from './registration.ts';

const intText = (min: number, max: number) =>
	z
		.string()
		.trim()
		.default('')
		.refine((v) => v === '' || (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max), { error: () => m.events_form_number({ min, max }) });

const dateTimeText = (required: boolean) =>
	z
		.string()
		.trim()
		.default('')
		.refine((v) => (v === '' ? !required : fromKyivInputValue(v) !== null), { error: () => (required ? m.events_form_datetime_required() : m.events_form_datetime()) });

export const eventFormSchema = z.object({
	slug: z
		.string({ error: () => m.form_required() })
		.trim()
		.toLowerCase()
		.min(3, { error: () => m.form_too_short({ min: 3 }) })
		.max(80, { error: () => m.form_too_long({ max: 80 }) })
		.regex(SLUG, { error: () => m.events_form_slug() })
		.refine((v) => !RESERVED_SLUGS.includes(v), { error: () => m.events_form_slug_reserved() }),
	kind: z.enum(EVENT_KINDS as [string, ...string[]], { error: () => m.form_choose_option() }).default('webinar'),
	format: z.enum(EVENT_FORMATS as [string, ...string[]], { error: () => m.form_choose_option() }).default('online'),
	isPublic: z.boolean().default(true),
	titleUk: requiredText(300),
	titleEn: requiredText(300),
	summaryUk: optionalText(600),
	summaryEn: optionalText(600),
	descriptionUk: optionalText(10_000),
	descriptionEn: optionalText(10_000),
	topics: z.array(z.enum(EVENT_TOPICS)).default([]),
	startsAt: dateTimeText(true),
	endsAt: dateTimeText(true),
	placeUk: optionalText(300),
	placeEn: optionalText(300),
	address: optionalText(300),
	joinUrl: optionalText(1000).refine((v) => v === '' || isHttpUrl(v), { error: () => m.events_form_url() }),
	joinOpensMinutes: intText(0, 240).default('15'),
	capacity: intText(1, 100_000),
	registrationOpensAt: dateTimeText(false),
	registrationClosesAt: dateTimeText(false),
	credits: z
		.string()
		.trim()
		.default('0')
		.refine((v) => v === '' || (/^\d+([.,]\d{1,2})?$/.test(v) && Number(v.replace(',', '.')) <= 100), { error: () => m.events_form_credits() }),
	countsTowardCourses: z.boolean().default(false),
	courseIds: optionalText(2000),
	competencies: optionalText(2000),
	groupMax: intText(1, 100).default('10'),
	speakers: optionalText(5000),
	materials: optionalText(5000),
	programme: optionalText(5000),
	questions: optionalText(5000),
	hosts: optionalText(2000)
});
export type EventFormData = z.infer<typeof eventFormSchema>;

const parts = (line: string) => line.split('|').map((p) => p.trim());
const lines = (text: string) =>
	text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean);
const list = (text: string) =>
	text
		.split(/[,\n]/)
		.map((s) => s.trim())
		.filter(Boolean);

export function speakersText(v: Speaker[]): string {
	return v.map((s) => [s.name, s.roleUk, s.roleEn].join(' | ')).join('\n');
}
export function materialsText(v: Material[]): string {
	return v.map((x) => [x.titleUk, x.titleEn, x.url].join(' | ')).join('\n');
}
export function programmeText(v: ProgrammeItem[]): string {
	return v.map((x) => [x.time, x.uk, x.en].join(' | ')).join('\n');
}
export function questionsText(v: ExtraQuestion[]): string {
	return v
		.map((q) => [q.id, q.type, q.required ? 'required' : 'optional', q.uk, q.en, (q.options ?? []).map((o) => [o.value, o.uk, o.en].join('=')).join('; ')].join(' | ').replace(/ \| $/, ''))
		.join('\n');
}

type Errors = Partial<Record<keyof EventFormData, string>>;

/**
 * Turns a valid form into the domain's input; problems the schema cannot see (end before start, a
 * malformed line, an unknown host) come back as field errors.
 */
export async function eventInputFromForm(d: EventFormData): Promise<{ input?: EventInput; errors: Errors }> {
	const errors: Errors = {};
	const startsAt = fromKyivInputValue(d.startsAt)!;
	const endsAt = fromKyivInputValue(d.endsAt)!;
	if (startsAt && endsAt && endsAt <= startsAt) errors.endsAt = m.events_form_end_before_start();
	const speakers = lines(d.speakers).map(parts).map(([name, roleUk = '', roleEn = '']) => ({ name, roleUk, roleEn }));
	const materials: Material[] = [];
	for (const l of lines(d.materials)) {
		const p = parts(l);
		const url = p[p.length - 1];
		if (!isHttpUrl(url)) errors.materials = m.events_form_line({ line: l });
		else materials.push({ titleUk: p[0] === url ? url : p[0], titleEn: p.length > 2 ? p[1] : p[0], url });
	}
	const programme: ProgrammeItem[] = [];
	for (const l of lines(d.programme)) {
		const [time, uk = '', en = ''] = parts(l);
		if (!/^\d{2}:\d{2}$/.test(time) || !uk) errors.programme = m.events_form_line({ line: l });
		else programme.push({ time, uk, en: en || uk });
	}
	const questions: ExtraQuestion[] = [];
	for (const l of lines(d.questions)) {
		const [id, type = 'text', req = 'optional', uk = '', en = '', opts = ''] = parts(l);
		const options = opts
			.split(';')
			.map((o) => o.trim())
			.filter(Boolean)
			.map((o) => {
				const [value, ouk = value, oen = ouk] = o.split('=').map((x) => x.trim());
				return { value, uk: ouk, en: oen };
			});
		const q = readQuestions([{ id, type, required: req === 'required', uk, en, options }])[0];
		if (!q || !uk || (type !== 'text' && type !== 'choice' && type !== 'boolean')) errors.questions = m.events_form_line({ line: l });
		else questions.push(q);
	}
	const hostEmails = list(d.hosts).map((x) => x.toLowerCase());
	const hosts = hostEmails.length ? await db().user.findMany({ where: { email: { in: hostEmails } }, select: { id: true, email: true } }) : [];
	const unknown = hostEmails.filter((e) => !hosts.some((h) => h.email.toLowerCase() === e));
	if (unknown.length) errors.hosts = m.events_form_unknown_hosts({ emails: unknown.join(', ') });
	if (Object.keys(errors).length) return { errors };
	return {
		errors,
		input: {
			slug: d.slug,
			kind: d.kind as EventInput['kind'],
			format: d.format as EventInput['format'],
			isPublic: d.isPublic,
			titleUk: d.titleUk,
			titleEn: d.titleEn,
			summaryUk: d.summaryUk,
			summaryEn: d.summaryEn,
			descriptionUk: d.descriptionUk,
			descriptionEn: d.descriptionEn,
			topics: d.topics,
			startsAt,
			endsAt,
			placeUk: d.placeUk || null,
			placeEn: d.placeEn || null,
			address: d.address || null,
			joinUrl: d.joinUrl || null,
			joinOpensMinutes: d.joinOpensMinutes === '' ? 15 : Number(d.joinOpensMinutes),
			capacity: d.capacity === '' ? null : Number(d.capacity),
			registrationOpensAt: fromKyivInputValue(d.registrationOpensAt),
			registrationClosesAt: fromKyivInputValue(d.registrationClosesAt),
			credits: d.credits === '' ? 0 : Number(d.credits.replace(',', '.')),
			countsTowardCourses: d.countsTowardCourses,
			courseIds: list(d.courseIds),
			competencies: list(d.competencies),
			groupMax: d.groupMax === '' ? 10 : Number(d.groupMax),
			speakers,
			materials,
			programme,
			questions,
			hostIds: hosts.map((h) => h.id),
			organizerName: null
		}
	};
}

/** The form's values for an existing event. */
export async function formFromEvent(e: Event): Promise<EventFormData> {
	const hosts = e.hostIds.length ? await db().user.findMany({ where: { id: { in: e.hostIds } }, select: { email: true } }) : [];
	return {
		slug: e.slug,
		kind: e.kind,
		format: e.format,
		isPublic: e.isPublic,
		titleUk: e.titleUk,
		titleEn: e.titleEn,
		summaryUk: e.summaryUk,
		summaryEn: e.summaryEn,
		descriptionUk: e.descriptionUk,
		descriptionEn: e.descriptionEn,
		topics: e.topics.filter((t): t is (typeof EVENT_TOPICS)[number] => (EVENT_TOPICS as readonly string[]).includes(t)),
		startsAt: toKyivInputValue(e.startsAt),
		endsAt: toKyivInputValue(e.endsAt),
		placeUk: e.placeUk ?? '',
		placeEn: e.placeEn ?? '',
		address: e.address ?? '',
		joinUrl: e.joinUrl ?? '',
		joinOpensMinutes: String(e.joinOpensMinutes),
		capacity: e.capacity == null ? '' : String(e.capacity),
		registrationOpensAt: e.registrationOpensAt ? toKyivInputValue(e.registrationOpensAt) : '',
		registrationClosesAt: e.registrationClosesAt ? toKyivInputValue(e.registrationClosesAt) : '',
		credits: String(e.credits),
		countsTowardCourses: e.countsTowardCourses,
		courseIds: e.courseIds.join(', '),
		competencies: e.competencies.join(', '),
		groupMax: String(e.groupMax),
		speakers: speakersText(readSpeakers(e.speakers)),
		materials: materialsText(readMaterials(e.materials)),
		programme: programmeText(readProgramme(e.programme)),
		questions: questionsText(readQuestions(e.questions)),
		hosts: hosts.map((h) => h.email).join(', ')
	};
}

/** The registration form of one event: its extra questions as fields q_<id>, and an organization. */
export function registrationSchema(questions: ExtraQuestion[]) {
	const shape: Record<string, z.ZodType> = { organizationName: optionalText(300) };
	for (const q of questions) {
		const key = `q_${q.id}`;
		if (q.type === 'boolean') shape[key] = q.required ? z.boolean().refine((v) => v, { error: () => m.events_form_confirm() }) : z.boolean().default(false);
		else if (q.type === 'choice') {
			const values = (q.options ?? []).map((o) => o.value) as [string, ...string[]];
			shape[key] = q.required ? z.enum(values, { error: () => m.form_choose_option() }) : z.union([z.enum(values), z.literal('')]).default('');
		} else shape[key] = q.required ? requiredText(2000) : optionalText(2000);
	}
	return z.object(shape);
}

/** The answers under the question ids, from a valid registration form. */
export function answersFromForm(questions: ExtraQuestion[], data: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(questions.map((q) => [q.id, data[`q_${q.id}`]]));
}

/** A delegation: its name, organization, and participants one per line "Name, e-mail" (or "Name <e-mail>"). */
export const groupSchema = z.object({
	delegation: requiredText(200),
	organizationName: optionalText(300),
	participants: requiredText(10_000)
});

const LINE = /^(.*?)[\s,;]*<?([^\s,;<>]+@[^\s,;<>]+)>?\s*$/;

/** Reads participant lines; returns the lines that are not "name, e-mail". */
export function parseParticipants(text: string): { participants: ParticipantInput[]; bad: string[] } {
	const participants: ParticipantInput[] = [];
	const bad: string[] = [];
	const check = email();
	for (const l of lines(text)) {
		const mm = LINE.exec(l);
		const addr = mm ? check.safeParse(mm[2]) : null;
		if (!mm || !addr?.success || !mm[1].trim()) bad.push(l);
		else participants.push({ name: mm[1].trim().replace(/[,;]$/, ''), email: addr.data });
	}
	return { participants, bad };
}

export const checkinSchema = z.object({
	code: z
		.string({ error: () => m.form_required() })
		.trim()
		.min(1, { error: () => m.form_required() })
		.max(20, { error: () => m.form_too_long({ max: 20 }) })
});

export const recordingSchema = z.object({
	titleUk: requiredText(300),
	titleEn: optionalText(300),
	url: requiredText(1000).refine(isHttpUrl, { error: () => m.events_form_url() }),
	durationMinutes: intText(1, 1000),
	materials: optionalText(5000),
	countsAsAttendance: z.boolean().default(false)
});

export function recordingMaterials(text: string): Material[] | null {
	const out: Material[] = [];
	for (const l of lines(text)) {
		const p = parts(l);
		const url = p[p.length - 1];
		if (!isHttpUrl(url)) return null;
		out.push({ titleUk: p[0] === url ? url : p[0], titleEn: p.length > 2 ? p[1] : p[0], url });
	}
	return out;
}

/** The feedback form: ratings 1..5 as radio groups, yes/no, free text. */
export function feedbackSchema(questions: SurveyQuestion[]) {
	const shape: Record<string, z.ZodType> = {};
	for (const q of questions) {
		if (q.type === 'rating') shape[q.id] = q.required ? z.enum(['1', '2', '3', '4', '5'], { error: () => m.form_choose_option() }) : z.union([z.enum(['1', '2', '3', '4', '5']), z.literal('')]).default('');
		else if (q.type === 'boolean') shape[q.id] = q.required ? z.enum(['yes', 'no'], { error: () => m.form_choose_option() }) : z.union([z.enum(['yes', 'no']), z.literal('')]).default('');
		else shape[q.id] = q.required ? requiredText(2000) : optionalText(2000);
	}
	return z.object(shape);
}

export const idSchema = z.object({ id: z.string().trim().min(1).max(64) });

/** A host removes a registration: whose, and why (the person reads the reason). */
export const removalSchema = z.object({
	registrationId: requiredText(64),
	reason: requiredText(1000)
});
