/**
 * Events themselves: the public list and month view with filters, one event's page data, and the
 * host's changes (create, update with iTIP REQUEST SEQUENCE+1 to everyone with a seat, cancel with
 * iTIP CANCEL). Who may do what is decided by ../auth/permissions.ts (event:*); these functions
 * re-check what needs the loaded event (hosts).
 */
import { randomInt } from 'node:crypto';
import type { Prisma } from '../db/index.ts';
import { db } from '../db/index.ts';
import type { Event, EventFormat, EventKind } from '../db/generated/client.ts';
import { kyivWallTimeToUtc, utcToKyivWallTime, startOfKyivDay } from '../../i18n/datetime.ts';
import { EventError } from './errors.ts';
import { withEventLock } from './lock.ts';
import { sendEventMail } from './mail.ts';
import { promoteWaitlisted } from './registration.ts';
import { queueEventIndex } from './search-source.ts';
import { EVENT_FORMATS, EVENT_KINDS, EVENT_TOPICS, type ExtraQuestion, type Material, type ProgrammeItem, type Speaker } from './types.ts';

export const PAGE_SIZE = 20;
/** Addresses under /events that are pages, not events. */
export const RESERVED_SLUGS = ['new', 'my', 'feed', 'calendar'];
export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export interface EventFilters {
	kind?: EventKind;
	topic?: string;
	/** online: online and hybrid; in_person: in person and hybrid. */
	format?: 'online' | 'in_person';
	when: 'upcoming' | 'past' | 'all';
	page: number;
}

/** Reads the list filters from a query string; unknown values are ignored. */
export function filtersFromUrl(params: URLSearchParams): EventFilters {
	const kind = params.get('kind') ?? '';
	const topic = params.get('topic') ?? '';
	const format = params.get('format') ?? '';
	const when = params.get('when') ?? '';
	const page = Number.parseInt(params.get('page') ?? '1', 10);
	return {
		kind: (EVENT_KINDS as readonly string[]).includes(kind) ? (kind as EventKind) : undefined,
		topic: (EVENT_TOPICS as readonly string[]).includes(topic) ? topic : undefined,
		format: format === 'online' || format === 'in_person' ? format : undefined,
		when: when === 'past' || when === 'all' ? when : 'upcoming',
		page: Number.isFinite(page) && page > 0 ? Math.min(page, 10_000) : 1
	};
}

function filterWhere(f: Omit<EventFilters, 'page' | 'when'>): Prisma.EventWhereInput {
	const where: Prisma.EventWhereInput = { isPublic: true };
	if (f.kind) where.kind = f.kind;
	if (f.topic) where.topics = { has: f.topic };
	if (f.format === 'online') where.format = { in: ['online', 'hybrid'] };
	if (f.format === 'in_person') where.format = { in: ['in_person', 'hybrid'] };
	return where;
}

const cardSelect = {
	id: true,
	slug: true,
	kind: true,
	format: true,
	status: true,
	titleUk: true,
	titleEn: true,
	summaryUk: true,
	summaryEn: true,
	topics: true,
	startsAt: true,
	endsAt: true,
	placeUk: true,
	placeEn: true,
	capacity: true,
	credits: true
} satisfies Prisma.EventSelect;

export type EventCard = Prisma.EventGetPayload<{ select: typeof cardSelect }> & { registered: number; seatsLeft: number | null };

async function withSeats<T extends { id: string; capacity: number | null }>(events: T[]): Promise<(T & { registered: number; seatsLeft: number | null })[]> {
	if (events.length === 0) return [];
	const counts = await db().registration.groupBy({ by: ['eventId'], where: { eventId: { in: events.map((e) => e.id) }, status: 'registered' }, _count: { _all: true } });
	const byId = new Map(counts.map((c) => [c.eventId, c._count._all]));
	return events.map((e) => {
		const registered = byId.get(e.id) ?? 0;
		return { ...e, registered, seatsLeft: e.capacity == null ? null : Math.max(0, e.capacity - registered) };
	});
}

