import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/permissions';
import { canDownload, findBySerial, openBadgeCredential, originFor } from '$lib/server/certificates';
import type { RequestHandler } from './$types';

/** The certificate's Open Badges 3.0 credential (an enveloped VC-JWT in JSON), for its holder and admins. */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const user = requireUser(locals);
	const cert = await findBySerial(params.serial);
	if (!cert) error(404, { message: m.cert_error_not_found() });
	if (!canDownload(user, cert)) error(403, { message: m.cert_error_forbidden() });
	const { file } = await openBadgeCredential(cert, originFor(url));
	return new Response(JSON.stringify(file, null, 2), {
		headers: {
			'content-type': 'application/json; charset=utf-8',
			'content-disposition': `attachment; filename="credential-${cert.serial}.json"`,
			'cache-control': 'private, no-store'
		}
	});
};
