import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, signIn, DEMO_PASSWORD, type Mailbox } from './fixtures.ts';

/**
 * Sign-in journeys in a real browser: registration with the confirmation mail read from the real SMTP
 * server, password sign-in, language switch, sign-out, wrong password, lockout, magic link, password
 * reset and single sign-on through the real OpenID Connect provider's own login page. axe-core runs
 * on every page visited, in Ukrainian and in English.
 */

let seq = 0;
const uniqueEmail = (prefix: string) => `${prefix}.${Date.now()}.${process.pid}.${++seq}@e2e.maisternia.ua`;
const main = (page: Page) => page.locator('main');

/** Opens a page and waits until Svelte has taken over the form fields (typing earlier can be lost). */
async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	// Generous: under `vite dev` the first visit of a route compiles it.
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 60_000 });
}

async function checked(page: Page, path: string): Promise<void> {
	await open(page, path);
	try {
		await expectAccessible(page, path);
	} catch (err) {
		// `vite dev` (E2E_DEV=1) reloads pages when files change under it; check the reloaded page.
		if (!String(err).includes('Execution context was destroyed')) throw err;
		await open(page, path);
		await expectAccessible(page, path);
	}
}

/** Submits the password form and waits for the portal's answer (which may be a refusal). */
async function trySignIn(page: Page, email: string, password: string, prefix = ''): Promise<void> {
	await open(page, `${prefix}/signin`);
	const form = page.locator('form').filter({ has: page.locator('input[name="password"]') });
	await form.locator('input[name="email"]').fill(email);
	await form.locator('input[name="password"]').fill(password);
	await Promise.all([
		page.waitForResponse((r) => r.request().method() === 'POST' && r.url().includes('/signin')),
		form.getByRole('button', { name: prefix ? 'Sign in' : 'Увійти' }).click()
	]);
	await page.waitForLoadState();
}

/** Registers through the form and confirms the address with the link from the mailbox. */
async function registerAndConfirm(page: Page, mail: Mailbox, who: { name: string; email: string; password: string; prefix?: string }) {
	const prefix = who.prefix ?? '';
	await open(page, `${prefix}/register`);
	await page.getByLabel(prefix ? 'Full name' : 'Ім’я та прізвище').fill(who.name);
	await page.locator('input[name="email"]').fill(who.email);
	await page.locator('input[name="password"]').fill(who.password);
	await main(page).locator('button[type="submit"]').click();
	await expect(main(page).getByRole('status')).toContainText(who.email);
	const message = await mail.waitFor(who.email, prefix ? /Confirm/i : /Підтвердьте/);
	const link = mail.link(message, '/verify-email/');
	await page.goto(link);
	await expect(main(page).getByRole('status')).toContainText(who.email);
}

async function expectSignedInAs(page: Page, email: string, prefix = ''): Promise<void> {
	await page.goto(`${prefix}/signout`);
	await expect(main(page)).toContainText(email);
	await expect(main(page).getByRole('button', { name: prefix ? 'Sign out' : 'Вийти' })).toBeVisible();
}

