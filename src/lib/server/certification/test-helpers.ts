/** Shared by the certification tests: an organization with people, a course with an exam, evidence rows. */
import { db } from '../db/index.ts';
import type { SessionUser } from '../auth/types.ts';

let seq = 0;
const run = Date.now().toString(36);
export const uniq = (prefix: string) => `${prefix}-${run}-${++seq}`;

export async function makeOrganization(departments: string[] = ['Відділ ЦНАП', 'Загальний відділ']) {
	const slug = uniq('org');
	const org = await db().organization.create({
		data: { slug, nameUk: `Тестова рада ${slug}`, nameEn: `Test council ${slug}`, kind: 'local_government', departments: { create: departments.map((nameUk) => ({ nameUk, nameEn: nameUk })) } },
		include: { departments: true }
	});
	return org;
}

export async function makePerson(organizationId: string, opts: { departmentId?: string | null; position?: string | null; role?: 'manager' | 'staff'; locale?: string; name?: string; joinedAt?: Date } = {}) {
	const id = uniq('user');
	const user = await db().user.create({ data: { id, email: `${id}@test.maisternia.ua`, name: opts.name ?? `Працівник ${id}`, locale: opts.locale ?? 'uk' } });
	await db().membership.create({
		data: { userId: id, organizationId, departmentId: opts.departmentId ?? null, position: opts.position ?? null, role: opts.role ?? 'staff', ...(opts.joinedAt ? { createdAt: opts.joinedAt, updatedAt: opts.joinedAt } : {}) }
	});
	return user;
}

export function sessionOf(user: { id: string; email: string; name: string | null }, roles: SessionUser['roles'], memberships: SessionUser['memberships'] = []): SessionUser {
	return { id: user.id, email: user.email, name: user.name, locale: 'uk', roles, emailVerified: true, memberships };
}

/** A bare course with one exam quiz (rows only; the learning import is not needed here). */
export async function makeCourse() {
	const id = uniq('course');
	await db().course.create({
		data: {
			id, slug: id, titleUk: `Курс ${id}`, titleEn: `Course ${id}`, summaryUk: '', summaryEn: '', outcomesUk: [], outcomesEn: [], audience: 'all', topics: [], level: 'beginner',
			format: 'self_paced', language: 'uk', hours: 2, credits: 0.1, competencies: [], prerequisites: [], instructors: [], enrolmentMode: 'open', contentHash: 'x', sourcePath: id, importedAt: new Date()
		}
	});
	const quizId = `${id}/final`;
	await db().quiz.create({ data: { id: quizId, courseId: id, key: 'final', titleUk: 'Іспит', titleEn: 'Exam', passMark: 70, draws: [] } });
	return { courseId: id, quizId };
}

export async function complete(userId: string, courseId: string, completedAt: Date) {
	const e = await db().enrollment.create({ data: { courseId, userId, status: 'completed', enrolledAt: completedAt, completedAt } });
	await db().courseCompletion.create({ data: { courseId, userId, enrollmentId: e.id, completedAt, courseHash: 'x', hours: 2, credits: 0.1 } });
}

export async function attempt(userId: string, quizId: string, submittedAt: Date, percent: number) {
	const n = (await db().quizAttempt.count({ where: { userId, quizId } })) + 1;
	await db().quizAttempt.create({ data: { quizId, userId, number: n, status: 'submitted', startedAt: submittedAt, submittedAt, layout: [], maxScore: 10, score: percent / 10, percent, passed: percent >= 70 } });
}
