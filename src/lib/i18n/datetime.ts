/**
 * The ONE module for dates, times and time zones (DESIGN.md principle 6).
 *
 * Everything the portal shows is Kyiv time (Europe/Kyiv), whatever the server's or the browser's zone,
 * and everything it stores is a UTC instant (a JS Date / timestamptz). Two kinds of helpers:
 *
 * - formatting for people: formatDate, formatDateShort, formatDateTime, formatTime, formatRelative,
 *   formatDateRange; Ukrainian style for `uk` ("22 листопада 2026 р., 15:40", "22.11.2026"),
 *   British-style 24-hour English for `en` ("22 November 2026, 15:40", "22/11/2026");
 * - conversion between Kyiv wall time and UTC instants, for forms and schedules:
 *   kyivWallTimeToUtc / utcToKyivWallTime, and the `<input type="datetime-local">` / `<input type="date">`
 *   value helpers (toKyivInputValue, fromKyivInputValue, toKyivDateInputValue).
 *
 * Kyiv switches to summer time (EEST, UTC+3) at 03:00 on the last Sunday of March (03:00 to 03:59 does
 * not exist that day) and back to winter time (EET, UTC+2) at 04:00 on the last Sunday of October
 * (03:00 to 03:59 happens twice). Ambiguous and missing wall times are resolved like Temporal's
 * `disambiguation` option; the default 'compatible' picks the earlier instant of a repeated hour and
 * moves a missing time forward by the length of the gap.
 *
 * Only Intl is used (its time zone data comes with Node's and the browser's ICU), so the same functions
 * run on the server and in the browser.
 */

export const TIME_ZONE = 'Europe/Kyiv';

export type AppLocale = 'uk' | 'en';

/** Anything that names an instant: a Date, epoch milliseconds, or an ISO 8601 string with an offset. */
export type DateInput = Date | number | string;

/** A Kyiv calendar date and clock time; month is 1 to 12. */
export interface WallTime {
	year: number;
	month: number;
	day: number;
	hour?: number;
	minute?: number;
	second?: number;
}

export type Disambiguation = 'compatible' | 'earlier' | 'later' | 'reject';

/** British English keeps the day-month order and 24-hour clock that Ukrainian readers expect. */
const intlLocale = (locale: string): string => (locale === 'en' ? 'en-GB' : 'uk');

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
	const key = locale + JSON.stringify(options);
	let f = formatters.get(key);
	if (!f) {
		f = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, ...options });
		formatters.set(key, f);
	}
	return f;
}

