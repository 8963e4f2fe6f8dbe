/**
 * Registration: seats up to the capacity, then a waitlist in order; a freed seat goes to the first
 * person waiting (with a message); cancellation by the participant, their delegation's registrant or a
 * host; group registration of a city's delegation by one person; answers to the event's extra
 * questions. Every change of seats runs under the event's row lock (lock.ts).
 */
import type { Prisma } from '../db/index.ts';
import { db } from '../db/index.ts';
import type { Event, Registration } from '../db/generated/client.ts';
import { EventError } from './errors.ts';
import { withEventLock } from './lock.ts';
import { sendEventMail } from './mail.ts';
import { enqueueMail } from '../mail/index.ts';
import { mailData } from './mail.ts';
import { readQuestions, type ExtraQuestion, type Locale } from './types.ts';
// identity's action and target lists are closed unions: the events' values are cast here, in one
// place, as the club does (the admin audit page shows unknown actions as they are).
import { recordAudit, type AuditAction, type AuditTargetType } from '../identity/audit.ts';

export interface Person {
	id: string;
	email: string;
	name: string | null;
	locale?: string | null;
}

export interface ParticipantInput {
	name: string;
	email: string;
}

export type Answers = Record<string, string | boolean>;

export interface RegistrationResult {
	registration: Registration;
	status: 'registered' | 'waitlisted';
	position: number | null;
}

const loc = (l: string | null | undefined): Locale => (l === 'en' ? 'en' : 'uk');

/** Whether registration is possible at `now` (the event's window, not cancelled, not over). */
export function registrationState(e: Pick<Event, 'status' | 'registrationOpensAt' | 'registrationClosesAt' | 'startsAt' | 'endsAt'>, now = new Date()): 'open' | 'not_open' | 'closed' | 'cancelled' {
	if (e.status === 'cancelled') return 'cancelled';
	if (e.registrationOpensAt && now < e.registrationOpensAt) return 'not_open';
	const closes = e.registrationClosesAt ?? e.endsAt;
	if (now >= closes || now >= e.endsAt) return 'closed';
	return 'open';
}

function assertOpen(e: Event, now: Date): void {
	const state = registrationState(e, now);
	if (state === 'cancelled') throw new EventError('cancelled');
	if (state === 'not_open') throw new EventError('registration_not_open');
	if (state === 'closed') throw new EventError('registration_closed');
}

/**
 * Checks and normalises answers against the event's questions (unknown keys are dropped). A
 * delegation is registered without per-person answers, so `required` is not enforced for groups.
 */
export function checkAnswers(questions: ExtraQuestion[], raw: Record<string, unknown>, options: { enforceRequired?: boolean } = {}): Answers {
	const enforce = options.enforceRequired ?? true;
	const answers: Answers = {};
	for (const q of questions) {
		const v = raw[q.id];
		if (q.type === 'boolean') {
			const b = v === true || v === 'true' || v === 'on' || v === '1';
			if (enforce && q.required && !b) throw new EventError('invalid', `question ${q.id} must be confirmed`);
			answers[q.id] = b;
			continue;
		}
		const s = typeof v === 'string' ? v.trim().slice(0, 2000) : '';
		if (!s) {
			if (enforce && q.required) throw new EventError('invalid', `question ${q.id} is required`);
			continue;
		}
		if (q.type === 'choice' && !q.options?.some((o) => o.value === s)) throw new EventError('invalid', `question ${q.id}: unknown option`);
		answers[q.id] = s;
	}
	return answers;
}

async function seatsTaken(tx: Prisma.TransactionClient, eventId: string): Promise<number> {
	return tx.registration.count({ where: { eventId, status: 'registered' } });
}

async function nextPosition(tx: Prisma.TransactionClient, eventId: string): Promise<number> {
	const agg = await tx.registration.aggregate({ where: { eventId, status: 'waitlisted' }, _max: { position: true } });
	return (agg._max.position ?? 0) + 1;
}

