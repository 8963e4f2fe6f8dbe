import fs from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { test, expect, expectSettledAccessible, signIn } from './fixtures';

/**
 * The competency framework editor in Chromium: an admin creates a framework (a bad address first:
 * the translated error, what was typed stays), adds an area and a competency with 4 levels and a
 * course link (a bad code first), edits a level descriptor by keyboard only and sees it on the
 * assessment page, is refused deleting a non-empty area, exports YAML; axe-core in uk and en. A staff
 * member gets 403 on the editor, on a posted action and on the export.
 */

const SAMPLE = 'tsyfrova-kompetentnist-sluzhbovtsia';
const COURSE = 'Основи електронного урядування та електронної демократії';
const main = (page: Page) => page.locator('main');

async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 60_000 });
}

/** Tabs until `target` has the focus (fails after many presses). */
async function tabTo(page: Page, target: Locator, max = 200): Promise<void> {
	for (let i = 0; i < max; i++) {
		if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
		await page.keyboard.press('Tab');
	}
	throw new Error(`could not reach ${target} with the Tab key`);
}

test.describe('certification framework editor', () => {
	test.describe.configure({ mode: 'serial' });
	const slug = `e2e-editor-${Date.now().toString(36)}`;

	test('an admin creates a framework, adds an area and a competency, edits a level by keyboard, exports YAML', async ({ page }) => {
		test.setTimeout(240_000);
		await signIn(page, 'admin@demo.maisternia.ua');
		await open(page, '/certification/frameworks');
		const create = main(page).locator('section[aria-labelledby="new-heading"]');

		// A bad address: the translated error under the field, everything typed is still there.
		await create.getByLabel('Адреса рамки (латиницею)').fill('Нова рамка');
		await create.getByLabel('Назва (українською)').fill('Рамка редактора e2e');
		await create.getByLabel('Назва (англійською)').fill('E2E editor framework');
		await create.getByLabel('Джерело рамки').fill('За мотивами DigComp 2.2');
		await create.getByRole('button', { name: 'Створити рамку' }).click();
		await expect(create.getByRole('alert')).toContainText('Зміни не збережено. Виправте позначені поля.');
		await expect(create.getByText('Адреса: малі латинські літери, цифри й дефіс, від 2 до 80 символів.')).toBeVisible();
		await expect(create.getByLabel('Адреса рамки (латиницею)')).toHaveAttribute('aria-invalid', 'true');
		await expect(create.getByLabel('Назва (українською)')).toHaveValue('Рамка редактора e2e');
		await expect(create.getByLabel('Джерело рамки')).toHaveValue('За мотивами DigComp 2.2');
		await create.getByLabel('Адреса рамки (латиницею)').fill(slug);
		await create.getByRole('button', { name: 'Створити рамку' }).click();
		await page.waitForURL(new RegExp(`/certification/frameworks/${slug}\\?created=1$`));
		await expect(page.getByRole('heading', { level: 1, name: 'Редагування рамки «Рамка редактора e2e»' })).toBeVisible();
		await expect(main(page).getByText('Рамку створено. Додайте сфери й компетентності.')).toBeVisible();
		await expect(main(page).getByText('У рамці ще немає сфер. Додайте першу нижче.')).toBeVisible();

		// Two areas.
		const newArea = main(page).locator('section[aria-labelledby="new-area-heading"]');
		for (const [code, uk, en] of [
			['1', 'Робота з даними', 'Working with data'],
			['2', 'Безпека', 'Safety']
		]) {
			await newArea.getByLabel('Код сфери').fill(code);
			await newArea.getByLabel('Назва сфери (українською)').fill(uk);
			await newArea.getByLabel('Назва сфери (англійською)').fill(en);
			await newArea.getByRole('button', { name: 'Додати сферу' }).click();
			await expect(newArea.getByText(`Сферу «${code}» додано.`)).toBeVisible();
			await expect(main(page).getByRole('heading', { level: 3, name: `${code}. ${uk}` })).toBeVisible();
		}
		// A taken code is refused with the field's message.
		await newArea.getByLabel('Код сфери').fill('2');
		await newArea.getByLabel('Назва сфери (українською)').fill('Повтор');
		await newArea.getByLabel('Назва сфери (англійською)').fill('Again');
		await newArea.getByRole('button', { name: 'Додати сферу' }).click();
		await expect(newArea.getByText('Код «2» уже використано в цій рамці. Коди мають бути унікальними.')).toBeVisible();
		await expect(newArea.getByLabel('Назва сфери (українською)')).toHaveValue('Повтор');
		await expectSettledAccessible(page, `/certification/frameworks/${slug} (uk)`);

		// A competency with 4 levels and a course; a bad code first.
		await main(page).getByRole('link', { name: 'Додати компетентність до сфери 1' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Нова компетентність: «Рамка редактора e2e»' })).toBeVisible();
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		await expect(page.getByLabel('Сфера')).toHaveValue(/.+/);
		await page.getByLabel('Код компетентності').fill('1 1');
		await page.getByLabel('Назва (українською)').fill('Відкриті дані громади');
		await page.getByLabel('Назва (англійською)').fill('Community open data');
		for (const level of [1, 2, 3, 4]) {
			await page.getByLabel(`Рівень ${level}: опис українською`).fill(`Рівень ${level}: знає і вміє`);
			await page.getByLabel(`Рівень ${level}: опис англійською`).fill(`Level ${level}: knows and does`);
		}
		await page.getByLabel('Рівень 4: опис англійською').fill('');
		await page.getByLabel(COURSE).check();
		await page.getByRole('button', { name: 'Додати компетентність' }).click();
		await expect(main(page).getByRole('alert')).toContainText('Зміни не збережено. Виправте позначені поля.');
		await expect(page.getByText('Код: літери, цифри, крапка, дефіс або підкреслення; починається з літери чи цифри, до 20 символів.')).toBeVisible();
		await expect(page.getByText('Заповніть це поле.')).toBeVisible();
		await expect(page.getByLabel('Код компетентності')).toHaveValue('1 1');
		await expect(page.getByLabel('Рівень 2: опис українською')).toHaveValue('Рівень 2: знає і вміє');
		await expect(page.getByLabel(COURSE)).toBeChecked();
		await page.getByLabel('Код компетентності').fill('1.1');
		await page.getByLabel('Рівень 4: опис англійською').fill('Level 4: teaches others');
		await page.getByRole('button', { name: 'Додати компетентність' }).click();
		await page.waitForURL(/\/competencies\/[^/]+\?saved=1$/);
		await expect(main(page).getByText('Компетентність 1.1 збережено.')).toBeVisible();
		await expect(page.getByLabel(COURSE)).toBeChecked();
		await expectSettledAccessible(page, '/certification/frameworks/[slug]/competencies/[id] (uk)');

		// By keyboard only: from the editor to the competency, a new level-3 descriptor, saved.
		await open(page, `/certification/frameworks/${slug}`);
		const link = main(page).getByRole('link', { name: '1.1 Відкриті дані громади' });
		await tabTo(page, link);
		await page.keyboard.press('Enter');
		await page.waitForURL(/\/competencies\/[^/?]+$/);
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
		const level3 = page.getByLabel('Рівень 3: опис українською');
		await tabTo(page, level3);
		await page.keyboard.press('ControlOrMeta+A');
		await page.keyboard.type('Веде реєстр наборів даних і навчає колег');
		await tabTo(page, page.getByRole('button', { name: 'Зберегти компетентність' }));
		await page.keyboard.press('Enter');
		await expect(main(page).getByText('Компетентність 1.1 збережено.')).toBeVisible();
		await expect(level3).toHaveValue('Веде реєстр наборів даних і навчає колег');

		// The assessment form shows the new descriptor.
		await open(page, `/certification/assessment/${slug}`);
		await expect(main(page).locator('fieldset.competency').filter({ hasText: 'Відкриті дані громади' })).toContainText('Веде реєстр наборів даних і навчає колег');

		// An area with a competency cannot be deleted; an empty one can.
		await open(page, `/certification/frameworks/${slug}`);
		await main(page).getByRole('button', { name: 'Видалити сферу 1' }).click();
		await expect(main(page).getByRole('alert')).toContainText('Сферу не можна видалити: у ній є компетентності (1).');
		await main(page).getByRole('button', { name: 'Вище: сфера 2' }).click();
		await expect(main(page).getByText('Порядок сфер змінено.')).toBeVisible();
		await expect(main(page).locator('section[data-area]').first()).toHaveAttribute('data-area', '2');
		await main(page).getByRole('button', { name: 'Видалити сферу 2' }).click();
		await expect(main(page).getByText('Сферу «2» видалено.')).toBeVisible();
		await expect(main(page).getByRole('heading', { level: 3, name: '2. Безпека' })).toHaveCount(0);

		// Export: YAML the import reads, with the edited descriptor and the course.
		const downloading = page.waitForEvent('download');
		await main(page).getByRole('link', { name: 'Завантажити YAML' }).click();
		const download = await downloading;
		expect(download.suggestedFilename()).toBe(`${slug}.yaml`);
		const yaml = fs.readFileSync((await download.path())!, 'utf8');
		expect(yaml).toContain(`slug: ${slug}`);
		expect(yaml).toContain('Веде реєстр наборів даних і навчає колег');
		expect(yaml).toContain('- egov-basics');
		expect(yaml).toContain('code: "1.1"');

		// The editor in English.
		await open(page, `/en/certification/frameworks/${slug}`);
		await expect(page.getByRole('heading', { level: 1, name: 'Editing the framework “E2E editor framework”' })).toBeVisible();
		await expectSettledAccessible(page, `/en/certification/frameworks/${slug} (en)`);
		await main(page).getByRole('link', { name: '1.1 Community open data' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Competency 1.1: “E2E editor framework”' })).toBeVisible();
		await expectSettledAccessible(page, '/en/certification/frameworks/[slug]/competencies/[id] (en)');
	});

	test('a guest reads the public framework page: every competency at its anchor with four levels and the courses that develop it', async ({ page }) => {
		await open(page, '/certification/competencies');
		await main(page).getByRole('link', { name: 'Цифрова компетентність службовця органу місцевого самоврядування' }).click();
		await expect(page).toHaveURL(new RegExp(`/certification/competencies/${SAMPLE}$`));
		await expectSettledAccessible(page, '/certification/competencies/[slug] (uk)');
		// The contents link to the anchor the Open Badges credentials point at.
		await main(page).getByRole('link', { name: '1.1 Пошук і оцінювання інформації та нормативних актів' }).click();
		await expect(page).toHaveURL(new RegExp(`#competency-1\\.1$`));
		const c = main(page).locator('article#competency-1\\.1');
		await expect(c.getByRole('heading', { level: 3 })).toHaveText('1.1 Пошук і оцінювання інформації та нормативних актів');
		await expect(c.locator('dt')).toHaveText(['Рівень 1', 'Рівень 2', 'Рівень 3', 'Рівень 4']);
		await expect(c.locator('dd').nth(2)).toHaveText('Порівнює джерела, оцінює достовірність і готує довідки для колег.');
		await c.getByRole('link', { name: COURSE }).click();
		await expect(page).toHaveURL(/\/courses\/osnovy-e-uriaduvannia$/);

		await open(page, `/en/certification/competencies/${SAMPLE}`);
		await expect(page.getByRole('heading', { level: 1, name: 'Digital competence of a local government official' })).toBeVisible();
		await expect(main(page).locator('article#competency-1\\.2 dd').nth(0)).toHaveText('Knows what open data is and where to find it.');
		await expectSettledAccessible(page, '/en/certification/competencies/[slug] (en)');
		await open(page, '/en/certification/competencies');
		await expectSettledAccessible(page, '/en/certification/competencies (en)');
		expect((await page.request.get('/certification/competencies/no-such-framework')).status()).toBe(404);
	});

	test('a staff member gets 403 on the editor, on a posted edit and on the export', async ({ page }) => {
		await signIn(page, 'staff.vinnytsia@demo.maisternia.ua');
		const res = await page.goto(`/certification/frameworks/${SAMPLE}`);
		expect(res?.status()).toBe(403);
		const origin = new URL(page.url()).origin;
		const posted = await page.request.post(`/certification/frameworks/${SAMPLE}?/addArea`, { form: { code: '9', titleUk: 'Зламано', titleEn: 'Broken' }, headers: { origin } });
		expect(posted.status()).toBe(403);
		const created = await page.request.post('/certification/frameworks?/create', { form: { slug: 'zlamano', titleUk: 'Зламано', titleEn: 'Broken' }, headers: { origin } });
		expect(created.status()).toBe(403);
		expect((await page.request.get(`/certification/frameworks/${SAMPLE}/export/yaml`)).status()).toBe(403);
		expect((await page.request.get(`/certification/frameworks/${SAMPLE}/competencies/new`)).status()).toBe(403);
		// The sample framework is untouched.
		await open(page, `/certification/assessment/${SAMPLE}`);
		await expect(main(page)).not.toContainText('Зламано');
	});
});
