import { randomInt } from 'node:crypto';
import { db, Prisma } from '../db/index.ts';
import type { PortalPerson } from '../xapi/agents.ts';
import type { QuestionData } from './course-files.ts';
import { LearningError } from './errors.ts';
import { gradeQuestion, type Answer } from './grading.ts';
import { plainText } from './markdown.ts';
import { learningEnrollment, recordQuizOutcome } from './progress.ts';

/**
 * Quiz attempts, graded on the server.
 *
 * An attempt fixes at its start which questions were drawn and in what order their options are
 * shown (its `layout`). The page gets the questions without any answer, and its controls carry
 * positions (0, 1, 2 …), not the ids of the files; the server maps positions back through the
 * layout. Submissions after the time limit (plus a short grace for the network) are not graded.
 */

/** Seconds allowed after the deadline for the request to arrive. */
export const GRACE_SECONDS = 20;

interface LayoutItem {
	questionId: string;
	/** Option ids (single/multiple), right-hand ids (matching) or item ids (ordering) in shown order. */
	order: string[];
}

export interface QuestionView {
	index: number;
	type: QuestionData['type'];
	promptHtml: string;
	points: number;
	options?: { value: string; html: string }[];
	left?: { value: string; html: string }[];
	rights?: { value: string; text: string }[];
	items?: { value: string; html: string }[];
}

export interface ReviewItem extends QuestionView {
	points: number;
	earned: number;
	correct: boolean;
	explanationHtml: string;
	/** What was answered and what was right, as text for the review list. */
	given: string[];
	expected: string[];
}

function shuffle<T>(list: T[]): T[] {
	const a = [...list];
	for (let i = a.length - 1; i > 0; i--) {
		const j = randomInt(i + 1);
		[a[i], a[j]] = [a[j]!, a[i]!];
	}
	return a;
}

function orderFor(data: QuestionData, shuffleOptions: boolean): string[] {
	switch (data.type) {
		case 'single':
		case 'multiple': {
			const ids = data.options.map((o) => o.id);
			return shuffleOptions ? shuffle(ids) : ids;
		}
		case 'matching':
			return shuffle(data.rights.map((r) => r.id));
		case 'ordering': {
			const ids = data.items.map((i) => i.id);
			// Shown shuffled, and never already in the right order when it can be helped.
			for (let tries = 0; tries < 5; tries++) {
				const s = shuffle(ids);
				if (s.some((v, i) => v !== ids[i])) return s;
			}
			return [...ids].reverse();
		}
		default:
			return [];
	}
}

async function loadQuiz(quizId: string) {
	const quiz = await db().quiz.findUnique({ where: { id: quizId }, include: { course: { select: { id: true, slug: true, archivedAt: true } } } });
	if (!quiz) throw new LearningError('not_found');
	return quiz;
}

/** Attempts of a person on a quiz, newest first; expired in-progress attempts are closed first. */
export async function listAttempts(userId: string, quizId: string) {
	await closeExpired(userId, quizId);
	return db().quizAttempt.findMany({
		where: { userId, quizId },
		orderBy: { number: 'desc' },
		select: { id: true, number: true, status: true, startedAt: true, submittedAt: true, deadlineAt: true, score: true, maxScore: true, percent: true, passed: true }
	});
}

async function closeExpired(userId: string, quizId: string): Promise<void> {
	const limit = new Date(Date.now() - GRACE_SECONDS * 1000);
	const expired = await db().quizAttempt.findMany({ where: { userId, quizId, status: 'in_progress', deadlineAt: { lt: limit } }, select: { id: true } });
	for (const a of expired) {
		await db().quizAttempt.updateMany({ where: { id: a.id, status: 'in_progress' }, data: { status: 'expired', score: 0, percent: 0, passed: false } });
	}
}

export interface QuizStatus {
	used: number;
	remaining: number | null;
	inProgressId: string | null;
	passed: boolean;
	bestPercent: number | null;
}

