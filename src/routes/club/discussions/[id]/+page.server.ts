import { error, fail, redirect } from '@sveltejs/kit';
import { can, requirePermission } from '$lib/server/auth/permissions';
import { clubRoleOf, discussionPage, hidePost, reply, setFollowing } from '$lib/server/club';
import { explainClubError, text, values } from '$lib/server/club/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const clubRole = await clubRoleOf(locals.user?.id);
	const moderator = can(locals.user, 'club:manage', { clubRole });
	const page = await discussionPage(params.id, locals.user ? { id: locals.user.id, moderator } : null);
	if (!page) error(404, 'Not found');
	return { ...page, canPost: can(locals.user, 'club:comment', { clubRole }), moderator, done: url.searchParams.get('done') };
};

const back = (event: RequestEvent, done: string, anchor = 'status') => redirect(303, `${event.url.pathname}?done=${done}#${anchor}`);

export const actions: Actions = {
	reply: async (event) => {
		const user = requirePermission(event.locals, 'club:comment', { clubRole: await clubRoleOf(event.locals.user?.id) });
		const data = await event.request.formData();
		const parentId = text(data, 'parentId', 40) || null;
		try {
			await reply(user, event.params.id, text(data, 'body'), parentId);
		} catch (err) {
			return fail(400, { parentId, error: explainClubError(err, event.locals.locale), values: values(data, ['body']) });
		}
		back(event, 'commented');
	},
	follow: async (event) => {
		const user = requirePermission(event.locals, 'club:comment', { clubRole: await clubRoleOf(event.locals.user?.id) });
		const data = await event.request.formData();
		await setFollowing(user.id, event.params.id, text(data, 'follow') === 'yes');
		back(event, 'saved');
	},
	hide: async (event) => {
		const user = requirePermission(event.locals, 'club:manage', { clubRole: await clubRoleOf(event.locals.user?.id) });
		const data = await event.request.formData();
		try {
			await hidePost(user, text(data, 'postId', 40), text(data, 'reason', 500));
		} catch (err) {
			return fail(400, { error: explainClubError(err, event.locals.locale) });
		}
		back(event, 'hidden');
	}
};
