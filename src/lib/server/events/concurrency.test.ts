import { describe, expect, it, inject } from 'vitest';
import { db } from '../db/index.ts';
import { cancelRegistration, register } from './registration.ts';
import { makeEvent, person } from './test-helpers.ts';

const kind = inject('databaseKind');

/**
 * The seat limit under concurrency. On PostgreSQL (TEST_DB=postgres) the 300 registrations run on
 * several connections at once and only the row lock on the event keeps the count; on the embedded
 * database they queue on its one backend.
 */
describe(`seat limit under concurrency (${kind})`, () => {
	it('300 concurrent registrations for 100 seats: exactly 100 registered, 200 waitlisted in a gapless order', { timeout: 180_000 }, async () => {
		const e = await makeEvent({ capacity: 100, titleUk: 'Вебінар на 100 місць' });
		const people = Array.from({ length: 300 }, (_, i) => person(`Учасник ${i + 1}`));
		const started = performance.now();
		const results = await Promise.allSettled(people.map((p) => register(e.id, p)));
		const ms = Math.round(performance.now() - started);
		const failed = results.filter((r) => r.status === 'rejected');
		expect(failed.map((f) => String((f as PromiseRejectedResult).reason))).toEqual([]);
		const rows = await db().registration.findMany({ where: { eventId: e.id } });
		expect(rows.filter((r) => r.status === 'registered')).toHaveLength(100);
		const waiting = rows.filter((r) => r.status === 'waitlisted').map((r) => r.position!).sort((a, b) => a - b);
		expect(waiting).toHaveLength(200);
		expect(waiting).toEqual(Array.from({ length: 200 }, (_, i) => i + 1));
		console.log(`[events] ${kind}: 300 concurrent registrations for 100 seats in ${ms} ms`);

		// Cancellations at the same time: every freed seat goes to exactly one person waiting.
		const seated = rows.filter((r) => r.status === 'registered').slice(0, 30);
		await Promise.all(seated.map((r) => cancelRegistration(r.id, { id: r.registrantId, email: r.email, name: r.name })));
		const after = await db().registration.groupBy({ by: ['status'], where: { eventId: e.id }, _count: { _all: true } });
		const count = (s: string) => after.find((x) => x.status === s)?._count._all ?? 0;
		expect([count('registered'), count('waitlisted'), count('cancelled')]).toEqual([100, 170, 30]);
		// The first 30 in the queue got the seats.
		const promoted = await db().registration.findMany({ where: { eventId: e.id, promotedAt: { not: null } } });
		expect(promoted.map((r) => r.position)).toEqual(promoted.map(() => null));
		const promotedIds = new Set(promoted.map((r) => r.id));
		const firstThirty = rows.filter((r) => r.status === 'waitlisted').sort((a, b) => a.position! - b.position!).slice(0, 30);
		expect(firstThirty.every((r) => promotedIds.has(r.id))).toBe(true);
	});
});
