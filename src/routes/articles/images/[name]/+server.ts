import { error } from '@sveltejs/kit';
import { readImage } from '$lib/server/publishing';
import type { RequestHandler } from './$types';

// Named by their content hash: the same name always means the same bytes.
export const GET: RequestHandler = async ({ params }) => {
	const image = await readImage(params.name);
	if (!image) error(404);
	return new Response(new Uint8Array(image.bytes), {
		headers: { 'content-type': image.type, 'cache-control': 'public, max-age=31536000, immutable', 'x-content-type-options': 'nosniff' }
	});
};