/** The public list: upcoming (soonest first, including those in progress), past (latest first) or all. */
export async function listEvents(f: EventFilters, now = new Date()): Promise<{ items: EventCard[]; total: number; page: number; pages: number }> {
	const where = filterWhere(f);
	if (f.when === 'upcoming') where.endsAt = { gte: now };
	if (f.when === 'past') where.endsAt = { lt: now };
	const orderBy: Prisma.EventOrderByWithRelationInput[] = f.when === 'past' ? [{ startsAt: 'desc' }, { id: 'asc' }] : [{ startsAt: 'asc' }, { id: 'asc' }];
	const total = await db().event.count({ where });
	const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
	const page = Math.min(f.page, pages);
	const rows = await db().event.findMany({ where, orderBy, skip: (page - 1) * PAGE_SIZE, take: PAGE_SIZE, select: cardSelect });
	return { items: await withSeats(rows), total, page, pages };
}

export interface MonthDay {
	/** "2026-11-22" (Kyiv calendar date). */
	date: string;
	day: number;
	inMonth: boolean;
	isToday: boolean;
	events: EventCard[];
}

export interface MonthView {
	year: number;
	month: number;
	/** Weeks Monday to Sunday. */
	weeks: MonthDay[][];
	prev: string;
	next: string;
	count: number;
}

/** "2026-11" from the query, or the current Kyiv month. */
export function monthFromParam(value: string | null, now = new Date()): { year: number; month: number } {
	const m = value ? /^(\d{4})-(\d{2})$/.exec(value) : null;
	if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12 && Number(m[1]) >= 2000 && Number(m[1]) <= 2100) return { year: Number(m[1]), month: Number(m[2]) };
	const w = utcToKyivWallTime(now);
	return { year: w.year, month: w.month };
}

const pad = (n: number) => String(n).padStart(2, '0');
const key = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The month grid (Kyiv days) with the public events that touch each day. */
export async function monthView(year: number, month: number, f: Omit<EventFilters, 'page' | 'when'>, now = new Date()): Promise<MonthView> {
	const first = new Date(Date.UTC(year, month - 1, 1));
	const lead = (first.getUTCDay() + 6) % 7; // days before the 1st to Monday
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	const cells = Math.ceil((lead + daysInMonth) / 7) * 7;
	const gridStart = new Date(Date.UTC(year, month - 1, 1 - lead));
	const gridEnd = new Date(Date.UTC(year, month - 1, 1 - lead + cells));
	const from = kyivWallTimeToUtc({ year: gridStart.getUTCFullYear(), month: gridStart.getUTCMonth() + 1, day: gridStart.getUTCDate() });
	const to = kyivWallTimeToUtc({ year: gridEnd.getUTCFullYear(), month: gridEnd.getUTCMonth() + 1, day: gridEnd.getUTCDate() });
	const where = { ...filterWhere(f), startsAt: { lt: to }, endsAt: { gt: from } };
	const events = await withSeats(await db().event.findMany({ where, orderBy: [{ startsAt: 'asc' }, { id: 'asc' }], select: cardSelect, take: 500 }));
	const today = utcToKyivWallTime(now);
	const todayKey = key(today.year, today.month, today.day);
	const days: MonthDay[] = [];
	for (let i = 0; i < cells; i++) {
		const d = new Date(gridStart.getTime() + i * 86_400_000);
		const y = d.getUTCFullYear();
		const mo = d.getUTCMonth() + 1;
		const da = d.getUTCDate();
		const dayStart = kyivWallTimeToUtc({ year: y, month: mo, day: da });
		const next = new Date(d.getTime() + 86_400_000);
		const dayEnd = kyivWallTimeToUtc({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() });
		days.push({
			date: key(y, mo, da),
			day: da,
			inMonth: mo === month,
			isToday: key(y, mo, da) === todayKey,
			events: events.filter((e) => e.startsAt < dayEnd && e.endsAt > dayStart)
		});
	}
	const weeks: MonthDay[][] = [];
	for (let i = 0; i < days.length; i += 7) weeks.push(days.slice(i, i + 7));
	const prev = month === 1 ? `${year - 1}-12` : `${year}-${pad(month - 1)}`;
	const next = month === 12 ? `${year + 1}-01` : `${year}-${pad(month + 1)}`;
	return { year, month, weeks, prev, next, count: events.length };
}

