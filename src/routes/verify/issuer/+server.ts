import { json } from '@sveltejs/kit';
import { issuerProfile, originFor } from '$lib/server/certificates';
import type { RequestHandler } from './$types';

/** The issuer's Open Badges profile: the `issuer.id` of every credential the portal signs. */
export const GET: RequestHandler = ({ url }) =>
	json(issuerProfile(originFor(url)), { headers: { 'cache-control': 'public, max-age=3600', 'access-control-allow-origin': '*' } });
