import { fail } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/permissions';
import { importSubscribers, subscriberCounts } from '$lib/server/publishing';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'bulletin:manage');
	return { counts: await subscriberCounts() };
};

export const actions: Actions = {
	import: async ({ locals, request }) => {
		const user = requirePermission(locals, 'bulletin:manage');
		const file = (await request.formData()).get('csv');
		if (!(file instanceof File) || file.size === 0) return fail(400, { noFile: true });
		if (file.size > 10 * 1024 * 1024) return fail(400, { noFile: true });
		const result = await importSubscribers(await file.text(), user.email);
		if (result.issues.length) return fail(400, { issues: result.issues.slice(0, 200), more: Math.max(0, result.issues.length - 200) });
		return { result };
	}
};
