import fs from 'node:fs';
import { error } from '@sveltejs/kit';
import { h5pContentFile, mimeOf } from '$lib/server/learning';
import type { RequestHandler } from './$types';

/**
 * Files of one H5P content for the player: h5p.json, content/…, and its libraries (from the
 * package, else the portal's shared libraries). Only H5P's allowed file types are ever served.
 */
export const GET: RequestHandler = async ({ params }) => {
	const file = await h5pContentFile(params.id, params.path);
	if (!file) error(404, 'Not found');
	const body = fs.readFileSync(file);
	return new Response(body, {
		headers: { 'Content-Type': mimeOf(file), 'Cache-Control': 'no-cache', 'X-Content-Type-Options': 'nosniff' }
	});
};
