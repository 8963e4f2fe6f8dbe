/** A refusal of the certificates domain; pages turn `code` into a translated message (cert_error_<code>). */
export type CertificateErrorCode = 'not_found' | 'forbidden' | 'already_revoked' | 'invalid_reason';

export class CertificateError extends Error {
	constructor(
		readonly code: CertificateErrorCode,
		message?: string
	) {
		super(message ?? code);
		this.name = 'CertificateError';
	}
}

export function isCertificateError(err: unknown): err is CertificateError {
	return err instanceof CertificateError;
}
