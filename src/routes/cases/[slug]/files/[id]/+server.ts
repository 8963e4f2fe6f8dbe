import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { caseFile } from '$lib/server/cases';
import type { RequestHandler } from './$types';

/** RFC 6266: an ASCII fallback name and the real one in UTF-8 (names are cleaned on upload). */
function disposition(name: string): string {
	const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
	return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

// A case's uploaded file: published cases' to anyone; a draft's only to its author and editors
// (anyone else gets 404, as for the draft itself). Always a download, never rendered in the portal.
export const GET: RequestHandler = async ({ params, locals }) => {
	const file = await caseFile(params.slug, params.id, locals.user);
	if (!file) error(404, { message: m.cases_file_not_found() });
	return new Response(new Uint8Array(file.bytes), {
		headers: {
			'content-type': file.mediaType,
			'content-length': String(file.bytes.length),
			'content-disposition': disposition(file.fileName),
			'cache-control': file.published ? 'public, max-age=3600' : 'private, no-store',
			'x-content-type-options': 'nosniff',
			'content-security-policy': "default-src 'none'; sandbox"
		}
	});
};
