import { describe, expect, it, inject } from 'vitest';
import { db } from '../db/index.ts';
import { resetConfig } from '../config/index.ts';
import { deliverMessage } from '../mail/index.ts';
import { sendJob, startJobs, stopJobs } from '../jobs/index.ts';
import { register } from './registration.ts';
import { updateEvent } from './events.ts';
import { REMINDERS_JOB, sendDueReminders } from './reminders.ts';
import { makeEvent, person, useTestSmtp } from './test-helpers.ts';

const kind = inject('databaseKind');
const smtp = useTestSmtp();

async function deliverAllTo(to: string) {
	const rows = await db().outboxMessage.findMany({ where: { to, status: 'pending' } });
	// Two workers at once, as two app instances would: the outbox claim lets one send.
	await Promise.all(rows.flatMap((r) => [deliverMessage(r.id), deliverMessage(r.id)]));
}

/** Sweeps at the same time, as two app instances on one database would run them. */
async function sweeps(times: Date[]): Promise<void> {
	await Promise.all(times.map((t) => sendDueReminders(t)));
}

const sent = (eventId: string, offsetMinutes?: number) => db().eventReminder.count({ where: { eventId, ...(offsetMinutes ? { offsetMinutes } : {}) } });

const reminders = (to: string) => smtp.messages.filter((m) => m.to.includes(to) && /^Нагадування|^Reminder/.test(m.subject));

describe(`reminders over real SMTP (${kind})`, () => {
	it('24 h and 1 h before: each received exactly once, however often and concurrently the sweep runs', async () => {
		const e = await makeEvent({ startsAt: new Date(Date.now() + 3 * 86_400_000) });
		const [a, b] = [person('Олена'), person('John Smith', 'en')];
		await register(e.id, a);
		await register(e.id, b);
		const at = (minutesBefore: number) => new Date(e.startsAt.getTime() - minutesBefore * 60_000);

		// Too early: nothing.
		await sendDueReminders(at(25 * 60));
		expect(await sent(e.id)).toBe(0);
		// The 24-hour window: three sweeps, then again later in the window.
		await sweeps([at(23 * 60 + 59), at(23 * 60 + 59), at(23 * 60 + 58)]);
		await sendDueReminders(at(5 * 60));
		expect(await sent(e.id, 1440)).toBe(2);
		expect(await sent(e.id, 60)).toBe(0);
		// The 1-hour window.
		await sweeps([at(59), at(58), at(58)]);
		await sendDueReminders(at(10));
		// After the start: nothing more.
		await sendDueReminders(at(-5));
		expect(await sent(e.id, 60)).toBe(2);

		await deliverAllTo(a.email);
		await deliverAllTo(b.email);
		await smtp.waitFor(a.email, /Нагадування/);
		await smtp.waitFor(b.email, /Reminder/);
		await new Promise((r) => setTimeout(r, 500));
		const forA = reminders(a.email);
		expect(forA.map((m) => m.text.includes('за добу') ? 'day' : m.text.includes('за годину') ? 'hour' : '?').sort()).toEqual(['day', 'hour']);
		const forB = reminders(b.email);
		expect(forB).toHaveLength(2);
		expect(forB.some((m) => m.text.includes('starts in 24 hours'))).toBe(true);
		expect(forB.some((m) => m.text.includes('starts in one hour'))).toBe(true);
		expect(await db().eventReminder.count({ where: { eventId: e.id } })).toBe(4);
	});

	it('skips the 24-hour reminder for people who registered within the last day, and waitlisted people', async () => {
		const e = await makeEvent({ startsAt: new Date(Date.now() + 20 * 3600_000), capacity: 1 });
		const [a, b] = [person(), person()];
		await register(e.id, a);
		await register(e.id, b); // waitlisted
		await sendDueReminders(new Date(e.startsAt.getTime() - 19 * 3600_000));
		expect(await sent(e.id)).toBe(0);
		await sendDueReminders(new Date(e.startsAt.getTime() - 30 * 60_000));
		expect(await sent(e.id, 60)).toBe(1);
	});

	it('a new start time brings the reminders back once, before the new time', async () => {
		const e = await makeEvent({ startsAt: new Date(Date.now() + 3 * 86_400_000) });
		const a = person();
		await register(e.id, a);
		await sendDueReminders(new Date(e.startsAt.getTime() - 30 * 60_000));
		expect(await sent(e.id, 60)).toBe(1);
		const later = new Date(e.startsAt.getTime() + 86_400_000);
		await updateEvent(e.id, { startsAt: later, endsAt: new Date(later.getTime() + 3600_000) });
		expect(await sent(e.id)).toBe(0);
		await sendDueReminders(new Date(later.getTime() - 30 * 60_000));
		await sendDueReminders(new Date(later.getTime() - 20 * 60_000));
		expect(await sent(e.id, 60)).toBe(1);
		const mails = await db().outboxMessage.findMany({ where: { to: a.email, template: 'event_reminder' } });
		expect(mails).toHaveLength(2);
	});

	it('the reminders job of the runner sends a due reminder once, through the mail worker', { timeout: 60_000 }, async () => {
		const e = await makeEvent({ startsAt: new Date(Date.now() + 40 * 60_000) });
		const a = person('Ірина');
		const r = await register(e.id, a);
		// Registered well before: due for the 1-hour reminder now.
		await db().registration.update({ where: { id: r.registration.id }, data: { registeredAt: new Date(Date.now() - 3 * 3600_000) } });
		process.env.JOBS = 'on';
		resetConfig();
		try {
			await startJobs(inject('databaseUrl'), async () => {}, { force: true, only: ['mail.send', REMINDERS_JOB], schedules: false });
			await sendJob(REMINDERS_JOB, {});
			await sendJob(REMINDERS_JOB, {});
			const mail = await smtp.waitFor(a.email, /Нагадування/, 30_000);
			expect(mail.text).toContain('за годину');
			await new Promise((res) => setTimeout(res, 3000));
			expect(reminders(a.email)).toHaveLength(1);
		} finally {
			await stopJobs({ timeout: 2_000 });
			process.env.JOBS = 'off';
			resetConfig();
		}
	});
});
