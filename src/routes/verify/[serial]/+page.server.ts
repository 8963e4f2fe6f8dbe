import { error, fail, redirect } from '@sveltejs/kit';
import { m } from '$lib/paraglide/messages.js';
import { localizeHref } from '$lib/paraglide/runtime';
import { can, requirePermission } from '$lib/server/auth/permissions';
import { canDownload, certificateView, findBySerial, isCertificateError, normalizeSerial, revokeCertificate } from '$lib/server/certificates';
import type { Actions, PageServerLoad } from './$types';

/**
 * The public page a certificate's QR code opens: valid, expired or revoked (with date and reason),
 * the holder, the course or programme and the dates. The holder (and an admin) also gets the PDF and
 * the credential; an admin may revoke.
 */
async function certificateOf(serial: string, locale: App.Locals['locale']) {
	const canonical = normalizeSerial(serial);
	if (canonical && canonical !== serial) redirect(301, localizeHref(`/verify/${canonical}`, { locale }));
	const cert = canonical ? await findBySerial(canonical) : null;
	if (!cert) error(404, { message: m.cert_verify_unknown({}, { locale }) });
	return cert;
}

export const load: PageServerLoad = async ({ params, locals }) => {
	const cert = await certificateOf(params.serial, locals.locale);
	return {
		cert: certificateView(cert),
		mayDownload: canDownload(locals.user, cert),
		mayRevoke: can(locals.user, 'certificate:revoke') && !cert.revokedAt
	};
};

export const actions: Actions = {
	revoke: async ({ params, locals, request }) => {
		const user = requirePermission(locals, 'certificate:revoke');
		const cert = await certificateOf(params.serial, locals.locale);
		const reason = String((await request.formData()).get('reason') ?? '');
		try {
			await revokeCertificate(cert.id, { reason, actorId: user.id });
		} catch (err) {
			if (!isCertificateError(err)) throw err;
			const text = err.code === 'invalid_reason' ? m.cert_error_invalid_reason() : err.code === 'already_revoked' ? m.cert_error_already_revoked() : m.cert_error_not_found();
			return fail(400, { reason: reason.slice(0, 500), error: text });
		}
		return { revoked: true };
	}
};
