import { decodeProtectedHeader, errors as joseErrors, importJWK, jwtVerify, SignJWT, type CryptoKey, type JWTPayload } from 'jose';
import { m } from '$lib/paraglide/messages.js';
import { config } from '../config/index.ts';
import { issuerKeys, ISSUER_ALG } from './keys.ts';
import type { CertificateRecord, Competency } from './types.ts';

/**
 * Open Badges 3.0 credentials (ADR 0018): an `OpenBadgeCredential` in the W3C Verifiable
 * Credentials Data Model 2.0, secured as a VC-JWT (VC-JOSE-COSE: the credential is the JWT payload,
 * header `typ: vc+jwt`, `cty: vc`, alg EdDSA with the portal's Ed25519 key, `kid` = the key's
 * thumbprint, published at /.well-known/jwks.json). The file a holder downloads is the VC 2.0
 * `EnvelopedVerifiableCredential` (JSON whose id is `data:application/vc+jwt,<jwt>`), so it is both
 * a JSON document and the signed JWT; /verify accepts either form.
 */
export const VC_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
export const OB_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const ENVELOPE_PREFIX = 'data:application/vc+jwt,';
/** Larger inputs are refused before any parsing. */
export const MAX_CREDENTIAL_BYTES = 64 * 1024;

/**
 * The portal's public address for QR codes and credential ids: the origin a caller passes (a test, or
 * a route through originFor), else ORIGIN, else localhost.
 */
export function publicOrigin(origin?: string): string {
	return (origin ?? config().ORIGIN ?? 'http://localhost:3000').replace(/\/+$/, '');
}

/** For routes: ORIGIN when configured (behind a proxy the request's own origin may be internal), else the request's. */
export function originFor(url: URL): string {
	return publicOrigin(config().ORIGIN ?? url.origin);
}

export const verifyPath = (serial: string) => `/verify/${serial}`;
export const verifyUrl = (serial: string, origin?: string) => `${publicOrigin(origin)}${verifyPath(serial)}`;
export const issuerProfileUrl = (origin?: string) => `${publicOrigin(origin)}/verify/issuer`;

export interface OpenBadgeCredential {
	'@context': string[];
	id: string;
	type: string[];
	issuer: { id: string; type: string[]; name: string; url: string };
	validFrom: string;
	validUntil?: string;
	name: string;
	credentialSubject: {
		type: string[];
		identifier: Array<{ type: 'IdentityObject'; identityHash: string; identityType: 'name'; hashed: false }>;
		achievement: {
			id: string;
			type: string[];
			achievementType: 'Certificate' | 'Certification';
			name: string;
			description: string;
			criteria: { narrative: string };
			inLanguage: string;
			creditsAvailable?: number;
			tag?: string[];
			alignment?: Array<{ type: string[]; targetName: string; targetUrl: string; targetDescription?: string; targetFramework?: string; targetCode?: string; targetType?: string }>;
		};
		creditsEarned?: number;
	};
	[key: string]: unknown;
}

/** The issuer's Open Badges profile (served at /verify/issuer). */
export function issuerProfile(origin?: string) {
	return {
		'@context': [VC_CONTEXT, OB_CONTEXT],
		id: issuerProfileUrl(origin),
		type: ['Profile'],
		name: m.cert_issuer_name({}, { locale: 'uk' }),
		url: publicOrigin(origin),
		description: m.cert_issuer_name({}, { locale: 'en' }),
		// Where the keys that sign its credentials are published.
		jwks: `${publicOrigin(origin)}/.well-known/jwks.json`
	};
}

/** "1.1 Відкриті дані — рівень 2" (the code, the name and, when certified at one, the level). */
export function competencyLine(c: Competency, locale: 'uk' | 'en'): string {
	const name = c.code ? `${c.code} ${c[locale]}` : c[locale];
	return c.level ? m.certp_competency_at_level({ name, level: String(c.level) }, { locale }) : name;
}

/**
 * Open Badges 3.0 `Alignment` entries (type, targetName and targetUrl required) for competencies of
 * a framework: the competency's code, its framework, the level certified and its descriptor.
 */
function competencyAlignments(cert: CertificateRecord, origin: string) {
	return cert.competencies
		.filter((c) => c.framework)
		.map((c) => ({
			type: ['Alignment'],
			targetName: competencyLine(c, 'uk'),
			targetUrl: `${origin}/certification/competencies/${encodeURIComponent(c.framework!.slug)}#competency-${encodeURIComponent(c.code ?? '')}`,
			...(c.levelUk ? { targetDescription: c.levelUk } : {}),
			targetFramework: c.framework!.uk,
			...(c.code ? { targetCode: c.code } : {}),
			targetType: 'ceasn:Competency'
		}));
}