export function getEventBySlug(slug: string) {
	return db().event.findUnique({ where: { slug } });
}

export function isHost(e: Pick<Event, 'hostIds' | 'createdById'>, userId: string | null | undefined): boolean {
	return !!userId && (e.hostIds.includes(userId) || e.createdById === userId);
}

/** hostIds for permissions.ts (event:host): the hosts and whoever created the event. */
export function hostIdsOf(e: Pick<Event, 'hostIds' | 'createdById'>): string[] {
	return e.createdById ? [...new Set([...e.hostIds, e.createdById])] : e.hostIds;
}

// ---- changes by hosts

export interface EventInput {
	slug: string;
	kind: EventKind;
	format: EventFormat;
	isPublic: boolean;
	titleUk: string;
	titleEn: string;
	summaryUk: string;
	summaryEn: string;
	descriptionUk: string;
	descriptionEn: string;
	topics: string[];
	startsAt: Date;
	endsAt: Date;
	placeUk: string | null;
	placeEn: string | null;
	address: string | null;
	joinUrl: string | null;
	joinOpensMinutes: number;
	capacity: number | null;
	registrationOpensAt: Date | null;
	registrationClosesAt: Date | null;
	credits: number;
	countsTowardCourses: boolean;
	courseIds: string[];
	competencies: string[];
	groupMax: number;
	speakers: Speaker[];
	materials: Material[];
	programme: ProgrammeItem[];
	questions: ExtraQuestion[];
	hostIds: string[];
	organizerName: string | null;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'; // no 0/O, 1/I

/** A check-in code people can read off a projected slide and type: 6 characters without look-alikes. */
export function newCheckinCode(): string {
	let s = '';
	for (let i = 0; i < 6; i++) s += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
	return s;
}

function validate(input: Partial<EventInput>): void {
	if (input.slug !== undefined && (!SLUG.test(input.slug) || RESERVED_SLUGS.includes(input.slug) || input.slug.length > 80)) throw new EventError('invalid', 'slug');
	if (input.startsAt && input.endsAt && input.endsAt <= input.startsAt) throw new EventError('invalid', 'end before start');
	if (input.capacity != null && (!Number.isInteger(input.capacity) || input.capacity < 1)) throw new EventError('invalid', 'capacity');
	if (input.kind && !EVENT_KINDS.includes(input.kind)) throw new EventError('invalid', 'kind');
	if (input.format && !EVENT_FORMATS.includes(input.format)) throw new EventError('invalid', 'format');
}

const json = (v: unknown) => v as Prisma.InputJsonValue;

function toData(input: Partial<EventInput>): Prisma.EventUpdateInput {
	const { speakers, materials, programme, questions, ...rest } = input;
	return {
		...rest,
		...(speakers ? { speakers: json(speakers) } : {}),
		...(materials ? { materials: json(materials) } : {}),
		...(programme ? { programme: json(programme) } : {}),
		...(questions ? { questions: json(questions) } : {})
	};
}

export async function createEvent(input: EventInput, actorId: string | null): Promise<Event> {
	validate(input);
	const exists = await db().event.findUnique({ where: { slug: input.slug }, select: { id: true } });
	if (exists) throw new EventError('invalid', 'slug taken');
	return db().$transaction(async (tx) => {
		const event = await tx.event.create({
			data: { ...(toData(input) as Prisma.EventCreateInput), slug: input.slug, kind: input.kind, titleUk: input.titleUk, titleEn: input.titleEn, startsAt: input.startsAt, endsAt: input.endsAt, checkinCode: newCheckinCode(), createdById: actorId }
		});
		await queueEventIndex(tx, event.id);
		return event;
	});
}

/** Fields whose change people must see in their calendars (a new REQUEST with SEQUENCE + 1). */
const CALENDAR_FIELDS = ['titleUk', 'titleEn', 'summaryUk', 'summaryEn', 'startsAt', 'endsAt', 'format', 'placeUk', 'placeEn', 'address'] as const;

function sameValue(a: unknown, b: unknown): boolean {
	if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
	return (a ?? null) === (b ?? null);
}

/**
 * Changes an event. When something of the calendar changes (time, place, title), SEQUENCE goes up and
 * everyone with a seat gets an updated invitation (iTIP REQUEST, same UID). A larger capacity gives
 * the new seats to the people waiting.
 */
export async function updateEvent(eventId: string, patch: Partial<EventInput>, now = new Date()): Promise<{ event: Event; notified: number; promoted: number }> {
	validate(patch);
	return withEventLock(eventId, async (tx) => {
		const before = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
		if (before.status === 'cancelled') throw new EventError('cancelled');
		const start = patch.startsAt ?? before.startsAt;
		const end = patch.endsAt ?? before.endsAt;
		if (end <= start) throw new EventError('invalid', 'end before start');
		if (patch.slug && patch.slug !== before.slug) {
			const taken = await tx.event.findUnique({ where: { slug: patch.slug }, select: { id: true } });
			if (taken) throw new EventError('invalid', 'slug taken');
		}
		const calendarChanged = CALENDAR_FIELDS.some((k) => k in patch && !sameValue(patch[k], before[k]));
		const event = await tx.event.update({ where: { id: eventId }, data: { ...toData(patch), ...(calendarChanged ? { sequence: { increment: 1 } } : {}) } });
		let notified = 0;
		if (calendarChanged && event.endsAt > now) {
			const seats = await tx.registration.findMany({ where: { eventId, status: 'registered' } });
			for (const r of seats) await sendEventMail('event_updated', event, r, tx);
			notified = seats.length;
			// A new time resets the reminders: people are told again before the new start.
			if (!sameValue(before.startsAt, event.startsAt)) await tx.eventReminder.deleteMany({ where: { eventId } });
		}
		const promoted = await promoteWaitlisted(tx, event, now);
		await queueEventIndex(tx, eventId);
		return { event, notified, promoted };
	});
}

/** Cancels an event: SEQUENCE + 1 and an iTIP CANCEL to everyone with a seat; the waitlist is told too. */
export async function cancelEvent(eventId: string, now = new Date()): Promise<{ notified: number }> {
	return withEventLock(eventId, async (tx) => {
		const before = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
		if (before.status === 'cancelled') return { notified: 0 };
		const event = await tx.event.update({ where: { id: eventId }, data: { status: 'cancelled', cancelledAt: now, sequence: { increment: 1 } } });
		const people = await tx.registration.findMany({ where: { eventId, status: { in: ['registered', 'waitlisted'] } } });
		for (const r of people) await sendEventMail('event_cancelled', event, r, tx, { withCalendar: r.status === 'registered' });
		// A cancelled event leaves the search index.
		await queueEventIndex(tx, eventId);
		return { notified: people.length };
	});
}

/**
 * Deletes an event with everything of it (registrations, attendance, recordings, feedback). Meant for
 * events created by mistake: one that people registered for is cancelled instead (they are told), so
 * this refuses while anyone holds a seat or a waitlist place. The event leaves the search index.
 */
export async function deleteEvent(eventId: string): Promise<void> {
	await withEventLock(eventId, async (tx) => {
		const people = await tx.registration.count({ where: { eventId, status: { in: ['registered', 'waitlisted'] } } });
		if (people > 0) throw new EventError('invalid', 'has registrations');
		await tx.event.delete({ where: { id: eventId } });
		await queueEventIndex(tx, eventId);
	});
}

/** Upcoming events a host runs (for /events/my). */
export function hostedEvents(userId: string, now = new Date()) {
	return db().event.findMany({
		where: { OR: [{ hostIds: { has: userId } }, { createdById: userId }], endsAt: { gte: startOfKyivDay(new Date(now.getTime() - 30 * 86_400_000)) } },
		orderBy: { startsAt: 'asc' },
		select: cardSelect,
		take: 50
	});
}
