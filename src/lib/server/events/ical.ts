/**
 * iCalendar (RFC 5545) and iTIP (RFC 5546) for events. Times are written in UTC ("…Z"): ical-generator
 * with a TZID wrote wrong wall times here (STACK-NOTES "Calendars and feeds"), and UTC needs no
 * VTIMEZONE; every calendar program shows it in the reader's zone.
 *
 * UID is stable per event ("<event id>@maisternia.events"), so a REQUEST with a higher SEQUENCE updates
 * the copy a person already has and a CANCEL with the same UID removes it. A person's SEQUENCE is the
 * event's sequence plus their registration's offset (raised when they cancel), so it only grows.
 */
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus, type ICalEventData } from 'ical-generator';
import { config } from '../config/index.ts';
import { pick, type Locale } from './types.ts';

export interface CalendarEvent {
	id: string;
	slug: string;
	titleUk: string;
	titleEn: string;
	summaryUk: string;
	summaryEn: string;
	startsAt: Date;
	endsAt: Date;
	format: string;
	placeUk: string | null;
	placeEn: string | null;
	address: string | null;
	status: string;
	sequence: number;
	updatedAt: Date;
	createdAt: Date;
}

export interface CalendarAttendee {
	name: string;
	email: string;
	sequenceOffset: number;
}

const PROD_ID = { company: 'Maisternia e-uriaduvannia', product: 'Events', language: 'UK' };

export function eventUid(eventId: string): string {
	return `${eventId}@maisternia.events`;
}

/** The portal's address of the event in a language (ORIGIN, default http://localhost:3000). */
export function eventUrl(slug: string, locale: Locale): string {
	const origin = (config().ORIGIN ?? 'http://localhost:3000').replace(/\/$/, '');
	return `${origin}${locale === 'en' ? '/en' : ''}/events/${encodeURIComponent(slug)}`;
}

/** Organizer of the invitations: the portal's sender address (MAIL_FROM). */
export function organizer(): { name: string; email: string } {
	const from = config().MAIL_FROM;
	const m = /^\s*"?([^"<]*?)"?\s*<([^>]+)>\s*$/.exec(from);
	return m ? { name: m[1].trim() || 'Майстерня е-урядування', email: m[2].trim() } : { name: 'Майстерня е-урядування', email: from.trim() };
}

function location(e: CalendarEvent, locale: Locale): string {
	const place = pick(locale, e.placeUk ?? '', e.placeEn ?? '');
	const parts = [place, e.address ?? ''].filter(Boolean);
	if (e.format === 'online') return locale === 'en' ? 'Online' : 'Онлайн';
	if (e.format === 'hybrid') parts.push(locale === 'en' ? 'and online' : 'та онлайн');
	return parts.join(', ');
}

function description(e: CalendarEvent, locale: Locale): string {
	const summary = pick(locale, e.summaryUk, e.summaryEn);
	const url = eventUrl(e.slug, locale);
	const link = locale === 'en' ? `Details and the link to join: ${url}` : `Подробиці та посилання для участі: ${url}`;
	return [summary, link].filter(Boolean).join('\n\n');
}

function baseEvent(e: CalendarEvent, locale: Locale): ICalEventData {
	return {
		id: eventUid(e.id),
		start: e.startsAt,
		end: e.endsAt,
		// No timezone: ical-generator writes UTC ("…Z") for a Date.
		summary: pick(locale, e.titleUk, e.titleEn),
		description: description(e, locale),
		location: location(e, locale) || null,
		url: eventUrl(e.slug, locale),
		created: e.createdAt,
		lastModified: e.updatedAt,
		stamp: new Date()
	};
}

/**
 * One person's invitation: METHOD:REQUEST (a seat: add or update) or METHOD:CANCEL (the event was
 * cancelled, or the person gave up their seat).
 */
export function invitationIcs(e: CalendarEvent, attendee: CalendarAttendee, method: 'REQUEST' | 'CANCEL', locale: Locale): string {
	const org = organizer();
	const cal = ical({ prodId: PROD_ID, method: method === 'REQUEST' ? ICalCalendarMethod.REQUEST : ICalCalendarMethod.CANCEL });
	cal.createEvent({
		...baseEvent(e, locale),
		sequence: e.sequence + attendee.sequenceOffset,
		status: method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
		organizer: { name: org.name, email: org.email },
		attendees: [
			{
				name: attendee.name,
				email: attendee.email,
				role: ICalAttendeeRole.REQ,
				status: method === 'CANCEL' ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
				rsvp: false
			}
		]
	});
	return cal.toString();
}

/** A calendar of many events (METHOD:PUBLISH): the public feed, a person's feed, "add to calendar". */
export function feedIcs(events: CalendarEvent[], options: { name: string; locale: Locale; ttlMinutes?: number }): string {
	const cal = ical({ prodId: PROD_ID, method: ICalCalendarMethod.PUBLISH, name: options.name, ttl: (options.ttlMinutes ?? 60) * 60 });
	for (const e of events) {
		cal.createEvent({
			...baseEvent(e, options.locale),
			sequence: e.sequence,
			status: e.status === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED
		});
	}
	return cal.toString();
}
