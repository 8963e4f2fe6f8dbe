/**
 * The events domain's mail templates (texts in messages/events, events_mail_*), laid out by the mail
 * module like every other message, and the helpers that enqueue them with their iCalendar part.
 */
import { m } from '../../paraglide/messages.js';
import { defineMailTemplate, enqueueMail, safeUrl, type MailContent, type MailLocale } from '../mail/index.ts';
import type { Prisma } from '../db/index.ts';
import { formatDateRange } from '../../i18n/datetime.ts';
import { eventUrl, invitationIcs, type CalendarEvent } from './ical.ts';
import { pick, type Locale } from './types.ts';

export interface EventMailData {
	name?: string | null;
	title: string;
	startsAt: string;
	endsAt: string;
	place?: string | null;
	url: string;
	position?: number;
	/** Reminders: minutes before the start (1440 or 60). */
	offsetMinutes?: number;
	delegation?: string;
	registered?: number;
	waitlisted?: number;
	/** Why a host removed the registration (shown to the person). */
	reason?: string;
	/** A published recording's title. */
	recording?: string;
}

declare module '../mail/templates.ts' {
	interface MailTemplateData {
		event_registered: EventMailData;
		event_waitlisted: EventMailData;
		event_promoted: EventMailData;
		event_updated: EventMailData;
		event_cancelled: EventMailData;
		event_registration_cancelled: EventMailData;
		event_reminder: EventMailData;
		event_group_registered: EventMailData;
		event_registration_removed: EventMailData;
		event_recording_published: EventMailData;
		event_feedback_open: EventMailData;
	}
}

const oneLine = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v)).replace(/[\r\n\t]+/g, ' ').trim();

function details(d: Record<string, unknown>, locale: MailLocale): string[] {
	const o = { locale };
	const when = formatDateRange(String(d.startsAt), String(d.endsAt), locale);
	const lines = [m.events_mail_when({ when }, o)];
	const place = oneLine(d.place);
	if (place) lines.push(m.events_mail_where({ place }, o));
	return [lines.join('\n')];
}

function greeting(d: Record<string, unknown>, locale: MailLocale): string {
	const name = oneLine(d.name);
	return name ? m.mail_greeting({ name }, { locale }) : m.mail_greeting_anonymous({}, { locale });
}

type Render = (d: Record<string, unknown>, locale: MailLocale) => MailContent;

function template(subject: (title: string, o: { locale: MailLocale }) => string, intro: (d: Record<string, unknown>, title: string, o: { locale: MailLocale }) => string, after: (o: { locale: MailLocale }) => string[]): Render {
	return (d, locale) => {
		const o = { locale };
		const title = oneLine(d.title);
		return {
			subject: subject(title, o),
			greeting: greeting(d, locale),
			paragraphs: [intro(d, title, o), ...details(d, locale)],
			action: { label: m.events_mail_open_event({}, o), url: safeUrl(d.url) },
			after: after(o)
		};
	};
}

const calendarAndCancel = (o: { locale: MailLocale }) => [m.events_mail_calendar_hint({}, o), m.events_mail_cancel_hint({}, o)];

defineMailTemplate(
	'event_registered',
	template((title, o) => m.events_mail_registered_subject({ title }, o), (_d, title, o) => m.events_mail_registered_intro({ title }, o), calendarAndCancel)
);
defineMailTemplate(
	'event_waitlisted',
	template(
		(title, o) => m.events_mail_waitlisted_subject({ title }, o),
		(d, title, o) => m.events_mail_waitlisted_intro({ title, position: String(d.position ?? '') }, o),
		(o) => [m.events_mail_waitlisted_after({}, o)]
	)
);
defineMailTemplate(
	'event_promoted',
	template((title, o) => m.events_mail_promoted_subject({ title }, o), (_d, title, o) => m.events_mail_promoted_intro({ title }, o), calendarAndCancel)
);
defineMailTemplate(
	'event_updated',
	template((title, o) => m.events_mail_updated_subject({ title }, o), (_d, title, o) => m.events_mail_updated_intro({ title }, o), (o) => [m.events_mail_calendar_update_hint({}, o)])
);
defineMailTemplate(
	'event_cancelled',
	template((title, o) => m.events_mail_cancelled_subject({ title }, o), (_d, title, o) => m.events_mail_cancelled_intro({ title }, o), (o) => [m.events_mail_calendar_cancel_hint({}, o)])
);
defineMailTemplate(
	'event_registration_cancelled',
	template(
		(title, o) => m.events_mail_registration_cancelled_subject({ title }, o),
		(_d, title, o) => m.events_mail_registration_cancelled_intro({ title }, o),
		(o) => [m.events_mail_calendar_cancel_hint({}, o)]
	)
);
defineMailTemplate(
	'event_reminder',
	template(
		(title, o) => m.events_mail_reminder_subject({ title }, o),
		(d, title, o) => (Number(d.offsetMinutes) >= 1440 ? m.events_mail_reminder_intro_day({ title }, o) : m.events_mail_reminder_intro_hour({ title }, o)),
		(o) => [m.events_mail_reminder_after({}, o)]
	)
);
defineMailTemplate(
	'event_group_registered',
	template(
		(title, o) => m.events_mail_group_subject({ title }, o),
		(d, title, o) =>
			m.events_mail_group_intro({ title, delegation: oneLine(d.delegation), registered: String(d.registered ?? 0), waitlisted: String(d.waitlisted ?? 0) }, o),
		(o) => [m.events_mail_group_after({}, o)]
	)
);

