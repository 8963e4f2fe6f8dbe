import { describe, expect, it, inject } from 'vitest';
import { decodeJwt, decodeProtectedHeader } from 'jose';
import { db } from '../db/index.ts';
import {
	certificatePdf,
	certificateStatus,
	findBySerial,
	issueCertificate,
	issuerJwks,
	listForUser,
	newSerial,
	normalizeSerial,
	openBadgeCredential,
	revokeCertificate,
	verifyCredential,
	type IssueInput
} from './index.ts';
import { readPdf } from './pdf-text.test-helper.ts';

const kind = inject('databaseKind');
let n = 0;

async function person(name = 'Олена Петренко') {
	n++;
	return db().user.create({ data: { email: `cert-${Date.now()}-${n}@test.maisternia.ua`, name } });
}

function input(userId: string, patch: Partial<IssueInput> = {}): IssueInput {
	return {
		kind: 'course',
		userId,
		sourceId: `course-${n}-${Math.random().toString(36).slice(2, 8)}`,
		sourceVersion: 'hash-1',
		titleUk: 'Основи електронного урядування',
		titleEn: 'Foundations of e-government',
		issuedAt: new Date('2026-11-20T10:00:00Z'),
		hours: 12,
		credits: 0.4,
		competencies: [{ code: 'ЕУ-1', uk: 'Цифрові послуги', en: 'Digital services' }],
		...patch
	};
}

describe('serial numbers', () => {
	it('are 16 Crockford base32 characters in four groups, distinct, and forgiving when typed', () => {
		const serials = new Set(Array.from({ length: 2000 }, () => newSerial()));
		expect(serials.size).toBe(2000);
		for (const s of [...serials].slice(0, 50)) {
			expect(s).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}$/);
			expect(normalizeSerial(s.toLowerCase().replace(/-/g, ' '))).toBe(s);
		}
		expect(normalizeSerial('7QJ4-XK2D-9FHZ-WM3O')).toBe('7QJ4-XK2D-9FHZ-WM30');
		expect(normalizeSerial('ilIL-0000-0000-0000')).toBe('1111-0000-0000-0000');
		expect(normalizeSerial('7QJ4-XK2D-9FHZ')).toBeNull();
		expect(normalizeSerial('7QJ4-XK2D-9FHZ-WM3U')).toBeNull();
		expect(normalizeSerial('<script>')).toBeNull();
	});
});