/** The certificate as an (unsigned) OpenBadgeCredential. */
export function buildCredential(cert: CertificateRecord, origin?: string): OpenBadgeCredential {
	const o = publicOrigin(origin);
	const competencies = cert.competencies.map((c) => c.uk);
	const alignment = competencyAlignments(cert, o);
	const base = cert.kind === 'course' ? m.cert_criteria_course({}, { locale: 'uk' }) : m.cert_criteria_programme({}, { locale: 'uk' });
	const what = alignment.length ? `${base}\n\n${m.certp_criteria_competencies({ list: cert.competencies.map((c) => competencyLine(c, 'uk')).join('; ') }, { locale: 'uk' })}` : base;
	return {
		'@context': [VC_CONTEXT, OB_CONTEXT],
		id: verifyUrl(cert.serial, o),
		type: ['VerifiableCredential', 'OpenBadgeCredential'],
		issuer: { id: issuerProfileUrl(o), type: ['Profile'], name: m.cert_issuer_name({}, { locale: 'uk' }), url: o },
		validFrom: cert.issuedAt.toISOString(),
		...(cert.expiresAt ? { validUntil: cert.expiresAt.toISOString() } : {}),
		name: cert.titleUk,
		credentialSubject: {
			type: ['AchievementSubject'],
			identifier: [{ type: 'IdentityObject', identityHash: cert.holderName, identityType: 'name', hashed: false }],
			achievement: {
				id: `urn:maisternia:${cert.kind}:${encodeURIComponent(cert.sourceId)}`,
				type: ['Achievement'],
				achievementType: cert.kind === 'course' ? 'Certificate' : 'Certification',
				name: cert.titleUk,
				description: `${cert.titleUk} / ${cert.titleEn}`,
				criteria: { narrative: what },
				inLanguage: 'uk',
				...(cert.credits ? { creditsAvailable: cert.credits } : {}),
				...(competencies.length ? { tag: competencies } : {}),
				...(alignment.length ? { alignment } : {})
			},
			...(cert.credits ? { creditsEarned: cert.credits } : {})
		},
		// Not part of Open Badges: printed facts a reader may want without opening the portal.
		serialNumber: cert.serial,
		...(cert.hours ? { hours: cert.hours } : {})
	};
}

/** The credential signed as a compact VC-JWT. */
export async function signCredential(credential: OpenBadgeCredential): Promise<string> {
	const { privateKey, kid } = await issuerKeys();
	return new SignJWT(credential as unknown as JWTPayload)
		.setProtectedHeader({ alg: ISSUER_ALG, kid, typ: 'vc+jwt', cty: 'vc' })
		.setIssuer(credential.issuer.id)
		.setJti(credential.id)
		.setIssuedAt()
		.sign(privateKey);
}

/** The downloadable file: a VC 2.0 EnvelopedVerifiableCredential around the VC-JWT. */
export function envelope(jwt: string) {
	return { '@context': [VC_CONTEXT], id: `${ENVELOPE_PREFIX}${jwt}`, type: 'EnvelopedVerifiableCredential' };
}

export type CredentialProblem =
	| 'too_large'
	| 'malformed'
	| 'unsigned'
	| 'bad_signature'
	| 'unknown_key'
	| 'not_open_badge'
	| 'unknown_serial';

export type SignatureCheck = { ok: true; credential: OpenBadgeCredential; serial: string } | { ok: false; problem: CredentialProblem };

const JWT_RE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/;

/** The compact JWT inside what was uploaded or pasted (a JWT, or an enveloped credential in JSON). */
function extractJwt(input: string): string | CredentialProblem {
	const text = input.trim();
	if (JWT_RE.test(text)) return text;
	if (!text.startsWith('{')) return 'malformed';
	let json: unknown;
	try {
		json = JSON.parse(text);
	} catch {
		return 'malformed';
	}
	if (!json || typeof json !== 'object') return 'malformed';
	const obj = json as Record<string, unknown>;
	const types = ([] as unknown[]).concat(obj.type ?? []);
	if (types.includes('EnvelopedVerifiableCredential') && typeof obj.id === 'string' && obj.id.startsWith(ENVELOPE_PREFIX)) {
		const jwt = obj.id.slice(ENVELOPE_PREFIX.length).trim();
		return JWT_RE.test(jwt) ? jwt : 'malformed';
	}
	// A credential in plain JSON carries no signature we accept (no embedded proof is issued here).
	if (types.includes('VerifiableCredential')) return 'unsigned';
	return 'malformed';
}

/** The serial of an OpenBadgeCredential issued here: the last path segment of its id. */
function serialOf(credential: OpenBadgeCredential): string | null {
	const match = /\/verify\/([0-9A-Z-]+)$/.exec(String(credential.id ?? ''));
	return match ? match[1] : null;
}

/** Checks format and signature only (no database): whether the portal's key signed this credential. */
export async function checkSignature(input: string): Promise<SignatureCheck> {
	if (Buffer.byteLength(input, 'utf8') > MAX_CREDENTIAL_BYTES) return { ok: false, problem: 'too_large' };
	const jwt = extractJwt(input);
	if (!JWT_RE.test(jwt)) return { ok: false, problem: jwt as CredentialProblem };
	let kid: string | undefined;
	let alg: string | undefined;
	try {
		({ kid, alg } = decodeProtectedHeader(jwt));
	} catch {
		return { ok: false, problem: 'malformed' };
	}
	if (alg !== ISSUER_ALG) return { ok: false, problem: 'unknown_key' };
	const { publicJwks } = await issuerKeys();
	const jwk = publicJwks.find((k) => k.kid === kid);
	if (!jwk) return { ok: false, problem: 'unknown_key' };
	let payload: JWTPayload;
	try {
		const key = (await importJWK(jwk, ISSUER_ALG)) as CryptoKey;
		({ payload } = await jwtVerify(jwt, key, { algorithms: [ISSUER_ALG] }));
	} catch (err) {
		if (err instanceof joseErrors.JWSSignatureVerificationFailed) return { ok: false, problem: 'bad_signature' };
		if (err instanceof joseErrors.JOSEError) return { ok: false, problem: 'malformed' };
		throw err;
	}
	const credential = payload as unknown as OpenBadgeCredential;
	const types = Array.isArray(credential.type) ? credential.type : [];
	if (!types.includes('OpenBadgeCredential') || !types.includes('VerifiableCredential')) return { ok: false, problem: 'not_open_badge' };
	const serial = serialOf(credential);
	if (!serial) return { ok: false, problem: 'not_open_badge' };
	return { ok: true, credential, serial };
}
