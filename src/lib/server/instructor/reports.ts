import { db } from '../db/index.ts';
import { can, managedOrganizationIds } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { gradeQuestion, normalizeText, type Answer } from '../learning/grading.ts';
import type { QuestionData } from '../learning/course-files.ts';
import { listForSource } from '../certificates/certificates.ts';

/**
 * The instructor view of a course (issue 3): its enrolments, each learner's progress, and quiz item
 * statistics. Who sees what: the course's own instructors (course.yaml `instructors[].account`) and
 * admins see every learner (course:instruct); a manager sees only the people of the organizations
 * they manage (course:report), never anyone else.
 */
export type Scope = { kind: 'all' } | { kind: 'organizations'; organizationIds: string[] };

export interface CourseRef {
	id: string;
	slug: string;
	titleUk: string;
	titleEn: string;
}

export async function courseBySlug(slug: string): Promise<(CourseRef & { instructors: unknown }) | null> {
	return db().course.findUnique({ where: { slug }, select: { id: true, slug: true, titleUk: true, titleEn: true, instructors: true } });
}

function accountsOf(instructors: unknown): string[] {
	return (Array.isArray(instructors) ? instructors : [])
		.map((i) => (i && typeof i === 'object' && typeof (i as { account?: unknown }).account === 'string' ? (i as { account: string }).account.toLowerCase() : null))
		.filter((e): e is string => !!e);
}

async function idsByEmail(emails: string[]): Promise<Map<string, string>> {
	if (!emails.length) return new Map();
	const users = await db().user.findMany({ where: { OR: [...new Set(emails)].map((email) => ({ email: { equals: email, mode: 'insensitive' as const } })) }, select: { id: true, email: true } });
	return new Map(users.map((u) => [u.email.toLowerCase(), u.id]));
}

/** Portal accounts named in the course files as the course's instructors. */
export async function courseInstructorIds(instructors: unknown): Promise<string[]> {
	const emails = accountsOf(instructors);
	const ids = await idsByEmail(emails);
	return emails.map((e) => ids.get(e)).filter((id): id is string => !!id);
}

/** What `user` may see of the course's learners, or null when nothing. */
export async function instructorScope(user: SessionUser | null | undefined, course: { instructors: unknown }): Promise<Scope | null> {
	if (!user) return null;
	if (can(user, 'course:instruct', { instructorIds: await courseInstructorIds(course.instructors) })) return { kind: 'all' };
	const organizationIds = managedOrganizationIds(user).filter((organizationId) => can(user, 'course:report', { organizationId }));
	return organizationIds.length ? { kind: 'organizations', organizationIds } : null;
}

/** Courses whose instructor view `user` may open as an instructor (all for admins). */
export async function coursesTaught(user: SessionUser): Promise<CourseRef[]> {
	const courses = await db().course.findMany({
		where: { archivedAt: null },
		select: { id: true, slug: true, titleUk: true, titleEn: true, instructors: true },
		orderBy: [{ sortOrder: 'asc' }, { titleUk: 'asc' }]
	});
	const ids = await idsByEmail(courses.flatMap((c) => accountsOf(c.instructors)));
	return courses
		.filter((c) => can(user, 'course:instruct', { instructorIds: accountsOf(c.instructors).map((e) => ids.get(e) ?? '') }))
		.map(({ id, slug, titleUk, titleEn }) => ({ id, slug, titleUk, titleEn }));
}

/** The people of the scope (null: everyone). */
async function scopeUserIds(scope: Scope): Promise<string[] | null> {
	if (scope.kind === 'all') return null;
	const rows = await db().membership.findMany({ where: { organizationId: { in: scope.organizationIds } }, select: { userId: true } });
	return [...new Set(rows.map((r) => r.userId))];
}

export interface LearnerRow {
	name: string;
	email: string;
	organization: string | null;
	status: string;
	enrolledAt: Date | null;
	completedAt: Date | null;
	lastActivityAt: Date | null;
	done: number;
	total: number;
	percent: number;
	score: number | null;
	certificateSerial: string | null;
}

/** Every enrolment of the course within the scope, with progress over the required lessons. */
export async function courseLearners(courseId: string, scope: Scope, locale: 'uk' | 'en' = 'uk'): Promise<LearnerRow[]> {
	const userIds = await scopeUserIds(scope);
	const enrollments = await db().enrollment.findMany({
		where: { courseId, ...(userIds ? { userId: { in: userIds } } : {}) },
		orderBy: [{ enrolledAt: 'asc' }, { createdAt: 'asc' }]
	});
	if (!enrollments.length) return [];
	const ids = enrollments.map((e) => e.userId);
	const [users, memberships, required, certificates] = await Promise.all([
		db().user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, email: true } }),
		db().membership.findMany({
			where: { userId: { in: ids }, ...(scope.kind === 'organizations' ? { organizationId: { in: scope.organizationIds } } : {}) },
			select: { userId: true, organization: { select: { nameUk: true, nameEn: true, shortNameUk: true, shortNameEn: true } } },
			orderBy: { createdAt: 'asc' }
		}),
		db().lesson.findMany({ where: { courseId, archivedAt: null, optional: false }, select: { id: true } }),
		listForSource('course', courseId)
	]);
	const done = await db().lessonProgress.groupBy({
		by: ['userId'],
		where: { userId: { in: ids }, lessonId: { in: required.map((l) => l.id) }, completedAt: { not: null } },
		_count: { _all: true }
	});
	const userById = new Map(users.map((u) => [u.id, u]));
	const orgByUser = new Map<string, string>();
	for (const ms of memberships) {
		if (orgByUser.has(ms.userId)) continue;
		const o = ms.organization;
		orgByUser.set(ms.userId, locale === 'en' ? (o.shortNameEn ?? o.nameEn) : (o.shortNameUk ?? o.nameUk));
	}
	const doneBy = new Map(done.map((d) => [d.userId, d._count._all]));
	const certBy = new Map(certificates.map((c) => [c.userId, c.serial]));
	const total = required.length;
	return enrollments.map((e) => {
		const u = userById.get(e.userId);
		const n = doneBy.get(e.userId) ?? 0;
		return {
			name: u?.name ?? '',
			email: u?.email ?? '',
			organization: orgByUser.get(e.userId) ?? null,
			status: e.status,
			enrolledAt: e.enrolledAt,
			completedAt: e.completedAt,
			lastActivityAt: e.lastActivityAt,
			done: n,
			total,
			percent: total ? Math.round((n / total) * 100) : 0,
			score: e.score,
			certificateSerial: certBy.get(e.userId) ?? null
		};
	});
}

