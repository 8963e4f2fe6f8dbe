import { test, expect, expectAccessible, signIn } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The contest's jury over HTTP, on the demo seed (seedContests): in 2026 the screening round is open;
 * the instructor has scored every entry; the expert sits on the panels of all three nominations and
 * has recused themself from "e-administration"; the learner is on no panel.
 */

async function open(page: Page, url: string) {
	await page.goto(url);
	await page.waitForLoadState('networkidle');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

test('a juror never sees the entries of a nomination they recused from, nor others’ marks before the close', async ({ page }) => {
	await signIn(page, 'expert@demo.maisternia.ua');

	// Recused nomination: the page and its data endpoint both answer 403.
	const recused = await page.request.get('/contests/2026/jury/e-administration', { maxRedirects: 0 });
	expect(recused.status()).toBe(403);
	expect(await recused.text()).not.toContain('Система електронного документообігу:');
	// The data endpoint answers with the error (SvelteKit serialises a load's error with its status).
	const recusedData = await (await page.request.get('/contests/2026/jury/e-administration/__data.json')).text();
	expect(recusedData).toContain('"status":403');
	expect(recusedData).not.toContain('myMarks');
	// Scoring there is refused as well.
	const post = await page.request.post('/contests/2026/jury/e-administration?/score', { form: { entryId: 'x' }, headers: { origin: new URL(page.url()).origin, accept: 'application/json', 'x-sveltekit-action': 'true' } });
	const result = await post.json();
	expect(result).toMatchObject({ type: 'failure', status: 403 });

	// A nomination on the panel: the entries, and only the juror's own (empty) sheets, though the
	// instructor has marked every entry.
	await open(page, '/contests/2026/jury/e-services');
	await expect(page.locator('section.entry')).toHaveCount(3);
	for (const value of await page.locator('input[name^="c:"]').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))) expect(value).toBe('');
	await expect(page.getByRole('heading', { name: /Підсумки/ })).toHaveCount(0);
	const data = await (await page.request.get('/contests/2026/jury/e-services/__data.json')).text();
	expect(data).toContain('myMarks');
	expect(data).not.toContain('closedResults":[{');
	await expectAccessible(page);

	// The juror's home lists the recusal.
	await open(page, '/contests/2026/jury');
	await expect(page.getByText('Самовідвід')).toBeVisible();
	await expectAccessible(page);
});

test('someone on no panel gets 403; the public page shows no scores before results', async ({ page }) => {
	await signIn(page, 'learner@demo.maisternia.ua');
	expect((await page.request.get('/contests/2026/jury/e-services')).status()).toBe(403);
	await open(page, '/contests/2026');
	await expect(page.getByText('Результати фінального туру')).toHaveCount(0);
	await expectAccessible(page);
	await open(page, '/en/contests/2013');
	await expect(page.getByRole('heading', { name: 'Final round results' }).first()).toBeVisible();
	await expectAccessible(page);
});

test('a juror scores an entry and sees the mark they gave', async ({ page }) => {
	await signIn(page, 'expert@demo.maisternia.ua');
	await open(page, '/contests/2026/jury/e-democracy');
	const first = page.locator('section.entry').first();
	const inputs = first.locator('input[name^="c:"]');
	const n = await inputs.count();
	for (let i = 0; i < n; i++) await inputs.nth(i).fill(String(5 + i));
	await first.getByRole('button', { name: /Зберегти оцінки/ }).click();
	await expect(page.getByRole('status')).toContainText('Оцінки збережено');
	await expect(page.locator('section.entry').first().locator('input[name^="c:"]').first()).toHaveValue('5');
	// An out-of-range mark is refused by the server (the browser's own max check set aside) and kept in the form.
	await page.locator('section.entry').nth(1).locator('form').evaluate((f) => f.setAttribute('novalidate', ''));
	await page.locator('section.entry').nth(1).locator('input[name^="c:"]').first().fill('11');
	await page.locator('section.entry').nth(1).getByRole('button', { name: /Зберегти оцінки/ }).click();
	await expect(page.locator('section.entry').nth(1).locator('.error')).toBeVisible();
});

test('cases: list with filters, a case page, accessible in both locales', async ({ page }) => {
	await open(page, '/cases?classifier=5');
	await expect(page.getByRole('link', { name: /Школа «Е-урядування»/ })).toBeVisible();
	await expectAccessible(page);
	await open(page, '/cases/vinnytsia-shkola-e-uriaduvannia');
	await expect(page.getByRole('heading', { level: 2, name: 'Проблема' })).toBeVisible();
	await expect(page.getByText('200+')).toBeVisible();
	await expectAccessible(page);
	await open(page, '/en/cases');
	await expectAccessible(page);
});
