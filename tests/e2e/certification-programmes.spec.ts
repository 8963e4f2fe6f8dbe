import type { Page } from '@playwright/test';
import { test, expect, expectSettledAccessible, signIn } from './fixtures';

/**
 * Certification programmes in Chromium: an admin creates a Vinnytsia council programme through the
 * form by keyboard (a bad address and a missing pass mark come back translated, with what was typed
 * kept), reviews and publishes version 2 with a certified competency, and the page shows both
 * versions with what changed. A manager of another council gets 403 on the page and on a posted
 * action. axe-core on every new page in uk and en.
 */

const ADMIN = 'admin@demo.maisternia.ua';
const OTHER_MANAGER = 'manager.mykolaiv@demo.maisternia.ua';
const SLUG = `e2e-programa-${Date.now().toString(36)}`;
const COURSE = 'Основи електронного урядування та електронної демократії';
const main = (page: Page) => page.locator('main');

async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 60_000 });
}

/** Types into a field as a keyboard user would: focus, clear, type. */
async function type(page: Page, label: string | RegExp, text: string): Promise<void> {
	const field = main(page).getByRole('textbox', { name: label, exact: typeof label === 'string' });
	await field.focus();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.press('Delete');
	if (text) await page.keyboard.type(text);
}

test.describe('certification programmes', () => {
	test.describe.configure({ mode: 'serial' });

	test('an admin creates a programme by keyboard, fixes a bad input, publishes version 2', async ({ page }) => {
		test.setTimeout(240_000);
		await signIn(page, ADMIN);

		// Found from the person's certification page.
		await open(page, '/certification');
		await main(page).getByRole('link', { name: 'Програми сертифікації' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Програми сертифікації' })).toBeVisible();
		await expect(main(page).getByRole('link', { name: 'Цифрова компетентність службовця: базовий рівень' })).toBeVisible();
		await expectSettledAccessible(page, '/certification/programmes (uk)');

		await main(page).getByRole('link', { name: 'Нова програма' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Нова програма сертифікації' })).toBeVisible();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expectSettledAccessible(page, '/certification/programmes/new (uk)');

		await type(page, 'Адреса (латиницею)', 'Погана адреса');
		await main(page).getByLabel('Чия програма').focus();
		await main(page).getByLabel('Чия програма').selectOption({ label: 'Вінницька міська рада' });
		await type(page, 'Назва українською', 'Відкриті дані для працівників ради');
		await type(page, 'Назва англійською', 'Open data for council staff');
		const initial = main(page).getByRole('group', { name: 'Первинна сертифікація: що потрібно' });
		await initial.getByLabel(COURSE).focus();
		await page.keyboard.press('Space');
		await initial.getByLabel('Підсумковий тест').selectOption({ label: 'Підсумковий тест курсу «Основи електронного урядування та електронної демократії»' });
		const recert = main(page).getByRole('group', { name: /^Повторна сертифікація: що потрібно/ });
		await recert.getByLabel('Підсумковий тест').selectOption({ label: 'Підсумковий тест курсу «Основи електронного урядування та електронної демократії»' });
		await recert.getByLabel('Прохідний бал, %').focus();
		await page.keyboard.type('70');
		await type(page, 'Примітка до версії', 'Перша версія для Вінниці');
		await main(page).getByRole('button', { name: 'Створити програму' }).focus();
		await page.keyboard.press('Enter');

		// Refused: translated errors under their fields, everything typed still there.
		await expect(main(page).getByText('Форма містить помилки')).toBeVisible();
		await expect(main(page).locator('#field-slug-error')).toContainText('Лише малі латинські літери, цифри й дефіс');
		// The summary at the top links each problem to its field.
		await expect(main(page).getByRole('link', { name: /^Адреса \(латиницею\): Лише малі латинські літери/ })).toHaveAttribute('href', '#field-slug');
		await expect(main(page).getByRole('link', { name: 'Первинна сертифікація: Прохідний бал, %: Вкажіть прохідний бал для обраного тесту.' })).toHaveAttribute('href', '#field-passMark');
		await expect(initial.getByText('Вкажіть прохідний бал для обраного тесту.')).toBeVisible();
		await expect(main(page).getByLabel('Адреса (латиницею)')).toHaveValue('Погана адреса');
		await expect(main(page).getByLabel('Адреса (латиницею)')).toHaveAttribute('aria-invalid', 'true');
		await expect(main(page).getByLabel('Назва українською')).toHaveValue('Відкриті дані для працівників ради');
		await expect(main(page).getByLabel('Назва англійською')).toHaveValue('Open data for council staff');
		await expect(initial.getByLabel(COURSE)).toBeChecked();
		await expect(main(page).getByLabel('Примітка до версії')).toHaveValue('Перша версія для Вінниці');
		await expect(main(page).getByLabel('Чия програма')).toHaveValue(/.+/);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expectSettledAccessible(page, '/certification/programmes/new with errors (uk)');

		await type(page, 'Адреса (латиницею)', SLUG);
		await initial.getByLabel('Прохідний бал, %').focus();
		await page.keyboard.type('70');
		await main(page).getByRole('button', { name: 'Створити програму' }).focus();
		await page.keyboard.press('Enter');

		await page.waitForURL(new RegExp(`/certification/programmes/${SLUG}`));
		await expect(page.getByRole('heading', { level: 1, name: 'Відкриті дані для працівників ради' })).toBeVisible();
		await expect(main(page).getByText('Програму створено.')).toBeVisible();
		await expect(main(page).getByTestId('version-1')).toContainText('Перша версія для Вінниці');
		await expect(main(page).getByTestId('version-1')).toContainText(COURSE);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expectSettledAccessible(page, `/certification/programmes/${SLUG} (uk)`);

		// Version 2: a higher pass mark and a certified competency; reviewed first, then confirmed.
		const publish = main(page).locator('form[action="?/publish"]');
		await publish.getByRole('group', { name: 'Первинна сертифікація: що потрібно' }).getByLabel('Прохідний бал, %').focus();
		await page.keyboard.press('ControlOrMeta+a');
		await page.keyboard.type('80');
		await publish.locator('summary', { hasText: 'Цифрова компетентність службовця' }).focus();
		await page.keyboard.press('Enter');
		await publish.getByLabel('1.2 Відкриті дані').selectOption({ label: 'Рівень 2 — середній' });
		await publish.getByLabel('Примітка до версії').focus();
		await page.keyboard.type('Вищий прохідний бал');
		await publish.getByRole('button', { name: 'Переглянути зміни' }).focus();
		await page.keyboard.press('Enter');

		const preview = main(page).getByTestId('publish-preview');
		await expect(preview).toContainText('Перед публікацією версії 2');
		await expect(preview).toContainText('Первинна сертифікація: прохідний бал 70 → 80 %.');
		await expect(preview).toContainText('Компетентність 1.2 Відкриті дані: — → Рівень 2 — середній.');
		await expect(preview).toContainText('Людей із чинною сертифікацією за попередніми версіями: 0. Їхні сертифікації зберігають свою версію');
		await expect(publish.getByLabel('Примітка до версії')).toHaveValue('Вищий прохідний бал');
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expectSettledAccessible(page, `/certification/programmes/${SLUG} preview (uk)`);
		await preview.getByRole('button', { name: 'Підтвердити й опублікувати версію 2' }).focus();
		await page.keyboard.press('Enter');

		await expect(main(page).getByText('Опубліковано версію 2.')).toBeVisible();
		await expect(main(page).getByTestId('current-version')).toHaveText('2');
		await expect(main(page).getByTestId('version-2')).toContainText('Вищий прохідний бал');
		await expect(main(page).getByTestId('version-2')).toContainText('Що змінилося порівняно з версією 1');
		await expect(main(page).getByTestId('version-2')).toContainText('1.2 Відкриті дані — Рівень 2 — середній');
		await expect(main(page).getByTestId('version-1')).toBeVisible();

		// English pages.
		for (const path of ['/en/certification/programmes', '/en/certification/programmes/new', `/en/certification/programmes/${SLUG}`]) {
			await open(page, path);
			await expect(page.locator('html')).toHaveAttribute('lang', 'en');
			await expectSettledAccessible(page, `${path} (en)`);
		}
		await expect(main(page).getByTestId('version-2')).toContainText('Version 2');
		await expect(main(page).getByTestId('version-2')).toContainText('Initial certification: pass mark 70 → 80 %.');
	});

	test('a manager of another council cannot see or change it', async ({ page }) => {
		await signIn(page, OTHER_MANAGER);
		const res = await page.goto(`/certification/programmes/${SLUG}`);
		expect(res?.status()).toBe(403);
		const origin = new URL(page.url()).origin;
		const post = await page.request.post(`/certification/programmes/${SLUG}?/edit`, {
			headers: { origin },
			form: { titleUk: 'Чужа назва', titleEn: 'Foreign title', descriptionUk: '', descriptionEn: '', reminderDays: '1' }
		});
		expect(post.status()).toBe(403);
		const publish = await page.request.post(`/certification/programmes/${SLUG}?/publish`, {
			headers: { origin },
			form: { examQuizId: 'egov-basics/final', passMark: '10', recertExamQuizId: 'egov-basics/final', recertPassMark: '10', validityMonths: '1', windowDays: '1', confirm: '1' }
		});
		expect(publish.status()).toBe(403);
		// Their list has the portal-wide programmes (read only), not the other council's own.
		await open(page, '/certification/programmes');
		await expect(main(page).getByRole('link', { name: 'Цифрова компетентність службовця: базовий рівень' })).toBeVisible();
		await expect(main(page).getByText('Відкриті дані для працівників ради')).toHaveCount(0);
		await expectSettledAccessible(page, '/certification/programmes (manager, uk)');
		// The compliance dashboard links here.
		await open(page, '/manage/mykolaiv-city-council/compliance');
		await expect(main(page).getByRole('link', { name: 'Програми сертифікації' })).toHaveAttribute('href', '/certification/programmes');
	});
});
