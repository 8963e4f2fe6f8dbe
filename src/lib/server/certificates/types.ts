import type { Certificate } from '../db/generated/client.ts';

export type CertificateKind = 'course' | 'programme';
export type CertificateStatus = 'valid' | 'expired' | 'revoked';

export interface Competency {
	code?: string;
	uk: string;
	en: string;
	/** The level certified (1..4) with its descriptor, for programme certificates. */
	level?: number;
	levelUk?: string;
	levelEn?: string;
	/** The competency framework it belongs to (slug for its page's address). */
	framework?: { slug: string; uk: string; en: string };
}

/** A certificate row with its competencies typed. */
export type CertificateRecord = Omit<Certificate, 'competencies'> & { competencies: Competency[] };

/** What issuing needs; see issueCertificate. */
export interface IssueInput {
	kind: CertificateKind;
	userId: string;
	/** The course id or the certification programme id. */
	sourceId: string;
	/** Which version of it (a course's content hash, a programme's version). */
	sourceVersion?: string | null;
	/**
	 * Several certificates of one person for one source (e.g. each recertification) need distinct
	 * keys; the same key returns the certificate already issued. Default "first".
	 */
	issueKey?: string;
	titleUk: string;
	titleEn: string;
	issuedAt: Date;
	expiresAt?: Date | null;
	hours?: number | null;
	credits?: number | null;
	competencies?: Competency[];
	/** The name to print; default: the account's name (or its e-mail address when it has none). */
	holderName?: string;
}