describe(`certificates (${kind})`, () => {
	it('issuing is idempotent per kind, source, person and issue key; the holder name is a snapshot', async () => {
		const p = await person('Іван Коваль');
		const a = await issueCertificate(db(), input(p.id));
		const again = await issueCertificate(db(), { ...input(p.id), sourceId: a.sourceId });
		expect(again.id).toBe(a.id);
		expect(a.holderName).toBe('Іван Коваль');
		const renewal = await issueCertificate(db(), { ...input(p.id, { kind: 'programme' }), sourceId: a.sourceId, issueKey: 'cycle-2' });
		expect(renewal.id).not.toBe(a.id);
		await db().user.update({ where: { id: p.id }, data: { name: 'Іван Коваль-Новий' } });
		expect((await findBySerial(a.serial))?.holderName).toBe('Іван Коваль');
		expect((await findBySerial(a.serial.toLowerCase().replace(/-/g, '')))?.id).toBe(a.id);
		expect((await listForUser(p.id)).map((c) => c.id).sort()).toEqual([a.id, renewal.id].sort());
	});

	it('revocation is recorded once with date and reason; expiry is reported', async () => {
		const p = await person();
		const cert = await issueCertificate(db(), input(p.id, { expiresAt: new Date('2027-11-20T10:00:00Z') }));
		expect(certificateStatus(cert, new Date('2027-01-01'))).toBe('valid');
		expect(certificateStatus(cert, new Date('2027-11-21'))).toBe('expired');
		await expect(revokeCertificate(cert.id, { reason: '  ', actorId: null })).rejects.toMatchObject({ code: 'invalid_reason' });
		const revoked = await revokeCertificate(cert.id, { reason: 'Помилка у даних', actorId: p.id });
		expect(revoked.revokedAt).toBeInstanceOf(Date);
		expect(revoked.revocationReason).toBe('Помилка у даних');
		expect(certificateStatus(revoked, new Date('2027-01-01'))).toBe('revoked');
		const audit = await db().auditLog.findFirst({ where: { action: 'certificate.revoked', targetId: cert.id } });
		expect(audit).toMatchObject({ actorId: p.id, subjectUserId: p.id, targetType: 'certificate' });
		expect(audit?.data).toMatchObject({ serial: cert.serial });
		await expect(revokeCertificate(cert.id, { reason: 'ще раз', actorId: null })).rejects.toMatchObject({ code: 'already_revoked' });
		await expect(revokeCertificate('nope', { reason: 'x', actorId: null })).rejects.toMatchObject({ code: 'not_found' });
		// Inside the caller's transaction (the certification domain revokes together with its own change).
		const other = await issueCertificate(db(), input(p.id));
		await db().$transaction((tx) => revokeCertificate(other.id, { reason: 'Разом із відкликанням сертифікації', actorId: null }, tx));
		expect(certificateStatus((await findBySerial(other.serial))!)).toBe('revoked');
	});

	it('the Open Badges credential is signed with the published key and verifies; tampering is refused', async () => {
		const p = await person('Марія Шевченко');
		const cert = await issueCertificate(db(), input(p.id, { expiresAt: new Date(Date.now() + 86400_000) }));
		const { credential, jwt, file } = await openBadgeCredential(cert, 'https://portal.example.ua');
		expect(credential['@context']).toEqual(['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json']);
		expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
		expect(credential.id).toBe(`https://portal.example.ua/verify/${cert.serial}`);
		expect(credential.credentialSubject.achievement.type).toEqual(['Achievement']);
		expect(credential.credentialSubject.identifier[0].identityHash).toBe('Марія Шевченко');
		const header = decodeProtectedHeader(jwt);
		expect(header).toMatchObject({ alg: 'EdDSA', typ: 'vc+jwt' });
		expect((await issuerJwks()).keys.map((k) => k.kid)).toContain(header.kid);
		expect(decodeJwt(jwt).validFrom).toBe(cert.issuedAt.toISOString());

		for (const form of [jwt, JSON.stringify(file), `  ${JSON.stringify(file, null, 2)}\n`]) {
			const ok = await verifyCredential(form);
			expect(ok).toMatchObject({ ok: true, status: 'valid' });
		}

		// Tampered: the holder's name changed in the payload, the signature kept.
		const [h, payload, sig] = jwt.split('.');
		const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
		claims.credentialSubject.identifier[0].identityHash = 'Хтось Інший';
		const forged = `${h}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${sig}`;
		expect(await verifyCredential(forged)).toEqual({ ok: false, problem: 'bad_signature' });
		expect(await verifyCredential(JSON.stringify({ ...file, id: `data:application/vc+jwt,${forged}` }))).toEqual({ ok: false, problem: 'bad_signature' });
		// Unsigned JSON, garbage, an oversized upload.
		expect(await verifyCredential(JSON.stringify(credential))).toEqual({ ok: false, problem: 'unsigned' });
		expect(await verifyCredential('not a credential')).toEqual({ ok: false, problem: 'malformed' });
		expect(await verifyCredential('{"a":')).toEqual({ ok: false, problem: 'malformed' });
		expect(await verifyCredential('x'.repeat(70_000))).toEqual({ ok: false, problem: 'too_large' });

		// Revoked and expired certificates verify as such.
		expect(await verifyCredential(jwt, new Date(Date.now() + 2 * 86400_000))).toMatchObject({ ok: true, status: 'expired' });
		await revokeCertificate(cert.id, { reason: 'Анульовано', actorId: null });
		expect(await verifyCredential(jwt)).toMatchObject({ ok: true, status: 'revoked' });
	});

	it('a signature over a serial the register does not know is refused', async () => {
		const p = await person();
		const cert = await issueCertificate(db(), input(p.id));
		const { jwt } = await openBadgeCredential({ ...cert, serial: newSerial() });
		expect(await verifyCredential(jwt)).toEqual({ ok: false, problem: 'unknown_serial' });
	});

	it('the PDF embeds DejaVu Sans, reads back in Ukrainian and English, and links the QR code to /verify/<serial>', async () => {
		const p = await person('Олена Петренко');
		const cert = await issueCertificate(db(), input(p.id, { expiresAt: new Date('2029-11-20T10:00:00Z') }));
		const uk = readPdf(await certificatePdf(cert, 'uk', 'https://portal.example.ua'));
		expect(uk.raw.startsWith('%PDF-')).toBe(true);
		expect(uk.fonts.some((f) => /DejaVuSans$/.test(f))).toBe(true);
		expect(uk.fonts.some((f) => /DejaVuSans-Bold$/.test(f))).toBe(true);
		expect(uk.fonts.some((f) => /Helvetica/.test(f))).toBe(false);
		expect(uk.embeddedFontFiles).toBeGreaterThanOrEqual(2);
		expect(uk.links).toContain(`https://portal.example.ua/verify/${cert.serial}`);
		expect(uk.text).toContain('СЕРТИФІКАТ');
		expect(uk.text).toContain('Олена Петренко');
		expect(uk.text).toContain('Основи електронного урядування');
		expect(uk.text).toContain(cert.serial);
		expect(uk.text).toContain('20 листопада 2026');
		expect(uk.text).toContain('20 листопада 2029');
		expect(uk.text).toMatch(/12 год/);
		const en = readPdf(await certificatePdf(cert, 'en', 'https://portal.example.ua'));
		expect(en.text).toContain('CERTIFICATE');
		expect(en.text).toContain('Foundations of e-government');
		expect(en.text).toContain('Олена Петренко');
		expect(en.text).toContain(cert.serial);
	});
});
