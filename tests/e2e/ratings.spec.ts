import { test, expect, expectAccessible } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * City e-government ratings on the demo seed (seedRatings: the "100 cities" methodology, 100 cities,
 * demo editions 2013-2015 with the study's recommendations in 2013): every page passes axe-core in
 * both locales, every chart has its data as a table, the year table sorts by its column links.
 */

async function open(page: Page, url: string) {
	await page.goto(url);
	await page.waitForLoadState('networkidle');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Each chart is one named image, followed by a table holding the same rows. */
async function expectChartsWithTables(page: Page) {
	const figures = page.locator('figure.chart');
	const count = await figures.count();
	expect(count).toBeGreaterThan(0);
	for (let i = 0; i < count; i++) {
		const figure = figures.nth(i);
		const svg = figure.locator('svg[role="img"]');
		await expect(svg).toHaveAttribute('aria-labelledby', /title/);
		const bars = await svg.locator('rect').count();
		await figure.locator('summary').click();
		const rows = figure.locator('details table tbody tr');
		await expect(rows).toHaveCount(bars);
		await expect(rows.first().locator('th')).not.toBeEmpty();
	}
}

for (const prefix of ['', '/en']) {
	test(`ratings pages are accessible, charts have tables${prefix ? ' (en)' : ''}`, async ({ page }) => {
		await open(page, `${prefix}/ratings`);
		await expect(page.locator('h1')).toHaveText(prefix ? 'Cities’ e-government ratings' : 'Рейтинги е-урядування міст');
		await expect(page.getByRole('link', { name: /2013/ }).first()).toBeVisible();
		await expectAccessible(page);

		await open(page, `${prefix}/ratings/2013`);
		await expect(page.locator('.alert-warning')).toBeVisible(); // demo data are labelled
		await expect(page.locator('table.rating-table tbody tr')).toHaveCount(100);
		await expectChartsWithTables(page);
		await expectAccessible(page);

		await open(page, `${prefix}/ratings/cities/vinnytsia`);
		await expect(page.locator('h1')).toHaveText(prefix ? 'Vinnytsia' : 'Вінниця');
		await expectChartsWithTables(page);
		await expect(page.getByRole('heading', { level: 2, name: prefix ? 'Recommendations for the city' : 'Рекомендації для міста' })).toBeVisible();
		await expectAccessible(page);

		await open(page, `${prefix}/ratings/compare?year=2014&c=kyiv&c=lviv&c=vinnytsia`);
		await expect(page.locator('table.compare-table thead th')).toHaveCount(4);
		await expectChartsWithTables(page);
		await expectAccessible(page);

		await open(page, `${prefix}/ratings/methodology`);
		await expect(page.locator('code', { hasText: 'web-e-appeals' })).toBeVisible();
		await expectAccessible(page);
	});
}

test('the year table sorts by a column and says so', async ({ page }) => {
	await open(page, '/ratings/2014');
	const table = page.locator('table.rating-table');
	await table.getByRole('link', { name: /^Місто/ }).click();
	await expect(page).toHaveURL(/sort=name&dir=asc/);
	await expect(table.locator('thead th').nth(1)).toHaveAttribute('aria-sort', 'ascending');
	const names = await table.locator('tbody th').allTextContents();
	expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'uk')));
	await table.getByRole('link', { name: /^Індекс/ }).click();
	await expect(page).toHaveURL(/sort=score&dir=desc/);
	const scores = (await table.locator('tbody tr td:nth-child(4)').allTextContents()).map((s) => Number(s.replace(/\s/g, '').replace(',', '.')));
	expect(scores).toEqual([...scores].sort((a, b) => b - a));
});

test('a monitor’s CSV import names the line and column of a bad value', async ({ page }) => {
	const { signIn } = await import('./fixtures');
	await signIn(page, 'editor@demo.maisternia.ua');
	await open(page, '/ratings/manage');
	await page.getByLabel('Рік').first().selectOption('2015');
	await page.getByLabel('…або вставте вміст CSV').fill('city,web-search,web-online-level\nvinnytsia,1,3\nlviv,maybe,9\n');
	await page.getByRole('button', { name: 'Імпортувати' }).click();
	const alert = page.getByRole('alert');
	await expect(alert).toContainText('Рядок 3, стовпець 2 (web-search)');
	await expect(alert).toContainText('Рядок 3, стовпець 3 (web-online-level)');
	// What was typed stays in the form.
	await expect(page.getByLabel('…або вставте вміст CSV')).toHaveValue(/lviv,maybe,9/);
	await expectAccessible(page);
});
