import { error } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { requireUser } from '$lib/server/auth/permissions';
import { canDownload, certificatePdf, findBySerial, originFor } from '$lib/server/certificates';
import type { RequestHandler } from './$types';

/** The certificate's PDF (?lang=uk|en), for its holder and admins. */
export const GET: RequestHandler = async ({ params, locals, url }) => {
	const user = requireUser(locals);
	const cert = await findBySerial(params.serial);
	if (!cert) error(404, { message: m.cert_error_not_found() });
	if (!canDownload(user, cert)) error(403, { message: m.cert_error_forbidden() });
	const lang = url.searchParams.get('lang') === 'en' ? 'en' : url.searchParams.get('lang') === 'uk' ? 'uk' : locals.locale === 'en' ? 'en' : 'uk';
	const pdf = await certificatePdf(cert, lang, originFor(url));
	return new Response(new Uint8Array(pdf), {
		headers: {
			'content-type': 'application/pdf',
			'content-disposition': `attachment; filename="certificate-${cert.serial}-${lang}.pdf"`,
			'cache-control': 'private, no-store'
		}
	});
};