defineMailTemplate(
	'event_registration_removed',
	template(
		(title, o) => m.events_mail_removed_subject({ title }, o),
		(d, title, o) => m.events_mail_removed_intro({ title, reason: oneLine(d.reason) }, o),
		(o) => [m.events_mail_calendar_cancel_hint({}, o), m.events_mail_removed_after({}, o)]
	)
);
defineMailTemplate(
	'event_recording_published',
	template(
		(title, o) => m.events_mail_recording_subject({ title }, o),
		(d, title, o) => m.events_mail_recording_intro({ title, recording: oneLine(d.recording) || title }, o),
		(o) => [m.events_mail_recording_after({}, o)]
	)
);
defineMailTemplate(
	'event_feedback_open',
	template(
		(title, o) => m.events_mail_feedback_subject({ title }, o),
		(_d, title, o) => m.events_mail_feedback_intro({ title }, o),
		(o) => [m.events_mail_feedback_after({}, o)]
	)
);

/** What the mail helpers need of an event. */
export type MailEvent = CalendarEvent & { joinOpensMinutes?: number };

export interface MailRecipient {
	id: string;
	name: string;
	email: string;
	locale: string;
	sequenceOffset: number;
	position?: number | null;
}

const loc = (l: string): Locale => (l === 'en' ? 'en' : 'uk');

export function eventPlace(e: CalendarEvent, locale: Locale): string {
	if (e.format === 'online') return locale === 'en' ? 'online' : 'онлайн';
	return [pick(locale, e.placeUk ?? '', e.placeEn ?? ''), e.address ?? ''].filter(Boolean).join(', ');
}

export function mailData(e: CalendarEvent, r: Pick<MailRecipient, 'name' | 'position'>, locale: Locale, extra: Partial<EventMailData> = {}): EventMailData {
	return {
		name: r.name,
		title: pick(locale, e.titleUk, e.titleEn),
		startsAt: e.startsAt.toISOString(),
		endsAt: e.endsAt.toISOString(),
		place: eventPlace(e, locale),
		url: eventUrl(e.slug, locale),
		...(r.position ? { position: r.position } : {}),
		...extra
	};
}

type Kind = 'event_registered' | 'event_promoted' | 'event_updated' | 'event_cancelled' | 'event_registration_cancelled' | 'event_registration_removed' | 'event_waitlisted';

/**
 * Enqueues one person's message about an event, in the caller's transaction. Messages that change a
 * calendar carry an iTIP part: REQUEST for a seat, CANCEL when it goes away.
 */
export async function sendEventMail(
	kind: Kind,
	e: CalendarEvent,
	r: MailRecipient,
	tx: Prisma.TransactionClient,
	options: { dedupeKey?: string; withCalendar?: boolean; extra?: Partial<EventMailData> } = {}
): Promise<void> {
	const locale = loc(r.locale);
	const method = kind === 'event_cancelled' || kind === 'event_registration_cancelled' || kind === 'event_registration_removed' ? 'CANCEL' : kind === 'event_waitlisted' ? null : 'REQUEST';
	const withCalendar = options.withCalendar ?? true;
	await enqueueMail(
		{
			to: r.email,
			template: kind,
			locale,
			data: { ...mailData(e, r, locale, options.extra) },
			dedupeKey: options.dedupeKey,
			icalEvent:
				method && withCalendar
					? { method, filename: method === 'CANCEL' ? 'cancel.ics' : 'invite.ics', content: invitationIcs(e, { name: r.name, email: r.email, sequenceOffset: r.sequenceOffset }, method, locale) }
					: undefined
		},
		tx
	);
}
