import { test, expect, expectAccessible } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * The legal-framework library and the portal-wide search, in Chromium, on the demo seed's acts
 * (seedLibrary: 13 real acts with text, among them 2939-17, and the Voznesensk list as cards).
 */

/** Opens a page and waits until it is interactive (under `vite dev` a first visit may reload once). */
async function open(page: Page, url: string) {
	await page.goto(url);
	await page.waitForLoadState('networkidle');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

test.describe('library', () => {
	test('browse, search by words with inflections, facets, accessible in both locales', async ({ page }) => {
		await open(page, '/library');
		await expect(page.locator('h1')).toHaveText('Нормативна база');
		await expect(page.getByRole('status')).toContainText('Усі акти бібліотеки');
		await expectAccessible(page);

		await page.getByLabel('Назва, слова з тексту або номер акта').fill('електронного урядування');
		await page.getByRole('button', { name: 'Шукати' }).click();
		await expect(page).toHaveURL(/q=/);
		const results = page.getByRole('list', { name: 'Результати пошуку' });
		await expect(results.getByRole('link', { name: /Про схвалення Концепції розвитку електронного урядування/ })).toBeVisible();
		await expect(results.getByRole('link', { name: /Електронне урядування у виконавчих органах Вознесенської/ })).toBeVisible();
		// The inflected form is highlighted in the titles.
		await expect(results.locator('mark').first()).toBeVisible();
		await expectAccessible(page);

		// A facet narrows the list: only Cabinet orders.
		await page.getByRole('checkbox', { name: /^Розпорядження/ }).check();
		await page.getByRole('button', { name: 'Застосувати' }).click();
		await expect(page).toHaveURL(/doc_type=/);
		const titles = await results.getByRole('heading').allTextContents();
		expect(titles.length).toBeGreaterThan(0);
		for (const meta of await results.locator('.hit-meta').allTextContents()) expect(meta).toContain('Розпорядження');

		await open(page, '/en/library?q=2939-VI');
		await expect(page.locator('h1')).toHaveText('Legal framework');
		const first = page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first();
		await expect(first).toContainText('Про доступ до публічної інформації');
		await expect(first).toContainText('Number match');
		await expectAccessible(page);
	});

	test('an act page: card, contents with anchors, text, relations, JSON-LD, attribution; print and diff views', async ({ page }) => {
		await open(page, '/library?q=2939-17');
		await page.getByRole('link', { name: 'Про доступ до публічної інформації' }).first().click();
		await expect(page).toHaveURL(/\/library\/zakon\/2011\/2939-17$/);
		await expect(page.locator('h1')).toHaveText('Про доступ до публічної інформації');
		const card = page.getByRole('region', { name: 'Картка акта' });
		await expect(card).toContainText('2939-VI');
		await expect(card).toContainText('13.01.2011');
		await expect(card).toContainText('Чинний');
		await expect(card.getByRole('link', { name: 'Ліцензія CC BY 4.0' })).toHaveAttribute('href', 'https://creativecommons.org/licenses/by/4.0/');

		// Contents -> the anchor of article 1 (the Rada portal's own anchor n7).
		const toc = page.getByRole('navigation', { name: 'Зміст' });
		await toc.getByRole('link', { name: /Стаття 1\. Публічна інформація/ }).click();
		await expect(page).toHaveURL(/#n7$/);
		await expect(page.locator('#n7')).toContainText('Стаття 1. Публічна інформація');
		// The structural id works as an anchor too.
		await expect(page.locator('#sec_I__art_1')).toHaveCount(1);

		// Relations both ways: amended by later laws; refers to other acts.
		const relations = page.getByRole('region', { name: "Зв'язки з іншими актами" });
		await expect(relations).toContainText('Зміни внесено актами');
		await expect(relations).toContainText('Посилається на');

		const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent()) ?? '{}');
		expect(ld).toMatchObject({ '@type': 'Legislation', legislationIdentifier: '2939-17', legislationDate: '2011-01-13', legislationLegalForce: 'https://schema.org/InForce' });
		await expectAccessible(page);

		// Text as of a date before the first stored redaction: the oldest one, with a notice.
		await page.getByLabel('Текст станом на дату').fill('2012-01-01');
		await page.getByRole('button', { name: 'Показати' }).click();
		await expect(page).toHaveURL(/as_of=2012-01-01/);
		await expect(page.locator('.alert-warning')).toContainText('01.01.2012');

		await open(page, '/library/zakon/2011/2939-17/print');
		await expect(page.locator('h1')).toHaveText('Про доступ до публічної інформації');
		await expect(page.locator('#n7')).toBeVisible();
		await expectAccessible(page);

		await open(page, '/library/zakon/2011/2939-17/diff');
		await expect(page.locator('.alert-info')).toContainText('лише одну редакцію');
		await expectAccessible(page);

		await open(page, '/en/library/zakon/2011/2939-17');
		await expect(page.getByRole('region', { name: 'About the act' })).toContainText('In force');
		await expectAccessible(page);
	});

	test('an act known only by its card, and links by registration id', async ({ page }) => {
		await open(page, '/library/go/2250-2010-%D1%80');
		await expect(page).toHaveURL(/\/library\/rozporiadzhennia\/2010\/2250-2010-r$/);
		await expect(page.locator('h1')).toHaveText('Про схвалення Концепції розвитку електронного урядування в Україні');
		await expect(page.locator('.alert-info')).toContainText('Текст цього акта ще не завантажено');
		await expectAccessible(page);
	});
});

