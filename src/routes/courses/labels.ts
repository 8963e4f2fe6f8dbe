import { m } from '$lib/paraglide/messages.js';

/** Translated labels of the learning vocabulary (course metadata), for the pages under /courses and /learning. */

const table = <K extends string>(t: Record<K, () => string>) => (key: string) => (t as Record<string, () => string>)[key]?.() ?? key;

export const audienceLabel = table({
	citizens: m.learning_audience_citizens,
	civil_servants: m.learning_audience_civil_servants,
	all: m.learning_audience_all
});

export const levelLabel = table({
	beginner: m.learning_level_beginner,
	intermediate: m.learning_level_intermediate,
	advanced: m.learning_level_advanced
});

export const formatLabel = table({
	self_paced: m.learning_format_self_paced,
	blended: m.learning_format_blended,
	instructor_led: m.learning_format_instructor_led
});

export const languageLabel = table({ uk: m.learning_language_uk, en: m.learning_language_en });

export const enrolmentLabel = table({
	open: m.learning_enrolment_open,
	assigned: m.learning_enrolment_assigned,
	approval: m.learning_enrolment_approval
});

export const topicLabel = table({
	e_government: m.learning_topic_e_government,
	e_democracy: m.learning_topic_e_democracy,
	document_flow: m.learning_topic_document_flow,
	e_signature: m.learning_topic_e_signature,
	quality_management: m.learning_topic_quality_management,
	legal_framework: m.learning_topic_legal_framework,
	e_services: m.learning_topic_e_services,
	e_appeals: m.learning_topic_e_appeals,
	petitions: m.learning_topic_petitions,
	consultations: m.learning_topic_consultations,
	open_data: m.learning_topic_open_data,
	transparency: m.learning_topic_transparency,
	digital_literacy: m.learning_topic_digital_literacy,
	information_security: m.learning_topic_information_security
});

export const lessonKindLabel = table({
	text: m.learning_lesson_kind_text,
	video: m.learning_lesson_kind_video,
	h5p: m.learning_lesson_kind_h5p,
	quiz: m.learning_lesson_kind_quiz
});

export const attemptStatusLabel = table({
	in_progress: m.learning_attempt_status_in_progress,
	submitted: m.learning_attempt_status_submitted,
	expired: m.learning_attempt_status_expired
});

/** "12" / "0,4" / "0.4": numbers the way the locale writes them. */
export function num(value: number, locale: string): string {
	return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'uk', { maximumFractionDigits: 2 }).format(value);
}

export const pick = <T extends { titleUk: string; titleEn: string }>(x: T, locale: string) => (locale === 'en' ? x.titleEn : x.titleUk);
export const pickSummary = <T extends { summaryUk: string; summaryEn: string }>(x: T, locale: string) => (locale === 'en' ? x.summaryEn : x.summaryUk);
