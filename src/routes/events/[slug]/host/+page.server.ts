import { error, fail } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { addRecording, attendanceList, attendanceStats, deleteRecording, feedbackSummary, getEventBySlug, hostIdsOf, recordingsOf, setAttendance, checkinOpen, publicEvent, removeRegistration } from '$lib/server/events';
import { idSchema, recordingMaterials, recordingSchema, removalSchema } from '$lib/server/events/forms';
import { explainEventError } from '../../errors';
import type { Actions, PageServerLoad } from './$types';

async function hostEvent(slug: string, locals: App.Locals) {
	const e = await getEventBySlug(slug);
	if (!e) error(404, { message: m.events_error_not_found() });
	const user = requirePermission(locals, 'event:host', { hostIds: hostIdsOf(e) });
	return { e, user };
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const { e } = await hostEvent(params.slug, locals);
	const [list, stats, feedback, recordings] = await Promise.all([attendanceList(e.id), attendanceStats(e.id), feedbackSummary(e.id), recordingsOf(e.id, null, new Date(8.64e15))]);
	return {
		event: publicEvent(e),
		checkinCode: e.checkinCode,
		checkinOpen: checkinOpen(e),
		list: list.map((r) => ({ id: r.id, name: r.name, email: r.email, organizationName: r.organizationName, status: r.status, position: r.position, group: r.group?.name ?? null, attendance: r.attendance ? { source: r.attendance.source, attendedAt: r.attendance.attendedAt } : null })),
		stats,
		feedback,
		recordings,
		recordingForm: await superValidate(zod4(recordingSchema), { id: 'recording' }),
		removalForm: await superValidate(zod4(removalSchema), { id: 'removal' })
	};
};

export const actions: Actions = {
	attendance: async ({ params, locals, request }) => {
		const { e, user } = await hostEvent(params.slug, locals);
		const data = await request.formData();
		const shown = data.getAll('shown').map(String).slice(0, 5000);
		const present = data.getAll('present').map(String);
		const result = await setAttendance(e.id, user.id, shown, present);
		return { flash: { type: 'success' as const, text: m.events_host_attendance_saved({ added: String(result.added), removed: String(result.removed) }) } };
	},

	recording: async ({ params, locals, request }) => {
		const { e } = await hostEvent(params.slug, locals);
		const form = await superValidate(request, zod4(recordingSchema), { id: 'recording' });
		if (!form.valid) return fail(400, { recordingForm: form });
		const materials = recordingMaterials(form.data.materials);
		if (!materials) {
			form.errors.materials = [m.events_form_url()];
			return fail(400, { recordingForm: form });
		}
		try {
			await addRecording(e.id, {
				titleUk: form.data.titleUk,
				titleEn: form.data.titleEn,
				url: form.data.url,
				durationMinutes: form.data.durationMinutes ? Number(form.data.durationMinutes) : null,
				materials,
				countsAsAttendance: form.data.countsAsAttendance,
				// Published when the event is over (at once for a past event).
				publishedAt: e.endsAt > new Date() ? e.endsAt : new Date()
			});
		} catch (err) {
			return message(form, { type: 'error', text: explainEventError(err) }, { status: 400 });
		}
		// An empty form for the next recording; marked valid, or superforms would answer 400 with the success text.
		const fresh = await superValidate(zod4(recordingSchema), { id: 'recording' });
		fresh.valid = true;
		return message(fresh, { type: 'success', text: m.events_host_recording_added() });
	},

	remove: async ({ params, locals, request }) => {
		const { e, user } = await hostEvent(params.slug, locals);
		const form = await superValidate(request, zod4(removalSchema), { id: 'removal' });
		if (!form.valid) return fail(400, { removalForm: form });
		try {
			const { promoted, name } = await removeRegistration(e.id, form.data.registrationId, user, form.data.reason);
			// Done: the form is emptied (still valid, so the message is a success, not a 400).
			form.data = { registrationId: '', reason: '' };
			return message(form, { type: 'success', text: m.events_host_removed({ name, promoted: String(promoted) }) });
		} catch (err) {
			return message(form, { type: 'error', text: explainEventError(err) }, { status: 400 });
		}
	},

	deleteRecording: async ({ params, locals, request }) => {
		const { e } = await hostEvent(params.slug, locals);
		const form = await superValidate(request, zod4(idSchema));
		if (!form.valid) return fail(400, { flash: { type: 'error' as const, text: m.events_error_invalid() } });
		await deleteRecording(e.id, form.data.id);
		return { flash: { type: 'success' as const, text: m.events_host_recording_deleted() } };
	}
};
