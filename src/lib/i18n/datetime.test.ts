import { describe, expect, it } from 'vitest';
import {
	formatDate,
	formatDateRange,
	formatDateShort,
	formatDateTime,
	formatRelative,
	formatTime,
	formatWeekday,
	fromKyivInputValue,
	kyivOffsetMinutes,
	kyivWallTimeToUtc,
	startOfKyivDay,
	toKyivDateInputValue,
	toKyivInputValue,
	utcToKyivWallTime
} from './datetime';

// All instants are written in UTC, so the results do not depend on the machine's own time zone
// (try `TZ=America/New_York npx vitest run src/lib/i18n`).
const utc = (iso: string) => new Date(iso);

describe('formatting in Kyiv time', () => {
	const winter = utc('2026-11-22T13:40:00Z'); // 15:40 EET (UTC+2)
	const summer = utc('2025-07-01T21:15:00Z'); // 00:15 EEST (UTC+3) on 2 July

	it('formats Ukrainian dates and times', () => {
		expect(formatDate(winter, 'uk')).toBe('22 листопада 2026 р.');
		expect(formatDateShort(winter, 'uk')).toBe('22.11.2026');
		expect(formatTime(winter, 'uk')).toBe('15:40');
		expect(formatDateTime(winter, 'uk')).toBe('22 листопада 2026 р., 15:40');
		expect(formatDateTime(winter, 'uk', { short: true })).toBe('22.11.2026, 15:40');
		expect(formatWeekday(winter, 'uk')).toBe('неділя');
	});

	it('formats English dates and times with a 24-hour clock', () => {
		expect(formatDate(winter, 'en')).toBe('22 November 2026');
		expect(formatDateShort(winter, 'en')).toBe('22/11/2026');
		expect(formatTime(winter, 'en')).toBe('15:40');
		expect(formatDateTime(winter, 'en')).toBe('22 November 2026, 15:40');
		expect(formatWeekday(winter, 'en')).toBe('Sunday');
	});

	it('uses the Kyiv calendar day, not the UTC one', () => {
		expect(formatDate(summer, 'uk')).toBe('2 липня 2025 р.');
		expect(formatDateTime(summer, 'uk')).toBe('2 липня 2025 р., 00:15');
		expect(formatDateTime(utc('2025-12-31T22:30:00Z'), 'uk')).toBe('1 січня 2026 р., 00:30');
	});

	it('accepts ISO strings and epoch milliseconds', () => {
		expect(formatDateTime('2026-11-22T13:40:00Z', 'uk')).toBe('22 листопада 2026 р., 15:40');
		expect(formatTime(winter.getTime(), 'en')).toBe('15:40');
		expect(() => formatDate('not a date', 'uk')).toThrow(RangeError);
	});

	it('formats ranges on one day and across days', () => {
		expect(formatDateRange(winter, utc('2026-11-22T15:00:00Z'), 'uk')).toBe('22 листопада 2026 р., 15:40–17:00');
		expect(formatDateRange(winter, utc('2026-11-23T08:00:00Z'), 'en')).toBe(
			'22 November 2026, 15:40 – 23 November 2026, 10:00'
		);
	});

	it('formats relative times by Kyiv calendar days', () => {
		const now = utc('2026-11-22T13:40:00Z'); // Sunday 15:40 in Kyiv
		expect(formatRelative(now, 'uk', now)).toBe('зараз');
		expect(formatRelative(utc('2026-11-22T13:20:00Z'), 'uk', now)).toBe('20 хвилин тому');
		expect(formatRelative(utc('2026-11-22T16:40:00Z'), 'uk', now)).toBe('через 3 години');
		// 23:30 Kyiv on Saturday is "yesterday", although only 16 hours ago.
		expect(formatRelative(utc('2026-11-21T21:30:00Z'), 'uk', now)).toBe('учора');
		expect(formatRelative(utc('2026-11-25T08:00:00Z'), 'uk', now)).toBe('через 3 дні');
		expect(formatRelative(utc('2026-11-08T10:00:00Z'), 'uk', now)).toBe('2 тижні тому');
		expect(formatRelative(utc('2026-11-21T21:30:00Z'), 'en', now)).toBe('yesterday');
		expect(formatRelative(utc('2027-02-22T10:00:00Z'), 'en', now)).toBe('in 3 months');
	});
});