test.describe('sign-in pages', () => {
	for (const prefix of ['', '/en']) {
		const lang = prefix ? 'en' : 'uk';
		test(`axe-core: the sign-in and register pages (${lang})`, async ({ page }) => {
			await checked(page, `${prefix}/signin`);
			await expect(page.locator('h1')).toHaveText(prefix ? 'Sign in' : 'Вхід');
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await checked(page, `${prefix}/register`);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
		});

		test(`axe-core: forgot, reset, verify and sign-out pages (${lang})`, async ({ page }) => {
			await checked(page, `${prefix}/forgot-password`);
			await checked(page, `${prefix}/reset-password/not-a-real-token-00000000000000000000000000`);
			await expect(main(page).getByRole('alert')).toBeVisible();
			await checked(page, `${prefix}/verify-email/not-a-real-token-000000000000000000000000000`);
			await expect(main(page).getByRole('alert')).toBeVisible();
			await checked(page, `${prefix}/signout`);
		});
	}

	test('register, confirm from the mailbox, sign in, switch language, sign out', async ({ page, mail }) => {
		const email = uniqueEmail('olena');
		const password = 'Весняний-ранок-2026';
		await registerAndConfirm(page, mail, { name: 'Олена Перевірка', email, password });
		await expectAccessible(page, 'verify-email (uk)');

		await signIn(page, email, password);
		await expect(page).toHaveURL(/\/$/);
		await expect(page.getByRole('link', { name: /Олена Перевірка/ }).first()).toBeVisible();
		await expectAccessible(page, 'home, signed in (uk)');

		// The language switch keeps the page and the session.
		await page.locator('a[hreflang="en"]').first().click();
		await expect(page).toHaveURL(/\/en$/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(page.getByRole('link', { name: /Олена Перевірка/ }).first()).toBeVisible();
		await expectAccessible(page, 'home, signed in (en)');
		await expectSignedInAs(page, email, '/en');
		await expectAccessible(page, '/en/signout, signed in');

		await main(page).getByRole('button', { name: 'Sign out' }).click();
		await expect(page).toHaveURL(/\/en$/);
		await page.goto('/en/signout');
		await expect(main(page)).toContainText('You are not signed in.');
	});

	test('a signed-in person can sign out from the header, without JavaScript too', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await signIn(page, 'learner@demo.maisternia.ua', DEMO_PASSWORD);
		await expectSignedInAs(page, 'learner@demo.maisternia.ua');
		await page.locator('header').getByRole('button', { name: 'Вийти' }).first().click();
		await page.goto('/signout');
		await expect(main(page)).toContainText('Ви не ввійшли');
		await context.close();
	});

	test('a guest sent to sign in from a protected page comes back to it, query and language kept', async ({ page }) => {
		const target = '/en/certification/programmes?show=all';
		await page.goto(target);
		await expect(page).toHaveURL(`/en/signin?redirectTo=${encodeURIComponent(target)}`);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 60_000 });
		const form = page.locator('form').filter({ has: page.locator('input[name="password"]') });
		await form.locator('input[name="email"]').fill('admin@demo.maisternia.ua');
		await form.locator('input[name="password"]').fill(DEMO_PASSWORD);
		await form.getByRole('button', { name: 'Sign in' }).click();
		await expect(page).toHaveURL(target);
		await expect(page.locator('h1')).toBeVisible();
	});

	test('a wrong password gets one message for known and unknown addresses, and keeps the address typed', async ({ page }) => {
		for (const [prefix, text] of [
			['', 'Неправильна адреса електронної пошти або пароль.'],
			['/en', 'Wrong e-mail address or password.']
		]) {
			await trySignIn(page, 'editor@demo.maisternia.ua', 'not-the-password', prefix);
			const form = page.locator('form').filter({ has: page.locator('input[name="password"]') });
			await expect(main(page).getByRole('alert')).toHaveText(text);
			await expect(form.locator('input[name="email"]')).toHaveValue('editor@demo.maisternia.ua');
			await expect(form.locator('input[name="password"]')).toHaveValue('');
			await expectAccessible(page, `${prefix}/signin with an error`);

			await trySignIn(page, uniqueEmail('nobody'), 'not-the-password', prefix);
			await expect(main(page).getByRole('alert')).toHaveText(text);
		}
	});

	test('an unconfirmed address is refused with a way to get the link again', async ({ page, mail }) => {
		const email = uniqueEmail('unconfirmed');
		const password = 'Неспішний-лист-2026';
		await open(page, '/register');
		await page.getByLabel('Ім’я та прізвище').fill('Неспішний Користувач');
		await page.locator('input[name="email"]').fill(email);
		await page.locator('input[name="password"]').fill(password);
		await main(page).locator('button[type="submit"]').click();
		await expect(main(page).getByRole('status')).toContainText(email);
		await mail.waitFor(email, /Підтвердьте/);

		await trySignIn(page, email, password);
		await expect(main(page).getByRole('alert')).toContainText('не підтвердили адресу');
		await expectAccessible(page, '/signin, unconfirmed');
		await main(page).getByRole('button', { name: 'Надіслати посилання ще раз' }).click();
		await expect(main(page).getByRole('status').filter({ hasText: 'новий лист' })).toBeVisible();
		await expect.poll(async () => (await mail.all(email)).length, { timeout: 20_000 }).toBe(2);
		const messages = await mail.all(email);
		await page.goto(mail.link(messages[1], '/verify-email/'));
		await expect(main(page).getByRole('status')).toContainText(email);
		await signIn(page, email, password);
		await expectSignedInAs(page, email);
	});

	test('too many wrong passwords lock the account for a while, even against the right one', async ({ page, mail }) => {
		const email = uniqueEmail('locked');
		const password = 'Замок-на-дверях-2026';
		await registerAndConfirm(page, mail, { name: 'Замкнений Користувач', email, password });
		for (let i = 1; i <= 4; i++) {
			await trySignIn(page, email, `wrong-password-${i}`);
			await expect(main(page).getByRole('alert')).toHaveText('Неправильна адреса електронної пошти або пароль.');
		}
		await trySignIn(page, email, 'wrong-password-5');
		await expect(main(page).getByRole('alert')).toContainText('Вхід до цього облікового запису призупинено на 15 хв.');
		await trySignIn(page, email, password);
		await expect(main(page).getByRole('alert')).toContainText('призупинено');
		await expectAccessible(page, '/signin, locked');
		await page.goto('/signout');
		await expect(main(page)).toContainText('Ви не ввійшли');
	});

	test('magic link: the link from the mailbox signs the person in once', async ({ page, mail }) => {
		const email = 'expert@demo.maisternia.ua';
		await open(page, '/en/signin');
		const form = page.locator('form').filter({ has: page.locator('#magic-email') });
		await form.locator('#magic-email').fill(email);
		await form.getByRole('button', { name: 'Send the link' }).click();
		await expect(main(page).getByRole('status').filter({ hasText: 'sign-in link' })).toBeVisible();
		await expectAccessible(page, '/en/signin, magic link sent');

		const message = await mail.waitFor(email, /./);
		const link = mail.link(message, '/auth/callback/email');
		await page.goto(link);
		await expect(page).toHaveURL(/\/en$/);
		await expectSignedInAs(page, email, '/en');

		// Used up: a second click is refused with a translated message.
		await main(page).getByRole('button', { name: 'Sign out' }).click();
		await page.goto(link);
		await expect(page).toHaveURL(/\/signin\?error=Verification/);
		await expect(main(page).getByRole('alert')).toContainText(/not valid|недійсне/);
		await expectAccessible(page, '/en/signin?error=Verification');
	});

	test('a magic link is never sent to an address without an account', async ({ page, mail }) => {
		const email = uniqueEmail('stranger');
		await open(page, '/signin');
		const form = page.locator('form').filter({ has: page.locator('#magic-email') });
		await form.locator('#magic-email').fill(email);
		await form.getByRole('button', { name: 'Надіслати посилання' }).click();
		await expect(main(page).getByRole('status').filter({ hasText: 'посилання для входу' })).toBeVisible();
		await page.waitForTimeout(3000);
		expect(await mail.all(email)).toHaveLength(0);
	});

	test('password reset: the link sets a new password, works once, and the old password stops working', async ({ page, mail }) => {
		const email = uniqueEmail('forgetful');
		await registerAndConfirm(page, mail, { name: 'Forgetful Person', email, password: 'Old-password-2026', prefix: '/en' });

		await open(page, '/en/forgot-password');
		await page.locator('input[name="email"]').fill(email);
		await main(page).getByRole('button', { name: 'Send the link' }).click();
		await expect(main(page).getByRole('status')).toContainText('If there is an account');
		await expectAccessible(page, '/en/forgot-password, sent');

		const message = await mail.waitFor(email, /password/i);
		const link = mail.link(message, '/reset-password/');
		expect(link).toContain('/en/reset-password/');
		await open(page, link);
		await expectAccessible(page, '/en/reset-password/<token>');
		await page.locator('input[name="password"]').fill('New-password-2026');
		await page.locator('input[name="confirm"]').fill('Something-else-2026');
		await main(page).getByRole('button', { name: 'Save the password' }).click();
		await expect(main(page)).toContainText('The passwords do not match.');
		await expectAccessible(page, '/en/reset-password with an error');
		await page.locator('input[name="password"]').fill('New-password-2026');
		await page.locator('input[name="confirm"]').fill('New-password-2026');
		await main(page).getByRole('button', { name: 'Save the password' }).click();
		await expect(page).toHaveURL(/\/en\/signin\?notice=reset/);
		await expect(main(page).getByRole('status').first()).toContainText('Your password has been changed');

		await page.goto(link);
		await expect(main(page).getByRole('alert')).toContainText('not valid');

		await trySignIn(page, email, 'Old-password-2026', '/en');
		await expect(main(page).getByRole('alert')).toHaveText('Wrong e-mail address or password.');
		await signIn(page, email, 'New-password-2026', '/en');
		await expectSignedInAs(page, email, '/en');
	});

	test('single sign-on through the identity provider’s own login page', async ({ page, oidc }) => {
		await page.goto('/signin');
		const button = main(page).getByRole('button', { name: 'Увійти через Test SSO' });
		await expect(button).toBeVisible();
		await button.click();
		await expect(page).toHaveURL(new RegExp('^' + oidc.issuer.replace(/[.]/g, '\\.')));
		await oidc.login(page, 'olena.sso@vinrada.gov.ua');
		await expect(page).toHaveURL(/localhost:\d+\/$/);
		await expect(page.getByRole('link', { name: /Олена Кравчук/ }).first()).toBeVisible();
		await expectSignedInAs(page, 'olena.sso@vinrada.gov.ua');
		await main(page).getByRole('button', { name: 'Вийти' }).click();

		// The second time the same identity finds the same account (a fresh browser: the provider's
		// own session would otherwise skip its login page).
		await page.context().clearCookies();
		await page.goto('/en/signin');
		await main(page).getByRole('button', { name: 'Sign in with Test SSO' }).click();
		await oidc.login(page, 'olena.sso@vinrada.gov.ua');
		await expect(page).toHaveURL(/\/en$/);
		await expectSignedInAs(page, 'olena.sso@vinrada.gov.ua', '/en');
	});

	test('single sign-on links to an existing account with the same confirmed address', async ({ page, oidc }) => {
		await page.goto('/en/signin');
		await main(page).getByRole('button', { name: 'Sign in with Test SSO' }).click();
		await oidc.login(page, 'staff.vinnytsia@demo.maisternia.ua');
		await expect(page).toHaveURL(/\/en$/);
		await expectSignedInAs(page, 'staff.vinnytsia@demo.maisternia.ua', '/en');
	});

	test('Auth.js endpoints refuse flows that skip the sign-in page’s checks', async ({ request }) => {
		for (const path of ['/auth/signin/email', '/auth/callback/credentials', '/auth/signin/oidc', '/auth/signout']) {
			const res = await request.post(path, { form: { email: 'admin@demo.maisternia.ua', ticket: 'x' }, maxRedirects: 0 });
			// 404 from the portal; the built app's origin check may refuse first (403).
			expect([403, 404], path).toContain(res.status());
		}
	});
});
