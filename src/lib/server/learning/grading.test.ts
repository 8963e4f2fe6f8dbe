import { describe, expect, it } from 'vitest';
import type { QuestionData } from './course-files.ts';
import { gradeQuestion, normalizeText } from './grading.ts';

const single: QuestionData = { type: 'single', options: [{ id: 'a', html: 'A' }, { id: 'b', html: 'B' }], correct: ['b'], partial: false };
const multiple: QuestionData = {
	type: 'multiple',
	options: [{ id: 'a', html: 'A' }, { id: 'b', html: 'B' }, { id: 'c', html: 'C' }, { id: 'd', html: 'D' }],
	correct: ['a', 'b', 'c'],
	partial: false
};
const matching: QuestionData = {
	type: 'matching',
	pairs: [
		{ id: 'p1', leftHtml: 'Інформування', right: 'новини' },
		{ id: 'p2', leftHtml: 'Консультування', right: 'опитування' },
		{ id: 'p3', leftHtml: 'Участь', right: 'петиція' }
	],
	rights: [
		{ id: 'r-p1', text: 'новини' },
		{ id: 'r-p2', text: 'опитування' },
		{ id: 'r-p3', text: 'петиція' },
		{ id: 'x-1', text: 'бюджет' }
	]
};
const ordering: QuestionData = { type: 'ordering', items: [{ id: 'one', html: '1' }, { id: 'two', html: '2' }, { id: 'three', html: '3' }, { id: 'four', html: '4' }] };
const short: QuestionData = { type: 'short_answer', accept: ['деперсоніфікація', "об'єкт"], caseSensitive: false };

describe('grading on the server', () => {
	it('single choice: the right option or nothing', () => {
		expect(gradeQuestion(single, { type: 'single', choice: 'b' }, 2)).toEqual({ points: 2, max: 2, correct: true, fraction: 1 });
		expect(gradeQuestion(single, { type: 'single', choice: 'a' }, 2)).toMatchObject({ points: 0, correct: false });
		expect(gradeQuestion(single, { type: 'single', choice: null }, 2).points).toBe(0);
		expect(gradeQuestion(single, undefined, 2).points).toBe(0);
	});

	it('multiple choice: all-or-nothing, or partial credit that a wrong choice reduces', () => {
		expect(gradeQuestion(multiple, { type: 'multiple', choices: ['a', 'b', 'c'] }, 1).correct).toBe(true);
		expect(gradeQuestion(multiple, { type: 'multiple', choices: ['a', 'b'] }, 1).points).toBe(0);
		expect(gradeQuestion(multiple, { type: 'multiple', choices: ['a', 'b', 'c', 'd'] }, 1).points).toBe(0);
		const partial = { ...multiple, partial: true };
		expect(gradeQuestion(partial, { type: 'multiple', choices: ['a', 'b'] }, 3).points).toBe(2);
		expect(gradeQuestion(partial, { type: 'multiple', choices: ['a', 'b', 'd'] }, 3).points).toBe(1);
		expect(gradeQuestion(partial, { type: 'multiple', choices: ['d'] }, 3).points).toBe(0);
		// Choosing every option never earns full credit.
		expect(gradeQuestion(partial, { type: 'multiple', choices: ['a', 'b', 'c', 'd'] }, 3).correct).toBe(false);
		// Unknown ids (a forged form) count for nothing.
		expect(gradeQuestion(multiple, { type: 'multiple', choices: ['a', 'b', 'c', 'zzz'] }, 1).correct).toBe(true);
	});

	it('true/false', () => {
		const q: QuestionData = { type: 'true_false', answer: false };
		expect(gradeQuestion(q, { type: 'true_false', value: false }, 1).correct).toBe(true);
		expect(gradeQuestion(q, { type: 'true_false', value: true }, 1).correct).toBe(false);
		expect(gradeQuestion(q, { type: 'true_false', value: null }, 1).correct).toBe(false);
	});

	it('matching: each right pair earns its share; distractors earn nothing', () => {
		expect(gradeQuestion(matching, { type: 'matching', pairs: { p1: 'r-p1', p2: 'r-p2', p3: 'r-p3' } }, 3)).toMatchObject({ points: 3, correct: true });
		expect(gradeQuestion(matching, { type: 'matching', pairs: { p1: 'r-p1', p2: 'r-p3', p3: 'x-1' } }, 3)).toMatchObject({ points: 1, correct: false });
		expect(gradeQuestion(matching, { type: 'matching', pairs: { p1: null, p2: null, p3: null } }, 3).points).toBe(0);
	});

	it('ordering: items in their right place earn their share; a position used twice earns nothing', () => {
		expect(gradeQuestion(ordering, { type: 'ordering', positions: { one: 1, two: 2, three: 3, four: 4 } }, 4)).toMatchObject({ points: 4, correct: true });
		expect(gradeQuestion(ordering, { type: 'ordering', positions: { one: 1, two: 3, three: 2, four: 4 } }, 4).points).toBe(2);
		expect(gradeQuestion(ordering, { type: 'ordering', positions: { one: 1, two: 1, three: 1, four: 1 } }, 4).points).toBe(0);
		expect(gradeQuestion(ordering, { type: 'ordering', positions: { one: null, two: 2, three: 3, four: 4 } }, 4).points).toBe(3);
	});

	it('short answer: case, spaces, apostrophes and a final full stop do not matter', () => {
		expect(gradeQuestion(short, { type: 'short_answer', text: '  Деперсоніфікація. ' }, 1).correct).toBe(true);
		expect(gradeQuestion(short, { type: 'short_answer', text: 'обʼєкт' }, 1).correct).toBe(true);
		expect(gradeQuestion(short, { type: 'short_answer', text: 'об’єкт' }, 1).correct).toBe(true);
		expect(gradeQuestion(short, { type: 'short_answer', text: 'персоніфікація' }, 1).correct).toBe(false);
		expect(gradeQuestion(short, { type: 'short_answer', text: '' }, 1).correct).toBe(false);
		expect(gradeQuestion({ ...short, caseSensitive: true }, { type: 'short_answer', text: 'ДЕПЕРСОНІФІКАЦІЯ' }, 1).correct).toBe(false);
		expect(normalizeText('Data.Gov.UA')).toBe('data.gov.ua');
	});

	it('an answer of another type earns nothing', () => {
		expect(gradeQuestion(single, { type: 'multiple', choices: ['b'] }, 1).points).toBe(0);
	});
});