describe('Kyiv wall time and UTC', () => {
	it('knows the winter and summer offsets', () => {
		expect(kyivOffsetMinutes(utc('2026-01-15T12:00:00Z'))).toBe(120);
		expect(kyivOffsetMinutes(utc('2026-07-15T12:00:00Z'))).toBe(180);
	});

	it('converts ordinary wall times both ways', () => {
		const d = kyivWallTimeToUtc({ year: 2026, month: 11, day: 22, hour: 15, minute: 40 });
		expect(d.toISOString()).toBe('2026-11-22T13:40:00.000Z');
		expect(utcToKyivWallTime(d)).toEqual({ year: 2026, month: 11, day: 22, hour: 15, minute: 40, second: 0 });
		expect(kyivWallTimeToUtc({ year: 2025, month: 7, day: 2 }).toISOString()).toBe('2025-07-01T21:00:00.000Z');
	});

	// Last Sunday of March 2025 = 30 March: at 03:00 EET clocks jump to 04:00 EEST (01:00 UTC).
	describe('spring forward (30 March 2025)', () => {
		it('switches the offset at 01:00 UTC', () => {
			expect(kyivOffsetMinutes(utc('2025-03-30T00:59:59Z'))).toBe(120);
			expect(kyivOffsetMinutes(utc('2025-03-30T01:00:00Z'))).toBe(180);
			expect(utcToKyivWallTime(utc('2025-03-30T00:59:00Z'))).toMatchObject({ hour: 2, minute: 59 });
			expect(utcToKyivWallTime(utc('2025-03-30T01:00:00Z'))).toMatchObject({ hour: 4, minute: 0 });
		});

		it('converts the times around the gap', () => {
			expect(kyivWallTimeToUtc({ year: 2025, month: 3, day: 30, hour: 2, minute: 59 }).toISOString()).toBe(
				'2025-03-30T00:59:00.000Z'
			);
			expect(kyivWallTimeToUtc({ year: 2025, month: 3, day: 30, hour: 4, minute: 0 }).toISOString()).toBe(
				'2025-03-30T01:00:00.000Z'
			);
		});

		it('moves a time inside the gap forward, or rejects it', () => {
			const wall = { year: 2025, month: 3, day: 30, hour: 3, minute: 30 };
			// 03:30 does not exist; 'compatible' and 'later' give 04:30 EEST.
			expect(kyivWallTimeToUtc(wall).toISOString()).toBe('2025-03-30T01:30:00.000Z');
			expect(kyivWallTimeToUtc(wall, 'later').toISOString()).toBe('2025-03-30T01:30:00.000Z');
			expect(kyivWallTimeToUtc(wall, 'earlier').toISOString()).toBe('2025-03-30T00:30:00.000Z');
			expect(() => kyivWallTimeToUtc(wall, 'reject')).toThrow(RangeError);
			expect(formatDateTime(kyivWallTimeToUtc(wall), 'uk')).toBe('30 березня 2025 р., 04:30');
		});

		it('the day is 23 hours long', () => {
			const start = kyivWallTimeToUtc({ year: 2025, month: 3, day: 30 });
			const next = kyivWallTimeToUtc({ year: 2025, month: 3, day: 31 });
			expect((next.getTime() - start.getTime()) / 3_600_000).toBe(23);
		});
	});

	// Last Sunday of October 2025 = 26 October: at 04:00 EEST clocks go back to 03:00 EET (01:00 UTC).
	describe('fall back (26 October 2025)', () => {
		it('switches the offset at 01:00 UTC', () => {
			expect(kyivOffsetMinutes(utc('2025-10-26T00:59:59Z'))).toBe(180);
			expect(kyivOffsetMinutes(utc('2025-10-26T01:00:00Z'))).toBe(120);
			// 03:30 happens twice: first in summer time, then in winter time.
			expect(utcToKyivWallTime(utc('2025-10-26T00:30:00Z'))).toMatchObject({ hour: 3, minute: 30 });
			expect(utcToKyivWallTime(utc('2025-10-26T01:30:00Z'))).toMatchObject({ hour: 3, minute: 30 });
			expect(formatTime(utc('2025-10-26T00:30:00Z'), 'uk')).toBe('03:30');
			expect(formatTime(utc('2025-10-26T01:30:00Z'), 'uk')).toBe('03:30');
		});

		it('resolves the repeated hour', () => {
			const wall = { year: 2025, month: 10, day: 26, hour: 3, minute: 30 };
			expect(kyivWallTimeToUtc(wall).toISOString()).toBe('2025-10-26T00:30:00.000Z');
			expect(kyivWallTimeToUtc(wall, 'earlier').toISOString()).toBe('2025-10-26T00:30:00.000Z');
			expect(kyivWallTimeToUtc(wall, 'later').toISOString()).toBe('2025-10-26T01:30:00.000Z');
			expect(() => kyivWallTimeToUtc(wall, 'reject')).toThrow(RangeError);
		});

		it('converts the unambiguous times around it', () => {
			expect(kyivWallTimeToUtc({ year: 2025, month: 10, day: 26, hour: 2, minute: 59 }).toISOString()).toBe(
				'2025-10-25T23:59:00.000Z'
			);
			expect(kyivWallTimeToUtc({ year: 2025, month: 10, day: 26, hour: 4, minute: 0 }).toISOString()).toBe(
				'2025-10-26T02:00:00.000Z'
			);
		});

		it('the day is 25 hours long', () => {
			const start = kyivWallTimeToUtc({ year: 2025, month: 10, day: 26 });
			const next = kyivWallTimeToUtc({ year: 2025, month: 10, day: 27 });
			expect((next.getTime() - start.getTime()) / 3_600_000).toBe(25);
		});
	});

	it('follows the same rule in 2024 (31 March, 27 October)', () => {
		expect(kyivOffsetMinutes(utc('2024-03-31T00:59:00Z'))).toBe(120);
		expect(kyivOffsetMinutes(utc('2024-03-31T01:00:00Z'))).toBe(180);
		expect(kyivOffsetMinutes(utc('2024-10-27T00:59:00Z'))).toBe(180);
		expect(kyivOffsetMinutes(utc('2024-10-27T01:00:00Z'))).toBe(120);
	});

	it('rejects impossible calendar values', () => {
		expect(() => kyivWallTimeToUtc({ year: 2026, month: 2, day: 30 })).toThrow(RangeError);
		expect(() => kyivWallTimeToUtc({ year: 2026, month: 1, day: 1, hour: 24 })).toThrow(RangeError);
	});
});