export async function quizStatus(userId: string, quizId: string): Promise<QuizStatus> {
	const quiz = await loadQuiz(quizId);
	const attempts = await listAttempts(userId, quizId);
	const used = attempts.length;
	const inProgress = attempts.find((a) => a.status === 'in_progress');
	const percents = attempts.map((a) => a.percent).filter((p): p is number => typeof p === 'number');
	return {
		used,
		remaining: quiz.maxAttempts === null ? null : Math.max(0, quiz.maxAttempts - used + (inProgress ? 1 : 0)),
		inProgressId: inProgress?.id ?? null,
		passed: attempts.some((a) => a.passed),
		bestPercent: percents.length ? Math.max(...percents) : null
	};
}

/**
 * Starts an attempt (or returns the one in progress). Needs an active or completed enrollment and
 * an attempt left. Questions are drawn from the quiz's banks as the quiz says.
 */
export async function startAttempt(user: PortalPerson, quizId: string): Promise<string> {
	const quiz = await loadQuiz(quizId);
	if (quiz.archivedAt || quiz.course.archivedAt) throw new LearningError('archived');
	if (!(await learningEnrollment(user.id, quiz.courseId))) throw new LearningError('not_enrolled');
	const attempts = await listAttempts(user.id, quizId);
	const open = attempts.find((a) => a.status === 'in_progress');
	if (open) return open.id;
	if (quiz.maxAttempts !== null && attempts.length >= quiz.maxAttempts) throw new LearningError('no_attempts_left');

	const draws = quiz.draws as { bankId: string; count: number | null }[];
	const picked: { id: string; data: QuestionData; points: number }[] = [];
	for (const d of draws) {
		const pool = await db().question.findMany({ where: { bankId: d.bankId, archivedAt: null }, orderBy: { position: 'asc' }, select: { id: true, data: true, points: true } });
		const chosen = d.count === null ? pool : shuffle(pool).slice(0, d.count);
		for (const q of chosen) if (!picked.some((p) => p.id === q.id)) picked.push({ id: q.id, data: q.data as QuestionData, points: q.points });
	}
	if (!picked.length) throw new LearningError('invalid', 'the quiz has no questions');
	const questions = quiz.shuffleQuestions ? shuffle(picked) : picked;
	const layout: LayoutItem[] = questions.map((q) => ({ questionId: q.id, order: orderFor(q.data, quiz.shuffleOptions) }));
	const maxScore = questions.reduce((n, q) => n + q.points, 0);
	const now = new Date();
	const number = (attempts[0]?.number ?? 0) + 1;
	try {
		const created = await db().quizAttempt.create({
			data: {
				quizId,
				userId: user.id,
				number,
				startedAt: now,
				deadlineAt: quiz.timeLimitSeconds ? new Date(now.getTime() + quiz.timeLimitSeconds * 1000) : null,
				layout: layout as unknown as Prisma.InputJsonValue,
				maxScore
			}
		});
		return created.id;
	} catch (err) {
		// Two starts at once: the other one won; use it.
		if (err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002') {
			const other = await db().quizAttempt.findFirst({ where: { quizId, userId: user.id, status: 'in_progress' } });
			if (other) return other.id;
		}
		throw err;
	}
}

function viewOf(index: number, q: { promptHtml: string; points: number; data: unknown }, item: LayoutItem): QuestionView {
	const data = q.data as QuestionData;
	const base: QuestionView = { index, type: data.type, promptHtml: q.promptHtml, points: q.points };
	switch (data.type) {
		case 'single':
		case 'multiple':
			return { ...base, options: item.order.map((id, i) => ({ value: String(i), html: data.options.find((o) => o.id === id)?.html ?? '' })) };
		case 'matching':
			return {
				...base,
				left: data.pairs.map((p, i) => ({ value: String(i), html: p.leftHtml })),
				rights: item.order.map((id, i) => ({ value: String(i), text: data.rights.find((r) => r.id === id)?.text ?? '' }))
			};
		case 'ordering':
			return { ...base, items: item.order.map((id, i) => ({ value: String(i), html: data.items.find((it) => it.id === id)?.html ?? '' })) };
		default:
			return base;
	}
}