/** The person's waitlist place counted from 1 (positions themselves only grow). */
export async function waitlistPlace(tx: Prisma.TransactionClient, eventId: string, position: number): Promise<number> {
	return tx.registration.count({ where: { eventId, status: 'waitlisted', position: { lte: position } } });
}

interface Seat {
	name: string;
	email: string;
	userId: string | null;
	locale: Locale;
	organizationName: string | null;
	answers: Answers;
	groupId: string | null;
}

/**
 * Gives one person a seat or a waitlist place, under the lock. An earlier cancelled registration of
 * the same address is reused (its sequence offset keeps their calendar copy's SEQUENCE growing).
 */
async function takeSeat(tx: Prisma.TransactionClient, e: Event, registrantId: string, seat: Seat, free: { n: number }): Promise<RegistrationResult | 'exists'> {
	const existing = await tx.registration.findUnique({ where: { eventId_email: { eventId: e.id, email: seat.email } } });
	if (existing && existing.status !== 'cancelled') return 'exists';
	const registered = free.n > 0;
	const position = registered ? null : await nextPosition(tx, e.id);
	if (registered) free.n--;
	const data = {
		userId: seat.userId,
		registrantId,
		groupId: seat.groupId,
		name: seat.name,
		organizationName: seat.organizationName,
		locale: seat.locale,
		status: registered ? ('registered' as const) : ('waitlisted' as const),
		position,
		answers: seat.answers,
		registeredAt: new Date(),
		promotedAt: null,
		cancelledAt: null
	};
	const registration = existing
		? await tx.registration.update({ where: { id: existing.id }, data })
		: await tx.registration.create({ data: { ...data, eventId: e.id, email: seat.email } });
	const recipient = { id: registration.id, name: seat.name, email: seat.email, locale: seat.locale, sequenceOffset: registration.sequenceOffset };
	if (registered) {
		await sendEventMail('event_registered', e, recipient, tx);
		return { registration, status: 'registered', position: null };
	}
	const place = await waitlistPlace(tx, e.id, position!);
	await sendEventMail('event_waitlisted', e, { ...recipient, position: place }, tx);
	return { registration, status: 'waitlisted', position: place };
}

function freeSeats(e: Event, taken: number): { n: number } {
	return { n: e.capacity == null ? Number.POSITIVE_INFINITY : Math.max(0, e.capacity - taken) };
}

/** A signed-in person registers themselves. Throws EventError('already_registered') on a second try. */
export async function register(eventId: string, person: Person, input: { answers?: Record<string, unknown>; organizationName?: string | null } = {}, now = new Date()): Promise<RegistrationResult> {
	return withEventLock(eventId, async (tx) => {
		const e = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
		assertOpen(e, now);
		const answers = checkAnswers(readQuestions(e.questions), input.answers ?? {});
		const free = freeSeats(e, await seatsTaken(tx, e.id));
		const result = await takeSeat(
			tx,
			e,
			person.id,
			{
				name: (person.name ?? '').trim() || person.email,
				email: person.email.trim().toLowerCase(),
				userId: person.id,
				locale: loc(person.locale),
				organizationName: input.organizationName?.trim() || null,
				answers,
				groupId: null
			},
			free
		);
		if (result === 'exists') throw new EventError('already_registered');
		return result;
	});
}

export interface GroupResult {
	groupId: string;
	registered: number;
	waitlisted: number;
	/** Addresses that already had a registration (left as they were). */
	skipped: string[];
}

/**
 * One person registers a delegation (e.g. a city council's staff for a one-day internship). Each
 * participant gets a seat or a waitlist place in the order given, and their own message with the
 * calendar invitation; the registrant gets a summary.
 */
