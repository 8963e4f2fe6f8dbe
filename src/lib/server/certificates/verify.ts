import { buildCredential, checkSignature, envelope, signCredential, type CredentialProblem, type OpenBadgeCredential } from './credential.ts';
import { certificateStatus, findBySerial } from './certificates.ts';
import type { CertificateRecord, CertificateStatus } from './types.ts';

export type VerifyResult =
	| { ok: true; status: CertificateStatus; certificate: CertificateRecord; credential: OpenBadgeCredential }
	| { ok: false; problem: CredentialProblem };

/**
 * Checks an uploaded or pasted credential: its format, the portal's signature, then the serial it
 * names against the records (revoked or expired is reported as such; a valid signature over a serial
 * the portal does not know is refused).
 */
export async function verifyCredential(input: string, now = new Date()): Promise<VerifyResult> {
	const checked = await checkSignature(input);
	if (!checked.ok) return checked;
	const certificate = await findBySerial(checked.serial);
	if (!certificate) return { ok: false, problem: 'unknown_serial' };
	return { ok: true, status: certificateStatus(certificate, now), certificate, credential: checked.credential };
}

/** The signed credential of a certificate: the VC-JWT and the downloadable envelope (JSON). */
export async function openBadgeCredential(cert: CertificateRecord, origin?: string) {
	const credential = buildCredential(cert, origin);
	const jwt = await signCredential(credential);
	return { credential, jwt, file: envelope(jwt) };
}
