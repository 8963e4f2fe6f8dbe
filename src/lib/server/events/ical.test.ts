import { describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';
import { kyivWallTimeToUtc } from '../../i18n/datetime.ts';
import { eventUid, feedIcs, invitationIcs, type CalendarEvent } from './ical.ts';

/** Both independent parsers must read the same instant, UID, SEQUENCE and METHOD. */
function parseBoth(text: string) {
	const comp = new ICAL.Component(ICAL.parse(text));
	const vevents = comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
	const parsed = nodeIcal.sync.parseICS(text);
	const nodeEvents = Object.values(parsed).filter((x) => x && x.type === 'VEVENT') as VEvent[];
	return { comp, vevents, nodeEvents, method: comp.getFirstPropertyValue('method') };
}

function calEvent(start: Date, patch: Partial<CalendarEvent> = {}): CalendarEvent {
	return {
		id: 'evt123',
		slug: 'vebinar',
		titleUk: 'Вебінар «Офіційний вебсайт громади: що перевіряє моніторинг “100 міст”»',
		titleEn: 'Webinar "The official website"',
		summaryUk: 'Базові інструменти е-урядування міста: офіційний вебсайт і доступ до публічної інформації.',
		summaryEn: 'Basic tools.',
		startsAt: start,
		endsAt: new Date(start.getTime() + 90 * 60_000),
		format: 'online',
		placeUk: null,
		placeEn: null,
		address: null,
		status: 'scheduled',
		sequence: 0,
		createdAt: new Date('2026-01-01T00:00:00Z'),
		updatedAt: new Date('2026-01-02T00:00:00Z'),
		...patch
	};
}

describe('iCalendar times (UTC, read by ical.js and node-ical)', () => {
	it('an event at 10:00 Kyiv in winter is 08:00Z, in summer 07:00Z', () => {
		const winter = kyivWallTimeToUtc({ year: 2027, month: 1, day: 15, hour: 10 });
		const summer = kyivWallTimeToUtc({ year: 2027, month: 7, day: 15, hour: 10 });
		expect(winter.toISOString()).toBe('2027-01-15T08:00:00.000Z');
		expect(summer.toISOString()).toBe('2027-07-15T07:00:00.000Z');
		const text = feedIcs([calEvent(winter, { id: 'w' }), calEvent(summer, { id: 's' })], { name: 'Події', locale: 'uk' });
		expect(text).toContain('DTSTART:20270115T080000Z');
		expect(text).toContain('DTSTART:20270715T070000Z');
		expect(text).not.toMatch(/TZID/);
		const { vevents, nodeEvents, method } = parseBoth(text);
		expect(method).toBe('PUBLISH');
		const byUid = (uid: string) => vevents.find((v) => v.uid === uid)!;
		expect(byUid(eventUid('w')).startDate.toJSDate().toISOString()).toBe('2027-01-15T08:00:00.000Z');
		expect(byUid(eventUid('s')).startDate.toJSDate().toISOString()).toBe('2027-07-15T07:00:00.000Z');
		expect(byUid(eventUid('s')).endDate.toJSDate().toISOString()).toBe('2027-07-15T08:30:00.000Z');
		const n = (uid: string) => nodeEvents.find((v) => v.uid === uid)!;
		expect(new Date(n(eventUid('w')).start).toISOString()).toBe('2027-01-15T08:00:00.000Z');
		expect(new Date(n(eventUid('s')).start).toISOString()).toBe('2027-07-15T07:00:00.000Z');
	});

	it('folds long Cyrillic lines at 75 octets without breaking characters', () => {
		const text = invitationIcs(calEvent(new Date('2027-03-01T08:00:00Z')), { name: 'Оксана Ґудзь-Їжакевич', email: 'o@test.ua', sequenceOffset: 0 }, 'REQUEST', 'uk');
		for (const line of text.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
		const { vevents, nodeEvents } = parseBoth(text);
		expect(vevents[0].summary).toBe('Вебінар «Офіційний вебсайт громади: що перевіряє моніторинг “100 міст”»');
		expect(nodeEvents[0].summary).toBe('Вебінар «Офіційний вебсайт громади: що перевіряє моніторинг “100 міст”»');
	});
});

describe('iTIP invitations', () => {
	const start = new Date('2027-02-10T09:00:00Z');

	it('REQUEST carries organizer, attendee, stable UID and SEQUENCE = event + person offset', () => {
		const text = invitationIcs(calEvent(start, { sequence: 2 }), { name: 'Оксана', email: 'oksana@test.ua', sequenceOffset: 1 }, 'REQUEST', 'uk');
		const { comp, vevents, nodeEvents, method } = parseBoth(text);
		expect(method).toBe('REQUEST');
		const v = comp.getFirstSubcomponent('vevent')!;
		expect(vevents[0].uid).toBe('evt123@maisternia.events');
		expect(vevents[0].sequence).toBe(3);
		expect(v.getFirstPropertyValue('status')).toBe('CONFIRMED');
		expect(String(v.getFirstPropertyValue('organizer'))).toMatch(/^mailto:/i);
		expect(String(v.getFirstPropertyValue('attendee')).toLowerCase()).toBe('mailto:oksana@test.ua');
		expect(nodeEvents[0].uid).toBe('evt123@maisternia.events');
		expect(Number(nodeEvents[0].sequence)).toBe(3);
		expect(new Date(nodeEvents[0].start).toISOString()).toBe('2027-02-10T09:00:00.000Z');
	});

	it('CANCEL has the same UID, STATUS:CANCELLED and the higher SEQUENCE', () => {
		const req = parseBoth(invitationIcs(calEvent(start, { sequence: 0 }), { name: 'A', email: 'a@test.ua', sequenceOffset: 0 }, 'REQUEST', 'en'));
		const cancel = parseBoth(invitationIcs(calEvent(start, { sequence: 1, status: 'cancelled' }), { name: 'A', email: 'a@test.ua', sequenceOffset: 0 }, 'CANCEL', 'en'));
		expect(cancel.method).toBe('CANCEL');
		expect(cancel.vevents[0].uid).toBe(req.vevents[0].uid);
		expect(cancel.vevents[0].sequence).toBeGreaterThan(req.vevents[0].sequence);
		expect(cancel.comp.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CANCELLED');
		expect(cancel.nodeEvents[0].status).toBe('CANCELLED');
		expect(cancel.nodeEvents[0].uid).toBe(req.nodeEvents[0].uid);
	});

	it('an in-person event has its place as LOCATION and the page as URL', () => {
		const text = invitationIcs(
			calEvent(start, { format: 'in_person', placeUk: 'МГЦЕУ', placeEn: 'E-Government Centre', address: 'м. Вінниця' }),
			{ name: 'A', email: 'a@test.ua', sequenceOffset: 0 },
			'REQUEST',
			'uk'
		);
		const { vevents, nodeEvents } = parseBoth(text);
		expect(vevents[0].location).toBe('МГЦЕУ, м. Вінниця');
		expect(nodeEvents[0].location).toBe('МГЦЕУ, м. Вінниця');
		expect(text).toContain('URL');
		expect(vevents[0].description).toContain('/events/vebinar');
	});
});
