import { describe, expect, it } from 'vitest';
import { hireDateFrom } from './hire-date';

describe('the hire date of the members form', () => {
	const today = new Date('2026-11-22T10:00:00Z');
	it('reads a Kyiv calendar date at noon; empty clears it; a missing field leaves it', () => {
		expect(hireDateFrom('2024-02-29', today)).toEqual(new Date('2024-02-29T10:00:00Z'));
		expect(hireDateFrom(' 2026-11-22 ', today)).toEqual(new Date('2026-11-22T10:00:00Z'));
		expect(hireDateFrom('', today)).toBeNull();
		expect(hireDateFrom(null, today)).toBeUndefined();
	});
	it('refuses what is not a real date, the future and dates before 1960', () => {
		for (const bad of ['2023-02-29', '2024-13-01', '22.11.2026', '2026-11-23', '1959-12-31', 'завтра']) expect(hireDateFrom(bad, today)).toBe('invalid');
	});
});
