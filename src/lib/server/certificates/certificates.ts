import { db, Prisma, type PrismaClient } from '../db/index.ts';
import { CertificateError } from './errors.ts';
import { newSerial, normalizeSerial } from './serial.ts';
import type { CertificateRecord, CertificateStatus, Competency, IssueInput } from './types.ts';

type Client = PrismaClient | Prisma.TransactionClient;

/** Revocation reason kept when the holder's account is deleted (shown translated on /verify). */
export const ACCOUNT_DELETED = 'account_deleted';
const MAX_REASON = 500;

/** Only the known keys of a competency are stored (a snapshot printed on the PDF and the credential). */
function competencyRecord(c: Competency): Competency {
	return {
		...(c.code ? { code: c.code } : {}),
		uk: c.uk,
		en: c.en,
		...(c.level ? { level: c.level, levelUk: c.levelUk ?? '', levelEn: c.levelEn ?? '' } : {}),
		...(c.framework ? { framework: { slug: c.framework.slug, uk: c.framework.uk, en: c.framework.en } } : {})
	};
}

function typed<T extends { competencies: Prisma.JsonValue }>(row: T): Omit<T, 'competencies'> & { competencies: Competency[] } {
	return { ...row, competencies: Array.isArray(row.competencies) ? (row.competencies as unknown as Competency[]) : [] };
}

/** valid, expired (expiresAt passed) or revoked; revocation wins. */
export function certificateStatus(cert: Pick<CertificateRecord, 'revokedAt' | 'expiresAt'>, now = new Date()): CertificateStatus {
	if (cert.revokedAt) return 'revoked';
	if (cert.expiresAt && cert.expiresAt.getTime() <= now.getTime()) return 'expired';
	return 'valid';
}

async function holderNameOf(client: Client, userId: string): Promise<string> {
	const user = await client.user.findUnique({ where: { id: userId }, select: { name: true, email: true } });
	return user?.name?.trim() || user?.email || '—';
}

/**
 * Issues a certificate, or returns the one already issued for the same kind, source, person and
 * issue key (idempotent). Pass the transaction client when issuing together with another change.
 */
export async function issueCertificate(client: Client, input: IssueInput): Promise<CertificateRecord> {
	const issueKey = input.issueKey ?? 'first';
	const where = { kind: input.kind, sourceId: input.sourceId, userId: input.userId, issueKey };
	const existing = await client.certificate.findFirst({ where });
	if (existing) return typed(existing);
	const holderName = input.holderName?.trim() || (await holderNameOf(client, input.userId));
	const row = await client.certificate.create({
		data: {
			...where,
			serial: newSerial(),
			holderName,
			sourceVersion: input.sourceVersion ?? null,
			titleUk: input.titleUk,
			titleEn: input.titleEn,
			hours: input.hours ?? null,
			credits: input.credits ?? null,
			competencies: (input.competencies ?? []).map(competencyRecord) as unknown as Prisma.InputJsonValue,
			issuedAt: input.issuedAt,
			expiresAt: input.expiresAt ?? null
		}
	});
	return typed(row);
}

/**
 * Revokes a certificate (once): its serial then verifies as revoked, with the date and reason. The
 * revocation and its audit row (`certificate.revoked`, the same AuditLog as identity's helper) are
 * written together.
 */
export async function revokeCertificate(
	id: string,
	opts: { reason: string; actorId: string | null; at?: Date },
	client: Client = db()
): Promise<CertificateRecord> {
	const reason = opts.reason.trim();
	if (!reason || reason.length > MAX_REASON) throw new CertificateError('invalid_reason');
	const run = async (tx: Prisma.TransactionClient) => {
		const claimed = await tx.certificate.updateMany({
			where: { id, revokedAt: null },
			data: { revokedAt: opts.at ?? new Date(), revocationReason: reason, revokedById: opts.actorId }
		});
		const row = await tx.certificate.findUnique({ where: { id } });
		if (!row) throw new CertificateError('not_found');
		if (!claimed.count) throw new CertificateError('already_revoked');
		await tx.auditLog.create({
			data: {
				actorId: opts.actorId,
				action: 'certificate.revoked',
				targetType: 'certificate',
				targetId: id,
				subjectUserId: row.userId,
				after: { revokedAt: row.revokedAt?.toISOString() ?? null, reason },
				data: { serial: row.serial, kind: row.kind, sourceId: row.sourceId }
			}
		});
		return typed(row);
	};
	return '$transaction' in client ? client.$transaction(run) : run(client);
}

/** The certificate of a serial as printed or typed (forgiving about case and dashes), or null. */
export async function findBySerial(serial: string, client: Client = db()): Promise<CertificateRecord | null> {
	const canonical = normalizeSerial(serial);
	if (!canonical) return null;
	const row = await client.certificate.findUnique({ where: { serial: canonical } });
	return row ? typed(row) : null;
}

export async function getCertificate(id: string, client: Client = db()): Promise<CertificateRecord | null> {
	const row = await client.certificate.findUnique({ where: { id } });
	return row ? typed(row) : null;
}

/** A person's certificates, newest first, with their status now. */
export async function listForUser(userId: string, client: Client = db()): Promise<Array<CertificateRecord & { status: CertificateStatus }>> {
	const rows = await client.certificate.findMany({ where: { userId }, orderBy: [{ issuedAt: 'desc' }, { serial: 'asc' }] });
	const now = new Date();
	return rows.map((r) => {
		const cert = typed(r);
		return { ...cert, status: certificateStatus(cert, now) };
	});
}

/** The certificates of one source (a course or a programme), e.g. for its reports. */
export async function listForSource(kind: 'course' | 'programme', sourceId: string, client: Client = db()): Promise<CertificateRecord[]> {
	const rows = await client.certificate.findMany({ where: { kind, sourceId }, orderBy: { issuedAt: 'asc' } });
	return rows.map(typed);
}

/** Everything about a person's certificates for their data export. */
export async function certificatesForExport(userId: string, client: Client = db()) {
	const rows = await listForUser(userId, client);
	return rows.map(({ userId: _user, revokedById: _by, ...rest }) => rest);
}

/**
 * Account deletion: certificates stay as anonymised records (holder name removed, no user id) and
 * are revoked with the reason "account_deleted", so a printed serial answers "revoked", never a
 * stranger's name and never "unknown" (which would look like a forgery).
 */
export async function anonymiseCertificatesOf(tx: Prisma.TransactionClient, userId: string, at = new Date()): Promise<void> {
	await tx.certificate.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: at, revocationReason: ACCOUNT_DELETED, revokedById: null } });
	await tx.certificate.updateMany({ where: { userId }, data: { userId: null, holderName: '' } });
}
