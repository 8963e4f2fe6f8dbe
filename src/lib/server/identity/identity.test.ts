import { beforeAll, describe, expect, inject, it } from 'vitest';
import { db } from '../db/index.ts';
import type { GlobalRole, OrgRole } from '../db/generated/enums.ts';
import { verifyPassword } from '../auth/password.ts';
import type { SessionUser } from '../auth/types.ts';
import {
	acceptInvitation,
	addMembership,
	createDepartment,
	createInvitation,
	createOrganization,
	deleteOwnAccount,
	exportPersonalData,
	findInvitation,
	isIdentityError,
	listAudit,
	listInvitations,
	listMembers,
	listOrganizations,
	listUsers,
	loadSessionUser,
	registerPersonalDataProvider,
	unregisterPersonalDataProvider,
	removeMembership,
	revokeInvitation,
	setUserRoles,
	updateMembership,
	updateProfile
} from './index.ts';

// Unique per run: the PostgreSQL variant may share a server with other runs.
const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
const mail = (who: string) => `${who}.${run}@test.maisternia.ua`;

async function person(who: string, roles: GlobalRole[] = ['learner'], name = who): Promise<SessionUser> {
	const u = await db().user.create({ data: { email: mail(who), name, roles, emailVerified: new Date() } });
	return (await loadSessionUser(u.id))!;
}

async function join(user: SessionUser, organizationId: string, role: OrgRole, departmentId: string | null = null) {
	await db().membership.create({ data: { userId: user.id, organizationId, role, departmentId } });
	return (await loadSessionUser(user.id))!;
}

async function expectCode(p: Promise<unknown>, code: string) {
	const err = await p.then(
		() => null,
		(e: unknown) => e
	);
	expect(isIdentityError(err) ? err.code : err).toBe(code);
}

let admin: SessionUser;
let vin: { id: string };
let myk: { id: string };
let vinIt: { id: string };
let vinCnap: { id: string };
let mykDept: { id: string };
let managerVin: SessionUser;
let managerMyk: SessionUser;
let staffVin: SessionUser;
let staffMyk: SessionUser;

beforeAll(async () => {
	admin = await person('admin', ['admin', 'learner'], 'Адміністратор Тестовий');
	vin = await createOrganization(admin, { slug: `vin-${run}`, nameUk: 'Вінницька міська рада', nameEn: 'Vinnytsia City Council', kind: 'local_government' });
	myk = await createOrganization(admin, { slug: `myk-${run}`, nameUk: 'Миколаївська міська рада', nameEn: 'Mykolaiv City Council', kind: 'local_government' });
	vinIt = await createDepartment(admin, vin.id, { nameUk: 'Відділ електронного урядування', nameEn: 'E-Government Division' });
	vinCnap = await createDepartment(admin, vin.id, { nameUk: 'Управління адміністративних послуг', nameEn: 'Administrative Services Department' });
	mykDept = await createDepartment(admin, myk.id, { nameUk: 'Департамент фінансів', nameEn: 'Finance Department' });
	managerVin = await join(await person('manager.vin'), vin.id, 'manager');
	managerMyk = await join(await person('manager.myk'), myk.id, 'manager');
	staffVin = await join(await person('staff.vin', ['learner'], 'Оксана Мельник'), vin.id, 'staff', vinIt.id);
	staffMyk = await join(await person('staff.myk', ['learner'], 'Андрій Коваль'), myk.id, 'staff', mykDept.id);
});

