import fs from 'node:fs';
import { error } from '@sveltejs/kit';
import { H5P_PLAYER_VERSION, mimeOf, playerFile } from '$lib/server/learning';
import type { RequestHandler } from './$types';

/**
 * The h5p-standalone player (main.bundle.js, frame.bundle.js, styles, fonts, images) served by the
 * portal itself from node_modules: no CDN. The version is in the path, so files are cached for good.
 */
export const GET: RequestHandler = async ({ params }) => {
	if (params.version !== H5P_PLAYER_VERSION) error(404, 'Not found');
	const file = playerFile(params.file);
	if (!file) error(404, 'Not found');
	const body = fs.readFileSync(file);
	return new Response(body, {
		headers: { 'Content-Type': mimeOf(file), 'Cache-Control': 'public, max-age=31536000, immutable', 'X-Content-Type-Options': 'nosniff' }
	});
};
