/**
 * What an event's page shows to one person at one moment: the event, seats, their registrations,
 * the join link (only with a seat, and only from joinOpensMinutes before the start until the end),
 * check-in, recordings and the feedback form.
 */
import { db } from '../db/index.ts';
import type { Event } from '../db/generated/client.ts';
import { registrationState, ownRegistration, registrationsOf, seatCounts, waitlistPlace, type Person } from './registration.ts';
import { checkinOpen } from './attendance.ts';
import { recordingsOf } from './recordings.ts';
import { feedbackOpen, surveyQuestions } from './feedback.ts';
import { isHost } from './events.ts';
import { readMaterials, readProgramme, readQuestions, readSpeakers } from './types.ts';

export function joinWindow(e: Pick<Event, 'startsAt' | 'endsAt' | 'joinOpensMinutes'>): { opensAt: Date; closesAt: Date } {
	return { opensAt: new Date(e.startsAt.getTime() - e.joinOpensMinutes * 60_000), closesAt: e.endsAt };
}

/** Everything public about an event (no join link, no check-in code). */
export function publicEvent(e: Event) {
	// The join link, the check-in code and who hosts it (account ids) never reach the page's data.
	const { joinUrl, checkinCode: _code, hostIds: _hosts, createdById: _creator, ...rest } = e;
	return {
		...rest,
		hasJoinUrl: !!joinUrl,
		speakers: readSpeakers(e.speakers),
		materials: readMaterials(e.materials),
		programme: readProgramme(e.programme),
		questions: readQuestions(e.questions)
	};
}

export async function eventPage(e: Event, person: Person | null, now = new Date()) {
	const [seats, recordings] = await Promise.all([seatCounts(e.id), recordingsOf(e.id, person?.id ?? null, now)]);
	const host = isHost(e, person?.id);
	let own = null as Awaited<ReturnType<typeof ownRegistration>>;
	let others: Awaited<ReturnType<typeof registrationsOf>> = [];
	let place: number | null = null;
	let attendance: { source: string; attendedAt: Date } | null = null;
	if (person) {
		own = await ownRegistration(e.id, person);
		others = (await registrationsOf(e.id, person)).filter((r) => r.id !== own?.id && r.status !== 'cancelled');
		if (own?.status === 'waitlisted' && own.position != null) place = await waitlistPlace(db(), e.id, own.position);
		const a = await db().attendance.findUnique({ where: { eventId_userId: { eventId: e.id, userId: person.id } } });
		attendance = own?.attendance ?? a ?? null;
	}
	const hasSeat = own?.status === 'registered';
	const win = joinWindow(e);
	const joinOpen = hasSeat && e.status !== 'cancelled' && !!e.joinUrl && now >= win.opensAt && now <= win.closesAt;
	const feedbackState = !hasSeat || !feedbackOpen(e, now) ? 'closed' : own?.feedback ? 'answered' : 'open';
	return {
		event: publicEvent(e),
		seats: { ...seats, left: e.capacity == null ? null : Math.max(0, e.capacity - seats.registered) },
		registration: own ? { id: own.id, status: own.status, place, answers: own.answers, registeredAt: own.registeredAt } : null,
		delegation: others.map((r) => ({ id: r.id, name: r.name, email: r.email, status: r.status, group: r.group?.name ?? null })),
		registrationState: registrationState(e, now),
		join: { url: joinOpen ? e.joinUrl : null, opensAt: win.opensAt, online: e.format !== 'in_person' && !!e.joinUrl },
		checkin: { open: hasSeat && checkinOpen(e, now) && !attendance },
		attendance: attendance ? { source: attendance.source, attendedAt: attendance.attendedAt, credits: e.credits } : null,
		recordings,
		feedback: { state: feedbackState as 'closed' | 'answered' | 'open', questions: feedbackState === 'open' ? await surveyQuestions(e.id) : [] },
		isHost: host,
		past: now >= e.endsAt
	};
}

/** A person's page of events: seats and waitlist places ahead, what they attended, their credits. */
export async function myEvents(person: Person, now = new Date()) {
	const regs = await db().registration.findMany({
		where: { status: { in: ['registered', 'waitlisted'] }, OR: [{ userId: person.id }, { email: person.email.toLowerCase() }], event: { endsAt: { gte: now } } },
		include: { event: true },
		orderBy: { event: { startsAt: 'asc' } }
	});
	return regs.map((r) => ({ id: r.id, status: r.status, event: publicEvent(r.event) }));
}