export function toDate(input: DateInput): Date {
	const date = input instanceof Date ? input : new Date(input);
	if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(input)}`);
	return date;
}

/** "22 листопада 2026 р." / "22 November 2026". */
export function formatDate(date: DateInput, locale: AppLocale | string): string {
	return formatter(intlLocale(locale), { day: 'numeric', month: 'long', year: 'numeric' }).format(
		toDate(date)
	);
}

/** "22.11.2026" / "22/11/2026". */
export function formatDateShort(date: DateInput, locale: AppLocale | string): string {
	return formatter(intlLocale(locale), { day: '2-digit', month: '2-digit', year: 'numeric' }).format(
		toDate(date)
	);
}

/** "15:40" in both languages. */
export function formatTime(date: DateInput, locale: AppLocale | string): string {
	return formatter(intlLocale(locale), { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(
		toDate(date)
	);
}

/**
 * "22 листопада 2026 р., 15:40" / "22 November 2026, 15:40"; with `short`: "22.11.2026, 15:40".
 * Built from the date and the time part so the separator does not depend on the ICU version
 * (ICU writes "… р. о 15:40").
 */
export function formatDateTime(
	date: DateInput,
	locale: AppLocale | string,
	options: { short?: boolean } = {}
): string {
	const d = toDate(date);
	const day = options.short ? formatDateShort(d, locale) : formatDate(d, locale);
	return `${day}, ${formatTime(d, locale)}`;
}

/** Weekday name in the locale: "неділя" / "Sunday". */
export function formatWeekday(date: DateInput, locale: AppLocale | string): string {
	return formatter(intlLocale(locale), { weekday: 'long' }).format(toDate(date));
}

/**
 * A span such as an event's start and end: one date with two times when both fall on the same Kyiv
 * day ("22 листопада 2026 р., 15:40–17:00"), otherwise two full date-times.
 */
export function formatDateRange(start: DateInput, end: DateInput, locale: AppLocale | string): string {
	const s = toDate(start);
	const e = toDate(end);
	if (kyivDateKey(s) === kyivDateKey(e)) {
		return `${formatDate(s, locale)}, ${formatTime(s, locale)}–${formatTime(e, locale)}`;
	}
	return `${formatDateTime(s, locale)} – ${formatDateTime(e, locale)}`;
}

/**
 * "зараз", "20 хвилин тому", "через 3 години", "учора", "через 3 дні", "2 тижні тому" /
 * "now", "20 minutes ago", "in 3 hours", "yesterday", "in 3 days", "2 weeks ago".
 * Under an hour: minutes; the same Kyiv day: hours; otherwise Kyiv calendar days, weeks, months,
 * years. `now` is a parameter for tests and so that server and browser render the same text.
 */
export function formatRelative(
	date: DateInput,
	locale: AppLocale | string,
	now: DateInput = new Date()
): string {
	const d = toDate(date);
	const n = toDate(now);
	const rtf = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: 'auto' });
	const seconds = (d.getTime() - n.getTime()) / 1000;
	if (Math.abs(seconds) < 45) return rtf.format(0, 'second');
	if (Math.abs(seconds) < 3600) return rtf.format(Math.round(seconds / 60) || Math.sign(seconds), 'minute');
	const days = kyivDayNumber(d) - kyivDayNumber(n);
	if (days === 0) return rtf.format(Math.round(seconds / 3600), 'hour');
	const absDays = Math.abs(days);
	if (absDays < 7) return rtf.format(days, 'day');
	if (absDays < 30) return rtf.format(Math.round(days / 7), 'week');
	if (absDays < 365) return rtf.format(Math.round(days / 30), 'month');
	return rtf.format(Math.round(days / 365), 'year');
}

// ---------------------------------------------------------------------------------------------------
// Kyiv wall time <-> UTC

const partsFormatter = new Intl.DateTimeFormat('en-US', {
	timeZone: TIME_ZONE,
	hourCycle: 'h23',
	year: 'numeric',
	month: 'numeric',
	day: 'numeric',
	hour: 'numeric',
	minute: 'numeric',
	second: 'numeric'
});

/** The Kyiv calendar date and clock time of an instant. */
export function utcToKyivWallTime(date: DateInput): Required<WallTime> {
	const parts: Record<string, number> = {};
	for (const p of partsFormatter.formatToParts(toDate(date))) {
		if (p.type !== 'literal') parts[p.type] = Number(p.value);
	}
	return {
		year: parts.year,
		month: parts.month,
		day: parts.day,
		hour: parts.hour === 24 ? 0 : parts.hour,
		minute: parts.minute,
		second: parts.second
	};
}

/** Minutes Kyiv is ahead of UTC at that instant: 120 in winter, 180 in summer. */
export function kyivOffsetMinutes(date: DateInput): number {
	const d = toDate(date);
	const w = utcToKyivWallTime(d);
	const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
	return Math.round((asUtc - Math.floor(d.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The UTC instant of a Kyiv wall time. A wall time inside the spring gap or the autumn repeat is
 * resolved by `disambiguation` (see the module comment); 'reject' throws a RangeError instead.
 */
export function kyivWallTimeToUtc(wall: WallTime, disambiguation: Disambiguation = 'compatible'): Date {
	const { year, month, day, hour = 0, minute = 0, second = 0 } = wall;
	const naive = Date.UTC(year, month - 1, day, hour, minute, second);
	const check = new Date(naive);
	if (
		!Number.isFinite(naive) ||
		check.getUTCFullYear() !== year ||
		check.getUTCMonth() !== month - 1 ||
		check.getUTCDate() !== day ||
		check.getUTCHours() !== hour ||
		check.getUTCMinutes() !== minute ||
		check.getUTCSeconds() !== second
	) {
		throw new RangeError(`Not a valid wall time: ${JSON.stringify(wall)}`);
	}
	// The offsets a day before and after bracket any transition near this wall time.
	const before = kyivOffsetMinutes(naive - 86_400_000);
	const after = kyivOffsetMinutes(naive + 86_400_000);
	const candidates = [...new Set([before, after])]
		.map((offset) => naive - offset * 60_000)
		.filter((utc) => kyivOffsetMinutes(utc) * 60_000 === naive - utc)
		.sort((a, b) => a - b);

	if (candidates.length === 1) return new Date(candidates[0]);
	if (candidates.length > 1) {
		// The hour that happens twice in autumn.
		if (disambiguation === 'reject') throw new RangeError(`Ambiguous Kyiv time: ${JSON.stringify(wall)}`);
		return new Date(disambiguation === 'later' ? candidates[candidates.length - 1] : candidates[0]);
	}
	// The hour that does not exist in spring: shift by the gap, like a clock that was not moved yet.
	if (disambiguation === 'reject') throw new RangeError(`Nonexistent Kyiv time: ${JSON.stringify(wall)}`);
	const gapMs = (after - before) * 60_000;
	const laterInstant = naive - before * 60_000; // read with the winter offset: lands after the gap
	return new Date(disambiguation === 'earlier' ? laterInstant - gapMs : laterInstant);
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** Value for `<input type="datetime-local">` showing the instant in Kyiv time: "2026-11-22T15:40". */
export function toKyivInputValue(date: DateInput): string {
	const w = utcToKyivWallTime(date);
	return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** Value for `<input type="date">`: the Kyiv calendar date, "2026-11-22". */
export function toKyivDateInputValue(date: DateInput): string {
	const w = utcToKyivWallTime(date);
	return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

const INPUT_RE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?)?$/;

/**
 * Reads a `datetime-local` ("2026-11-22T15:40") or `date` ("2026-11-22", midnight) value typed as Kyiv
 * time. Returns null for an empty or malformed value so form validation can report it.
 */
export function fromKyivInputValue(
	value: string | null | undefined,
	disambiguation: Disambiguation = 'compatible'
): Date | null {
	const m = value ? INPUT_RE.exec(value.trim()) : null;
	if (!m) return null;
	try {
		return kyivWallTimeToUtc(
			{
				year: Number(m[1]),
				month: Number(m[2]),
				day: Number(m[3]),
				hour: m[4] ? Number(m[4]) : 0,
				minute: m[5] ? Number(m[5]) : 0,
				second: m[6] ? Number(m[6]) : 0
			},
			disambiguation
		);
	} catch {
		return null;
	}
}

/** The first instant of the Kyiv calendar day that contains `date` (e.g. for "today" filters). */
export function startOfKyivDay(date: DateInput): Date {
	const w = utcToKyivWallTime(date);
	return kyivWallTimeToUtc({ year: w.year, month: w.month, day: w.day });
}

function kyivDateKey(date: Date): string {
	return toKyivDateInputValue(date);
}

/** Days since the epoch counted on the Kyiv calendar. */
function kyivDayNumber(date: Date): number {
	const w = utcToKyivWallTime(date);
	return Math.round(Date.UTC(w.year, w.month - 1, w.day) / 86_400_000);
}