export interface QuestionStat {
	questionId: string;
	quizTitleUk: string;
	quizTitleEn: string;
	prompt: string;
	type: string;
	attempts: number;
	correct: number;
	/** Percent of the attempts that answered it fully right (null without attempts). */
	percentCorrect: number | null;
	/** The wrong answer given most often, as text, and how often. */
	commonWrong: string | null;
	commonWrongCount: number;
}

function text(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;|&apos;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ')
		.trim();
}

/** The wrong parts of an answer, as text (each counted once per attempt). */
function wrongParts(data: QuestionData, answer: Answer | undefined): string[] {
	if (!answer) return [];
	switch (data.type) {
		case 'single':
		case 'multiple': {
			const chosen = answer.type === 'single' ? (answer.choice ? [answer.choice] : []) : answer.type === 'multiple' ? answer.choices : [];
			return chosen.filter((id) => !data.correct.includes(id)).map((id) => text(data.options.find((o) => o.id === id)?.html ?? id));
		}
		case 'true_false':
			return answer.type === 'true_false' && answer.value !== null && answer.value !== data.answer ? [String(answer.value)] : [];
		case 'short_answer':
			return answer.type === 'short_answer' && answer.text.trim() ? [normalizeText(answer.text, data.caseSensitive)] : [];
		default:
			return [];
	}
}

/** Per question of the course's quizzes: attempts, % fully right, the most chosen wrong answer. */
export async function quizItemStats(courseId: string, scope: Scope): Promise<QuestionStat[]> {
	const userIds = await scopeUserIds(scope);
	const quizzes = await db().quiz.findMany({ where: { courseId }, select: { id: true, titleUk: true, titleEn: true } });
	if (!quizzes.length) return [];
	const attempts = await db().quizAttempt.findMany({
		where: { quizId: { in: quizzes.map((q) => q.id) }, status: { not: 'in_progress' }, ...(userIds ? { userId: { in: userIds } } : {}) },
		select: { quizId: true, layout: true, answers: true }
	});
	const questionIds = new Set<string>();
	for (const a of attempts) for (const item of a.layout as unknown as { questionId: string }[]) questionIds.add(item.questionId);
	const questions = await db().question.findMany({ where: { id: { in: [...questionIds] } }, select: { id: true, promptHtml: true, type: true, data: true, points: true } });
	const qById = new Map(questions.map((q) => [q.id, q]));
	const quizById = new Map(quizzes.map((q) => [q.id, q]));
	const stats = new Map<string, QuestionStat & { wrong: Map<string, number> }>();
	for (const a of attempts) {
		const answers = (a.answers ?? {}) as unknown as Record<string, Answer>;
		for (const { questionId } of a.layout as unknown as { questionId: string }[]) {
			const q = qById.get(questionId);
			if (!q) continue;
			const quiz = quizById.get(a.quizId)!;
			let s = stats.get(`${a.quizId} ${questionId}`);
			if (!s) {
				s = {
					questionId,
					quizTitleUk: quiz.titleUk,
					quizTitleEn: quiz.titleEn,
					prompt: text(q.promptHtml).slice(0, 200),
					type: q.type,
					attempts: 0,
					correct: 0,
					percentCorrect: null,
					commonWrong: null,
					commonWrongCount: 0,
					wrong: new Map()
				};
				stats.set(`${a.quizId} ${questionId}`, s);
			}
			const data = q.data as unknown as QuestionData;
			s.attempts++;
			if (gradeQuestion(data, answers[questionId], q.points).correct) s.correct++;
			else for (const w of new Set(wrongParts(data, answers[questionId]))) s.wrong.set(w, (s.wrong.get(w) ?? 0) + 1);
		}
	}
	return [...stats.values()]
		.map(({ wrong, ...s }) => {
			const top = [...wrong.entries()].sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))[0];
			return { ...s, percentCorrect: s.attempts ? Math.round((s.correct / s.attempts) * 1000) / 10 : null, commonWrong: top?.[0] ?? null, commonWrongCount: top?.[1] ?? 0 };
		})
		.sort((x, y) => x.quizTitleUk.localeCompare(y.quizTitleUk) || x.questionId.localeCompare(y.questionId));
}

/** Names of the organizations a limited scope covers (for the page's lead). */
export async function scopeOrganizationNames(scope: Scope, locale: 'uk' | 'en'): Promise<string[]> {
	if (scope.kind === 'all') return [];
	const orgs = await db().organization.findMany({ where: { id: { in: scope.organizationIds } }, select: { nameUk: true, nameEn: true }, orderBy: { nameUk: 'asc' } });
	return orgs.map((o) => (locale === 'en' ? o.nameEn : o.nameUk));
}
