import { describe, expect, inject, it } from 'vitest';
import { db } from '../db/index.ts';
import { deliverMessage } from '../mail/index.ts';
import { register } from './registration.ts';
import { cancelEvent } from './events.ts';
import { addRecording } from './recordings.ts';
import { submitFeedback } from './feedback.ts';
import { announceRecordings, inviteToFeedback, sendFollowUps } from './followups.ts';
import { makeEvent, person, useTestSmtp } from './test-helpers.ts';

/**
 * Messages after an event: "the recording is published" and "the feedback survey is open", each to
 * the people who had a seat, once, in their language, through the outbox and a real SMTP server.
 */
const kind = inject('databaseKind');
const smtp = useTestSmtp();

const outbox = (to: string, template: string) => db().outboxMessage.findMany({ where: { to, template }, orderBy: { createdAt: 'asc' } });

/** An event that started `startedMinutesAgo` and lasted an hour, with seats for two and one person waiting. */
async function pastEvent(startedMinutesAgo: number) {
	const startsAt = new Date(Math.floor((Date.now() - startedMinutesAgo * 60_000) / 60_000) * 60_000);
	const e = await makeEvent({
		startsAt,
		endsAt: new Date(startsAt.getTime() + 60 * 60_000),
		capacity: 2,
		titleUk: 'Вебінар «Відкриті дані громади»',
		titleEn: 'Webinar "Open data of a community"'
	});
	const uk = person('Оксана Петренко', 'uk');
	const en = person('Olena Shevchenko', 'en');
	const waiting = person('Петро Очікувальний', 'uk');
	// Registration closes at the end: they registered before the start.
	const before = new Date(startsAt.getTime() - 86_400_000);
	for (const p of [uk, en, waiting]) await register(e.id, p, {}, before);
	return { e, uk, en, waiting };
}

describe(`recording published (${kind})`, () => {
	it('tells everyone with a seat once, in their language, when its time has come', async () => {
		const { e, uk, en, waiting } = await pastEvent(30);
		// Published at the end of the event (half an hour from now): nothing yet.
		const rec = await addRecording(e.id, { titleUk: 'Запис вебінару', titleEn: 'Webinar recording', url: 'https://video.example.org/v/1', durationMinutes: 60, materials: [], countsAsAttendance: true, publishedAt: e.endsAt });
		await announceRecordings();
		expect(await outbox(uk.email, 'event_recording_published')).toHaveLength(0);

		// The sweep is global (other tests' events may be due too): counted by this event's people.
		const later = new Date(e.endsAt.getTime() + 60_000);
		expect(await announceRecordings(later)).toBeGreaterThanOrEqual(2);
		// Again, and concurrently: nothing more.
		await Promise.all([announceRecordings(later), announceRecordings(later), sendFollowUps(later)]);

		const [ukMail] = await outbox(uk.email, 'event_recording_published');
		const [enMail] = await outbox(en.email, 'event_recording_published');
		expect(await outbox(uk.email, 'event_recording_published')).toHaveLength(1);
		expect(await outbox(waiting.email, 'event_recording_published')).toHaveLength(0);
		expect(ukMail!.locale).toBe('uk');
		expect(ukMail!.subject).toBe('Запис заходу опубліковано: Вебінар «Відкриті дані громади»');
		expect(ukMail!.text).toContain('Запис «Запис вебінару»');
		expect(enMail!.locale).toBe('en');
		expect(enMail!.subject).toBe('Recording published: Webinar "Open data of a community"');
		expect(enMail!.text).toContain('«Webinar recording»');
		expect((await db().recording.findUniqueOrThrow({ where: { id: rec.id } })).announcedAt).not.toBeNull();

		// Over real SMTP.
		await deliverMessage(ukMail!.id);
		const received = await smtp.waitFor(uk.email, /^Запис заходу/);
		expect(received.text).toContain(`/events/${e.slug}`);
	});

	it('a recording of a cancelled event, or one older than a week, is not announced', async () => {
		const { e, uk } = await pastEvent(120);
		await addRecording(e.id, { titleUk: 'Запис', titleEn: '', url: 'https://video.example.org/v/2', durationMinutes: null, materials: [], countsAsAttendance: false, publishedAt: new Date(Date.now() - 8 * 86_400_000) });
		await announceRecordings();
		expect(await outbox(uk.email, 'event_recording_published')).toHaveLength(0);
		await cancelEvent(e.id);
		await addRecording(e.id, { titleUk: 'Запис 2', titleEn: '', url: 'https://video.example.org/v/3', durationMinutes: null, materials: [], countsAsAttendance: false });
		await announceRecordings();
		expect(await outbox(uk.email, 'event_recording_published')).toHaveLength(0);
	});
});

describe(`feedback survey (${kind})`, () => {
	it('invites everyone with a seat once after the end, except who already answered', async () => {
		const { e, uk, en, waiting } = await pastEvent(30);
		// Still running: the survey is open, but people are asked after the end.
		await inviteToFeedback();
		expect(await outbox(uk.email, 'event_feedback_open')).toHaveLength(0);
		await submitFeedback(e.id, en, { overall: 5, useful: 4 }, new Date(e.startsAt.getTime() + 50 * 60_000));

		// Twice at once, and again later (the sweep is global: counted by this event's people).
		const after = new Date(e.endsAt.getTime() + 60_000);
		await Promise.all([inviteToFeedback(after), inviteToFeedback(after)]);
		await inviteToFeedback(new Date(after.getTime() + 3_600_000));

		const mails = await outbox(uk.email, 'event_feedback_open');
		expect(mails).toHaveLength(1);
		expect(mails[0]!.subject).toBe('Як вам захід «Вебінар «Відкриті дані громади»»? Короткий відгук');
		expect(await outbox(en.email, 'event_feedback_open')).toHaveLength(0);
		expect(await outbox(waiting.email, 'event_feedback_open')).toHaveLength(0);
		expect((await db().event.findUniqueOrThrow({ where: { id: e.id } })).feedbackMailedAt).not.toBeNull();
	});
});
