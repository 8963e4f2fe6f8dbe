import { db, Prisma } from '../db/index.ts';
import { AUDIENCES, FORMATS, LANGUAGES, LEVELS, TOPICS } from './format.ts';
import { ensureCoursesImported } from './import.ts';

/**
 * Reading courses: the catalog (filters and search), a course with its syllabus, a lesson with its
 * neighbours. Archived courses, modules and lessons are never listed.
 */

export const PAGE_SIZE = 12;

export interface CatalogFilters {
	q?: string;
	audience?: string;
	topic?: string;
	level?: string;
	format?: string;
	language?: string;
	page?: number;
}

const oneOf = <T extends string>(list: readonly T[], v: string | undefined): T | undefined => (v && (list as readonly string[]).includes(v) ? (v as T) : undefined);

/** Filters from a URL's query string; unknown values are dropped. */
export function filtersFromUrl(url: URL): CatalogFilters {
	const get = (k: string) => url.searchParams.get(k)?.trim() || undefined;
	const page = Number(get('page') ?? 1);
	return {
		q: get('q')?.slice(0, 200),
		audience: oneOf(AUDIENCES, get('audience')),
		topic: oneOf(TOPICS, get('topic')),
		level: oneOf(LEVELS, get('level')),
		format: oneOf(FORMATS, get('format')),
		language: oneOf(LANGUAGES, get('language')),
		page: Number.isInteger(page) && page > 0 ? Math.min(page, 10_000) : 1
	};
}

function whereOf(f: CatalogFilters): Prisma.CourseWhereInput {
	const and: Prisma.CourseWhereInput[] = [{ archivedAt: null }];
	// "For citizens" also lists courses for everyone; the same for civil servants.
	if (f.audience === 'citizens' || f.audience === 'civil_servants') and.push({ audience: { in: [f.audience, 'all'] } });
	else if (f.audience === 'all') and.push({ audience: 'all' });
	if (f.topic) and.push({ topics: { has: f.topic } });
	if (f.level) and.push({ level: f.level as Prisma.CourseWhereInput['level'] });
	if (f.format) and.push({ format: f.format as Prisma.CourseWhereInput['format'] });
	if (f.language) and.push({ language: f.language });
	const words = (f.q ?? '')
		.toLowerCase()
		.replace(/[\u2019\u02BC`]/g, "'")
		.split(/\s+/)
		.filter((w) => w.length > 0)
		.slice(0, 8);
	for (const w of words) and.push({ searchText: { contains: w } });
	return { AND: and };
}

export const courseCardSelect = {
	id: true,
	slug: true,
	titleUk: true,
	titleEn: true,
	summaryUk: true,
	summaryEn: true,
	audience: true,
	topics: true,
	level: true,
	format: true,
	language: true,
	hours: true,
	credits: true,
	enrolmentMode: true
} satisfies Prisma.CourseSelect;

export type CourseCard = Prisma.CourseGetPayload<{ select: typeof courseCardSelect }>;

export async function listCourses(f: CatalogFilters): Promise<{ courses: CourseCard[]; total: number; page: number; pages: number }> {
	await ensureCoursesImported();
	const where = whereOf(f);
	const total = await db().course.count({ where });
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(f.page ?? 1, pages);
	const courses = await db().course.findMany({
		where,
		select: courseCardSelect,
		orderBy: [{ sortOrder: 'asc' }, { titleUk: 'asc' }],
		skip: (page - 1) * PAGE_SIZE,
		take: PAGE_SIZE
	});
	return { courses, total, page, pages };
}

export interface Instructor {
	name: string;
	role?: { uk: string; en: string };
	organization?: { uk: string; en: string };
}
export interface Competency {
	code?: string;
	uk: string;
	en: string;
}

/** A course with its syllabus (modules, lessons, quizzes) by slug; null when unknown or archived. */
export async function getCourse(slug: string) {
	await ensureCoursesImported();
	const course = await db().course.findUnique({
		where: { slug },
		include: {
			modules: {
				where: { archivedAt: null },
				orderBy: { position: 'asc' },
				include: {
					lessons: {
						where: { archivedAt: null },
						orderBy: { position: 'asc' },
						select: { id: true, key: true, kind: true, titleUk: true, titleEn: true, durationMinutes: true, completion: true, optional: true, quizId: true }
					}
				}
			}
		}
	});
	if (!course || course.archivedAt) return null;
	const prerequisites = course.prerequisites.length
		? await db().course.findMany({ where: { id: { in: course.prerequisites }, archivedAt: null }, select: { id: true, slug: true, titleUk: true, titleEn: true } })
		: [];
	const quizzes = await db().quiz.findMany({
		where: { courseId: course.id, archivedAt: null },
		select: { id: true, passMark: true, maxAttempts: true, timeLimitSeconds: true }
	});
	return {
		...course,
		// Without `account` (the instructor view's e-mail): it never reaches a page.
		instructors: (course.instructors as unknown as Array<Instructor & { account?: string }>).map(({ account: _account, ...i }) => i as Instructor),
		competencies: course.competencies as unknown as Competency[],
		prerequisiteCourses: prerequisites,
		quizzes
	};
}
export type CourseDetail = NonNullable<Awaited<ReturnType<typeof getCourse>>>;

/** A lesson of a course by its key, with the previous and next lessons of the course. */
export async function getLesson(slug: string, key: string) {
	const course = await getCourse(slug);
	if (!course) return null;
	const lesson = await db().lesson.findUnique({
		where: { courseId_key: { courseId: course.id, key } },
		include: { quiz: true, h5pContent: true, module: { select: { id: true, key: true, titleUk: true, titleEn: true, position: true } } }
	});
	if (!lesson || lesson.archivedAt) return null;
	const ordered = course.modules.flatMap((m) => m.lessons);
	const at = ordered.findIndex((l) => l.id === lesson.id);
	return { course, lesson, prev: at > 0 ? ordered[at - 1]! : null, next: at >= 0 && at < ordered.length - 1 ? ordered[at + 1]! : null, index: at, count: ordered.length };
}

/**
 * Upcoming public events (webinars, internships) that name this course. A read-only look-up of the
 * events domain's rows (Event.courseIds) until that domain exports one.
 */
export async function relatedEvents(courseId: string, now = new Date()) {
	return db().event.findMany({
		where: { isPublic: true, status: 'scheduled', courseIds: { has: courseId }, endsAt: { gte: now } },
		orderBy: { startsAt: 'asc' },
		take: 5,
		select: { id: true, slug: true, titleUk: true, titleEn: true, startsAt: true, endsAt: true }
	});
}
