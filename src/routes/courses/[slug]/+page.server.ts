import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { fromKyivInputValue } from '$lib/i18n/datetime';
import { can, requireUser } from '$lib/server/auth/permissions';
import {
	assignCourse,
	assignableMembers,
	assignSchema,
	courseProgress,
	decideRequest,
	enrol,
	explainLearningError,
	getCourse,
	getEnrollment,
	pendingRequests,
	relatedEvents,
	requestEnrolment,
	requestSchema,
	withdraw
} from '$lib/server/learning';
import type { Actions, PageServerLoad } from './$types';

/**
 * A course: syllabus, facts, outcomes, instructors, related events; enrolment by the course's mode;
 * for managers, assignment to their staff and decisions on requests. The domain functions check
 * every permission again (course:enrol, course:request, course:assign, course:decide).
 */
async function courseOf(slug: string) {
	const course = await getCourse(slug);
	if (!course) error(404, { message: m.learning_error_not_found() });
	return course;
}

const mayDecideSome = (u: App.Locals['user']) =>
	!!u && (u.roles.includes('admin') || u.roles.includes('instructor') || u.memberships.some((ms) => ms.role === 'manager'));

export const load: PageServerLoad = async ({ locals, params }) => {
	const course = await courseOf(params.slug);
	const user = locals.user;
	const enrollment = user ? await getEnrollment(user.id, course.id) : null;
	const learning = enrollment && (enrollment.status === 'active' || enrollment.status === 'completed');
	const progress = learning && user ? await courseProgress(user.id, course.id) : new Map();
	const lessons = course.modules.flatMap((mo) => mo.lessons);
	const done = lessons.filter((l) => progress.get(l.id)?.completedAt).map((l) => l.id);
	const next = lessons.find((l) => !done.includes(l.id)) ?? lessons[0] ?? null;
	const manager = user && mayDecideSome(user);

	return {
		course: {
			id: course.id,
			slug: course.slug,
			titleUk: course.titleUk,
			titleEn: course.titleEn,
			summaryUk: course.summaryUk,
			summaryEn: course.summaryEn,
			descriptionUk: course.descriptionUk,
			descriptionEn: course.descriptionEn,
			outcomesUk: course.outcomesUk,
			outcomesEn: course.outcomesEn,
			audience: course.audience,
			topics: course.topics,
			level: course.level,
			format: course.format,
			language: course.language,
			hours: course.hours,
			credits: course.credits,
			enrolmentMode: course.enrolmentMode,
			instructors: course.instructors,
			competencies: course.competencies,
			prerequisites: course.prerequisiteCourses,
			modules: course.modules.map((mo) => ({
				id: mo.id,
				titleUk: mo.titleUk,
				titleEn: mo.titleEn,
				summaryUk: mo.summaryUk,
				summaryEn: mo.summaryEn,
				lessons: mo.lessons.map((l) => ({ id: l.id, key: l.key, kind: l.kind, titleUk: l.titleUk, titleEn: l.titleEn, durationMinutes: l.durationMinutes, optional: l.optional }))
			}))
		},
		enrollment: enrollment
			? { status: enrollment.status, completedAt: enrollment.completedAt, score: enrollment.score, dueAt: enrollment.dueAt }
			: null,
		done,
		nextLessonKey: next?.key ?? null,
		started: done.length > 0,
		signedIn: !!user,
		canEnrol: can(user, 'course:enrol', { enrolmentMode: course.enrolmentMode }),
		canRequest: can(user, 'course:request', { enrolmentMode: course.enrolmentMode }),
		myOrganizations: user?.memberships.map((ms) => ({ id: ms.organizationId, slug: ms.organizationSlug })) ?? [],
		requests: manager && user ? (await pendingRequests(user, course.id)).map((r) => ({ id: r.id, requestedAt: r.requestedAt, note: r.note, user: r.user, organization: r.organization })) : [],
		assignable: manager && user ? await assignableMembers(user) : [],
		events: await relatedEvents(course.id),
		requestForm: await superValidate(zod4(requestSchema), { id: 'request' }),
		assignForm: await superValidate(zod4(assignSchema), { id: 'assign' })
	};
};

export const actions: Actions = {
	enrol: async ({ locals, params }) => {
		const user = requireUser(locals);
		const course = await courseOf(params.slug);
		try {
			await enrol(user, course.id);
		} catch (e) {
			return fail(400, { error: explainLearningError(e, locals.locale) });
		}
		return { flash: m.learning_enrolled_ok() };
	},

	request: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const course = await courseOf(params.slug);
		const form = await superValidate(request, zod4(requestSchema), { id: 'request' });
		if (!form.valid) return fail(400, { requestForm: form });
		try {
			await requestEnrolment(user, course.id, form.data.organizationId || null, form.data.note);
		} catch (e) {
			return message(form, { type: 'error', text: explainLearningError(e, locals.locale) }, { status: 400 });
		}
		return message(form, { type: 'success', text: m.learning_requested_ok() });
	},

	withdraw: async ({ locals, params }) => {
		const user = requireUser(locals);
		const course = await courseOf(params.slug);
		await withdraw(user, course.id);
		return { flash: m.learning_withdrawn_ok() };
	},

	assign: async ({ locals, params, request }) => {
		const user = requireUser(locals);
		const course = await courseOf(params.slug);
		const form = await superValidate(request, zod4(assignSchema), { id: 'assign' });
		if (!form.valid) return fail(400, { assignForm: form });
		const [organizationId, userId] = form.data.target.split(':') as [string, string];
		try {
			await assignCourse(user, course.id, userId, organizationId, form.data.dueAt ? fromKyivInputValue(form.data.dueAt) : null);
		} catch (e) {
			return message(form, { type: 'error', text: explainLearningError(e, locals.locale) }, { status: 400 });
		}
		return message(form, { type: 'success', text: m.learning_assigned_ok() });
	},

	decide: async ({ locals, request }) => {
		const user = requireUser(locals);
		const data = await request.formData();
		const id = String(data.get('enrollmentId') ?? '');
		const approve = data.get('decision') === 'approve';
		try {
			await decideRequest(user, id, approve);
		} catch (e) {
			return fail(400, { error: explainLearningError(e, locals.locale) });
		}
		return { flash: approve ? m.learning_request_approved() : m.learning_request_declined() };
	}
};
