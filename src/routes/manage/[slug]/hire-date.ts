import { fromKyivInputValue, toKyivDateInputValue } from '$lib/i18n/datetime';

/**
 * The hire date of the members form: a calendar date (Kyiv), not in the future and not before 1960;
 * empty = none (due dates "relative to hiring" count from the membership's start); a form without
 * the field leaves it as it is (undefined). Noon Kyiv time, so the calendar day never shifts.
 */
export function hireDateFrom(value: FormDataEntryValue | null, today = new Date()): Date | null | undefined | 'invalid' {
	if (value === null) return undefined;
	const text = typeof value === 'string' ? value.trim() : '';
	if (text === '') return null;
	if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return 'invalid';
	const date = fromKyivInputValue(`${text}T12:00`);
	if (!date || toKyivDateInputValue(date) !== text) return 'invalid';
	if (text < '1960-01-01' || text > toKyivDateInputValue(today)) return 'invalid';
	return date;
}
