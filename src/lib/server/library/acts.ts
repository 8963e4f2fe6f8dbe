import { transliterate } from './parse.ts';
import { numberVariants } from './numbers.ts';
import { foldKey } from '../search/analysis/keys.ts';

/**
 * Addresses and keys of acts. The address is ELI-like and stable once assigned:
 *   /library/<type>/<year>/<nreg in Latin letters>, e.g. /library/zakon/2011/2939-17,
 *   /library/rozporiadzhennia/2022/336-2022-r, /library/ukaz/2022/64-2022.
 */

export function typeSlug(types: string[]): string {
	const first = types[0]?.trim() || 'akt';
	return (
		transliterate(first)
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'akt'
	);
}

export function nregSlug(nreg: string): string {
	return transliterate(nreg.replace(/\//g, '-'))
		.replace(/[^a-z0-9_-]+/gi, '-')
		.replace(/^-|-$/g, '');
}

export function actSlug(input: { types: string[]; adoptedOn: string | Date | null; nreg: string }): string {
	const date = input.adoptedOn instanceof Date ? input.adoptedOn.toISOString() : input.adoptedOn;
	const year = date ? date.slice(0, 4) : 'undated';
	return `${typeSlug(input.types)}/${year}/${nregSlug(input.nreg)}`;
}

export function actPath(slug: string): string {
	return `/library/${slug}`;
}

/** Folded exact-match keys of an act (stored in LegalAct.searchKeys and the search index). */
export function actKeys(nreg: string, number: string | null): string[] {
	return [...new Set(numberVariants(nreg, number).map((k) => (k.startsWith('~') ? '~' + foldKey(k.slice(1)) : foldKey(k))))];
}
