/** Shared by the events tests: an event with sensible defaults, a person, unique addresses, a real SMTP server. */
import { afterAll, beforeAll } from 'vitest';
import { startTestSmtp, type TestSmtp } from '../../../../tests/support/smtp.ts';
import { resetConfig } from '../config/index.ts';
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

/**
 * A real SMTP server for the file's tests: started before them (SMTP_URL points at it), stopped after
 * (SMTP_URL restored). The returned object answers for the running server.
 */
export function useTestSmtp(): TestSmtp {
	let server: TestSmtp | undefined;
	const saved = process.env.SMTP_URL;
	beforeAll(async () => {
		server = await startTestSmtp();
		process.env.SMTP_URL = server.url;
		resetConfig();
	});
	afterAll(async () => {
		await server?.stop();
		if (saved === undefined) delete process.env.SMTP_URL;
		else process.env.SMTP_URL = saved;
		resetConfig();
	});
	return new Proxy({} as TestSmtp, {
		get(_target, key) {
			if (!server) throw new Error('the test SMTP server is not running');
			const value = Reflect.get(server, key);
			return typeof value === 'function' ? value.bind(server) : value;
		}
	});
}