test.describe('portal-wide search', () => {
	test('finds acts with a kind facet, in both locales, and as JSON', async ({ page, request }) => {
		await open(page, '/search');
		await expect(page.locator('h1')).toHaveText('Пошук по порталу');
		await page.getByLabel('Що шукаємо?').fill('публічної інформації');
		await page.getByRole('button', { name: 'Шукати' }).click();
		await expect(page.getByRole('status')).toContainText('Знайдено');
		await expect(page.getByRole('checkbox', { name: /Нормативні акти/ })).toBeVisible();
		await expect(page.getByRole('list', { name: 'Результати пошуку' }).getByRole('link').first()).toBeVisible();
		await expectAccessible(page);

		await open(page, '/en/search?q=1453');
		await expect(page.getByRole('list', { name: 'Search results' }).getByRole('listitem').first()).toContainText('Типового порядку');
		await expectAccessible(page);

		const res = await request.get('/api/search?q=2250-%D1%80&type=act');
		expect(res.ok()).toBe(true);
		const body = await res.json();
		expect(body.hits[0]).toMatchObject({ kind: 'act', url: '/library/rozporiadzhennia/2010/2250-2010-r', exact: true });
		expect(body.facets.type).toEqual([{ value: 'Розпорядження', count: 1 }]);
		const sug = await (await request.get('/api/search/suggest?q=%D0%BF%D1%80%D0%BE%20%D0%B4%D0%BE%D1%81%D1%82')).json();
		expect(sug.suggestions.map((s: { text: string }) => s.text)).toContain('Про доступ до публічної інформації');
	});

	test('finds a course and an event by their titles, with their kind facets, in both locales', async ({ page, request }) => {
		// The demo course «Електронний документообіг в органах місцевого самоврядування» and the demo webinar of the same name.
		await open(page, '/search?q=%D0%B4%D0%BE%D0%BA%D1%83%D0%BC%D0%B5%D0%BD%D1%82%D0%BE%D0%BE%D0%B1%D1%96%D0%B3%20%D0%BC%D1%96%D1%81%D1%86%D0%B5%D0%B2%D0%BE%D0%B3%D0%BE');
		await expect(page.getByRole('checkbox', { name: /^Курси \(\d+\)$/ })).toBeVisible();
		await expect(page.getByRole('checkbox', { name: /^Події \(\d+\)$/ })).toBeVisible();
		await page.getByRole('checkbox', { name: /^Курси/ }).check();
		await page.getByRole('button', { name: 'Застосувати' }).click();
		await expect(page).toHaveURL(/type=course/);
		const results = page.getByRole('list', { name: 'Результати пошуку' });
		const course = results.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Електронний документообіг в органах місцевого самоврядування' }) });
		await expect(course.getByRole('link', { name: 'Електронний документообіг в органах місцевого самоврядування' })).toHaveAttribute('href', '/courses/elektronnyi-dokumentoobih');
		await expect(course).toContainText('Курси');
		await expectAccessible(page);

		// In English: the English titles, the English kind labels.
		await open(page, '/en/search?q=electronic%20document%20management');
		await expect(page.getByRole('checkbox', { name: /^Courses \(\d+\)$/ })).toBeVisible();
		const en = page.getByRole('list', { name: 'Search results' });
		await expect(en.getByRole('link', { name: 'Electronic document management in local self-government', exact: true })).toHaveAttribute('href', '/en/courses/elektronnyi-dokumentoobih');
		await expectAccessible(page);
		await en.getByRole('link', { name: 'Electronic document management in local self-government', exact: true }).click();
		await expect(page.locator('h1')).toHaveText('Electronic document management in local self-government');

		const body = await (await request.get('/api/search?q=%D0%B4%D0%BE%D0%BA%D1%83%D0%BC%D0%B5%D0%BD%D1%82%D0%BE%D0%BE%D0%B1%D1%96%D0%B3&type=event')).json();
		expect(body.hits.length).toBeGreaterThan(0);
		expect(body.hits.every((h: { kind: string; url: string }) => h.kind === 'event' && h.url.startsWith('/events/'))).toBe(true);
		expect(body.hits[0].titleEn).toMatch(/Electronic document management/);
	});
});
