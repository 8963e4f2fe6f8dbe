import { describe, expect, it, inject } from 'vitest';
import { db } from '../db/index.ts';
import { verifyPassword } from '../auth/password.ts';
import { DEMO_DOMAIN, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_USERS, seedDemo, seedDemoDetailed } from '../../../../prisma/seed/demo.ts';

describe(`demo seed (${inject('databaseKind')})`, () => {
	it('creates the organizations, departments and demo users; a second run changes nothing', async () => {
		await seedDemo(db());
		const snapshot = async () => ({
			orgs: await db().organization.findMany({ where: { slug: { in: DEMO_ORGANIZATIONS.map((o) => o.slug) } }, orderBy: { slug: 'asc' } }),
			depts: await db().department.findMany({ where: { organization: { slug: { in: DEMO_ORGANIZATIONS.map((o) => o.slug) } } }, orderBy: { id: 'asc' } }),
			users: await db().user.findMany({ where: { email: { endsWith: `@${DEMO_DOMAIN}` } }, orderBy: { email: 'asc' } }),
			memberships: await db().membership.findMany({ where: { user: { email: { endsWith: `@${DEMO_DOMAIN}` } } }, orderBy: { id: 'asc' } })
		});
		const first = await snapshot();
		const again = await seedDemoDetailed(db());
		expect({ created: again.created, updated: again.updated }).toEqual({ created: 0, updated: 0 });
		expect(await snapshot()).toEqual(first);

		expect(first.orgs).toHaveLength(DEMO_ORGANIZATIONS.length);
		expect(first.depts).toHaveLength(DEMO_ORGANIZATIONS.reduce((n, o) => n + o.departments.length, 0));
		expect(first.users.map((u) => u.email.split('@')[0]).sort()).toEqual(DEMO_USERS.map((u) => u.local).sort());
		expect(first.users.every((u) => u.emailVerified && u.name)).toBe(true);
		expect(await verifyPassword(first.users[0].passwordHash!, DEMO_PASSWORD)).toBe(true);
		const vin = first.orgs.find((o) => o.slug === 'vinnytsia-city-council')!;
		expect(vin.nameUk).toBe('Вінницька міська рада');
		const staff = await db().user.findUniqueOrThrow({
			where: { email: `staff.vinnytsia@${DEMO_DOMAIN}` },
			include: { memberships: { include: { organization: true, department: true } } }
		});
		expect(staff.memberships).toMatchObject([{ role: 'staff', position: 'адміністратор ЦНАП', organization: { slug: 'vinnytsia-city-council' } }]);
		expect(staff.memberships[0].department?.nameUk).toContain('ЦНАП');
		const admin = first.users.find((u) => u.email === `admin@${DEMO_DOMAIN}`)!;
		expect(admin.roles).toContain('admin');
	});
});
