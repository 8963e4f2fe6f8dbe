/**
 * The mail module's extension made for events (events engineer): templates defined by another domain
 * (defineMailTemplate) and an iCalendar part on enqueueMail (icalEvent), checked over real SMTP.
 */
import { describe, expect, it } from 'vitest';
import { useTestSmtp } from './test-helpers.ts';
import { db } from '../db/index.ts';
import { deliverMessage, enqueueMail, renderMail } from '../mail/index.ts';
import { invitationIcs } from './ical.ts';
import './mail.ts';

const smtp = useTestSmtp();

const data = { name: 'Оксана', title: 'Вебінар <b>1</b>', startsAt: '2027-01-15T08:00:00.000Z', endsAt: '2027-01-15T09:30:00.000Z', place: 'онлайн', url: 'https://portal.example/events/x' };

describe('mail: templates of other domains and iCalendar parts', () => {
	it('renders a template defined by the events domain in the common layout, escaped', () => {
		const uk = renderMail('event_registered', data, 'uk');
		expect(uk.subject).toBe('Реєстрацію підтверджено: Вебінар <b>1</b>');
		expect(uk.text).toContain('Коли: 15 січня 2027 р., 10:00–11:30 (за київським часом)');
		expect(uk.html).toContain('Вебінар &lt;b&gt;1&lt;/b&gt;');
		expect(uk.html).toContain('Майстерня е-урядування');
		const en = renderMail('event_registered', data, 'en');
		expect(en.text).toContain('When: 15 January 2027, 10:00–11:30 (Kyiv time)');
	});

	it('refuses a malformed invitation', async () => {
		await expect(enqueueMail({ to: 'x@test.ua', template: 'event_registered', locale: 'uk', data, icalEvent: { method: 'REQUEST', content: 'hello' } })).rejects.toThrow();
		await expect(
			enqueueMail({ to: 'x@test.ua', template: 'event_registered', locale: 'uk', data, icalEvent: { method: 'REQUEST', filename: '../x.ics', content: 'BEGIN:VCALENDAR' } })
		).rejects.toThrow();
	});

	it('sends the invitation as text/calendar; method=REQUEST and as an .ics attachment', async () => {
		const to = `ical-${Date.now()}@test.maisternia.ua`;
		const content = invitationIcs(
			{ id: 'x1', slug: 'x', titleUk: 'Вебінар', titleEn: 'Webinar', summaryUk: '', summaryEn: '', startsAt: new Date(data.startsAt), endsAt: new Date(data.endsAt), format: 'online', placeUk: null, placeEn: null, address: null, status: 'scheduled', sequence: 0, createdAt: new Date(), updatedAt: new Date() },
			{ name: 'Оксана', email: to, sequenceOffset: 0 },
			'REQUEST',
			'uk'
		);
		const { id } = await enqueueMail({ to, template: 'event_registered', locale: 'uk', data, icalEvent: { method: 'REQUEST', content } });
		expect((await db().outboxMessage.findUniqueOrThrow({ where: { id } })).icalEvent).toMatchObject({ method: 'REQUEST', filename: 'invite.ics' });
		expect(await deliverMessage(id)).toBe('sent');
		const mail = await smtp.waitFor(to);
		const parts = mail.parsed.attachments;
		const alt = parts.find((p) => p.contentType === 'text/calendar');
		const file = parts.find((p) => p.filename === 'invite.ics');
		expect(alt?.content.toString('utf8')).toContain('METHOD:REQUEST');
		expect(file?.content.toString('utf8')).toContain('UID:x1@maisternia.events');
		expect(mail.text).toContain('Вітаємо, Оксана!');
	});
});
