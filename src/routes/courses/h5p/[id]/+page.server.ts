import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { getH5PContent, h5pActivityIri, H5P_PLAYER_VERSION, playerXapiConfig } from '$lib/server/learning';
import type { PageServerLoad } from './$types';

/** An instructor previews an uploaded package in the portal's player (its statements go to the LRS too). */
export const load: PageServerLoad = async ({ locals, params }) => {
	const user = requirePermission(locals, 'h5p:upload');
	const content = await getH5PContent(params.id);
	if (!content || content.archivedAt) error(404, { message: m.learning_error_not_found() });
	return {
		title: content.title,
		h5p: {
			contentId: content.id,
			title: content.title,
			h5pJsonPath: `/h5p/content/${encodeURIComponent(content.id)}`,
			playerBase: `/h5p/player/${H5P_PLAYER_VERSION}`,
			activityIri: h5pActivityIri(content.id),
			xapi: playerXapiConfig(user)
		}
	};
};
