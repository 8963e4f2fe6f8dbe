/** Shared by the events tests: an event with sensible defaults, a person, unique addresses. */
import { createEvent, type EventInput } from './events.ts';
import type { Person } from './registration.ts';

let seq = 0;
const run = Date.now().toString(36);

export function uniq(prefix: string): string {
	return `${prefix}-${run}-${++seq}`;
}

export function person(name = 'Оксана Петренко', locale: 'uk' | 'en' = 'uk'): Person {
	const id = uniq('user');
	return { id, email: `${id}@test.maisternia.ua`, name, locale };
}

export function eventInput(patch: Partial<EventInput> = {}): EventInput {
	// Whole minutes, as a form would give.
	const startsAt = patch.startsAt ?? new Date(Math.floor((Date.now() + 3 * 86_400_000) / 60_000) * 60_000);
	return {
		slug: uniq('podiia'),
		kind: 'webinar',
		format: 'online',
		isPublic: true,
		titleUk: 'Вебінар «Інструменти е-урядування для громади»',
		titleEn: 'Webinar "E-government tools for a community"',
		summaryUk: 'Короткий опис',
		summaryEn: 'Short summary',
		descriptionUk: '',
		descriptionEn: '',
		topics: ['e-services'],
		startsAt,
		endsAt: patch.endsAt ?? new Date(startsAt.getTime() + 90 * 60_000),
		placeUk: null,
		placeEn: null,
		address: null,
		joinUrl: 'https://meet.example.org/room-1',
		joinOpensMinutes: 15,
		capacity: 10,
		registrationOpensAt: null,
		registrationClosesAt: null,
		credits: 1.5,
		countsTowardCourses: false,
		courseIds: [],
		competencies: [],
		groupMax: 10,
		speakers: [],
		materials: [],
		programme: [],
		questions: [],
		hostIds: [],
		organizerName: null,
		...patch
	};
}

export function makeEvent(patch: Partial<EventInput> = {}, actorId: string | null = null) {
	return createEvent(eventInput(patch), actorId);
}
