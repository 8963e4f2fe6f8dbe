import { randomBytes } from 'node:crypto';

/**
 * Certificate serials: 16 characters of Crockford's base32 (no I, L, O, U: nothing to misread on
 * paper) carrying 80 random bits, printed in four groups of four: `7QJ4-XK2D-9FHZ-WM3T`.
 * 2^80 possibilities make guessing a valid serial hopeless even with millions of certificates.
 * Typed serials are forgiving: case, spaces and dashes do not matter, O reads as 0 and I/L as 1.
 */
export const SERIAL_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 16;

export function newSerial(): string {
	const bytes = randomBytes(10); // 80 bits: exactly 16 base32 characters
	let bits = 0;
	let value = 0;
	let out = '';
	for (const byte of bytes) {
		value = (value << 8) | byte;
		bits += 8;
		while (bits >= 5) {
			out += SERIAL_ALPHABET[(value >>> (bits - 5)) & 31];
			bits -= 5;
		}
		value &= (1 << bits) - 1;
	}
	return group(out);
}

function group(raw: string): string {
	return raw.match(/.{4}/g)!.join('-');
}

/** The canonical serial of what a person typed or a QR code carried, or null if it cannot be one. */
export function normalizeSerial(input: string): string | null {
	const raw = input
		.toUpperCase()
		.replace(/[\s\-‐‑–—_]/g, '')
		.replace(/O/g, '0')
		.replace(/[IL]/g, '1');
	if (raw.length !== LENGTH) return null;
	for (const ch of raw) if (!SERIAL_ALPHABET.includes(ch)) return null;
	return group(raw);
}
