import { db } from '../db/index.ts';
import { courseCardSelect, type CourseCard } from './catalog.ts';
import { ensureCoursesImported } from './import.ts';

/**
 * The learner's dashboard: courses in progress (with how far, and where to continue), requested,
 * completed (when, score), and what to take next: first the courses whose prerequisites the person
 * has completed, then courses sharing topics with theirs, then the catalog's first open courses.
 */

export interface InProgressItem {
	course: CourseCard;
	status: 'active';
	done: number;
	total: number;
	percent: number;
	nextLessonKey: string | null;
	dueAt: Date | null;
	lastActivityAt: Date | null;
}

export async function myLearning(userId: string) {
	await ensureCoursesImported();
	const enrollments = await db().enrollment.findMany({
		where: { userId, course: { archivedAt: null } },
		include: { course: { select: { ...courseCardSelect, prerequisites: true } } },
		orderBy: [{ lastActivityAt: 'desc' }, { updatedAt: 'desc' }]
	});
	const active = enrollments.filter((e) => e.status === 'active');
	const lessons = await db().lesson.findMany({
		where: { courseId: { in: active.map((e) => e.courseId) }, archivedAt: null },
		orderBy: { position: 'asc' },
		select: { id: true, key: true, courseId: true, optional: true }
	});
	const progress = await db().lessonProgress.findMany({ where: { userId, lessonId: { in: lessons.map((l) => l.id) }, completedAt: { not: null } }, select: { lessonId: true } });
	const doneSet = new Set(progress.map((p) => p.lessonId));

	const inProgress: InProgressItem[] = active.map((e) => {
		const own = lessons.filter((l) => l.courseId === e.courseId);
		const required = own.filter((l) => !l.optional);
		const done = required.filter((l) => doneSet.has(l.id)).length;
		const next = own.find((l) => !doneSet.has(l.id)) ?? null;
		return {
			course: e.course,
			status: 'active',
			done,
			total: required.length,
			percent: required.length ? Math.round((done / required.length) * 100) : 0,
			nextLessonKey: next?.key ?? own[0]?.key ?? null,
			dueAt: e.dueAt,
			lastActivityAt: e.lastActivityAt
		};
	});
	const completed = enrollments
		.filter((e) => e.status === 'completed')
		.map((e) => ({ course: e.course, completedAt: e.completedAt!, score: e.score }))
		.sort((a, b) => b.completedAt.getTime() - a.completedAt.getTime());
	const requested = enrollments.filter((e) => e.status === 'requested' || e.status === 'declined').map((e) => ({ course: e.course, status: e.status, requestedAt: e.requestedAt }));

	// Recommendations
	const taken = new Set(enrollments.filter((e) => e.status !== 'withdrawn' && e.status !== 'declined').map((e) => e.courseId));
	const completedIds = new Set(completed.map((c) => c.course.id));
	const myTopics = new Set(enrollments.flatMap((e) => e.course.topics));
	const candidates = await db().course.findMany({
		where: { archivedAt: null, id: { notIn: [...taken] } },
		select: { ...courseCardSelect, prerequisites: true, sortOrder: true },
		orderBy: [{ sortOrder: 'asc' }, { titleUk: 'asc' }],
		take: 200
	});
	const rank = (c: (typeof candidates)[number]) => {
		const unlocked = c.prerequisites.length > 0 && c.prerequisites.every((p) => completedIds.has(p)) ? 0 : 1;
		const blocked = c.prerequisites.some((p) => !completedIds.has(p)) ? 1 : 0;
		const shared = c.topics.filter((t) => myTopics.has(t)).length;
		return [unlocked, blocked, -shared, c.sortOrder] as const;
	};
	const recommended = candidates
		.map((c) => ({ c, r: rank(c) }))
		.sort((a, b) => {
			for (let i = 0; i < a.r.length; i++) if (a.r[i] !== b.r[i]) return (a.r[i] as number) - (b.r[i] as number);
			return 0;
		})
		.slice(0, 3)
		.map(({ c }) => {
			const { prerequisites: _p, sortOrder: _s, ...card } = c;
			return card as CourseCard;
		});

	return { inProgress, completed, requested, recommended };
}
