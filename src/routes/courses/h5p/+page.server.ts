import { fail } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { issueMessage, listUploads, uploadH5P } from '$lib/server/learning';
import { DEFAULT_LIMITS } from '$lib/server/learning/h5p/package';
import type { Actions, PageServerLoad } from './$types';

/** Instructors' H5P packages: upload (checked before anything is kept) and the list of uploads. */
export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'h5p:upload');
	return { uploads: await listUploads(), maxMb: Math.round(DEFAULT_LIMITS.maxPackageBytes / 1024 / 1024) };
};

export const actions: Actions = {
	upload: async ({ locals, request }) => {
		const user = requirePermission(locals, 'h5p:upload');
		const file = (await request.formData()).get('package');
		if (!(file instanceof File) || file.size === 0) return fail(400, { problems: [m.learning_h5p_required()] });
		const result = await uploadH5P(user, file);
		if (!result.ok) return fail(400, { problems: result.issues.map((i) => issueMessage(i, locals.locale)) });
		return { uploaded: result.id };
	}
};
