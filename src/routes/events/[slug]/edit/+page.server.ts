import { error, fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { requirePermission } from '$lib/server/auth/permissions';
import { cancelEvent, getEventBySlug, hostIdsOf, updateEvent, EVENT_FORMATS, EVENT_KINDS, EVENT_TOPICS } from '$lib/server/events';
import { eventFormSchema, eventInputFromForm, formFromEvent } from '$lib/server/events/forms';
import { explainEventError } from '../../errors';
import type { Actions, PageServerLoad } from './$types';

async function hostEvent(slug: string, locals: App.Locals) {
	const e = await getEventBySlug(slug);
	if (!e) error(404, { message: m.events_error_not_found() });
	requirePermission(locals, 'event:host', { hostIds: hostIdsOf(e) });
	return e;
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const e = await hostEvent(params.slug, locals);
	return {
		slug: e.slug,
		title: locals.locale === 'en' ? e.titleEn : e.titleUk,
		cancelled: e.status === 'cancelled',
		form: await superValidate(await formFromEvent(e), zod4(eventFormSchema)),
		kinds: EVENT_KINDS,
		formats: EVENT_FORMATS,
		topics: EVENT_TOPICS
	};
};

export const actions: Actions = {
	save: async ({ params, locals, request }) => {
		const e = await hostEvent(params.slug, locals);
		const form = await superValidate(request, zod4(eventFormSchema));
		if (!form.valid) return fail(400, { form });
		const { input, errors } = await eventInputFromForm({ ...form.data, slug: e.slug });
		if (!input) {
			for (const [k, v] of Object.entries(errors)) (form.errors as Record<string, string[]>)[k] = [v];
			return fail(400, { form });
		}
		let text: string;
		try {
			const { slug: _slug, ...patch } = input;
			const { notified, promoted } = await updateEvent(e.id, { ...patch, hostIds: patch.hostIds.length ? patch.hostIds : e.hostIds });
			text = m.events_edit_saved({ notified: String(notified), promoted: String(promoted) });
		} catch (err) {
			return message(form, { type: 'error', text: explainEventError(err) }, { status: 400 });
		}
		return message(form, { type: 'success', text });
	},

	cancel: async ({ params, locals }) => {
		const e = await hostEvent(params.slug, locals);
		await cancelEvent(e.id);
		redirect(303, localizeHref(`/events/${e.slug}`, { locale: locals.locale }));
	}
};
