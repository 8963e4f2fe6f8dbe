/**
 * Shapes of the JSON columns of Event (speakers, materials, programme, extra questions) and the
 * readers that turn stored JSON into them. Stored JSON is read defensively: a malformed entry is
 * dropped, never trusted.
 */
import type { EventFormat, EventKind } from '../db/generated/enums.ts';

export type { EventFormat, EventKind };
export type Locale = 'uk' | 'en';

export const EVENT_KINDS: readonly EventKind[] = ['webinar', 'internship', 'study_visit', 'workshop', 'club_meeting'];
export const EVENT_FORMATS: readonly EventFormat[] = ['online', 'in_person', 'hybrid'];

/** Topic codes of the list filter (labels in messages/events: events_topic_<code>). */
export const EVENT_TOPICS = ['e-services', 'e-democracy', 'open-data', 'e-documents', 'websites', 'cybersecurity', 'digital-skills'] as const;
export type EventTopic = (typeof EVENT_TOPICS)[number];

export interface Speaker {
	name: string;
	roleUk: string;
	roleEn: string;
}

export interface Material {
	titleUk: string;
	titleEn: string;
	url: string;
}

export interface ProgrammeItem {
	/** Kyiv wall time "10:00" (the day is the event's day). */
	time: string;
	uk: string;
	en: string;
}

export type QuestionType = 'text' | 'choice' | 'boolean';

export interface QuestionOption {
	value: string;
	uk: string;
	en: string;
}

export interface ExtraQuestion {
	/** Stable id: the answer is stored under it. */
	id: string;
	type: QuestionType;
	required: boolean;
	uk: string;
	en: string;
	options?: QuestionOption[];
}

export type SurveyQuestionType = 'rating' | 'text' | 'boolean';

export interface SurveyQuestion {
	id: string;
	type: SurveyQuestionType;
	required: boolean;
	uk: string;
	en: string;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const obj = (v: unknown): Record<string, unknown> | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const ID = /^[a-z][a-z0-9_-]{0,39}$/;

export function isHttpUrl(value: string): boolean {
	try {
		const u = new URL(value);
		return u.protocol === 'https:' || u.protocol === 'http:';
	} catch {
		return false;
	}
}

export function readSpeakers(v: unknown): Speaker[] {
	return list(v)
		.map(obj)
		.filter((o): o is Record<string, unknown> => !!o && !!str(o.name))
		.map((o) => ({ name: str(o.name), roleUk: str(o.roleUk), roleEn: str(o.roleEn) }));
}

export function readMaterials(v: unknown): Material[] {
	return list(v)
		.map(obj)
		.filter((o): o is Record<string, unknown> => !!o && isHttpUrl(str(o.url)))
		.map((o) => ({ titleUk: str(o.titleUk) || str(o.url), titleEn: str(o.titleEn) || str(o.titleUk) || str(o.url), url: str(o.url) }));
}

export function readProgramme(v: unknown): ProgrammeItem[] {
	return list(v)
		.map(obj)
		.filter((o): o is Record<string, unknown> => !!o && /^\d{2}:\d{2}$/.test(str(o.time)))
		.map((o) => ({ time: str(o.time), uk: str(o.uk), en: str(o.en) || str(o.uk) }));
}

export function readQuestions(v: unknown): ExtraQuestion[] {
	const out: ExtraQuestion[] = [];
	for (const o of list(v).map(obj)) {
		if (!o || !ID.test(str(o.id))) continue;
		const type = o.type === 'choice' || o.type === 'boolean' ? o.type : 'text';
		const options = list(o.options)
			.map(obj)
			.filter((x): x is Record<string, unknown> => !!x && !!str(x.value))
			.map((x) => ({ value: str(x.value), uk: str(x.uk) || str(x.value), en: str(x.en) || str(x.uk) || str(x.value) }));
		if (type === 'choice' && options.length === 0) continue;
		out.push({ id: str(o.id), type, required: o.required === true, uk: str(o.uk), en: str(o.en) || str(o.uk), ...(type === 'choice' ? { options } : {}) });
	}
	return out;
}

export function readSurveyQuestions(v: unknown): SurveyQuestion[] {
	return list(v)
		.map(obj)
		.filter((o): o is Record<string, unknown> => !!o && ID.test(str(o.id)))
		.map((o) => ({
			id: str(o.id),
			type: o.type === 'text' || o.type === 'boolean' ? o.type : 'rating',
			required: o.required === true,
			uk: str(o.uk),
			en: str(o.en) || str(o.uk)
		}));
}

/** The short survey every event gets unless its host defines another. */
export const DEFAULT_SURVEY: SurveyQuestion[] = [
	{ id: 'overall', type: 'rating', required: true, uk: 'Загальна оцінка заходу', en: 'Overall rating of the event' },
	{ id: 'useful', type: 'rating', required: true, uk: 'Наскільки корисним було для вашої роботи', en: 'How useful it was for your work' },
	{ id: 'recommend', type: 'boolean', required: false, uk: 'Порадили б колегам', en: 'Would recommend it to colleagues' },
	{ id: 'comment', type: 'text', required: false, uk: 'Що варто змінити або додати', en: 'What should be changed or added' }
];

export const pick = (locale: Locale | string, uk: string, en: string): string => (locale === 'en' ? en || uk : uk || en);
