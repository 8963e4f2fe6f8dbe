/**
 * Official numbers and Rada registration ids (nreg), and how one follows from the other. The Rada
 * portal files an act under an id built from its number: a law «№ 2939-VI» (6th convocation) is
 * 2939-17, a Cabinet resolution «№ 1272» of 2021 is 1272-2021-п, an order «№ 336-р» of 2022 is
 * 336-2022-р, a presidential decree «№ 64/2022» stays 64/2022, a ministry order registered by the
 * Ministry of Justice «за № 1306/36928» in 2021 is z1306-21.
 */

// Convocation numerals printed in law numbers -> the two-digit code of the Rada ids. The 1st
// convocation printed XII, the 3rd first XIV (1998-2000) and then III; the 2nd used «/95-ВР».
const CONVOCATION: Record<string, string> = {
	XII: '12',
	XIII: '13',
	XIV: '14',
	III: '14',
	IV: '15',
	V: '16',
	VI: '17',
	VII: '18',
	VIII: '19',
	IX: '20',
	X: '21'
};
const CODE_TO_NUMERAL: Record<string, string> = {
	'12': 'XII',
	'13': 'XIII',
	'14': 'III',
	'15': 'IV',
	'16': 'V',
	'17': 'VI',
	'18': 'VII',
	'19': 'VIII',
	'20': 'IX',
	'21': 'X'
};

// Cyrillic letters typed for Latin roman numerals (І, Х, V is Latin only) and the reverse.
function latinRoman(s: string): string {
	return s.replace(/І/g, 'I').replace(/Х/g, 'X').replace(/і/g, 'i').replace(/х/g, 'x');
}

/** Normalises how a number is typed: spaces, dashes, Cyrillic look-alikes in roman numerals. */
export function normalizeNumber(raw: string): string {
	let s = raw.trim().replace(/^№\s*/, '').replace(/[‐‑‒–—]/g, '-').replace(/\s*-\s*/g, '-').replace(/\s+/g, ' ');
	// 2939-VІ (Cyrillic І) -> 2939-VI; only in a trailing roman part.
	s = s.replace(/-([IVXLІХ]+)$/iu, (_m, r: string) => '-' + latinRoman(r).toUpperCase());
	return s;
}

export interface NregInput {
	types: string[];
	issuers: string[];
	number: string | null;
	/** ISO date (yyyy-mm-dd) of adoption. */
	adoptedOn: string | null;
	/** Ministry of Justice registration as printed, e.g. «Мін'юст України від 07.10.2021 № 1306/36928». */
	registration?: string | null;
}

function has(list: string[], re: RegExp): boolean {
	return list.some((x) => re.test(x));
}

/** The Rada id of an act from its card, when the convention allows; null when it cannot be known. */
export function deriveNreg(input: NregInput): string | null {
	const year = input.adoptedOn?.slice(0, 4) ?? null;
	if (input.registration) {
		const m = /№\s*(\d+)\/\d+/.exec(input.registration);
		const ry = /(\d{2})\.(\d{2})\.(\d{4})/.exec(input.registration);
		if (m && (ry || year)) return `z${m[1]}-${(ry ? ry[3]! : year!).slice(2)}`;
	}
	if (!input.number) return null;
	const num = normalizeNumber(input.number);
	const law = /^(\d+[а-яіїєґ]?)-([IVX]+)$/i.exec(num);
	if (law) {
		const code = CONVOCATION[law[2]!.toUpperCase()];
		if (code) return `${law[1]!.toLowerCase()}-${code}`;
	}
	const vr = /^(\d+[а-яіїєґ]?)\/(\d{2})-ВР$/i.exec(num);
	if (vr) return `${vr[1]!.toLowerCase()}/${vr[2]}-вр`;
	const decree = /^(\d+)\/(\d{4})(-[а-яіїєґ]+)?$/i.exec(num);
	if (decree) return num.toLowerCase();
	const cabinet = has(input.issuers, /Кабінет Міністрів|КМУ|Уряд/i);
	const order = /^(\d+)-р$/i.exec(num) ?? /^(\d+)-р$/i.exec(num.replace(/p$/i, 'р'));
	if (order && year) return `${order[1]}-${year}-р`;
	if (/^\d+$/.test(num) && year && (cabinet || has(input.types, /^Постанова$/i))) {
		if (has(input.types, /Розпорядження/i)) return `${num}-${year}-р`;
		return `${num}-${year}-п`;
	}
	return null;
}

/** The printed law number from a Rada law id (2939-17 -> 2939-VI), for search keys. */
export function lawNumberFromNreg(nreg: string): string | null {
	const m = /^(\d+[а-яіїєґ]?)-(1[2-9]|2[01])$/.exec(nreg);
	if (!m) return null;
	const numeral = CODE_TO_NUMERAL[m[2]!];
	return numeral ? `${m[1]}-${numeral}` : null;
}

/** ISO date from «13.01.2011». */
export function isoFromDotted(d: string): string | null {
	const m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(d.trim());
	if (!m) return null;
	const [dd, mm, yyyy] = [Number(m[1]), Number(m[2]), Number(m[3])];
	if (mm < 1 || mm > 12 || dd < 1 || dd > 31) return null;
	const date = new Date(Date.UTC(yyyy, mm - 1, dd));
	if (date.getUTCMonth() !== mm - 1) return null;
	return `${String(yyyy).padStart(4, '0')}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

const MONTHS: Record<string, number> = {
	січня: 1,
	лютого: 2,
	березня: 3,
	квітня: 4,
	травня: 5,
	червня: 6,
	липня: 7,
	серпня: 8,
	вересня: 9,
	жовтня: 10,
	листопада: 11,
	грудня: 12
};

/** ISO date from «9 грудня 2021» (genitive month names). */
export function isoFromWords(d: string): string | null {
	const m = /^(\d{1,2})\s+([а-яіїє]+)\s+(\d{4})/i.exec(d.trim());
	if (!m) return null;
	const month = MONTHS[m[2]!.toLowerCase()];
	if (!month) return null;
	return isoFromDotted(`${m[1]}.${month}.${m[3]}`);
}

/**
 * All spellings under which someone may look an act up by number. Bare leading digits («2939» of
 * «2939-VI», «336» of «336-р») come back prefixed with `~`: they match too, but rank below a full number.
 */
export function numberVariants(nreg: string, number: string | null): string[] {
	const out = new Set<string>();
	const lead = new Set<string>();
	out.add(nreg);
	out.add(nreg.replace(/\//g, '-'));
	if (number) {
		const n = normalizeNumber(number);
		out.add(n);
		const m = /^(\d+)/.exec(n);
		if (m && m[1] !== n) lead.add(m[1]!);
	}
	const law = lawNumberFromNreg(nreg);
	if (law) out.add(law);
	const m = /^(\d+)-\d{4}-[пр]$/.exec(nreg);
	if (m) lead.add(m[1]!);
	for (const l of lead) if (!out.has(l)) out.add('~' + l);
	return [...out];
}
