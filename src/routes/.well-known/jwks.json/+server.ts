import { json } from '@sveltejs/kit';
import { issuerJwks } from '$lib/server/certificates';
import type { RequestHandler } from './$types';

/** The public keys that verify the portal's credentials (Open Badges VC-JWTs), for anyone. */
export const GET: RequestHandler = async () =>
	json(await issuerJwks(), { headers: { 'cache-control': 'public, max-age=300', 'access-control-allow-origin': '*' } });
