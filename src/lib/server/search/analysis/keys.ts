/**
 * Exact-match keys (act numbers and registration ids) for every search engine. A key is compared
 * whole, never split into words: «2250-р» must not match every text with the letter «р».
 * Folding makes spellings meet: lower case, one kind of dash, no spaces, «№» dropped, and letters
 * that look alike in Latin and Cyrillic (р/p, с/c, і/i, х/x, о/o, а/a, е/e, в/b...) mapped to one form,
 * so «2250-p» typed with a Latin p finds «2250-р», and «2939-VІ» with a Cyrillic І finds «2939-VI».
 */

const LOOKALIKE: Record<string, string> = {
	а: 'a',
	в: 'b',
	е: 'e',
	і: 'i',
	к: 'k',
	м: 'm',
	н: 'h',
	о: 'o',
	р: 'p',
	с: 'c',
	т: 't',
	у: 'y',
	х: 'x'
};

export function foldKey(raw: string): string {
	const s = raw
		.normalize('NFC')
		.toLowerCase()
		.replace(/^№\s*/, '')
		.replace(/[‐‑‒–—−]/g, '-')
		.replace(/\s+/g, '');
	let out = '';
	for (const c of s) out += LOOKALIKE[c] ?? c;
	return out;
}

// Something that looks like an act number: digits first, then -, / or _ parts («2939-VI», «64/2022»,
// «995_043», «336-2022-р»), or a Rada id with a leading letter («z1306-21»), or bare digits.
const NUMBER_LIKE = /^(№\s*)?(?:[zn]?\d+[а-яіїєґa-z]?(?:[-/_][0-9a-zа-яіїєґ]+)*)$/iu;

export function looksLikeNumber(token: string): boolean {
	return NUMBER_LIKE.test(token.trim()) && /\d/.test(token);
}
