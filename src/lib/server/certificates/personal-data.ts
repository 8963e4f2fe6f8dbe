import { registerPersonalDataProvider } from '../identity/personal-data.ts';
import { anonymiseCertificatesOf, certificatesForExport } from './certificates.ts';

/**
 * A person's certificates join their data export. On account deletion they are NOT deleted: the
 * rows stay anonymised (no user id, no holder name) and revoked with the reason "account_deleted",
 * so anyone checking a printed serial learns it is no longer valid instead of "unknown" (which
 * would look like a forgery), and no personal data remains (ADR 0018).
 */
registerPersonalDataProvider({
	key: 'certificates',
	export: (userId) => certificatesForExport(userId),
	erase: (tx, person) => anonymiseCertificatesOf(tx, person.id)
});
