import { requireUser } from '$lib/server/auth/permissions';
import { myCases } from '$lib/server/cases';
import { myEntries } from '$lib/server/contests';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireUser(locals);
	return { ...(await myCases(user)), entries: await myEntries(user.id, locals.locale) };
};
