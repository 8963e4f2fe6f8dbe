import { z } from 'zod';

/**
 * The format of the course files (ADR 0013). One folder a course under courses/:
 *
 *   courses/<slug>/course.yaml                  metadata (CourseFile)
 *   courses/<slug>/modules/NN-<name>/module.yaml  a module (ModuleFile); its lessons beside it:
 *   courses/<slug>/modules/NN-<name>/NN-<name>.md  Markdown with front matter (LessonFrontMatter)
 *   courses/<slug>/quizzes/<id>.yaml            a quiz (QuizFile): own questions and/or draws from banks
 *   courses/<slug>/banks/<id>.yaml              a question bank (BankFile)
 *   courses/<slug>/h5p/<id>/  or  <id>.h5p      an H5P activity (unpacked folder or package)
 *   courses/<slug>/files/…                      images and attachments the lessons link to
 *   courses/_libraries/<Machine>-<major>.<minor>/  H5P libraries shared by the course packages
 *
 * Ids are the stable identity of a thing across edits: rename a file or a title freely, keep the id,
 * and learners keep their progress. Folders and files are ordered by their NN- prefix.
 */

export const ID_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const SLUG_RE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** Course slugs that would collide with the portal's own pages under /courses. */
export const RESERVED_SLUGS = ['my', 'h5p', 'files', 'new', 'manage', 'requests', 'api'];

export const AUDIENCES = ['citizens', 'civil_servants', 'all'] as const;
export const LEVELS = ['beginner', 'intermediate', 'advanced'] as const;
export const FORMATS = ['self_paced', 'blended', 'instructor_led'] as const;
export const LANGUAGES = ['uk', 'en'] as const;
export const ENROLMENT_MODES = ['open', 'assigned', 'approval'] as const;
export const LESSON_KINDS = ['text', 'video', 'h5p', 'quiz'] as const;
export const COMPLETION_RULES = ['viewed', 'quiz_passed', 'h5p_completed'] as const;
export const QUESTION_TYPES = ['single', 'multiple', 'true_false', 'matching', 'ordering', 'short_answer'] as const;
export const REVIEW_MODES = ['never', 'after_submit', 'after_pass'] as const;

/** The catalog's topic vocabulary (each has learning_topic_<id> in the catalogs). */
export const TOPICS = [
	'e_government',
	'e_democracy',
	'document_flow',
	'e_signature',
	'quality_management',
	'legal_framework',
	'e_services',
	'e_appeals',
	'petitions',
	'consultations',
	'open_data',
	'transparency',
	'digital_literacy',
	'information_security'
] as const;
export type Topic = (typeof TOPICS)[number];

const id = z.string().regex(ID_RE);
const text = z.string().trim().min(1);
export const localized = z.strictObject({ uk: text, en: text });
const localizedList = z.strictObject({ uk: z.array(text).min(1), en: z.array(text).min(1) });

export const instructorSchema = z.strictObject({
	name: text,
	role: localized.optional(),
	organization: localized.optional(),
	// The e-mail of a portal account that gets the course's instructor view (never shown on pages).
	account: z.email().optional()
});

export const competencySchema = z.strictObject({
	code: z.string().trim().min(1).max(40).optional(),
	uk: text,
	en: text
});

export const courseSchema = z.strictObject({
	id,
	slug: z.string().regex(SLUG_RE).refine((s) => !RESERVED_SLUGS.includes(s), {
		params: { code: 'slug_reserved', params: { values: RESERVED_SLUGS.join(', ') } }
	}),
	title: localized,
	summary: localized,
	description: z.strictObject({ uk: z.string(), en: z.string() }).optional(),
	outcomes: localizedList,
	audience: z.enum(AUDIENCES),
	topics: z.array(z.enum(TOPICS)).min(1),
	level: z.enum(LEVELS),
	format: z.enum(FORMATS),
	language: z.enum(LANGUAGES),
	hours: z.number().positive().max(1000),
	credits: z.number().min(0).max(60).default(0),
	competencies: z.array(competencySchema).default([]),
	prerequisites: z.array(id).default([]),
	instructors: z.array(instructorSchema).min(1),
	enrolment: z.enum(ENROLMENT_MODES),
	order: z.number().int().min(0).max(100000).default(100)
});
export type CourseFile = z.infer<typeof courseSchema>;

