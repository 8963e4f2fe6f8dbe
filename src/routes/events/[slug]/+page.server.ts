import { error, fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { can, requirePermission } from '$lib/server/auth/permissions';
import {
	cancelRegistration,
	checkInWithCode,
	confirmWatched,
	eventPage,
	getEventBySlug,
	hostIdsOf,
	openRecording,
	register,
	registerGroup,
	submitFeedback,
	surveyQuestions,
	readQuestions
} from '$lib/server/events';
import { answersFromForm, checkinSchema, feedbackSchema, groupSchema, idSchema, parseParticipants, registrationSchema } from '$lib/server/events/forms';
import { explainEventError } from '../errors';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function loadEvent(slug: string) {
	const e = await getEventBySlug(slug);
	if (!e) error(404, { message: m.events_error_not_found() });
	return e;
}

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const e = await loadEvent(params.slug);
	const page = await eventPage(e, locals.user);
	const questions = readQuestions(e.questions);
	return {
		...page,
		canHost: can(locals.user, 'event:host', { hostIds: hostIdsOf(e) }),
		canGroup: can(locals.user, 'event:register-group'),
		signedIn: !!locals.user,
		done: url.searchParams.get('done'),
		registerForm: await superValidate(zod4(registrationSchema(questions)), { id: 'register' }),
		groupForm: await superValidate(zod4(groupSchema), { id: 'group' }),
		checkinForm: await superValidate(zod4(checkinSchema), { id: 'checkin' }),
		feedbackForm: await superValidate(zod4(feedbackSchema(page.feedback.questions)), { id: 'feedback' })
	};
};

const back = (event: RequestEvent, done: string) => redirect(303, `${event.url.pathname}?done=${done}#status`);

export const actions: Actions = {
	register: async (event) => {
		const user = requirePermission(event.locals, 'event:register');
		const e = await loadEvent(event.params.slug);
		const questions = readQuestions(e.questions);
		const form = await superValidate(event.request, zod4(registrationSchema(questions)), { id: 'register' });
		if (!form.valid) return fail(400, { registerForm: form });
		let status: string;
		try {
			const data = form.data as Record<string, unknown>;
			status = (await register(e.id, user, { answers: answersFromForm(questions, data), organizationName: String(data.organizationName ?? '') })).status;
		} catch (err) {
			return message(form, { type: 'error', text: explainEventError(err) }, { status: 400 });
		}
		back(event, status);
	},

	group: async (event) => {
		const user = requirePermission(event.locals, 'event:register-group');
		const e = await loadEvent(event.params.slug);
		const form = await superValidate(event.request, zod4(groupSchema), { id: 'group' });
		if (!form.valid) return fail(400, { groupForm: form });
		const { participants, bad } = parseParticipants(form.data.participants);
		if (bad.length || participants.length === 0) {
			form.errors.participants = [m.events_group_bad_lines({ lines: bad.join('; ') || '—' })];
			return fail(400, { groupForm: form });
		}
		let result;
		try {
			result = await registerGroup(e.id, user, { delegation: form.data.delegation, organizationName: form.data.organizationName, participants });
		} catch (err) {
			return message(form, { type: 'error', text: explainEventError(err) }, { status: 400 });
		}
		const text = m.events_group_done({ registered: String(result.registered), waitlisted: String(result.waitlisted) }) + (result.skipped.length ? ' ' + m.events_group_skipped({ emails: result.skipped.join(', ') }) : '');
		form.data.participants = '';
		return message(form, { type: 'success', text });
	},

	cancel: async (event) => {
		const user = requirePermission(event.locals, 'event:register');
		const e = await loadEvent(event.params.slug);
		const form = await superValidate(event.request, zod4(idSchema));
		if (!form.valid) return fail(400, { flash: { type: 'error', text: m.events_error_invalid() } });
		try {
			await cancelRegistration(form.data.id, user, { isHost: can(user, 'event:host', { hostIds: hostIdsOf(e) }) });
		} catch (err) {
			return fail(400, { flash: { type: 'error', text: explainEventError(err) } });
		}
		back(event, 'cancelled');
	},

	checkin: async (event) => {
		const user = requirePermission(event.locals, 'event:register');
		const e = await loadEvent(event.params.slug);
		const form = await superValidate(event.request, zod4(checkinSchema), { id: 'checkin' });
		if (!form.valid) return fail(400, { checkinForm: form });
		try {
			await checkInWithCode(e.id, user, form.data.code);
		} catch (err) {
			form.errors.code = [explainEventError(err)];
			return fail(400, { checkinForm: form });
		}
		back(event, 'checked-in');
	},

	feedback: async (event) => {
		const user = requirePermission(event.locals, 'event:register');
		const e = await loadEvent(event.params.slug);
		const questions = await surveyQuestions(e.id);
		const form = await superValidate(event.request, zod4(feedbackSchema(questions)), { id: 'feedback' });
		if (!form.valid) return fail(400, { feedbackForm: form });
		try {
			await submitFeedback(e.id, user, form.data as Record<string, unknown>);
		} catch (err) {
			return message(form, { type: 'error', text: explainEventError(err) }, { status: 400 });
		}
		back(event, 'feedback');
	},

	watch: async (event) => {
		const user = requirePermission(event.locals, 'event:register');
		const form = await superValidate(event.request, zod4(idSchema));
		if (!form.valid) return fail(400, { flash: { type: 'error', text: m.events_error_invalid() } });
		let url: string;
		try {
			url = await openRecording(form.data.id, user);
		} catch (err) {
			return fail(400, { flash: { type: 'error', text: explainEventError(err) } });
		}
		redirect(303, url);
	},

	watched: async (event) => {
		const user = requirePermission(event.locals, 'event:register');
		const form = await superValidate(event.request, zod4(idSchema));
		if (!form.valid) return fail(400, { flash: { type: 'error', text: m.events_error_invalid() } });
		let attendance: boolean;
		try {
			({ attendance } = await confirmWatched(form.data.id, user));
		} catch (err) {
			return fail(400, { flash: { type: 'error', text: explainEventError(err) } });
		}
		back(event, attendance ? 'watched-attended' : 'watched');
	}
};
