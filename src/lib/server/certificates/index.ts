/**
 * Certificates (issues 3 and 4, ADR 0018): the record behind every certificate the portal issues,
 * for completed courses (kind 'course') and certification programmes (kind 'programme'), its PDF,
 * its Open Badges 3.0 credential and its public verification at /verify/<serial>.
 *
 * API contract (stable; the certification domain builds on it):
 *
 *   issueCertificate(client, { kind: 'course' | 'programme', userId, sourceId, sourceVersion?,
 *                              issueKey?, titleUk, titleEn, issuedAt, expiresAt?: Date | null,
 *                              hours?, credits?, competencies?: [{ code?, uk, en }], holderName? })
 *     -> CertificateRecord. `client` is db() or a transaction client (issue in the same transaction
 *     as the change that earns it). Idempotent: the same kind + sourceId + userId + issueKey returns
 *     the certificate already issued (issueKey defaults to "first"; a programme passes a distinct key
 *     per certification cycle, e.g. the id of its certification record). The holder's name is taken
 *     from the account unless given, and is kept as printed.
 *   revokeCertificate(id, { reason, actorId, at? }, client?) -> CertificateRecord
 *     (CertificateError 'invalid_reason' | 'not_found' | 'already_revoked').
 *   findBySerial(serial) -> CertificateRecord | null (accepts typed serials: case, dashes, O/0, I/L/1).
 *   getCertificate(id), listForUser(userId) (with `status`), listForSource(kind, sourceId).
 *   certificateStatus(cert, now?) -> 'valid' | 'expired' | 'revoked'.
 *   certificatePdf(cert, locale: 'uk' | 'en', origin?) -> Buffer (PDF with embedded DejaVu Sans).
 *   openBadgeCredential(cert, origin?) -> { credential, jwt, file }: the OpenBadgeCredential, its
 *     VC-JWT (EdDSA, the portal's key) and the downloadable EnvelopedVerifiableCredential (JSON).
 *   verifyCredential(jsonOrJwt, now?) -> { ok: true, status, certificate, credential }
 *     | { ok: false, problem } where problem is one of CredentialProblem (translated: cert_problem_*).
 *   issuerJwks() -> { keys }: the public keys (served at /.well-known/jwks.json).
 *   verifyUrl(serial, origin?) -> ORIGIN/verify/<serial> (the QR code's address).
 *   canDownload(user, cert): the holder or an admin may download the PDF and the credential.
 *
 * The signing key: CERT_ISSUER_KEY (see keys.ts); without it one is generated once in DATA_DIR.
 * Personal data: personal-data.ts (export; on deletion the rows stay anonymised and revoked).
 * Course certificates are issued by the learning domain when it records a completion.
 */
export * from './types.ts';
export { CertificateError, isCertificateError, type CertificateErrorCode } from './errors.ts';
export { newSerial, normalizeSerial, SERIAL_ALPHABET } from './serial.ts';
export {
	ACCOUNT_DELETED,
	anonymiseCertificatesOf,
	certificatesForExport,
	certificateStatus,
	findBySerial,
	getCertificate,
	issueCertificate,
	listForSource,
	listForUser,
	revokeCertificate
} from './certificates.ts';
export {
	buildCredential,
	checkSignature,
	envelope,
	issuerProfile,
	MAX_CREDENTIAL_BYTES,
	originFor,
	publicOrigin,
	signCredential,
	verifyPath,
	verifyUrl,
	type CredentialProblem,
	type OpenBadgeCredential
} from './credential.ts';
export { openBadgeCredential, verifyCredential, type VerifyResult } from './verify.ts';
export { certificatePdf } from './pdf.ts';
export { issuerJwks, issuerKeyFile, resetIssuerKeys } from './keys.ts';
export { canDownload } from './access.ts';
export { certificateView, verifyUpload, type CertificateView, type UploadCheck } from './view.ts';
