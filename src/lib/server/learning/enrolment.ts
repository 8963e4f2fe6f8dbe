import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { db } from '../db/index.ts';
import { listMembers, listOrganizations } from '../identity/organizations.ts';
import { LearningError } from './errors.ts';
import { evaluateCourseCompletion } from './progress.ts';

/**
 * Joining courses. Open courses: anyone signed in enrols. Approval courses: a person with a
 * membership asks; a manager of the organization the request names (or an instructor, or an
 * admin) approves or declines. Assigned courses: a manager assigns them to people of their
 * organization (an admin to anyone's). Leaving keeps progress; coming back resumes it.
 * Every function checks the permission itself, so no route can skip it.
 */

async function activeCourse(courseId: string) {
	const course = await db().course.findUnique({ where: { id: courseId } });
	if (!course || course.archivedAt) throw new LearningError('not_found');
	return course;
}

export async function getEnrollment(userId: string, courseId: string) {
	return db().enrollment.findUnique({ where: { courseId_userId: { courseId, userId } } });
}

/** Enrols the person in an open course (or re-activates a withdrawn enrollment). */
export async function enrol(user: SessionUser, courseId: string) {
	const course = await activeCourse(courseId);
	if (!can(user, 'course:enrol', { enrolmentMode: course.enrolmentMode })) throw new LearningError('not_open');
	const now = new Date();
	const prev = await getEnrollment(user.id, courseId);
	if (prev && (prev.status === 'active' || prev.status === 'completed')) return prev;
	const e = await db().enrollment.upsert({
		where: { courseId_userId: { courseId, userId: user.id } },
		create: { courseId, userId: user.id, status: 'active', enrolledAt: now },
		update: { status: 'active', enrolledAt: prev?.enrolledAt ?? now, withdrawnAt: null }
	});
	// A returning learner may already have every lesson done.
	await evaluateCourseCompletion(user.id, courseId);
	return e;
}

/** Asks to join an approval course; the request names one of the person's organizations. */
export async function requestEnrolment(user: SessionUser, courseId: string, organizationId?: string | null, note?: string) {
	const course = await activeCourse(courseId);
	if (!can(user, 'course:request', { enrolmentMode: course.enrolmentMode })) {
		throw new LearningError(course.enrolmentMode === 'approval' ? 'no_membership' : 'not_open');
	}
	const orgId = organizationId ?? user.memberships[0]?.organizationId ?? null;
	if (orgId && !user.memberships.some((m) => m.organizationId === orgId)) throw new LearningError('not_member');
	const prev = await getEnrollment(user.id, courseId);
	if (prev && (prev.status === 'active' || prev.status === 'completed' || prev.status === 'requested')) return prev;
	return db().enrollment.upsert({
		where: { courseId_userId: { courseId, userId: user.id } },
		create: { courseId, userId: user.id, status: 'requested', organizationId: orgId, requestedAt: new Date(), note: note?.slice(0, 1000) || null },
		update: { status: 'requested', organizationId: orgId, requestedAt: new Date(), decidedAt: null, approvedById: null, note: note?.slice(0, 1000) || null }
	});
}

/** Approves or declines a request. */
export async function decideRequest(actor: SessionUser, enrollmentId: string, approve: boolean) {
	const e = await db().enrollment.findUnique({ where: { id: enrollmentId } });
	if (!e || e.status !== 'requested') throw new LearningError('not_found');
	if (!can(actor, 'course:decide', { organizationId: e.organizationId })) throw new LearningError('forbidden');
	const now = new Date();
	const updated = await db().enrollment.update({
		where: { id: e.id },
		data: approve
			? { status: 'active', enrolledAt: e.enrolledAt ?? now, approvedById: actor.id, decidedAt: now }
			: { status: 'declined', approvedById: actor.id, decidedAt: now }
	});
	if (approve) await evaluateCourseCompletion(e.userId, e.courseId);
	return updated;
}

/** Assigns a course to a member of an organization the actor manages (any course mode). */
export async function assignCourse(actor: SessionUser, courseId: string, userId: string, organizationId: string, dueAt?: Date | null) {
	await activeCourse(courseId);
	if (!can(actor, 'course:assign', { organizationId })) throw new LearningError('forbidden');
	const members = await listMembers(actor, organizationId);
	if (!members.some((m) => m.user.id === userId)) throw new LearningError('not_member');
	const prev = await getEnrollment(userId, courseId);
	const now = new Date();
	if (prev && (prev.status === 'active' || prev.status === 'completed')) {
		return db().enrollment.update({ where: { id: prev.id }, data: { assignedById: prev.assignedById ?? actor.id, dueAt: dueAt ?? prev.dueAt, organizationId: prev.organizationId ?? organizationId } });
	}
	const e = await db().enrollment.upsert({
		where: { courseId_userId: { courseId, userId } },
		create: { courseId, userId, status: 'active', organizationId, enrolledAt: now, assignedById: actor.id, dueAt: dueAt ?? null },
		update: { status: 'active', organizationId, enrolledAt: prev?.enrolledAt ?? now, assignedById: actor.id, dueAt: dueAt ?? null, withdrawnAt: null, decidedAt: now }
	});
	await evaluateCourseCompletion(userId, courseId);
	return e;
}

/** Leaves a course (or withdraws a request). Progress stays for a return. */
export async function withdraw(user: SessionUser, courseId: string) {
	const prev = await getEnrollment(user.id, courseId);
	if (!prev || prev.status === 'withdrawn' || prev.status === 'completed') return prev;
	return db().enrollment.update({ where: { id: prev.id }, data: { status: 'withdrawn', withdrawnAt: new Date() } });
}

/** Requests waiting for the actor's decision (one course, or all), with who asked. */
export async function pendingRequests(actor: SessionUser, courseId?: string) {
	const rows = await db().enrollment.findMany({
		where: { status: 'requested', ...(courseId ? { courseId } : {}) },
		orderBy: { requestedAt: 'asc' },
		include: { course: { select: { id: true, slug: true, titleUk: true, titleEn: true } } }
	});
	const mine = rows.filter((r) => can(actor, 'course:decide', { organizationId: r.organizationId }));
	// Names of who asked (a read of identity rows: the identity domain has no bulk look-up yet).
	const users = await db().user.findMany({ where: { id: { in: mine.map((r) => r.userId) } }, select: { id: true, name: true, email: true } });
	const orgs = await db().organization.findMany({ where: { id: { in: mine.map((r) => r.organizationId).filter((x): x is string => !!x) } }, select: { id: true, nameUk: true, nameEn: true } });
	return mine.map((r) => ({ ...r, user: users.find((u) => u.id === r.userId) ?? null, organization: orgs.find((o) => o.id === r.organizationId) ?? null }));
}

/**
 * People the actor may assign a course to, by organization: members of the organizations they
 * manage (admins: every organization). Read through the identity domain.
 */
export async function assignableMembers(actor: SessionUser) {
	const orgs = (await listOrganizations(actor)).filter((o) => can(actor, 'course:assign', { organizationId: o.id }));
	const out: { organization: { id: string; nameUk: string; nameEn: string }; members: { id: string; name: string | null; email: string }[] }[] = [];
	for (const o of orgs.slice(0, 50)) {
		const members = await listMembers(actor, o.id);
		out.push({ organization: { id: o.id, nameUk: o.nameUk, nameEn: o.nameEn }, members: members.map((m) => m.user) });
	}
	return out;
}
