/**
 * A short survey after the event for the people who had a seat, aggregated for the host: averages and
 * distributions of ratings, yes/no counts, and the comments.
 */
import { db } from '../db/index.ts';
import type { Prisma } from '../db/index.ts';
import { EventError } from './errors.ts';
import { DEFAULT_SURVEY, readSurveyQuestions, type SurveyQuestion } from './types.ts';
import type { Person } from './registration.ts';

export async function surveyQuestions(eventId: string): Promise<SurveyQuestion[]> {
	const s = await db().feedbackSurvey.findUnique({ where: { eventId } });
	const q = s ? readSurveyQuestions(s.questions) : [];
	return q.length ? q : DEFAULT_SURVEY;
}

/** Feedback opens when the event starts (people answer at its end) and needs a seat. */
export function feedbackOpen(e: { startsAt: Date; status: string }, now = new Date()): boolean {
	return e.status !== 'cancelled' && now >= e.startsAt;
}

export function checkFeedback(questions: SurveyQuestion[], raw: Record<string, unknown>): Record<string, number | string | boolean> {
	const out: Record<string, number | string | boolean> = {};
	for (const q of questions) {
		const v = raw[q.id];
		if (q.type === 'rating') {
			const n = typeof v === 'number' ? v : Number.parseInt(String(v ?? ''), 10);
			if (Number.isInteger(n) && n >= 1 && n <= 5) out[q.id] = n;
			else if (q.required) throw new EventError('invalid', `rating ${q.id}`);
		} else if (q.type === 'boolean') {
			if (v === 'yes' || v === true || v === 'true') out[q.id] = true;
			else if (v === 'no' || v === false || v === 'false') out[q.id] = false;
			else if (q.required) throw new EventError('invalid', `answer ${q.id}`);
		} else {
			const s = typeof v === 'string' ? v.trim().slice(0, 2000) : '';
			if (s) out[q.id] = s;
			else if (q.required) throw new EventError('invalid', `text ${q.id}`);
		}
	}
	return out;
}

export async function submitFeedback(eventId: string, person: Person, raw: Record<string, unknown>, now = new Date()): Promise<void> {
	const e = await db().event.findUnique({ where: { id: eventId } });
	if (!e) throw new EventError('not_found');
	if (!feedbackOpen(e, now)) throw new EventError('not_started');
	const r = await db().registration.findFirst({ where: { eventId, status: 'registered', OR: [{ userId: person.id }, { email: person.email.toLowerCase() }] }, include: { feedback: true } });
	if (!r) throw new EventError('not_registered');
	if (r.feedback) throw new EventError('already_answered');
	const questions = await surveyQuestions(eventId);
	const answers = checkFeedback(questions, raw);
	await db().$transaction(async (tx) => {
		const survey = await tx.feedbackSurvey.upsert({ where: { eventId }, create: { eventId, questions: questions as unknown as Prisma.InputJsonValue }, update: {} });
		await tx.feedbackResponse.create({ data: { surveyId: survey.id, registrationId: r.id, answers } });
	});
}

export interface QuestionSummary {
	question: SurveyQuestion;
	answered: number;
	average?: number;
	/** Counts of 1..5. */
	distribution?: number[];
	yes?: number;
	no?: number;
	comments?: string[];
}

export async function feedbackSummary(eventId: string): Promise<{ responses: number; questions: QuestionSummary[] }> {
	const questions = await surveyQuestions(eventId);
	const rows = await db().feedbackResponse.findMany({ where: { survey: { eventId } }, orderBy: { createdAt: 'desc' }, select: { answers: true } });
	const answers = rows.map((r) => (r.answers ?? {}) as Record<string, unknown>);
	return {
		responses: rows.length,
		questions: questions.map((q) => {
			const values = answers.map((a) => a[q.id]).filter((v) => v !== undefined && v !== null && v !== '');
			if (q.type === 'rating') {
				const nums = values.filter((v): v is number => typeof v === 'number');
				const distribution = [1, 2, 3, 4, 5].map((n) => nums.filter((x) => x === n).length);
				const average = nums.length ? Math.round((nums.reduce((s, x) => s + x, 0) / nums.length) * 100) / 100 : undefined;
				return { question: q, answered: nums.length, average, distribution };
			}
			if (q.type === 'boolean') {
				return { question: q, answered: values.length, yes: values.filter((v) => v === true).length, no: values.filter((v) => v === false).length };
			}
			return { question: q, answered: values.length, comments: values.map(String) };
		})
	};
}
