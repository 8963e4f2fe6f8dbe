import { certificateStatus } from './certificates.ts';
import { MAX_CREDENTIAL_BYTES, competencyLine, type CredentialProblem } from './credential.ts';
import type { CertificateRecord, CertificateStatus } from './types.ts';
import { verifyCredential } from './verify.ts';

/** What a public page may show of a certificate (no account id, nothing about who revoked it). */
export interface CertificateView {
	serial: string;
	kind: 'course' | 'programme';
	holderName: string;
	titleUk: string;
	titleEn: string;
	hours: number | null;
	credits: number | null;
	issuedAt: Date;
	expiresAt: Date | null;
	revokedAt: Date | null;
	revocationReason: string | null;
	status: CertificateStatus;
	/** The competencies a programme certificate certifies, as printed on it, with their framework page. */
	competencies: Array<{ uk: string; en: string; href: string | null }>;
}

export function certificateView(cert: CertificateRecord, now = new Date()): CertificateView {
	return {
		serial: cert.serial,
		kind: cert.kind,
		holderName: cert.holderName,
		titleUk: cert.titleUk,
		titleEn: cert.titleEn,
		hours: cert.hours,
		credits: cert.credits,
		issuedAt: cert.issuedAt,
		expiresAt: cert.expiresAt,
		revokedAt: cert.revokedAt,
		revocationReason: cert.revocationReason,
		status: certificateStatus(cert, now),
		competencies: cert.competencies.map((c) => ({
			uk: competencyLine(c, 'uk'),
			en: competencyLine(c, 'en'),
			href: c.framework ? `/certification/competencies/${encodeURIComponent(c.framework.slug)}#competency-${encodeURIComponent(c.code ?? '')}` : null
		}))
	};
}

/** File names and types a credential upload may have (it is text: JSON or a compact JWT). */
const ALLOWED_EXTENSIONS = /\.(json|jwt|txt)$/i;
const ALLOWED_TYPES = new Set(['', 'application/json', 'application/ld+json', 'application/vc+jwt', 'application/jwt', 'application/vc', 'text/plain', 'application/octet-stream']);

export type UploadCheck = { ok: true; certificate: CertificateView } | { ok: false; problem: CredentialProblem | 'bad_type' | 'empty' };

/**
 * The /verify form: a credential file (checked for name, type, size and UTF-8 text before it is
 * read as a credential) or pasted text; the file wins when both are given.
 */
export async function verifyUpload(file: File | null, pasted: string | null): Promise<UploadCheck> {
	let text = (pasted ?? '').trim();
	if (file && file.size > 0) {
		if (file.size > MAX_CREDENTIAL_BYTES) return { ok: false, problem: 'too_large' };
		if (!ALLOWED_EXTENSIONS.test(file.name) || !ALLOWED_TYPES.has(file.type.split(';')[0].trim().toLowerCase())) return { ok: false, problem: 'bad_type' };
		const bytes = new Uint8Array(await file.arrayBuffer());
		try {
			text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).trim();
		} catch {
			return { ok: false, problem: 'bad_type' };
		}
	}
	if (!text) return { ok: false, problem: 'empty' };
	const result = await verifyCredential(text);
	if (!result.ok) return result;
	return { ok: true, certificate: certificateView(result.certificate) };
}
