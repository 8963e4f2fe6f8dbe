import { fail, redirect } from '@sveltejs/kit';
import { message, superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { localizeHref } from '$lib/paraglide/runtime';
import { requirePermission } from '$lib/server/auth/permissions';
import { createEvent, EVENT_FORMATS, EVENT_KINDS, EVENT_TOPICS } from '$lib/server/events';
import { eventFormSchema, eventInputFromForm } from '$lib/server/events/forms';
import { explainEventError } from '../errors';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'event:create');
	return { form: await superValidate(zod4(eventFormSchema)), kinds: EVENT_KINDS, formats: EVENT_FORMATS, topics: EVENT_TOPICS };
};

export const actions: Actions = {
	save: async ({ locals, request }) => {
		const user = requirePermission(locals, 'event:create');
		const form = await superValidate(request, zod4(eventFormSchema));
		if (!form.valid) return fail(400, { form });
		const { input, errors } = await eventInputFromForm(form.data);
		if (!input) {
			for (const [k, v] of Object.entries(errors)) (form.errors as Record<string, string[]>)[k] = [v];
			return fail(400, { form });
		}
		let slug: string;
		try {
			// The creator hosts the event unless other hosts were named.
			slug = (await createEvent({ ...input, hostIds: input.hostIds.length ? input.hostIds : [user.id] }, user.id)).slug;
		} catch (err) {
			return message(form, { type: 'error', text: explainEventError(err) }, { status: 400 });
		}
		redirect(303, localizeHref(`/events/${slug}/host`, { locale: locals.locale }));
	}
};
