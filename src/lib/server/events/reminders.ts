/**
 * Reminders 24 hours and 1 hour before an event, sent by a job that runs every minute. Each reminder
 * is written once: the row EventReminder (unique per registration and offset) is inserted in the same
 * transaction as the message, and the outbox's dedupe key is a second guard, so two instances, a retry
 * or a restart never send one twice.
 */
import { db } from '../db/index.ts';
import { enqueueMail } from '../mail/index.ts';
import { defineJob, schedule } from '../jobs/index.ts';
import { mailData } from './mail.ts';
import type { Locale } from './types.ts';

/** Minutes before the start, largest first. */
export const REMINDER_OFFSETS = [1440, 60] as const;

export const REMINDERS_JOB = 'events.reminders';

/**
 * Sends every reminder that is due at `now`. The 24-hour one is due from 24 h until 1 h before the
 * start and only to people who registered before that day began (the others just got their
 * confirmation); the 1-hour one from 1 h before until the start.
 */
export async function sendDueReminders(now = new Date()): Promise<number> {
	let sent = 0;
	for (const [i, offset] of REMINDER_OFFSETS.entries()) {
		const nextOffset = REMINDER_OFFSETS[i + 1] ?? 0;
		const windowStart = new Date(now.getTime() + nextOffset * 60_000);
		const windowEnd = new Date(now.getTime() + offset * 60_000);
		const due = await db().registration.findMany({
			where: {
				status: 'registered',
				event: { status: 'scheduled', startsAt: { gt: windowStart, lte: windowEnd } },
				reminders: { none: { offsetMinutes: offset } }
			},
			include: { event: true },
			take: 500
		});
		for (const r of due) {
			if (r.registeredAt.getTime() > r.event.startsAt.getTime() - offset * 60_000) continue;
			const ok = await db().$transaction(async (tx) => {
				const inserted = await tx.eventReminder.createMany({ data: [{ eventId: r.eventId, registrationId: r.id, offsetMinutes: offset }], skipDuplicates: true });
				if (inserted.count !== 1) return false;
				const locale: Locale = r.locale === 'en' ? 'en' : 'uk';
				await enqueueMail(
					{
						to: r.email,
						template: 'event_reminder',
						locale,
						data: { ...mailData(r.event, r, locale, { offsetMinutes: offset }) },
						dedupeKey: `event-reminder:${r.id}:${offset}:${r.event.startsAt.toISOString()}`
					},
					tx
				);
				return true;
			});
			if (ok) sent++;
		}
	}
	return sent;
}

defineJob<Record<string, never>>(REMINDERS_JOB, async () => void (await sendDueReminders()), {
	retryLimit: 2,
	expireInSeconds: 10 * 60,
	deleteAfterSeconds: 60 * 60,
	policy: 'singleton'
});

schedule(REMINDERS_JOB, '* * * * *');
