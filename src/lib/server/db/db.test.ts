import { describe, expect, it, inject } from 'vitest';
import { db, databaseHealth } from './index.ts';
import { pendingMigrations } from './migrations.ts';

describe(`database (${inject('databaseKind')})`, () => {
	it('has every migration applied', async () => {
		expect(await pendingMigrations(inject('databaseUrl'))).toEqual([]);
	});

	it('answers the health check', async () => {
		const health = await databaseHealth();
		expect(health.ok).toBe(true);
	});

	it('stores and reads Cyrillic text and enforces unique e-mails', async () => {
		const email = `oksana.${Date.now()}@vinrada.gov.ua`;
		const user = await db().user.create({ data: { email, name: 'Оксана Ґудзь-Їжакевич' } });
		expect((await db().user.findUnique({ where: { id: user.id } }))?.name).toBe('Оксана Ґудзь-Їжакевич');
		await expect(db().user.create({ data: { email } })).rejects.toThrow();
		await db().user.delete({ where: { id: user.id } });
	});

	it('runs serializable transactions', async () => {
		const n = await db().$transaction(async (tx) => tx.user.count(), { isolationLevel: 'Serializable' });
		expect(n).toBeGreaterThanOrEqual(0);
	});
});