/** The attempt as its owner may see it now: questions without answers while in progress, results after. */
export async function getAttempt(user: PortalPerson, attemptId: string) {
	const attempt = await db().quizAttempt.findUnique({ where: { id: attemptId }, include: { quiz: true } });
	if (!attempt || attempt.userId !== user.id) throw new LearningError('not_found');
	if (attempt.status === 'in_progress' && attempt.deadlineAt && attempt.deadlineAt.getTime() + GRACE_SECONDS * 1000 < Date.now()) {
		await closeExpired(user.id, attempt.quizId);
		return getAttempt(user, attemptId);
	}
	const layout = attempt.layout as unknown as LayoutItem[];
	const common = {
		id: attempt.id,
		number: attempt.number,
		status: attempt.status,
		startedAt: attempt.startedAt,
		deadlineAt: attempt.deadlineAt,
		submittedAt: attempt.submittedAt,
		score: attempt.score,
		maxScore: attempt.maxScore,
		percent: attempt.percent,
		passed: attempt.passed,
		quiz: {
			id: attempt.quiz.id,
			courseId: attempt.quiz.courseId,
			titleUk: attempt.quiz.titleUk,
			titleEn: attempt.quiz.titleEn,
			passMark: attempt.quiz.passMark,
			review: attempt.quiz.review,
			timeLimitSeconds: attempt.quiz.timeLimitSeconds
		}
	};
	if (attempt.status === 'in_progress') {
		const questions = await db().question.findMany({ where: { id: { in: layout.map((l) => l.questionId) } }, select: { id: true, promptHtml: true, points: true, data: true } });
		const byId = new Map(questions.map((q) => [q.id, q]));
		return { ...common, questions: layout.map((item, i) => viewOf(i, byId.get(item.questionId)!, item)), review: null as ReviewItem[] | null };
	}
	// Review when the quiz allows it: after every submission, or once an attempt has passed.
	let showReview = attempt.quiz.review === 'after_submit';
	if (attempt.quiz.review === 'after_pass') {
		showReview = !!(await db().quizAttempt.findFirst({ where: { userId: user.id, quizId: attempt.quizId, passed: true }, select: { id: true } }));
	}
	const results = (attempt.results as unknown as ReviewItem[] | null) ?? [];
	return { ...common, questions: [] as QuestionView[], review: showReview ? results : null };
}

/** Reads the form of an attempt page into answers by question id (positions mapped back to ids). */
export function answersFromForm(form: FormData, layout: LayoutItem[], questions: Map<string, { data: unknown }>): Record<string, Answer> {
	const out: Record<string, Answer> = {};
	layout.forEach((item, i) => {
		const data = questions.get(item.questionId)?.data as QuestionData | undefined;
		if (!data) return;
		const name = `q${i}`;
		const at = (v: FormDataEntryValue | null): string | null => {
			const n = Number(v);
			return v !== null && v !== '' && Number.isInteger(n) && n >= 0 && n < item.order.length ? item.order[n]! : null;
		};
		switch (data.type) {
			case 'single':
				out[item.questionId] = { type: 'single', choice: at(form.get(name)) };
				break;
			case 'multiple':
				out[item.questionId] = { type: 'multiple', choices: form.getAll(name).map(at).filter((v): v is string => v !== null) };
				break;
			case 'true_false': {
				const v = form.get(name);
				out[item.questionId] = { type: 'true_false', value: v === 'true' ? true : v === 'false' ? false : null };
				break;
			}
			case 'matching': {
				const pairs: Record<string, string | null> = {};
				data.pairs.forEach((p, pi) => (pairs[p.id] = at(form.get(`${name}.${pi}`))));
				out[item.questionId] = { type: 'matching', pairs };
				break;
			}
			case 'ordering': {
				const positions: Record<string, number | null> = {};
				item.order.forEach((id, shown) => {
					const n = Number(form.get(`${name}.${shown}`));
					positions[id] = Number.isInteger(n) && n >= 1 && n <= item.order.length ? n : null;
				});
				out[item.questionId] = { type: 'ordering', positions };
				break;
			}
			case 'short_answer':
				out[item.questionId] = { type: 'short_answer', text: String(form.get(name) ?? '').slice(0, 500) };
				break;
		}
	});
	return out;
}

