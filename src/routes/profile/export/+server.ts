import { requirePermission } from '$lib/server/auth/permissions';
import { exportPersonalData } from '$lib/server/identity';
import { toKyivDateInputValue } from '$lib/i18n/datetime';
import type { RequestHandler } from './$types';

/** GET /profile/export: everything the portal holds about the signed-in person, as a JSON download. */
export const GET: RequestHandler = async ({ locals }) => {
	const actor = requirePermission(locals, 'profile:edit-own');
	const data = await exportPersonalData(actor);
	return new Response(JSON.stringify(data, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="maisternia-data-${toKyivDateInputValue(new Date())}.json"`,
			'cache-control': 'no-store'
		}
	});
};
