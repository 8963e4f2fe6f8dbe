import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, signIn } from './fixtures.ts';

const ADMIN = 'admin@demo.maisternia.ua';

/** axe-core after the page has settled (the dev server may reload a page once while it optimizes dependencies). */
async function accessible(page: Page, what: string, exclude: string[] = []) {
	// Not 'networkidle': the outbox page keeps a request open while a message is being sent.
	await page.waitForLoadState('load');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 30_000 }).catch(() => undefined);
	await expectAccessible(page, what, { exclude });
}

/**
 * The sign-in form submits with JavaScript: wait until it has left /signin before going on. Under
 * `vite dev` a page can be reloaded while it is filled in (another file changed), so try again then.
 */

test.describe('admin mail page', () => {
	// vite dev compiles every page on its first visit, and others' edits reload pages.
	test.slow(process.env.E2E_DEV === '1', 'dev server');
	test('the admin sends a test message (uk) that arrives over SMTP and is listed and shown', async ({ page, mail }) => {
		await signIn(page, ADMIN);
		await page.goto('/admin/mail');
		await expect(page.getByRole('heading', { level: 1, name: 'Пошта' })).toBeVisible();
		await accessible(page, '/admin/mail');

		const before = (await mail.all(ADMIN)).length;
		await page.getByRole('button', { name: 'Надіслати тестовий лист собі' }).click();
		await expect(page.getByText(`Тестовий лист для ${ADMIN} поставлено в чергу.`)).toBeVisible();
		const received = await mail.waitFor(ADMIN, /Тестовий лист з порталу/);
		expect(received.text).toContain('Це тестовий лист з порталу «Майстерня е-урядування»');
		expect(received.html).toContain('Майстерня е-урядування');
		expect(received.headers['content-language']).toBe('uk');

		// Filtered by recipient and status, newest first; the detail page shows headers, text and sandboxed HTML.
		// (The SMTP server answers before the worker marks the row sent: reload until it is listed.)
		const row = page.locator('table.data tbody tr').filter({ hasText: 'Тестовий лист з порталу' }).first();
		await expect(async () => {
			await page.goto(`/admin/mail?status=sent&to=${encodeURIComponent('admin@demo')}`);
			await expect(row).toBeVisible({ timeout: 1_000 });
		}).toPass({ timeout: 20_000 });
		await expect(row).toContainText('Надіслано');
		await expect(row).toContainText(ADMIN);
		await row.getByRole('link').click();
		await expect(page.getByRole('heading', { level: 1, name: 'Тестовий лист з порталу' })).toBeVisible();
		await expect(page.getByText('Content-Language')).toBeVisible();
		await expect(page.locator('pre.mail-text')).toContainText('Вітаємо');
		const frame = page.locator('iframe.mail-html');
		await expect(frame).toHaveAttribute('sandbox', '');
		await expect(page.frameLocator('iframe.mail-html').getByText('Майстерня е-урядування').first()).toBeVisible();
		// The mail's own HTML sits in a script-less sandboxed frame, where axe-core cannot run (it waits for
		// the frame forever in the built app); the page around it is checked.
		await accessible(page, '/admin/mail/[id]', ['iframe.mail-html']);
		expect((await mail.all(ADMIN)).length).toBeGreaterThan(before);
	});

	test('the English page is accessible and sends the test message in English', async ({ page, mail }) => {
		await signIn(page, ADMIN, undefined, '/en');
		await page.goto('/en/admin/mail');
		await expect(page.getByRole('heading', { level: 1, name: 'Mail' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await accessible(page, '/en/admin/mail');
		await page.getByRole('button', { name: 'Send a test message to myself' }).click();
		await expect(page.getByText(`A test message to ${ADMIN} has been queued.`)).toBeVisible();
		const received = await mail.waitFor(ADMIN, /Test message from the portal/);
		expect(received.text).toContain('This is a test message from the E-Governance Workshop portal.');
		expect(received.headers['content-language']).toBe('en');

		const row = page.locator('table.data tbody tr').filter({ hasText: 'Test message from the portal' }).first();
		await expect(async () => {
			await page.getByLabel('Status').selectOption('sent');
			await page.getByRole('button', { name: 'Show' }).click();
			await expect(page).toHaveURL(/\/en\/admin\/mail\?status=sent/, { timeout: 2_000 });
			await expect(row).toBeVisible({ timeout: 1_000 });
		}).toPass({ timeout: 20_000 });
		await expect(row).toContainText('Sent');
		await row.getByRole('link', { name: 'Test message from the portal' }).click();
		await expect(page).toHaveURL(/\/en\/admin\/mail\/[a-z0-9]+$/);
		await accessible(page, '/en/admin/mail/[id]', ['iframe.mail-html']);
	});

	test('is for admins only', async ({ page, request }) => {
		const guest = await request.get('/admin/mail', { maxRedirects: 0 });
		expect(guest.status()).toBe(303);
		expect(guest.headers()['location']).toContain('/signin');
		await signIn(page, 'learner@demo.maisternia.ua');
		const res = await page.goto('/admin/mail');
		expect(res?.status()).toBe(403);
	});
});