function describe(data: QuestionData, answer: Answer | undefined): { given: string[]; expected: string[] } {
	const opt = (id: string) => (data.type === 'single' || data.type === 'multiple' ? plainText(data.options.find((o) => o.id === id)?.html ?? '') : id);
	switch (data.type) {
		case 'single':
		case 'multiple': {
			const given = !answer ? [] : answer.type === 'single' ? (answer.choice ? [answer.choice] : []) : answer.type === 'multiple' ? answer.choices : [];
			return { given: given.map(opt), expected: data.correct.map(opt) };
		}
		case 'true_false': {
			const v = answer?.type === 'true_false' ? answer.value : null;
			return { given: v === null ? [] : [String(v)], expected: [String(data.answer)] };
		}
		case 'matching': {
			const pairs = answer?.type === 'matching' ? answer.pairs : {};
			return {
				given: data.pairs.map((p) => `${plainText(p.leftHtml)} → ${data.rights.find((r) => r.id === pairs[p.id])?.text ?? '—'}`),
				expected: data.pairs.map((p) => `${plainText(p.leftHtml)} → ${p.right}`)
			};
		}
		case 'ordering': {
			const pos = answer?.type === 'ordering' ? answer.positions : {};
			const given = [...data.items].sort((a, b) => (pos[a.id] ?? 99) - (pos[b.id] ?? 99)).map((i) => `${pos[i.id] ?? '—'}. ${plainText(i.html)}`);
			return { given, expected: data.items.map((i, n) => `${n + 1}. ${plainText(i.html)}`) };
		}
		case 'short_answer':
			return { given: answer?.type === 'short_answer' && answer.text ? [answer.text] : [], expected: data.accept };
	}
}

/**
 * Grades and closes an attempt. Late submissions (after the deadline and the grace) are stored but
 * graded 0. Returns the attempt id. A second submission of the same attempt changes nothing.
 */
export async function submitAttempt(user: PortalPerson, attemptId: string, form: FormData): Promise<{ status: 'submitted' | 'expired'; percent: number; passed: boolean }> {
	const attempt = await db().quizAttempt.findUnique({ where: { id: attemptId }, include: { quiz: true } });
	if (!attempt || attempt.userId !== user.id) throw new LearningError('not_found');
	if (attempt.status !== 'in_progress') throw new LearningError('attempt_closed');
	const layout = attempt.layout as unknown as LayoutItem[];
	const questions = await db().question.findMany({ where: { id: { in: layout.map((l) => l.questionId) } } });
	const byId = new Map(questions.map((q) => [q.id, q]));
	const answers = answersFromForm(form, layout, byId);
	const now = new Date();
	const late = !!attempt.deadlineAt && now.getTime() > attempt.deadlineAt.getTime() + GRACE_SECONDS * 1000;

	const review: ReviewItem[] = [];
	let score = 0;
	layout.forEach((item, i) => {
		const q = byId.get(item.questionId);
		if (!q) return;
		const data = q.data as QuestionData;
		const grade = gradeQuestion(data, answers[item.questionId], q.points);
		if (!late) score += grade.points;
		review.push({
			...viewOf(i, q, item),
			earned: late ? 0 : grade.points,
			correct: !late && grade.correct,
			explanationHtml: q.explanationHtml,
			...describe(data, answers[item.questionId])
		});
	});
	score = Math.round(score * 100) / 100;
	const percent = attempt.maxScore > 0 ? Math.round((score / attempt.maxScore) * 10000) / 100 : 0;
	const passed = !late && percent >= attempt.quiz.passMark;
	const claimed = await db().quizAttempt.updateMany({
		where: { id: attemptId, status: 'in_progress' },
		data: {
			status: late ? 'expired' : 'submitted',
			submittedAt: now,
			answers: answers as unknown as Prisma.InputJsonValue,
			results: review as unknown as Prisma.InputJsonValue,
			score,
			percent,
			passed
		}
	});
	if (!claimed.count) throw new LearningError('attempt_closed');
	await recordQuizOutcome(user.id, attempt.quizId, percent, passed);
	return { status: late ? 'expired' : 'submitted', percent, passed };
}
