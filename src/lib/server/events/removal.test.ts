import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../db/index.ts';
import type { SessionUser } from '../auth/types.ts';
import { register } from './registration.ts';
import { removeRegistration } from './registration.ts';
import { EventError } from './errors.ts';
import { makeEvent, person } from './test-helpers.ts';
import { actions } from '../../../routes/events/[slug]/host/+page.server.ts';

/**
 * A host removes a participant's registration with a reason: the person is told (with the reason, and
 * an iTIP CANCEL for a seat), the first person waiting gets the seat and their message, the removal is
 * audited; through the host page's form action, only a host (or an admin) may do it.
 */
const kind = inject('databaseKind');
const outbox = (to: string) => db().outboxMessage.findMany({ where: { to }, orderBy: { createdAt: 'asc' } });

async function fullEvent(hostId: string | null = null) {
	const e = await makeEvent({ capacity: 1, titleUk: 'Семінар «Електронні послуги»', titleEn: 'Seminar "E-services"', hostIds: hostId ? [hostId] : [] });
	const seated = person('Марія Коваль', 'en');
	const next = person('Іван Бондар', 'uk');
	const last = person('Ганна Мельник', 'uk');
	const results = [];
	for (const p of [seated, next, last]) results.push(await register(e.id, p));
	return { e, seated, next, last, regs: results.map((r) => r.registration) };
}

describe(`a host removes a registration (${kind})`, () => {
	it('cancels it with the reason in the person’s language, promotes the next person with their message, and audits it', async () => {
		const host = person('Ведучий Заходу');
		const { e, seated, next, last, regs } = await fullEvent(host.id);
		const result = await removeRegistration(e.id, regs[0]!.id, host, '  Реєстрація   з чужої адреси  ');
		expect(result).toEqual({ promoted: 1, name: 'Марія Коваль' });

		const byStatus = Object.fromEntries((await db().registration.findMany({ where: { eventId: e.id } })).map((r) => [r.email, r.status]));
		expect(byStatus).toEqual({ [seated.email]: 'cancelled', [next.email]: 'registered', [last.email]: 'waitlisted' });

		const removedMail = (await outbox(seated.email)).find((m) => m.template === 'event_registration_removed')!;
		expect(removedMail.locale).toBe('en');
		expect(removedMail.subject).toBe('The organisers removed your registration: Seminar "E-services"');
		expect(removedMail.text).toContain('Reason: Реєстрація з чужої адреси');
		expect((removedMail.icalEvent as { method: string }).method).toBe('CANCEL');
		const promotedMail = (await outbox(next.email)).filter((m) => m.template === 'event_promoted');
		expect(promotedMail).toHaveLength(1);
		expect(promotedMail[0]!.subject).toBe('Для вас звільнилося місце: Семінар «Електронні послуги»');

		const audit = await db().auditLog.findFirstOrThrow({ where: { action: 'event.registration_removed', targetId: regs[0]!.id } });
		expect(audit).toMatchObject({ actorId: host.id, targetType: 'event_registration', subjectUserId: seated.id });
		expect(audit.data).toMatchObject({ eventId: e.id, reason: 'Реєстрація з чужої адреси', promoted: 1 });

		// A waitlist place is removed without a calendar part and without promotion.
		const r2 = await removeRegistration(e.id, regs[2]!.id, host, 'Дубль');
		expect(r2.promoted).toBe(0);
		const waitMail = (await outbox(last.email)).find((m) => m.template === 'event_registration_removed')!;
		expect(waitMail.icalEvent).toBeNull();
		expect(waitMail.text).toContain('Причина: Дубль');
	});

	it('refuses without a reason, twice, or for another event’s registration', async () => {
		const host = person('Ведучий');
		const { e, regs } = await fullEvent(host.id);
		const other = await fullEvent(host.id);
		await expect(removeRegistration(e.id, regs[0]!.id, host, '   ')).rejects.toThrow(EventError);
		await expect(removeRegistration(e.id, other.regs[0]!.id, host, 'Чужа')).rejects.toMatchObject({ code: 'not_found' });
		await removeRegistration(e.id, regs[0]!.id, host, 'Причина');
		await expect(removeRegistration(e.id, regs[0]!.id, host, 'Ще раз')).rejects.toMatchObject({ code: 'not_registered' });
	});
});

describe(`the host page's remove action: authorization (${kind})`, () => {
	let hostUser: SessionUser;
	let learner: SessionUser;
	const created: string[] = [];

	async function user(label: string, roles: SessionUser['roles']): Promise<SessionUser> {
		const email = `${label}.${Date.now().toString(36)}@test.maisternia.ua`;
		const u = await db().user.create({ data: { email, name: label, roles } });
		created.push(u.id);
		return { id: u.id, email, name: label, locale: 'uk', roles: u.roles, emailVerified: true, memberships: [] };
	}

	beforeAll(async () => {
		hostUser = await user('host', ['instructor']);
		learner = await user('learner', ['learner']);
	});

	afterAll(async () => {
		await db().user.deleteMany({ where: { id: { in: created } } });
	});

	function post(slug: string, who: SessionUser | null, form: Record<string, string>) {
		const request = new Request(`http://portal.test/events/${slug}/host?/remove`, { method: 'POST', body: new URLSearchParams(form) });
		const event = { params: { slug }, locals: { user: who, locale: 'uk' as const }, request, url: new URL(request.url) };
		// The action needs only these members of the request event.
		return (actions.remove as unknown as (ev: typeof event) => Promise<unknown>)(event);
	}

	it('a non-host gets 403 and nothing changes; a guest is sent to sign in; the host removes', async () => {
		const { e, regs } = await fullEvent(hostUser.id);
		const form = { registrationId: regs[0]!.id, reason: 'Не з цієї громади' };
		await expect(post(e.slug, learner, form)).rejects.toMatchObject({ status: 403 });
		await expect(post(e.slug, null, form)).rejects.toMatchObject({ status: 303 });
		expect((await db().registration.findUniqueOrThrow({ where: { id: regs[0]!.id } })).status).toBe('registered');

		const missingReason = (await post(e.slug, hostUser, { registrationId: regs[0]!.id, reason: '' })) as { status: number; data: { removalForm: { valid: boolean; data: { registrationId: string } } } };
		expect(missingReason.status).toBe(400);
		// What was chosen stays chosen.
		expect(missingReason.data.removalForm.data.registrationId).toBe(regs[0]!.id);
		expect((await db().registration.findUniqueOrThrow({ where: { id: regs[0]!.id } })).status).toBe('registered');

		const ok = (await post(e.slug, hostUser, form)) as { form: { valid: boolean; message: { type: string; text: string } } };
		expect(ok.form.message).toEqual({ type: 'success', text: 'Реєстрацію Марія Коваль скасовано. Місць передано людям зі списку очікування: 1.' });
		expect((await db().registration.findUniqueOrThrow({ where: { id: regs[0]!.id } })).status).toBe('cancelled');
	});
});
