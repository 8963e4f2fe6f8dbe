import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { loadSessionUser, revokeSessions } from './session.ts';
import { makeUser } from './test-helpers.ts';

describe('the signed-in person, fresh per request', () => {
	it('loads roles and memberships with organization slug, department and position', async () => {
		const u = await makeUser();
		await db().user.update({ where: { id: u.id }, data: { roles: ['learner', 'expert'] } });
		const org = await db().organization.create({
			data: { slug: `org-${u.id}`, nameUk: 'Тестова рада', nameEn: 'Test council', kind: 'local_government' }
		});
		const dep = await db().department.create({ data: { organizationId: org.id, nameUk: 'Відділ ЦТ', nameEn: 'Digital unit' } });
		await db().membership.create({
			data: { userId: u.id, organizationId: org.id, departmentId: dep.id, role: 'manager', position: 'Начальник відділу' }
		});
		const check = await loadSessionUser(u.id, Date.now());
		expect(check).toEqual({
			status: 'ok',
			user: {
				id: u.id,
				email: u.email,
				name: u.name,
				locale: 'uk',
				roles: ['learner', 'expert'],
				emailVerified: true,
				memberships: [
					{ organizationId: org.id, organizationSlug: org.slug, departmentId: dep.id, role: 'manager', position: 'Начальник відділу' }
				]
			}
		});
		// A change made by an administrator shows on the very next request.
		await db().user.update({ where: { id: u.id }, data: { roles: ['admin'] } });
		expect(await loadSessionUser(u.id, Date.now())).toMatchObject({ status: 'ok', user: { roles: ['admin'] } });
	});

	it('ends the session of a deleted account', async () => {
		const u = await makeUser();
		await db().user.delete({ where: { id: u.id } });
		expect(await loadSessionUser(u.id, Date.now())).toEqual({ status: 'gone' });
	});

	it('ends the session of a locked account, and not after the lock has passed', async () => {
		const u = await makeUser();
		await db().user.update({ where: { id: u.id }, data: { lockedUntil: new Date(Date.now() + 60_000) } });
		expect(await loadSessionUser(u.id, Date.now())).toEqual({ status: 'locked' });
		await db().user.update({ where: { id: u.id }, data: { lockedUntil: new Date(Date.now() - 1) } });
		expect(await loadSessionUser(u.id, Date.now())).toMatchObject({ status: 'ok' });
	});

	it('ends sessions that started before "sign out everywhere"', async () => {
		const u = await makeUser();
		const before = Date.now() - 10;
		await revokeSessions(u.id);
		expect(await loadSessionUser(u.id, before)).toEqual({ status: 'revoked' });
		expect(await loadSessionUser(u.id, undefined)).toEqual({ status: 'revoked' });
		expect(await loadSessionUser(u.id, Date.now() + 5)).toMatchObject({ status: 'ok' });
	});
});
