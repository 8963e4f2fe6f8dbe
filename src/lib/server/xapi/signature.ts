import { createVerify, X509Certificate } from 'node:crypto';
import { badRequest } from './errors.ts';
import { sameStatement, withoutSignature } from './statement.ts';
import { isObject, type JsonObject } from './validate.ts';

/**
 * Signed statements (Data 2.6): the signature is a JWS (compact serialization) sent as an
 * attachment with usageType .../signature and contentType application/octet-stream. The LRS
 * checks that it is well formed: RS256/384/512, a payload that is the statement (compared as
 * statements, the signature attachment left out), and, when the header carries an X.509
 * certificate (x5c), that the signature verifies with it. A malformed signature is a 400.
 */

const ALGORITHMS: Record<string, string> = { RS256: 'RSA-SHA256', RS384: 'RSA-SHA384', RS512: 'RSA-SHA512' };

function b64url(text: string, what: string): Buffer {
	if (!/^[A-Za-z0-9_-]*$/.test(text)) throw badRequest(`The JWS signature's ${what} is not base64url.`);
	return Buffer.from(text, 'base64url');
}

function parseJson(buf: Buffer, what: string): unknown {
	try {
		return JSON.parse(buf.toString('utf8'));
	} catch {
		throw badRequest(`The JWS signature's ${what} is not valid JSON.`);
	}
}

export function verifySignedStatement(statement: JsonObject, jws: Buffer): void {
	const text = jws.toString('utf8').trim();
	const pieces = text.split('.');
	if (pieces.length !== 3) {
		throw badRequest('The signature attachment is not a JWS in compact serialization (header.payload.signature).');
	}
	const [h, p, s] = pieces as [string, string, string];
	const header = parseJson(b64url(h, 'header'), 'header');
	if (!isObject(header)) throw badRequest("The JWS signature's header is not a JSON object.");
	const alg = typeof header.alg === 'string' ? header.alg : '';
	if (!ALGORITHMS[alg]) throw badRequest(`The JWS signature uses the algorithm "${alg}"; only RS256, RS384 and RS512 are allowed.`);
	const payload = parseJson(b64url(p, 'payload'), 'payload');
	if (!isObject(payload)) throw badRequest("The JWS signature's payload is not a statement (JSON object).");
	if (!sameStatement(withoutSignature(payload), withoutSignature(statement))) {
		throw badRequest("The JWS signature's payload is not the statement it is attached to.");
	}
	if (Array.isArray(header.x5c) && typeof header.x5c[0] === 'string') {
		let cert: X509Certificate;
		try {
			cert = new X509Certificate(Buffer.from(header.x5c[0], 'base64'));
		} catch {
			throw badRequest('The X.509 certificate in the JWS header (x5c) cannot be read.');
		}
		const ok = createVerify(ALGORITHMS[alg]!).update(`${h}.${p}`).verify(cert.publicKey, b64url(s, 'signature'));
		if (!ok) throw badRequest('The JWS signature does not verify with the certificate in its header (x5c).');
	}
}