export async function registerGroup(
	eventId: string,
	registrant: Person,
	input: { delegation: string; organizationName?: string | null; participants: ParticipantInput[]; answers?: Record<string, unknown> },
	now = new Date()
): Promise<GroupResult> {
	const participants = dedupe(input.participants);
	if (participants.length === 0) throw new EventError('invalid', 'no participants');
	// Accounts of the participants, so their attendance counts for them (read-only look-up by address).
	const accounts = await db().user.findMany({ where: { email: { in: participants.map((p) => p.email) } }, select: { id: true, email: true, locale: true } });
	const byEmail = new Map(accounts.map((a) => [a.email.toLowerCase(), a]));
	return withEventLock(eventId, async (tx) => {
		const e = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
		assertOpen(e, now);
		if (participants.length > e.groupMax) throw new EventError('group_too_large');
		const answers = checkAnswers(readQuestions(e.questions), input.answers ?? {}, { enforceRequired: false });
		const organizationName = input.organizationName?.trim() || null;
		const group = await tx.registrationGroup.create({ data: { eventId: e.id, registrantId: registrant.id, name: input.delegation.trim(), organizationName } });
		const free = freeSeats(e, await seatsTaken(tx, e.id));
		const result: GroupResult = { groupId: group.id, registered: 0, waitlisted: 0, skipped: [] };
		for (const p of participants) {
			const account = byEmail.get(p.email);
			const r = await takeSeat(
				tx,
				e,
				registrant.id,
				{ name: p.name, email: p.email, userId: account?.id ?? null, locale: loc(account?.locale ?? registrant.locale), organizationName, answers, groupId: group.id },
				free
			);
			if (r === 'exists') result.skipped.push(p.email);
			else result[r.status]++;
		}
		const locale = loc(registrant.locale);
		await enqueueMail(
			{
				to: registrant.email,
				template: 'event_group_registered',
				locale,
				data: { ...mailData(e, { name: registrant.name ?? '' }, locale, { delegation: group.name, registered: result.registered, waitlisted: result.waitlisted }) }
			},
			tx
		);
		return result;
	});
}

function dedupe(list: ParticipantInput[]): ParticipantInput[] {
	const seen = new Set<string>();
	const out: ParticipantInput[] = [];
	for (const p of list) {
		const email = p.email.trim().toLowerCase();
		if (!email || seen.has(email)) continue;
		seen.add(email);
		out.push({ name: p.name.trim() || email, email });
	}
	return out;
}

/**
 * Gives free seats to the people waiting, first come first served, each with a message carrying the
 * calendar invitation. Call under the event's lock.
 */
export async function promoteWaitlisted(tx: Prisma.TransactionClient, e: Event, now = new Date()): Promise<number> {
	if (e.status === 'cancelled' || now >= e.endsAt) return 0;
	const free = e.capacity == null ? Number.POSITIVE_INFINITY : e.capacity - (await seatsTaken(tx, e.id));
	if (free <= 0) return 0;
	const waiting = await tx.registration.findMany({
		where: { eventId: e.id, status: 'waitlisted' },
		orderBy: { position: 'asc' },
		take: Number.isFinite(free) ? free : undefined
	});
	for (const r of waiting) {
		const promoted = await tx.registration.update({ where: { id: r.id }, data: { status: 'registered', position: null, promotedAt: now } });
		await sendEventMail('event_promoted', e, promoted, tx);
	}
	return waiting.length;
}

/** May `actor` cancel this registration? The participant, the delegation's registrant, or a host. */
export function mayCancel(r: Pick<Registration, 'userId' | 'email' | 'registrantId'>, actor: Person, isHost: boolean): boolean {
	return isHost || r.userId === actor.id || r.registrantId === actor.id || r.email === actor.email.trim().toLowerCase();
}

/**
 * Cancels a registration (a seat or a waitlist place). A freed seat goes to the first person waiting.
 * The participant gets an iTIP CANCEL for their calendar copy (SEQUENCE raised by one).
 */
