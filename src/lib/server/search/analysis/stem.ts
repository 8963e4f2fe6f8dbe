/**
 * A light Ukrainian stemmer (suffix stripping, after Savoy's light stemmers for Slavic languages):
 * it removes one inflectional ending so that the forms of a word meet, and prefers leaving an ending
 * to cutting into the root. Nouns and adjectives matter most in legal texts, so verb endings are not
 * touched (-ати would turn «палати» into «пал»). Examples: електронного / електронне / електронний ->
 * електрон; урядування / урядуванням / урядувань -> урядуван; постанова / постанови / постановою ->
 * постанов; інформація / інформації -> інформац; відкритість / відкритості -> відкритост.
 * Input: a normalised word (normalizeWord). Apostrophes are removed from the stem (суб'єкта -> субєкт)
 * so that no engine's own parser splits a stem.
 */

// Vowel alternation і/о in «-ість / -ості»: both map to «ост».
const SPECIAL: Array<[string, string]> = [
	['остями', 'ост'],
	['остях', 'ост'],
	['остям', 'ост'],
	['остей', 'ост'],
	['ості', 'ост'],
	['істю', 'ост'],
	['ість', 'ост']
];

// Longest first. Adjectival, nominal and pronominal endings only.
const SUFFIXES = [
	'ього',
	'ьому',
	'ією',
	'ями',
	'ами',
	'ими',
	'іми',
	'ого',
	'ому',
	'ові',
	'еві',
	'єві',
	'ою',
	'ею',
	'єю',
	'ої',
	'ій',
	'ий',
	'их',
	'им',
	'ім',
	'ів',
	'їв',
	'ям',
	'ам',
	'ом',
	'ях',
	'ах',
	'ії',
	'ію',
	'ія',
	'ую',
	'юю',
	'ая',
	'яя',
	'еє',
	'ей',
	'а',
	'я',
	'о',
	'е',
	'є',
	'у',
	'ю',
	'і',
	'ї',
	'и',
	'й',
	'ь'
];

// Nouns whose own last letters look like an ending (режим: -им, страх: -ах): kept whole.
const KEEP = new Set(['режим', 'страх', 'альбом', 'синдром', 'львів']);

const MIN_STEM = 3;
const CONSONANT = /[бвгджзклмнпрстфхцчшщ]/;

export function stem(word: string): string {
	let w = word.replace(/'/g, '');
	if (w.length <= MIN_STEM || /\d/.test(w) || !/[а-яіїє]/.test(w)) return w;
	for (const k of KEEP) if (w.startsWith(k) && w.length - k.length <= 3) return k;
	for (const [end, repl] of SPECIAL) {
		if (w.endsWith(end) && w.length - end.length >= 2) return w.slice(0, -end.length) + repl;
	}
	for (const s of SUFFIXES) {
		if (w.endsWith(s) && w.length - s.length >= MIN_STEM) {
			w = w.slice(0, -s.length);
			break;
		}
	}
	if (w.endsWith('ь') && w.length > MIN_STEM) w = w.slice(0, -1);
	// урядуванн(я) / урядуван(ь), статт(і) / стат(ей): one of a doubled final consonant.
	const n = w.length;
	if (n > MIN_STEM && w[n - 1] === w[n - 2] && CONSONANT.test(w[n - 1]!)) w = w.slice(0, -1);
	return w;
}
