import { describe, expect, it, inject } from 'vitest';
import { db } from '../db/index.ts';
import { loadSessionUser } from '../identity/index.ts';
import { deleteOwnAccount, exportPersonalData } from '../identity/profile.ts';
import { findBySerial, issueCertificate, openBadgeCredential, verifyCredential } from './index.ts';
import './personal-data.ts';

const kind = inject('databaseKind');

describe(`certificates and personal data (${kind})`, () => {
	it('are exported, and on account deletion stay anonymised and revoked (reason account_deleted)', async () => {
		const email = `cert.erase.${Date.now().toString(36)}@test.maisternia.ua`;
		const user = await db().user.create({ data: { email, name: 'Оксана Видалена', emailVerified: new Date() } });
		const cert = await issueCertificate(db(), {
			kind: 'course', userId: user.id, sourceId: `erase-${user.id}`, titleUk: 'Курс', titleEn: 'Course', issuedAt: new Date()
		});
		const { jwt } = await openBadgeCredential(cert);
		const actor = (await loadSessionUser(user.id))!;
		const data = (await exportPersonalData(actor)) as { domains: Record<string, Array<{ serial: string; holderName: string }>> };
		expect(data.domains.certificates).toEqual([expect.objectContaining({ serial: cert.serial, holderName: 'Оксана Видалена' })]);

		await deleteOwnAccount(actor, email);
		const after = await findBySerial(cert.serial);
		expect(after).toMatchObject({ userId: null, holderName: '', revocationReason: 'account_deleted' });
		expect(after?.revokedAt).toBeInstanceOf(Date);
		expect(await verifyCredential(jwt)).toMatchObject({ ok: true, status: 'revoked' });
	});
});
