import { error } from '@sveltejs/kit';
import { adoptedRecord } from '$lib/server/club';
import type { RequestHandler } from './$types';

// The canonical adopted text, byte for byte what the fingerprint is taken of (sha256sum of this body).
export const GET: RequestHandler = async ({ params }) => {
	const r = await adoptedRecord(params.id);
	if (!r) error(404, 'Not found');
	return new Response(r.adoptedText, {
		headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-sha256': r.fingerprint ?? '', 'cache-control': 'public, max-age=3600' }
	});
};
