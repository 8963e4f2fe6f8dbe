import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { loadSessionUser } from '../identity/index.ts';
import { personalDataProviders } from '../identity/personal-data.ts';
import { deleteOwnAccount, exportPersonalData } from '../identity/profile.ts';
import { seedEvents } from '../events/seed.ts';
import './personal-data.ts';

const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);

describe('personal data across domains', () => {
	it('learning, events and the record store take part in the export and the deletion', async () => {
		expect(personalDataProviders().map((p) => p.key)).toEqual(expect.arrayContaining(['events', 'learning', 'xapi']));
	});

	it("a person's event registration is in their export and gone with their account", async () => {
		await seedEvents(db());
		const event = await db().event.findFirstOrThrow({ orderBy: { startsAt: 'desc' } });
		const email = `erase.${run}@test.maisternia.ua`;
		const user = await db().user.create({ data: { email, name: 'Марія Ткачук', emailVerified: new Date() } });
		await db().registration.create({
			data: { eventId: event.id, userId: user.id, registrantId: user.id, name: 'Марія Ткачук', email, status: 'registered' }
		});
		const actor = (await loadSessionUser(user.id))!;
		const data = (await exportPersonalData(actor)) as { domains: Record<string, { registrations?: { eventId: string }[] }> };
		expect(data.domains.events?.registrations?.map((r) => r.eventId)).toEqual([event.id]);
		expect(data.domains).toHaveProperty('learning');
		expect(data.domains).toHaveProperty('xapi');

		await deleteOwnAccount(actor, email);
		expect(await db().registration.count({ where: { email } })).toBe(0);
		expect(await db().user.count({ where: { email } })).toBe(0);
	});
});
