import { error, fail, redirect } from '@sveltejs/kit';
import { can, requirePermission } from '$lib/server/auth/permissions';
import { allMembers, clubRoleOf, meetingPage, recordMinutes } from '$lib/server/club';
import { explainClubError, text } from '$lib/server/club/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	const page = await meetingPage(params.id);
	if (!page) error(404, 'Not found');
	const canManage = can(locals.user, 'club:manage', { clubRole: await clubRoleOf(locals.user?.id) });
	const members = canManage ? (await allMembers()).filter((x) => x.status === 'active').map((x) => ({ userId: x.userId, displayName: x.displayName })) : [];
	return { ...page, canManage, members, done: url.searchParams.get('done') };
};

export const actions: Actions = {
	minutes: async (event) => {
		requirePermission(event.locals, 'club:manage', { clubRole: await clubRoleOf(event.locals.user?.id) });
		const data = await event.request.formData();
		try {
			await recordMinutes(event.params.id, {
				minutes: text(data, 'minutes', 50_000),
				attendees: data.getAll('attendees').filter((x): x is string => typeof x === 'string').slice(0, 500),
				decisions: text(data, 'decisions').split(/\r?\n/).filter((l) => l.trim())
			});
		} catch (err) {
			return fail(400, { error: explainClubError(err, event.locals.locale), minutes: text(data, 'minutes', 50_000), decisions: text(data, 'decisions') });
		}
		redirect(303, `${event.url.pathname}?done=saved`);
	}
};
