import type { Browser, Page } from '@playwright/test';
import { test, expect, expectAccessible, signIn, type Mailbox } from './fixtures.ts';

/**
 * Identity journeys in a real browser: an admin invites a person (the mail is read from the real SMTP
 * server), the invitee accepts and is signed in; roles and memberships assigned by the admin appear
 * in the audit log; a manager sees only their own organization, also against forged POSTs; a person
 * edits their profile, downloads their data and deletes their account. axe-core runs on every page
 * visited, in Ukrainian and in English.
 */

const ADMIN = 'admin@demo.maisternia.ua';
const MANAGER_VIN = 'manager.vinnytsia@demo.maisternia.ua';
const PASSWORD = 'Зимовий-вечір-2026';

let seq = 0;
const uniqueEmail = (prefix: string) => `${prefix}.${Date.now()}.${process.pid}.${++seq}@e2e.maisternia.ua`;
const main = (page: Page) => page.locator('main');

/** Goes to a page and waits until its forms are hydrated (a select changed earlier would be reset). */
async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await hydrated(page);
}

async function hydrated(page: Page): Promise<void> {
	const flag = page.locator('html[data-hydrated="true"]');
	try {
		await flag.waitFor({ state: 'attached', timeout: 20_000 });
	} catch {
		// `vite dev` may have re-optimised dependencies under the first load of a page: load it again.
		await page.reload();
		await flag.waitFor({ state: 'attached' });
	}
}

async function visit(page: Page, path: string): Promise<void> {
	await open(page, path);
	await expectAccessible(page, path);
}

// Under `vite dev` in a checkout others are editing, the HMR socket reloads pages mid-test: keep it quiet.
test.beforeEach(async ({ context }) => {
	if (process.env.E2E_DEV === '1') await context.routeWebSocket(/.*/, () => {});
});

interface Invite {
	email: string;
	roles?: string[];
	organization?: string;
	department?: string;
	position?: string;
	prefix?: '' | '/en';
}

/** As the signed-in admin: sends an invitation from /admin/invitations and returns the link from the mailbox. */
async function invite(page: Page, mail: Mailbox, inv: Invite): Promise<string> {
	const prefix = inv.prefix ?? '';
	await visit(page, `${prefix}/admin/invitations`);
	await page.locator('#inv-email').fill(inv.email);
	for (const role of inv.roles ?? []) await page.locator(`#inv-role-${role}`).check();
	if (inv.organization) await page.locator('#inv-org').selectOption({ label: inv.organization });
	if (inv.department) await page.locator('#inv-dept').selectOption({ label: inv.department });
	if (inv.position) await page.locator('#inv-pos').fill(inv.position);
	if (prefix) await page.locator('#inv-locale').selectOption('en');
	await main(page).getByRole('button', { name: prefix ? 'Send the invitation' : 'Надіслати запрошення' }).click();
	await expect(main(page).getByRole('status').filter({ hasText: inv.email })).toBeVisible();
	await expectAccessible(page, 'invitation sent');
	const message = await mail.waitFor(inv.email, prefix ? /Invitation/ : /Запрошення/);
	if (inv.organization) expect(message.subject).toContain(inv.organization);
	return mail.link(message, '/invite/');
}

/** In a fresh browser context: opens the invitation link, creates the account, lands signed in on /profile. */
async function accept(browser: Browser, link: string, name: string, prefix: '' | '/en' = '') {
	const context = await browser.newContext();
	if (process.env.E2E_DEV === '1') await context.routeWebSocket(/.*/, () => {});
	const page = await context.newPage();
	await open(page, link);
	await expectAccessible(page, 'invitation page');
	await page.locator('#name').fill(name);
	await page.locator('#password').fill(PASSWORD);
	await page.locator('#confirm').fill(PASSWORD);
	await main(page).getByRole('button', { name: prefix ? /Accept the invitation/ : /Прийняти запрошення/ }).click();
	await expect(page).toHaveURL(new RegExp(`${prefix}/profile`));
	await expect(page.getByRole('link', { name }).first()).toBeVisible();
	return { context, page };
}

async function userPage(page: Page, search: string, name: string): Promise<string> {
	await open(page, `/admin/users?q=${encodeURIComponent(search)}`);
	await main(page).getByRole('link', { name }).click();
	await expect(page.locator('h1')).toHaveText(name);
	await hydrated(page);
	return page.url();
}