export async function cancelRegistration(registrationId: string, actor: Person, options: { isHost?: boolean } = {}, now = new Date()): Promise<{ promoted: number }> {
	const found = await db().registration.findUnique({ where: { id: registrationId }, select: { eventId: true } });
	if (!found) throw new EventError('not_found');
	return withEventLock(found.eventId, async (tx) => {
		const r = await tx.registration.findUniqueOrThrow({ where: { id: registrationId } });
		if (!mayCancel(r, actor, options.isHost ?? false)) throw new EventError('forbidden');
		if (r.status === 'cancelled') return { promoted: 0 };
		const e = await tx.event.findUniqueOrThrow({ where: { id: r.eventId } });
		if (now >= e.endsAt) throw new EventError('registration_closed');
		const cancelled = await tx.registration.update({
			where: { id: r.id },
			data: { status: 'cancelled', position: null, cancelledAt: now, sequenceOffset: { increment: 1 } }
		});
		// A waitlist place had no calendar copy; a seat did.
		await sendEventMail('event_registration_cancelled', e, cancelled, tx, { withCalendar: r.status === 'registered' });
		const promoted = r.status === 'registered' ? await promoteWaitlisted(tx, e, now) : 0;
		return { promoted };
	});
}

export const REMOVAL_REASON_MAX = 1000;

/**
 * A host removes someone's registration (a seat or a waitlist place), with a reason the person reads
 * in their message (an iTIP CANCEL for a seat). A freed seat goes to the first person waiting, who is
 * told as on any promotion. The removal is audited (event.registration_removed) in the same
 * transaction. Who is a host is checked by the caller (permission event:host) and again here.
 */
export async function removeRegistration(
	eventId: string,
	registrationId: string,
	host: Person,
	reason: string,
	now = new Date()
): Promise<{ promoted: number; name: string }> {
	const why = reason.replace(/\s+/g, ' ').trim().slice(0, REMOVAL_REASON_MAX);
	if (!why) throw new EventError('invalid', 'reason');
	return withEventLock(eventId, async (tx) => {
		const e = await tx.event.findUniqueOrThrow({ where: { id: eventId } });
		const r = await tx.registration.findUnique({ where: { id: registrationId } });
		// A registration of another event is as good as missing.
		if (!r || r.eventId !== eventId) throw new EventError('not_found');
		if (r.status === 'cancelled') throw new EventError('not_registered');
		const removed = await tx.registration.update({
			where: { id: r.id },
			data: { status: 'cancelled', position: null, cancelledAt: now, sequenceOffset: { increment: 1 } }
		});
		await sendEventMail('event_registration_removed', e, removed, tx, { withCalendar: r.status === 'registered', extra: { reason: why } });
		const promoted = r.status === 'registered' ? await promoteWaitlisted(tx, e, now) : 0;
		await recordAudit(tx, {
			actorId: host.id,
			action: 'event.registration_removed' as AuditAction,
			targetType: 'event_registration' as unknown as AuditTargetType,
			targetId: r.id,
			subjectUserId: r.userId,
			before: { status: r.status, position: r.position },
			after: { status: 'cancelled' },
			data: { eventId, eventSlug: e.slug, name: r.name, email: r.email, reason: why, promoted }
		});
		return { promoted, name: r.name };
	});
}

/** The registrations a person can see on an event's page: their own and those of their delegations. */
export async function registrationsOf(eventId: string, person: Person) {
	return db().registration.findMany({
		where: { eventId, OR: [{ userId: person.id }, { email: person.email.toLowerCase() }, { registrantId: person.id }] },
		orderBy: [{ groupId: 'asc' }, { registeredAt: 'asc' }],
		include: { group: { select: { id: true, name: true } }, attendance: { select: { source: true, attendedAt: true } } }
	});
}

/** The person's own registration for an event (not one they made for somebody else). */
export async function ownRegistration(eventId: string, person: Person) {
	return db().registration.findFirst({
		where: { eventId, OR: [{ userId: person.id }, { email: person.email.toLowerCase() }] },
		include: { attendance: true, feedback: { select: { id: true } } }
	});
}

export async function seatCounts(eventId: string): Promise<{ registered: number; waitlisted: number }> {
	const rows = await db().registration.groupBy({ by: ['status'], where: { eventId, status: { in: ['registered', 'waitlisted'] } }, _count: { _all: true } });
	const get = (s: string) => rows.find((r) => r.status === s)?._count._all ?? 0;
	return { registered: get('registered'), waitlisted: get('waitlisted') };
}