describe('form input values', () => {
	it('round-trips datetime-local values as Kyiv time', () => {
		const d = fromKyivInputValue('2026-11-22T15:40');
		expect(d?.toISOString()).toBe('2026-11-22T13:40:00.000Z');
		expect(toKyivInputValue(d!)).toBe('2026-11-22T15:40');
		expect(toKyivInputValue(utc('2025-07-01T21:15:00Z'))).toBe('2025-07-02T00:15');
	});

	it('reads date values as Kyiv midnight', () => {
		expect(fromKyivInputValue('2025-07-02')?.toISOString()).toBe('2025-07-01T21:00:00.000Z');
		expect(toKyivDateInputValue(utc('2025-07-01T21:15:00Z'))).toBe('2025-07-02');
	});

	it('returns null for empty, malformed or impossible values', () => {
		expect(fromKyivInputValue('')).toBeNull();
		expect(fromKyivInputValue(undefined)).toBeNull();
		expect(fromKyivInputValue('22.11.2026')).toBeNull();
		expect(fromKyivInputValue('2026-02-30T10:00')).toBeNull();
		expect(fromKyivInputValue('2025-03-30T03:30', 'reject')).toBeNull();
	});

	it('finds the start of a Kyiv day', () => {
		expect(startOfKyivDay(utc('2025-07-01T21:15:00Z')).toISOString()).toBe('2025-07-01T21:00:00.000Z');
		expect(startOfKyivDay(utc('2026-11-22T13:40:00Z')).toISOString()).toBe('2026-11-21T22:00:00.000Z');
	});
});
