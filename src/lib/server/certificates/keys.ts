import fs from 'node:fs';
import path from 'node:path';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import { config, dataDir } from '../config/index.ts';

/**
 * The portal's issuer key for credentials (Ed25519, JWS alg "EdDSA").
 *
 * - `CERT_ISSUER_KEY` (environment, through ../config): the private key as a JWK in JSON
 *   (`{"kty":"OKP","crv":"Ed25519","d":"…","x":"…"}`). Use this in production and keep it in the
 *   deployment's secret store; all instances must share it.
 * - Unset: a key is generated once and kept in `DATA_DIR/certificates/issuer-key.json` (mode 0600),
 *   so a development or single-machine portal keeps verifying what it issued across restarts. Never
 *   commit that file (DATA_DIR is ignored by git).
 * - `CERT_ISSUER_PREVIOUS_KEYS` (optional): a JSON array of earlier PUBLIC JWKs, still published in
 *   the JWKS and accepted when verifying, so credentials signed before a key rotation stay valid.
 *
 * The key id (`kid`) is the key's RFC 7638 thumbprint.
 */
export const ISSUER_ALG = 'EdDSA';

export interface IssuerKeys {
	privateKey: CryptoKey;
	kid: string;
	/** The public JWKs the portal accepts and publishes (current first). */
	publicJwks: JWK[];
}

const KEY = Symbol.for('maisternia.certificates.issuerKeys');
const holder = globalThis as unknown as { [KEY]?: Promise<IssuerKeys> };

export function issuerKeyFile(): string {
	return path.join(dataDir(), 'certificates', 'issuer-key.json');
}

async function readOrCreatePrivateJwk(): Promise<JWK> {
	const fromEnv = config().CERT_ISSUER_KEY;
	if (fromEnv) return JSON.parse(fromEnv) as JWK;
	const file = issuerKeyFile();
	if (fs.existsSync(file)) return JSON.parse(fs.readFileSync(file, 'utf8')) as JWK;
	const { privateKey } = await generateKeyPair(ISSUER_ALG, { crv: 'Ed25519', extractable: true });
	const jwk = await exportJWK(privateKey);
	fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
	// 'wx': if another process created it meanwhile, keep theirs.
	try {
		fs.writeFileSync(file, JSON.stringify(jwk), { mode: 0o600, flag: 'wx' });
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
		return JSON.parse(fs.readFileSync(file, 'utf8')) as JWK;
	}
	return jwk;
}

function publicPart(jwk: JWK): JWK {
	return { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
}

async function load(): Promise<IssuerKeys> {
	const jwk = await readOrCreatePrivateJwk();
	if (jwk.kty !== 'OKP' || jwk.crv !== 'Ed25519' || !jwk.d || !jwk.x) {
		throw new Error('CERT_ISSUER_KEY must be an Ed25519 private key as a JWK (kty OKP, crv Ed25519, d, x)');
	}
	const privateKey = (await importJWK({ ...jwk, alg: ISSUER_ALG }, ISSUER_ALG)) as CryptoKey;
	const kid = await calculateJwkThumbprint(publicPart(jwk));
	const previous = JSON.parse(config().CERT_ISSUER_PREVIOUS_KEYS ?? '[]') as JWK[];
	const publicJwks: JWK[] = [];
	for (const k of [publicPart(jwk), ...previous.map(publicPart)]) {
		publicJwks.push({ ...k, kid: await calculateJwkThumbprint(k), alg: ISSUER_ALG, use: 'sig' });
	}
	return { privateKey, kid, publicJwks };
}

/** The issuer keys of this process (loaded or created once). */
export function issuerKeys(): Promise<IssuerKeys> {
	holder[KEY] ??= load().catch((err) => {
		holder[KEY] = undefined;
		throw err;
	});
	return holder[KEY];
}

/** For tests that change the key between cases. */
export function resetIssuerKeys(): void {
	holder[KEY] = undefined;
}

/** The JSON Web Key Set anyone can verify the portal's credentials with (/.well-known/jwks.json). */
export async function issuerJwks(): Promise<{ keys: JWK[] }> {
	return { keys: (await issuerKeys()).publicJwks };
}
