import { describe, expect, it, inject } from 'vitest';
import ICAL from 'ical.js';
import nodeIcal, { type VEvent } from 'node-ical';
import { db } from '../db/index.ts';
import { deliverMessage } from '../mail/index.ts';
import { cancelRegistration, register, registerGroup } from './registration.ts';
import { cancelEvent, updateEvent } from './events.ts';
import { EventError } from './errors.ts';
import { makeEvent, person, useTestSmtp } from './test-helpers.ts';

const kind = inject('databaseKind');
const smtp = useTestSmtp();

function outbox(to: string) {
	return db().outboxMessage.findMany({ where: { to }, orderBy: { createdAt: 'asc' } });
}

function icsOf(row: { icalEvent: unknown }) {
	const ical = row.icalEvent as { method: string; content: string } | null;
	if (!ical) return null;
	const comp = new ICAL.Component(ICAL.parse(ical.content));
	const ev = new ICAL.Event(comp.getFirstSubcomponent('vevent')!);
	return { method: ical.method, calMethod: comp.getFirstPropertyValue('method'), uid: ev.uid, sequence: ev.sequence, start: ev.startDate.toJSDate().toISOString() };
}

describe(`registration (${kind})`, () => {
	it('gives seats up to the capacity, then waitlist places in order', async () => {
		const e = await makeEvent({ capacity: 2 });
		const [a, b, c, d] = [person('А'), person('Б'), person('В'), person('Г')];
		expect((await register(e.id, a)).status).toBe('registered');
		expect((await register(e.id, b)).status).toBe('registered');
		const rc = await register(e.id, c);
		expect(rc).toMatchObject({ status: 'waitlisted', position: 1 });
		expect((await register(e.id, d)).position).toBe(2);
		await expect(register(e.id, a)).rejects.toThrow(EventError);
		const mails = await outbox(c.email);
		expect(mails.map((x) => x.template)).toEqual(['event_waitlisted']);
		expect(mails[0].subject).toContain('списку очікування');
		expect(mails[0].icalEvent).toBeNull();
	});

	it('promotes the first person waiting when a seat frees up, with a message and an invitation', async () => {
		const e = await makeEvent({ capacity: 1 });
		const [a, b, c] = [person('Андрій'), person('Богдана'), person('Віктор')];
		const ra = await register(e.id, a);
		await register(e.id, b);
		await register(e.id, c);
		const { promoted } = await cancelRegistration(ra.registration.id, a);
		expect(promoted).toBe(1);
		const rows = await db().registration.findMany({ where: { eventId: e.id }, orderBy: { registeredAt: 'asc' } });
		expect(rows.map((r) => [r.name, r.status])).toEqual([
			['Андрій', 'cancelled'],
			['Богдана', 'registered'],
			['Віктор', 'waitlisted']
		]);
		const bMails = await outbox(b.email);
		expect(bMails.map((x) => x.template)).toEqual(['event_waitlisted', 'event_promoted']);
		expect(icsOf(bMails[1])).toMatchObject({ method: 'REQUEST', calMethod: 'REQUEST', sequence: 0 });
		// The one who cancelled gets a CANCEL for their calendar copy, SEQUENCE one higher.
		const aMails = await outbox(a.email);
		expect(aMails.map((x) => x.template)).toEqual(['event_registered', 'event_registration_cancelled']);
		const req = icsOf(aMails[0])!;
		const can = icsOf(aMails[1])!;
		expect(can.method).toBe('CANCEL');
		expect(can.uid).toBe(req.uid);
		expect(can.sequence).toBe(req.sequence + 1);
		// Registering again reuses the row; the new REQUEST is higher still (and takes the waitlist: no seat).
		const again = await register(e.id, a);
		expect(again.status).toBe('waitlisted');
		expect(again.registration.id).toBe(ra.registration.id);
		// Cancelling a waitlist place frees no seat.
		expect((await cancelRegistration(again.registration.id, a)).promoted).toBe(0);
	});

	it('lets only the participant, their registrant or a host cancel', async () => {
		const e = await makeEvent();
		const a = person();
		const r = await register(e.id, a);
		await expect(cancelRegistration(r.registration.id, person())).rejects.toMatchObject({ code: 'forbidden' });
		await cancelRegistration(r.registration.id, person(), { isHost: true });
		expect((await db().registration.findUniqueOrThrow({ where: { id: r.registration.id } })).status).toBe('cancelled');
	});

	it('checks extra questions: required, choices, confirmations', async () => {
		const e = await makeEvent({
			questions: [
				{ id: 'city', type: 'text', required: true, uk: 'Місто', en: 'City' },
				{ id: 'needs', type: 'choice', required: true, uk: 'Потреба', en: 'Need', options: [{ value: 'services', uk: 'Послуги', en: 'Services' }] },
				{ id: 'laptop', type: 'boolean', required: false, uk: 'Ноутбук', en: 'Laptop' }
			]
		});
		await expect(register(e.id, person(), { answers: { needs: 'services' } })).rejects.toMatchObject({ code: 'invalid' });
		await expect(register(e.id, person(), { answers: { city: 'Вінниця', needs: 'other' } })).rejects.toMatchObject({ code: 'invalid' });
		const ok = await register(e.id, person(), { answers: { city: ' Миколаїв ', needs: 'services', laptop: 'on', extra: 'dropped' } });
		expect(ok.registration.answers).toEqual({ city: 'Миколаїв', needs: 'services', laptop: true });
	});

	it('refuses outside the registration window and for cancelled events', async () => {
		const soon = await makeEvent({ registrationOpensAt: new Date(Date.now() + 86_400_000) });
		await expect(register(soon.id, person())).rejects.toMatchObject({ code: 'registration_not_open' });
		const closed = await makeEvent({ registrationClosesAt: new Date(Date.now() - 1000) });
		await expect(register(closed.id, person())).rejects.toMatchObject({ code: 'registration_closed' });
		const past = await makeEvent({ startsAt: new Date(Date.now() - 3 * 3600_000), endsAt: new Date(Date.now() - 3600_000) });
		await expect(register(past.id, person())).rejects.toMatchObject({ code: 'registration_closed' });
		const c = await makeEvent();
		await cancelEvent(c.id);
		await expect(register(c.id, person())).rejects.toMatchObject({ code: 'cancelled' });
	});

	it('registers a delegation: seats in order, the rest waitlisted, duplicates skipped, one summary', async () => {
		const e = await makeEvent({ kind: 'internship', format: 'in_person', capacity: 3, groupMax: 5, placeUk: 'МГЦЕУ', address: 'м. Вінниця', questions: [{ id: 'city', type: 'text', required: true, uk: 'Місто', en: 'City' }] });
		const early = person('Рання');
		await register(e.id, early, { answers: { city: 'Вінниця' } });
		const manager = person('Керівниця делегації');
		const p = (n: number) => ({ name: `Учасник ${n}`, email: `${manager.id}-${n}@test.maisternia.ua` });
		const result = await registerGroup(e.id, manager, {
			delegation: 'Делегація Миколаївської міської ради',
			organizationName: 'Миколаївська міська рада',
			participants: [p(1), p(2), { ...p(2), name: 'Двійник' }, p(3), { name: 'Рання', email: early.email }]
		});
		expect(result).toMatchObject({ registered: 2, waitlisted: 1, skipped: [early.email] });
		const rows = await db().registration.findMany({ where: { groupId: result.groupId }, orderBy: { registeredAt: 'asc' } });
		expect(rows.map((r) => r.status)).toEqual(['registered', 'registered', 'waitlisted']);
		expect(rows.every((r) => r.registrantId === manager.id && r.organizationName === 'Миколаївська міська рада')).toBe(true);
		expect((await outbox(manager.email)).map((x) => x.template)).toEqual(['event_group_registered']);
		expect((await outbox(p(1).email))[0].template).toBe('event_registered');
		// The registrant may cancel for a participant.
		await cancelRegistration(rows[0].id, manager);
		expect((await db().registration.findUniqueOrThrow({ where: { id: rows[2].id } })).status).toBe('registered');
		// A delegation larger than the event allows is refused.
		await expect(
			registerGroup(e.id, manager, { delegation: 'X', participants: [1, 2, 3, 4, 5, 6].map((n) => ({ name: `N${n}`, email: `${manager.id}-big-${n}@test.ua` })) })
		).rejects.toMatchObject({ code: 'group_too_large' });
	});

	it('a change of time sends REQUEST with SEQUENCE + 1; cancelling the event sends CANCEL with the same UID', async () => {
		const e = await makeEvent({ capacity: 1 });
		const [a, b] = [person('Анна'), person('Борис')];
		await register(e.id, a);
		await register(e.id, b);
		const later = new Date(e.startsAt.getTime() + 86_400_000);
		const upd = await updateEvent(e.id, { startsAt: later, endsAt: new Date(later.getTime() + 3600_000) });
		expect(upd.notified).toBe(1);
		expect(upd.event.sequence).toBe(1);
		// Nothing of the calendar changed: no new sequence, no mail.
		const same = await updateEvent(e.id, { credits: 3 });
		expect(same).toMatchObject({ notified: 0 });
		expect(same.event.sequence).toBe(1);
		// More seats: the waitlist moves up.
		expect((await updateEvent(e.id, { capacity: 2 })).promoted).toBe(1);
		await cancelEvent(e.id);
		const mails = await outbox(a.email);
		expect(mails.map((x) => x.template)).toEqual(['event_registered', 'event_updated', 'event_cancelled']);
		const [r0, r1, r2] = mails.map(icsOf);
		expect([r0!.method, r1!.method, r2!.method]).toEqual(['REQUEST', 'REQUEST', 'CANCEL']);
		expect(new Set([r0!.uid, r1!.uid, r2!.uid]).size).toBe(1);
		expect([r0!.sequence, r1!.sequence, r2!.sequence]).toEqual([0, 1, 2]);
		expect(r1!.start).toBe(later.toISOString());
		expect((await outbox(b.email)).map((x) => x.template)).toEqual(['event_waitlisted', 'event_promoted', 'event_cancelled']);
	});

	it('delivers the confirmation over SMTP with a text/calendar part (METHOD=REQUEST) and an .ics attachment', async () => {
		const winter = new Date(Date.UTC(2031, 0, 15, 8, 0)); // 10:00 Kyiv
		const e = await makeEvent({ startsAt: winter, endsAt: new Date(winter.getTime() + 90 * 60_000) });
		const a = person('Оксана Ґудзь');
		await register(e.id, a);
		for (const row of await outbox(a.email)) await deliverMessage(row.id);
		const mail = await smtp.waitFor(a.email, /Реєстрацію підтверджено/);
		expect(mail.text).toContain('Вітаємо, Оксана Ґудзь!');
		expect(mail.text).toContain('15 січня 2031 р., 10:00–11:30');
		const calendarParts = mail.parsed.attachments.filter((x) => /calendar|ics/.test(x.contentType));
		expect(calendarParts.length).toBeGreaterThanOrEqual(1);
		const ics = calendarParts[0].content.toString('utf8');
		expect(ics).toContain('METHOD:REQUEST');
		expect(ics).toContain('DTSTART:20310115T080000Z');
		const parsed = Object.values(nodeIcal.sync.parseICS(ics)).find((x) => x?.type === 'VEVENT') as VEvent;
		expect(new Date(parsed.start).toISOString()).toBe('2031-01-15T08:00:00.000Z');
		expect(mail.parsed.attachments.some((x) => x.filename === 'invite.ics')).toBe(true);
	});
});
