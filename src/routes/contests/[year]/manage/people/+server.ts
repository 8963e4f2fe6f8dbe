import { json } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/permissions';
import { findPeople } from '$lib/server/contests';
import type { RequestHandler } from './$types';

/** The jury picker's suggestions: people whose e-mail or name contains `q` (organisers only). */
export const GET: RequestHandler = async ({ locals, url }) => {
	requirePermission(locals, 'contest:manage');
	return json({ people: await findPeople(url.searchParams.get('q') ?? '') });
};