export const moduleSchema = z.strictObject({
	id,
	title: localized,
	summary: localized.optional()
});
export type ModuleFile = z.infer<typeof moduleSchema>;

/** Lesson ids that would collide with pages under /courses/<slug>/. */
export const RESERVED_LESSON_IDS = ['media', 'files', 'attempts'];

export const lessonSchema = z.strictObject({
	id: id.refine((v) => !RESERVED_LESSON_IDS.includes(v), { params: { code: 'slug_reserved', params: { values: RESERVED_LESSON_IDS.join(', ') } } }),
	title: text,
	title_en: text.optional(),
	kind: z.enum(LESSON_KINDS),
	completion: z.enum(COMPLETION_RULES).optional(),
	/** h5p_completed: least score in percent (0..100). */
	min_score: z.number().min(0).max(100).optional(),
	/** quiz lessons: id of a file in quizzes/. */
	quiz: id.optional(),
	/** h5p lessons: name of a folder or .h5p file in h5p/. */
	h5p: id.optional(),
	/** video lessons: a file under files/ (relative to the course) or an https address. */
	video: z.string().trim().min(1).optional(),
	captions: z.string().trim().min(1).optional(),
	duration: z.number().int().positive().max(10000).optional(),
	optional: z.boolean().default(false)
});
export type LessonFile = z.infer<typeof lessonSchema>;

const option = z.strictObject({ id, text, correct: z.boolean().default(false) });

const questionBase = {
	id,
	prompt: text,
	explanation: z.string().trim().optional(),
	points: z.number().positive().max(100).default(1)
};

export const questionSchema = z.discriminatedUnion('type', [
	z.strictObject({ ...questionBase, type: z.literal('single'), options: z.array(option).min(2) }),
	z.strictObject({ ...questionBase, type: z.literal('multiple'), options: z.array(option).min(2), partial: z.boolean().default(false) }),
	z.strictObject({ ...questionBase, type: z.literal('true_false'), answer: z.boolean() }),
	z.strictObject({
		...questionBase,
		type: z.literal('matching'),
		pairs: z.array(z.strictObject({ id, left: text, right: text })).min(2),
		distractors: z.array(text).default([])
	}),
	z.strictObject({ ...questionBase, type: z.literal('ordering'), items: z.array(z.strictObject({ id, text })).min(2) }),
	z.strictObject({
		...questionBase,
		type: z.literal('short_answer'),
		accept: z.array(text).min(1),
		case_sensitive: z.boolean().default(false)
	})
]);
export type QuestionFile = z.infer<typeof questionSchema>;

export const bankSchema = z.strictObject({
	id,
	title: localized.optional(),
	// Questions are checked one by one (course-files.ts), so one broken question hides no others.
	questions: z.array(z.unknown()).min(1)
});

export const quizSchema = z.strictObject({
	id,
	title: localized,
	pass_mark: z.number().min(0).max(100),
	/** Attempts allowed; leave out for any number. */
	attempts: z.number().int().positive().max(100).optional(),
	/** Minutes. */
	time_limit: z.number().positive().max(600).optional(),
	review: z.enum(REVIEW_MODES).default('after_submit'),
	shuffle_questions: z.boolean().default(false),
	shuffle_options: z.boolean().default(true),
	questions: z.array(z.unknown()).default([]),
	draw: z.array(z.strictObject({ bank: id, count: z.number().int().positive().max(500) })).default([])
});
export type QuizFile = z.infer<typeof quizSchema>;
