import fs from 'node:fs';
import { error } from '@sveltejs/kit';
import { courseFile, mimeOf } from '$lib/server/learning';
import type { RequestHandler } from './$types';

/** Images and attachments of a course: /courses/<slug>/media/<path> serves courses/<folder>/files/<path>. */
export const GET: RequestHandler = async ({ params }) => {
	const file = await courseFile(params.slug, `files/${params.path}`);
	if (!file) error(404, 'Not found');
	const body = fs.readFileSync(file);
	return new Response(body, {
		headers: {
			'Content-Type': mimeOf(file),
			'Content-Length': String(body.length),
			'Cache-Control': 'public, max-age=300',
			// An SVG or HTML opened directly must not run scripts on the portal's origin.
			'Content-Security-Policy': "default-src 'none'; img-src 'self' data:; style-src 'unsafe-inline'; sandbox",
			'X-Content-Type-Options': 'nosniff'
		}
	});
};
