import { fail, redirect } from '@sveltejs/kit';
import { can, requirePermission } from '$lib/server/auth/permissions';
import { clubRoleOf, createResolution, listResolutions } from '$lib/server/club';
import { explainClubError, text, values } from '$lib/server/club/forms';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad } from './$types';

// Adopted resolutions for everyone; drafts too for the club's people.
export const load: PageServerLoad = async ({ locals }) => {
	const clubRole = await clubRoleOf(locals.user?.id);
	const member = can(locals.user, 'club:comment', { clubRole }) || can(locals.user, 'club:manage', { clubRole });
	return { resolutions: await listResolutions(member ? {} : { publicOnly: true }), canDraft: can(locals.user, 'club:amend', { clubRole }) };
};

export const actions: Actions = {
	create: async (event) => {
		const user = requirePermission(event.locals, 'club:amend', { clubRole: await clubRoleOf(event.locals.user?.id) });
		const data = await event.request.formData();
		let id: string;
		try {
			id = (
				await createResolution(user, {
					title: text(data, 'title', 300),
					summary: text(data, 'summary', 1000) || null,
					kind: text(data, 'kind') === 'recommendations' ? 'recommendations' : 'resolution',
					text: text(data, 'text', 500_000),
					quorumPercent: Number(text(data, 'quorumPercent', 3)) || 50,
					thresholdPercent: Number(text(data, 'thresholdPercent', 3)) || 50
				})
			).id;
		} catch (err) {
			return fail(400, { error: explainClubError(err, event.locals.locale), values: values(data, ['title', 'summary', 'kind', 'text', 'quorumPercent', 'thresholdPercent']) });
		}
		redirect(303, localizeHref(`/club/resolutions/${id}`, { locale: event.locals.locale ?? 'uk' }));
	}
};