test.describe('identity', () => {
	test('admin invites a person; the invitee accepts from the mail, is signed in, and can sign in again', async ({ page, browser, mail }) => {
		await signIn(page, ADMIN);
		const email = uniqueEmail('iryna');
		const link = await invite(page, mail, {
			email,
			roles: ['expert'],
			organization: 'Вінницька міська рада',
			department: 'Відділ електронного урядування',
			position: 'головний спеціаліст'
		});
		expect(link).toContain('/invite/');

		const { context, page: invitee } = await accept(browser, link, 'Ірина Запрошена');
		await expect(main(invitee)).toContainText('Вінницька міська рада');
		await expect(main(invitee)).toContainText('Відділ електронного урядування');
		await expect(main(invitee)).toContainText('головний спеціаліст');
		await expect(main(invitee)).toContainText('Експерт');
		await expectAccessible(invitee, '/profile after accepting');
		// The link works once.
		await invitee.goto(link);
		await expect(main(invitee).getByRole('status')).toContainText('вже використано');
		await context.close();

		// The new password works on the sign-in form.
		const again = await browser.newContext();
		if (process.env.E2E_DEV === '1') await again.routeWebSocket(/.*/, () => {});
		const p2 = await again.newPage();
		await signIn(p2, email, PASSWORD);
		await expect(p2.getByRole('link', { name: 'Ірина Запрошена' }).first()).toBeVisible();
		await again.close();

		// The admin sees it accepted.
		await page.goto('/admin/invitations?state=used');
		await expect(main(page).getByRole('row').filter({ hasText: email })).toContainText('Прийняте');
	});

	test('an English invitation reads in English', async ({ page, browser, mail }) => {
		await signIn(page, ADMIN);
		const email = uniqueEmail('mark');
		const link = await invite(page, mail, { email, organization: 'Mykolaiv City Council', prefix: '/en' });
		expect(link).toContain('/en/invite/');
		const { context, page: invitee } = await accept(browser, link, 'Mark Invited', '/en');
		await expect(main(invitee)).toContainText('Mykolaiv City Council');
		await context.close();
	});

	test('admin assigns a role and a membership; both show in the audit log', async ({ page, browser, mail }) => {
		test.slow();
		await signIn(page, ADMIN);
		const email = uniqueEmail('taras');
		const link = await invite(page, mail, { email });
		(await accept(browser, link, 'Тарас Призначений')).context.close();

		await userPage(page, email, 'Тарас Призначений');
		await expectAccessible(page, 'user page');
		await page.locator('#role-editor').check();
		await main(page).getByRole('button', { name: 'Зберегти ролі' }).click();
		await expect(main(page).getByRole('status').filter({ hasText: 'Ролі збережено.' })).toBeVisible();

		await page.locator('#ms-org').selectOption({ label: 'Вознесенська міська рада' });
		await page.locator('#ms-dept').selectOption({ label: 'Єдина диспетчерська служба міста' });
		await page.locator('#ms-pos').fill('диспетчер');
		await main(page).getByRole('button', { name: 'Додати', exact: true }).click();
		await expect(main(page).getByRole('status').filter({ hasText: 'Додано до організації.' })).toBeVisible();
		await expect(main(page).getByRole('link', { name: 'Вознесенська міська рада' })).toBeVisible();

		// The person's own log on their page, after a reload (no JavaScript state).
		await page.reload();
		const log = main(page).getByRole('region', { name: 'Журнал змін щодо цієї людини' });
		await expect(log.getByRole('row').filter({ hasText: 'Змінено ролі' })).toContainText('Редактор');
		await expect(log.getByRole('row').filter({ hasText: 'Додано до організації' })).toContainText('Єдина диспетчерська служба міста');
		await expect(log.getByRole('row').filter({ hasText: 'Змінено ролі' })).toContainText('Олена Кравченко');
		await expectAccessible(page, 'user page with audit rows');

		// And the audit log page, filtered.
		await visit(page, '/admin/audit?action=membership.added');
		await expect(main(page).getByRole('row').filter({ hasText: 'Тарас Призначений' })).toContainText('диспетчер');
		await visit(page, '/en/admin/audit?action=user.roles_changed');
		await expect(main(page).getByRole('row').filter({ hasText: 'Тарас Призначений' }).first()).toContainText('Editor');
	});

	test("a manager sees only their own organization, and can't act on another's people even with a forged POST", async ({ page, browser }) => {
		// The admin looks up a Mykolaiv membership id (what an attacker would have to guess).
		const adminContext = await browser.newContext();
		if (process.env.E2E_DEV === '1') await adminContext.routeWebSocket(/.*/, () => {});
		const admin = await adminContext.newPage();
		await signIn(admin, ADMIN);
		await userPage(admin, 'staff.mykolaiv@', 'Юлія Ткаченко');
		const mykMembershipId = await admin.locator('input[name="membershipId"]').first().inputValue();
		expect(mykMembershipId).toBeTruthy();

		await signIn(page, MANAGER_VIN);
		await page.goto('/manage');
		await expect(page).toHaveURL(/\/manage\/vinnytsia-city-council$/);
		await expect(page.locator('h1')).toHaveText('Вінницька міська рада');
		const people = main(page).locator('table');
		await expect(people).toContainText('Оксана Лисенко');
		await expect(main(page).getByRole('textbox', { name: 'Посада: Оксана Лисенко' })).toHaveValue('адміністратор ЦНАП');
		await expect(main(page)).not.toContainText('Юлія Ткаченко');
		await expect(main(page)).not.toContainText('staff.mykolaiv@');
		await expectAccessible(page, '/manage (uk)');
		await visit(page, '/en/manage/vinnytsia-city-council');
		await expect(main(page)).toContainText('Administrative Services Department');

		for (const path of ['/manage/mykolaiv-city-council', '/admin/organizations/mykolaiv-city-council', '/admin', '/admin/users']) {
			const res = await page.goto(path);
			expect(res?.status(), path).toBe(403);
		}
		await expectAccessible(page, '403 page');

		// Forged form posts with a Mykolaiv membership, to both organizations' pages.
		const origin = new URL(page.url()).origin;
		const forged = [
			['/manage/vinnytsia-city-council?/updateMember', { membershipId: mykMembershipId, departmentId: '', position: 'зламано' }],
			['/manage/vinnytsia-city-council?/removeMember', { id: mykMembershipId }],
			['/manage/mykolaiv-city-council?/updateMember', { membershipId: mykMembershipId, departmentId: '', position: 'зламано' }],
			['/manage/mykolaiv-city-council?/removeMember', { id: mykMembershipId }],
			['/admin/users/x?/updateMembership', { membershipId: mykMembershipId, position: 'зламано' }]
		] as const;
		for (const [path, form] of forged) {
			const res = await page.request.post(path, { form: { ...form }, headers: { origin } });
			expect(res.status(), path).toBe(403);
		}

		// Nothing changed.
		await admin.reload();
		await expect(admin.locator('input[name="position"]').first()).toHaveValue('головний спеціаліст');
		await adminContext.close();
	});

	test('a manager edits a staff member of their organization and invites staff', async ({ page, mail }) => {
		await signIn(page, MANAGER_VIN);
		await open(page, '/manage/vinnytsia-city-council');
		const email = uniqueEmail('novyi');
		await page.locator('#inv-email').fill(email);
		await page.locator('#inv-dept').selectOption({ label: 'Юридичний відділ' });
		await page.locator('#inv-pos').fill('юрист');
		await main(page).getByRole('button', { name: 'Надіслати запрошення' }).click();
		await expect(main(page).getByRole('status').filter({ hasText: email })).toBeVisible();
		await expect(main(page).getByRole('listitem').filter({ hasText: email })).toContainText('Юридичний відділ');
		const message = await mail.waitFor(email, /Вінницька міська рада/);
		expect(mail.link(message, '/invite/')).toBeTruthy();
		await expectAccessible(page, '/manage after inviting');
	});

	test('profile: edit, download the data, delete the account', async ({ page, browser, mail }) => {
		test.slow();
		await signIn(page, ADMIN);
		const email = uniqueEmail('leaver');
		const link = await invite(page, mail, { email, organization: 'Миколаївська міська рада', department: 'Департамент фінансів', position: 'економіст' });
		const { context, page: me } = await accept(browser, link, 'Петро Тимчасовий');

		await visit(me, '/profile');
		await me.locator('#name').fill('Петро Змінений');
		await main(me).getByRole('button', { name: 'Зберегти', exact: true }).click();
		await expect(main(me).getByRole('status').filter({ hasText: 'Збережено.' })).toBeVisible();
		await expect(me.getByRole('link', { name: 'Петро Змінений' }).first()).toBeVisible();
		// A new language moves the profile to that language.
		await me.locator('#locale').selectOption('en');
		await main(me).getByRole('button', { name: 'Зберегти', exact: true }).click();
		await expect(me).toHaveURL(/\/en\/profile\?saved=1$/);
		await expect(me.locator('html')).toHaveAttribute('lang', 'en');
		await hydrated(me);
		await expectAccessible(me, '/en/profile');

		const [download] = await Promise.all([me.waitForEvent('download'), main(me).getByRole('link', { name: /Download my data/ }).click()]);
		expect(download.suggestedFilename()).toMatch(/^maisternia-data-\d{4}-\d{2}-\d{2}\.json$/);
		const text = await (await download.createReadStream()).toArray().then((chunks) => Buffer.concat(chunks).toString('utf8'));
		const data = JSON.parse(text);
		expect(data.profile).toMatchObject({ email, name: 'Петро Змінений', locale: 'en', hasPassword: true });
		expect(data.memberships[0]).toMatchObject({ organization: { nameUk: 'Миколаївська міська рада' }, position: 'економіст' });
		expect(data.auditLog.map((a: { action: string }) => a.action)).toEqual(expect.arrayContaining(['invitation.accepted', 'profile.updated']));
		expect(data.mails.map((x: { template: string }) => x.template)).toContain('invitation');
		for (const secret of ['passwordHash', '$argon2', 'tokenHash', 'access_token']) expect(text).not.toContain(secret);

		// Deleting needs the exact address.
		await me.locator('#confirmEmail').fill('someone.else@example.org');
		await main(me).getByRole('button', { name: /Delete my account/ }).click();
		await expect(main(me).getByRole('alert')).toContainText('does not match');
		await expectAccessible(me, '/en/profile with a deletion error');
		await me.locator('#confirmEmail').fill(email);
		await main(me).getByRole('button', { name: /Delete my account/ }).click();
		await expect(me).toHaveURL(/\/en\/profile\/deleted$/);
		await expectAccessible(me, '/en/profile/deleted');
		const bye = await mail.waitFor(email, /deleted/i);
		expect(bye.text).toContain('Петро Змінений');
		// Signed out, and the account is gone.
		const res = await me.goto('/en/profile');
		expect(res?.url()).toContain('/en/signin');
		await context.close();

		await page.goto(`/admin/users?q=${encodeURIComponent(email)}`);
		await expect(main(page)).toContainText('Знайдено: 0');
		await page.goto('/admin/audit?action=user.deleted');
		await expect(main(page).getByRole('row').filter({ hasText: 'Видалено обліковий запис' }).first()).toContainText('видалений обліковий запис');
	});

	for (const prefix of ['', '/en'] as const) {
		test(`every identity page passes axe-core (${prefix ? 'en' : 'uk'})`, async ({ page }) => {
			test.slow();
			await signIn(page, ADMIN);
			for (const path of [
				'/admin',
				'/admin/users',
				'/admin/users?q=demo&role=learner',
				'/admin/invitations',
				'/admin/organizations',
				'/admin/organizations/vinnytsia-city-council',
				'/admin/audit',
				'/manage',
				'/profile',
				'/invite/not-a-real-invitation-token'
			]) {
				await visit(page, `${prefix}${path}`);
				await expect(page.locator('h1')).toHaveCount(1);
				await expect(page.locator('html')).toHaveAttribute('lang', prefix ? 'en' : 'uk');
			}
			await open(page, `${prefix}/admin/users?q=manager.vinnytsia`);
			await main(page).getByRole('link', { name: 'Світлана Мороз' }).click();
			await expect(page.locator('h1')).toHaveText('Світлана Мороз');
			await expectAccessible(page, `user page (${prefix || 'uk'})`);
		});
	}
});
