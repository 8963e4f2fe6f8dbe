import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import type { CertificateRecord } from './types.ts';

/** The holder (and an admin) may download a certificate's PDF and credential. */
export function canDownload(user: SessionUser | null | undefined, cert: Pick<CertificateRecord, 'userId'>): boolean {
	return can(user, 'certificate:download', { userId: cert.userId });
}
