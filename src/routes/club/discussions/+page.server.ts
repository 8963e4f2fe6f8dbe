import { fail, redirect } from '@sveltejs/kit';
import { can, requirePermission } from '$lib/server/auth/permissions';
import { clubRoleOf, listDiscussions, startDiscussion, TOPICS } from '$lib/server/club';
import { explainClubError, text, values } from '$lib/server/club/forms';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// Threads are readable by everyone; club people start them and reply.
export const load: PageServerLoad = async ({ locals, url }) => {
	const topic = url.searchParams.get('topic');
	const clubRole = await clubRoleOf(locals.user?.id);
	return {
		topic: topic && (TOPICS as readonly string[]).includes(topic) ? topic : null,
		topics: [...TOPICS],
		discussions: await listDiscussions(topic && (TOPICS as readonly string[]).includes(topic) ? topic : null),
		canPost: can(locals.user, 'club:comment', { clubRole })
	};
};

export const actions: Actions = {
	start: async (event) => {
		const user = requirePermission(event.locals, 'club:comment', { clubRole: await clubRoleOf(event.locals.user?.id) });
		const data = await event.request.formData();
		let id: string;
		try {
			id = (await startDiscussion(user, { title: text(data, 'title', 200), topic: text(data, 'topic', 40), body: text(data, 'body') })).id;
		} catch (err) {
			return fail(400, { error: explainClubError(err, event.locals.locale), values: values(data, ['title', 'topic', 'body']) });
		}
		redirect(303, localizeHref(`/club/discussions/${id}`, { locale: event.locals.locale ?? 'uk' }));
	}
};
