/**
 * Messages after an event, sent by a job every minute through the outbox:
 *   - "the recording is published": to everyone who had a seat, once its publishedAt has come;
 *   - "the feedback survey is open": to everyone who had a seat and has not answered, once the event
 *     is over (the survey opens at the start, but people are asked when they have seen all of it).
 * Each is claimed once per recording or event (announcedAt, feedbackMailedAt set in the same
 * transaction as the messages), and each message carries a dedupe key per person, so two instances,
 * a retry or a restart never send one twice. Older items than LOOKBACK are not followed up (a portal
 * started after a long pause does not mail about last year's events).
 */
import { db } from '../db/index.ts';
import type { Prisma } from '../db/index.ts';
import { enqueueMail } from '../mail/index.ts';
import { defineJob, schedule } from '../jobs/index.ts';
import { mailData } from './mail.ts';
import { pick, type Locale } from './types.ts';

export const FOLLOWUPS_JOB = 'events.followups';
/** How far back a recording or an event's end may lie to be followed up. */
export const LOOKBACK_MS = 7 * 86_400_000;

const loc = (l: string): Locale => (l === 'en' ? 'en' : 'uk');

type Seat = { id: string; name: string; email: string; locale: string };

async function seatsOf(tx: Prisma.TransactionClient, eventId: string, where: Prisma.RegistrationWhereInput = {}): Promise<Seat[]> {
	return tx.registration.findMany({ where: { eventId, status: 'registered', ...where }, select: { id: true, name: true, email: true, locale: true }, orderBy: { registeredAt: 'asc' } });
}

/** Announces every recording whose time has come; returns the number of messages enqueued. */
export async function announceRecordings(now = new Date()): Promise<number> {
	const due = await db().recording.findMany({
		where: { announcedAt: null, publishedAt: { lte: now, gte: new Date(now.getTime() - LOOKBACK_MS) }, event: { status: 'scheduled' } },
		select: { id: true },
		take: 100
	});
	let sent = 0;
	for (const { id } of due) {
		sent += await db().$transaction(async (tx) => {
			const claimed = await tx.recording.updateMany({ where: { id, announcedAt: null }, data: { announcedAt: now } });
			if (claimed.count !== 1) return 0;
			const r = await tx.recording.findUniqueOrThrow({ where: { id }, include: { event: true } });
			const seats = await seatsOf(tx, r.eventId);
			for (const s of seats) {
				const locale = loc(s.locale);
				await enqueueMail(
					{
						to: s.email,
						template: 'event_recording_published',
						locale,
						data: { ...mailData(r.event, s, locale, { recording: pick(locale, r.titleUk, r.titleEn) }) },
						dedupeKey: `event-recording:${r.id}:${s.id}`
					},
					tx
				);
			}
			return seats.length;
		});
	}
	return sent;
}

/** Invites the people who had a seat at events that are over to the feedback survey. */
export async function inviteToFeedback(now = new Date()): Promise<number> {
	const due = await db().event.findMany({
		where: { feedbackMailedAt: null, status: 'scheduled', endsAt: { lte: now, gte: new Date(now.getTime() - LOOKBACK_MS) } },
		select: { id: true },
		take: 100
	});
	let sent = 0;
	for (const { id } of due) {
		sent += await db().$transaction(async (tx) => {
			const claimed = await tx.event.updateMany({ where: { id, feedbackMailedAt: null }, data: { feedbackMailedAt: now } });
			if (claimed.count !== 1) return 0;
			const e = await tx.event.findUniqueOrThrow({ where: { id } });
			const seats = await seatsOf(tx, id, { feedback: null });
			for (const s of seats) {
				const locale = loc(s.locale);
				await enqueueMail(
					{ to: s.email, template: 'event_feedback_open', locale, data: { ...mailData(e, s, locale) }, dedupeKey: `event-feedback:${s.id}` },
					tx
				);
			}
			return seats.length;
		});
	}
	return sent;
}

export async function sendFollowUps(now = new Date()): Promise<{ recordings: number; feedback: number }> {
	return { recordings: await announceRecordings(now), feedback: await inviteToFeedback(now) };
}

defineJob<Record<string, never>>(FOLLOWUPS_JOB, async () => void (await sendFollowUps()), {
	retryLimit: 2,
	expireInSeconds: 10 * 60,
	deleteAfterSeconds: 60 * 60,
	policy: 'singleton'
});

schedule(FOLLOWUPS_JOB, '* * * * *');
