import { error, fail, redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/permissions';
import { clubRoleOf, getResolutionMeta, joinParagraphs, paragraphsOf, saveVersion } from '$lib/server/club';
import { explainClubError, text } from '$lib/server/club/forms';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function guard(event: Pick<RequestEvent, 'params' | 'locals'>) {
	const r = await getResolutionMeta(event.params.id);
	if (!r) error(404, 'Not found');
	const user = requirePermission(event.locals, 'club:draft-edit', { clubRole: await clubRoleOf(event.locals.user?.id), drafterId: r.drafterId });
	return { r, user };
}

export const load: PageServerLoad = async (event) => {
	const { r } = await guard(event);
	return { resolution: r, text: joinParagraphs(await paragraphsOf(r.id)) };
};

export const actions: Actions = {
	default: async (event) => {
		const { r, user } = await guard(event);
		const data = await event.request.formData();
		const body = text(data, 'text', 500_000);
		const note = text(data, 'note', 300);
		try {
			await saveVersion(user, r.id, body, note || null);
		} catch (err) {
			return fail(400, { error: explainClubError(err, event.locals.locale), text: body, note });
		}
		redirect(303, localizeHref(`/club/resolutions/${r.id}?done=saved`, { locale: event.locals.locale ?? 'uk' }));
	}
};