describe(`identity (${inject('databaseKind')})`, () => {
	describe('roles', () => {
		it('an admin changes global roles, and the change is audited with before and after', async () => {
			const u = await person('roles');
			expect(await setUserRoles(admin, u.id, ['expert', 'editor'])).toEqual(['editor', 'expert', 'learner']);
			const { items } = await listAudit({ userId: u.id, action: 'user.roles_changed' });
			expect(items).toHaveLength(1);
			expect(items[0].actorId).toBe(admin.id);
			expect(items[0].before).toEqual({ roles: ['learner'] });
			expect(items[0].after).toEqual({ roles: ['editor', 'expert', 'learner'] });
		});

		it('nobody but an admin can change roles', async () => {
			await expectCode(setUserRoles(managerVin, staffVin.id, ['admin']), 'forbidden');
			expect((await db().user.findUnique({ where: { id: staffVin.id } }))?.roles).toEqual(['learner']);
		});

		it('the last admin keeps the role', async () => {
			// Other test files may have admins; make this one the only one for the check.
			const others = await db().user.findMany({ where: { roles: { has: 'admin' }, NOT: { id: admin.id } } });
			await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { roles: ['learner'] } });
			try {
				await expectCode(setUserRoles(admin, admin.id, ['learner']), 'last_admin');
			} finally {
				for (const o of others) await db().user.update({ where: { id: o.id }, data: { roles: o.roles } });
			}
		});

		it('lists users with search and pagination', async () => {
			const page = await listUsers({ q: `.${run}@`, pageSize: 3, page: 1 });
			expect(page.total).toBeGreaterThanOrEqual(6);
			expect(page.items).toHaveLength(3);
			expect(page.pages).toBe(Math.ceil(page.total / 3));
			const byName = await listUsers({ q: 'оксана мельник' });
			expect(byName.items.map((i) => i.id)).toContain(staffVin.id);
			const last = await listUsers({ q: `.${run}@`, pageSize: 3, page: 999 });
			expect(last.page).toBe(last.pages);
		});
	});

	describe('memberships', () => {
		it('admin adds a membership with department and position, changes and removes it; each step audited', async () => {
			const u = await person('member');
			const ms = await addMembership(admin, u.id, vin.id, { role: 'staff', departmentId: vinIt.id, position: 'головний спеціаліст' });
			await updateMembership(admin, ms.id, { departmentId: vinCnap.id, position: 'адміністратор ЦНАП' });
			await removeMembership(admin, ms.id);
			const { items } = await listAudit({ userId: u.id });
			expect(items.map((i) => i.action).reverse()).toEqual(['membership.added', 'membership.changed', 'membership.removed']);
			const changed = items.find((i) => i.action === 'membership.changed')!;
			expect(changed.before).toMatchObject({ departmentId: vinIt.id, position: 'головний спеціаліст' });
			expect(changed.after).toMatchObject({ departmentId: vinCnap.id, position: 'адміністратор ЦНАП' });
			expect(items.every((i) => i.actorId === admin.id && i.organizationId === vin.id)).toBe(true);
		});

		it('refuses a department of another organization', async () => {
			const u = await person('wrongdept');
			await expectCode(addMembership(admin, u.id, vin.id, { role: 'staff', departmentId: mykDept.id }), 'department_mismatch');
		});

		it('refuses a second membership in the same organization', async () => {
			await expectCode(addMembership(admin, staffVin.id, vin.id, { role: 'staff' }), 'already_member');
		});
	});

	describe('manager scope', () => {
		it('a manager lists the people of their own organization only', async () => {
			const members = await listMembers(managerVin, vin.id);
			const ids = members.map((x) => x.user.id);
			expect(ids).toContain(staffVin.id);
			expect(ids).not.toContain(staffMyk.id);
			expect(members.find((x) => x.user.id === staffVin.id)?.department?.nameUk).toBe('Відділ електронного урядування');
			await expectCode(listMembers(managerVin, myk.id), 'forbidden');
			await expectCode(listMembers(staffVin, vin.id), 'forbidden');
			expect((await listOrganizations(managerVin)).map((o) => o.id)).toEqual([vin.id]);
		});

		it('a manager changes department and position in their organization, not the organization role', async () => {
			const ms = await db().membership.findFirstOrThrow({ where: { userId: staffVin.id, organizationId: vin.id } });
			await updateMembership(managerVin, ms.id, { departmentId: vinCnap.id, position: 'провідний спеціаліст' });
			expect(await db().membership.findUnique({ where: { id: ms.id } })).toMatchObject({ departmentId: vinCnap.id, position: 'провідний спеціаліст' });
			await expectCode(updateMembership(managerVin, ms.id, { role: 'manager' }), 'forbidden');
		});

		it("a manager can't touch another organization's people, whatever ids they send", async () => {
			const ms = await db().membership.findFirstOrThrow({ where: { userId: staffMyk.id, organizationId: myk.id } });
			await expectCode(updateMembership(managerVin, ms.id, { position: 'зламано' }), 'forbidden');
			await expectCode(removeMembership(managerVin, ms.id), 'forbidden');
			// A department of their own organization doesn't help either.
			await expectCode(updateMembership(managerVin, ms.id, { departmentId: vinIt.id }), 'forbidden');
			await expectCode(createInvitation(managerVin, { email: mail('intruder'), organizationId: myk.id, locale: 'uk' }), 'forbidden');
			await expectCode(listInvitations(managerVin, { organizationId: myk.id }), 'forbidden');
			expect(await db().membership.findUnique({ where: { id: ms.id } })).toMatchObject({ position: null, departmentId: mykDept.id });
		});

		it("a manager can't remove a manager", async () => {
			const own = await db().membership.findFirstOrThrow({ where: { userId: managerVin.id, organizationId: vin.id } });
			await expectCode(removeMembership(managerVin, own.id), 'self_demotion');
		});
	});

	describe('invitations', () => {
		it('admin invites with roles, organization, department and position; mail queued; invitee accepts with a new account', async () => {
			const email = mail('invitee');
			const { token, invitation } = await createInvitation(admin, {
				email: email.toUpperCase(),
				roles: ['expert'],
				organizationId: vin.id,
				departmentId: vinIt.id,
				orgRole: 'staff',
				position: 'начальник відділу',
				locale: 'uk'
			});
			expect(invitation.email).toBe(email);
			// Only a hash is stored.
			expect(JSON.stringify(await db().invitation.findUnique({ where: { id: invitation.id } }))).not.toContain(token);
			const queued = await db().outboxMessage.findFirstOrThrow({ where: { to: email, template: 'invitation' } });
			expect(queued.text).toContain(`/invite/${token}`);
			expect(queued.text).toContain('Вінницька міська рада');

			const view = await findInvitation(token);
			expect(view).toMatchObject({ state: 'valid', email, accountExists: false });

			const { userId, created } = await acceptInvitation(token, { kind: 'new', name: 'Ірина Ткачук', password: 'Kvitka-2026-vin' });
			expect(created).toBe(true);
			const user = await db().user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: true } });
			expect(user.roles).toEqual(['expert', 'learner']);
			expect(user.emailVerified).not.toBeNull();
			expect(await verifyPassword(user.passwordHash!, 'Kvitka-2026-vin')).toBe(true);
			expect(user.memberships).toMatchObject([{ organizationId: vin.id, departmentId: vinIt.id, role: 'staff', position: 'начальник відділу' }]);

			const audit = await listAudit({ userId });
			expect(audit.items.map((a) => a.action).sort()).toEqual(['invitation.accepted', 'membership.added']);
			const createdRow = await db().auditLog.findFirstOrThrow({ where: { action: 'invitation.created', targetId: invitation.id } });
			expect(createdRow.actorId).toBe(admin.id);
		});

		it('an invitation works once', async () => {
			const { token } = await createInvitation(admin, { email: mail('once'), locale: 'en' });
			await acceptInvitation(token, { kind: 'new', name: 'Once', password: 'Kvitka-2026-vin' });
			expect((await findInvitation(token))?.state).toBe('used');
			await expectCode(acceptInvitation(token, { kind: 'new', name: 'Twice', password: 'Kvitka-2026-vin' }), 'invitation_used');
		});

		it('two accepts at the same time: exactly one succeeds', async () => {
			const other = await person('racer');
			const { token } = await createInvitation(admin, { email: mail('race'), locale: 'uk', organizationId: myk.id });
			const results = await Promise.allSettled([
				acceptInvitation(token, { kind: 'new', name: 'Racer', password: 'Kvitka-2026-vin' }),
				acceptInvitation(token, { kind: 'existing', user: other })
			]);
			expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
		});

		it('an expired invitation is refused', async () => {
			const { token, invitation } = await createInvitation(admin, { email: mail('late'), locale: 'uk' });
			await db().invitation.update({ where: { id: invitation.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
			expect((await findInvitation(token))?.state).toBe('expired');
			await expectCode(acceptInvitation(token, { kind: 'new', name: 'Late', password: 'Kvitka-2026-vin' }), 'invitation_expired');
			expect(await db().user.findUnique({ where: { email: mail('late') } })).toBeNull();
		});

		it('a revoked invitation is refused; an unknown token finds nothing', async () => {
			const { token, invitation } = await createInvitation(admin, { email: mail('revoked'), locale: 'uk' });
			await revokeInvitation(admin, invitation.id);
			await expectCode(acceptInvitation(token, { kind: 'new', name: 'R', password: 'Kvitka-2026-vin' }), 'invitation_revoked');
			expect(await findInvitation('not-a-token')).toBeNull();
			await expectCode(acceptInvitation('not-a-token', { kind: 'new', name: 'R', password: 'Kvitka-2026-vin' }), 'not_found');
		});

		it('links an existing signed-in account and adds roles and membership', async () => {
			const existing = await person('existing');
			const { token } = await createInvitation(admin, { email: existing.email, roles: ['instructor'], organizationId: myk.id, departmentId: mykDept.id, locale: 'uk' });
			expect((await findInvitation(token))?.accountExists).toBe(true);
			// A new account for an address that has one is refused: sign in and accept instead.
			await expectCode(acceptInvitation(token, { kind: 'new', name: 'Dup', password: 'Kvitka-2026-vin' }), 'account_exists');
			const res = await acceptInvitation(token, { kind: 'existing', user: existing });
			expect(res).toEqual({ userId: existing.id, created: false });
			const after = (await loadSessionUser(existing.id))!;
			expect(after.roles).toEqual(['instructor', 'learner']);
			expect(after.memberships).toMatchObject([{ organizationId: myk.id, departmentId: mykDept.id, role: 'staff' }]);
			expect((await listAudit({ userId: existing.id, action: 'user.roles_changed' })).items).toHaveLength(1);
		});

		it('a manager invites staff into their own organization only, without global roles', async () => {
			const email = mail('newstaff');
			const { token } = await createInvitation(managerVin, { email, organizationId: vin.id, departmentId: vinCnap.id, position: 'адміністратор', locale: 'uk' });
			await expectCode(createInvitation(managerVin, { email: mail('x1'), organizationId: vin.id, roles: ['admin'], locale: 'uk' }), 'forbidden');
			await expectCode(createInvitation(managerVin, { email: mail('x2'), organizationId: vin.id, orgRole: 'manager', locale: 'uk' }), 'forbidden');
			await expectCode(createInvitation(managerVin, { email: mail('x3'), locale: 'uk' }), 'forbidden');
			await expectCode(createInvitation(managerVin, { email: mail('x4'), organizationId: vin.id, departmentId: mykDept.id, locale: 'uk' }), 'department_mismatch');
			await expectCode(createInvitation(managerVin, { email, organizationId: vin.id, locale: 'uk' }), 'invitation_pending');
			await expectCode(createInvitation(managerVin, { email: staffVin.email, organizationId: vin.id, locale: 'uk' }), 'already_member');
			const listed = await listInvitations(managerVin, { organizationId: vin.id });
			expect(listed.every((i) => i.organizationId === vin.id)).toBe(true);
			expect(listed.map((i) => i.email)).toContain(email);
			const { userId } = await acceptInvitation(token, { kind: 'new', name: 'Нова Працівниця', password: 'Kvitka-2026-vin' });
			expect((await loadSessionUser(userId))?.memberships).toMatchObject([{ organizationId: vin.id, role: 'staff', departmentId: vinCnap.id }]);
		});
	});

	describe('profile, export and deletion', () => {
		it('updates name and language, audited', async () => {
			const u = await person('profile');
			await updateProfile(u, { name: '  Марія Бондар ', locale: 'en' });
			expect(await db().user.findUnique({ where: { id: u.id }, select: { name: true, locale: true } })).toEqual({ name: 'Марія Бондар', locale: 'en' });
			expect((await listAudit({ userId: u.id, action: 'profile.updated' })).total).toBe(1);
		});

		it("the export holds the person's data and no secrets", async () => {
			const u = await join(await person('export', ['learner'], 'Тарас Шевчук'), vin.id, 'staff', vinIt.id);
			await db().user.update({ where: { id: u.id }, data: { passwordHash: '$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0c2FsdA$SECRETHASH' } });
			await db().account.create({
				data: { userId: u.id, type: 'oidc', provider: 'idgovua', providerAccountId: 'sub-123', access_token: 'ACCESS-SECRET', refresh_token: 'REFRESH-SECRET', id_token: 'ID-SECRET' }
			});
			await db().authToken.create({ data: { userId: u.id, purpose: 'reset_password', tokenHash: `HASH-SECRET-${run}`, expiresAt: new Date(Date.now() + 3600_000) } });
			await setUserRoles(admin, u.id, ['expert']);
			await db().outboxMessage.create({
				data: { to: u.email, subject: 'Скидання пароля', text: 'link https://x/reset-password/TOKEN-SECRET', html: '', template: 'reset_password', locale: 'uk', status: 'kept', messageId: `<${run}@test>` }
			});
			const data = await exportPersonalData((await loadSessionUser(u.id))!);
			expect(data.profile).toMatchObject({ id: u.id, email: u.email, name: 'Тарас Шевчук', roles: ['expert', 'learner'], hasPassword: true });
			expect(data.memberships).toMatchObject([{ organization: { nameUk: 'Вінницька міська рада' }, department: { nameUk: 'Відділ електронного урядування' }, role: 'staff' }]);
			expect(data.accounts).toMatchObject([{ provider: 'idgovua', providerAccountId: 'sub-123' }]);
			expect(data.auditLog.map((a) => a.action)).toContain('user.roles_changed');
			expect(data.mails).toMatchObject([{ subject: 'Скидання пароля', template: 'reset_password' }]);
			const json = JSON.stringify(data);
			for (const secret of ['SECRET', 'argon2', 'passwordHash', 'access_token', 'tokenHash']) expect(json).not.toContain(secret);
		});

		it('deletion needs the typed e-mail, cascades, anonymises audit rows and sends account_deleted', async () => {
			const u = await person('leaver', ['learner'], 'Олег Литвин');
			await addMembership(admin, u.id, myk.id, { role: 'staff', departmentId: mykDept.id, position: 'економіст' });
			await setUserRoles(admin, u.id, ['expert']);
			await db().account.create({ data: { userId: u.id, type: 'oidc', provider: 'idgovua', providerAccountId: `leaver-${run}` } });
			// Something the leaver did to someone else stays, without their name on it.
			await db().user.update({ where: { id: u.id }, data: { roles: ['admin', 'learner'] } });
			const leaver = (await loadSessionUser(u.id))!;
			const target = await person('target');
			await setUserRoles(leaver, target.id, ['editor']);
			const { token } = await createInvitation(admin, { email: u.email, organizationId: vin.id, locale: 'uk' });
			void token;

			await expectCode(deleteOwnAccount(leaver, 'someone@else.ua'), 'email_mismatch');
			await deleteOwnAccount(leaver, `  ${u.email.toUpperCase()} `);

			expect(await db().user.findUnique({ where: { id: u.id } })).toBeNull();
			expect(await db().membership.count({ where: { userId: u.id } })).toBe(0);
			expect(await db().account.count({ where: { userId: u.id } })).toBe(0);
			expect(await db().invitation.count({ where: { email: u.email } })).toBe(0);

			const byLeaver = await db().auditLog.findFirstOrThrow({ where: { action: 'user.roles_changed', targetId: target.id } });
			expect(byLeaver.actorId).toBeNull();
			const about = await db().auditLog.findMany({ where: { subjectUserId: u.id } });
			expect(about.map((a) => a.action)).toEqual(expect.arrayContaining(['membership.added', 'user.roles_changed', 'user.deleted']));
			expect(await db().auditLog.count({ where: { actorId: u.id } })).toBe(0);
			const everything = JSON.stringify(await db().auditLog.findMany({ where: { OR: [{ subjectUserId: u.id }, { action: { startsWith: 'invitation.' } }] } }));
			expect(everything).not.toContain(u.email);

			const bye = await db().outboxMessage.findFirstOrThrow({ where: { to: u.email, template: 'account_deleted' } });
			expect(bye.text).toContain('Олег Литвин');
		});

		it("other domains' data joins the export and the deletion through registered providers", async () => {
			const u = await person('domains');
			const erased: string[] = [];
			registerPersonalDataProvider({
				key: 'test-domain',
				export: async (userId) => ({ enrolments: [{ userId, course: 'e-gov-101' }] }),
				erase: async (tx, who) => {
					// Runs inside the deletion transaction: the user still exists here.
					expect(await tx.user.count({ where: { id: who.id } })).toBe(1);
					erased.push(who.email);
				}
			});
			try {
				const data = await exportPersonalData(u);
				expect(data.domains['test-domain']).toEqual({ enrolments: [{ userId: u.id, course: 'e-gov-101' }] });
				await deleteOwnAccount(u, u.email);
				expect(erased).toEqual([u.email]);
			} finally {
				unregisterPersonalDataProvider('test-domain');
			}
		});

		it('the last admin cannot delete their account', async () => {
			const others = await db().user.findMany({ where: { roles: { has: 'admin' }, NOT: { id: admin.id } } });
			await db().user.updateMany({ where: { id: { in: others.map((o) => o.id) } }, data: { roles: ['learner'] } });
			try {
				await expectCode(deleteOwnAccount(admin, admin.email), 'last_admin');
			} finally {
				for (const o of others) await db().user.update({ where: { id: o.id }, data: { roles: o.roles } });
			}
		});
	});
});
