import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, signIn } from './fixtures';

/**
 * A staff member's certification cycle in Chromium: self-assessment, development plan, a course, the
 * exam, certified; the expiry reminder arrives over real SMTP (the demo "clearance" programme is valid
 * one month with a 31-day window, so a fresh certification is already inside its window); the exam
 * again inside the window: recertified. The manager's dashboard stays inside their organization.
 */

const STAFF = 'staff.vinnytsia@demo.maisternia.ua';
const MANAGER = 'manager.vinnytsia@demo.maisternia.ua';
const PROGRAMME = 'Допуск до роботи з електронними зверненнями';
const FRAMEWORK = 'tsyfrova-kompetentnist-sluzhbovtsia';
const main = (page: Page) => page.locator('main');
const question = (page: Page, words: RegExp) => page.locator('fieldset.question').filter({ hasText: words });

async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 60_000 });
}

async function accessible(page: Page, what: string): Promise<void> {
	await page.waitForLoadState('networkidle');
	try {
		await expectAccessible(page, what);
	} catch (err) {
		if (!String(err).includes('Execution context was destroyed')) throw err;
		await page.waitForLoadState('networkidle');
		await expectAccessible(page, what);
	}
}

function programmeCard(page: Page) {
	return main(page).locator('article').filter({ has: page.getByRole('heading', { name: PROGRAMME }) });
}

/** The practice test of "Інструменти е-демократії", all answers right (as in courses.spec.ts). */
async function passAppealsTest(page: Page, attempt: number) {
	await open(page, '/courses/instrumenty-e-demokratii/appeals-quiz');
	await page.getByRole('button', { name: 'Почати спробу' }).click();
	await expect(page.getByRole('heading', { level: 1, name: new RegExp(`спроба ${attempt}`) })).toBeVisible();
	const kinds = question(page, /Зіставте ситуацію/);
	await kinds.getByLabel(/велодоріжку/).selectOption({ label: 'Пропозиція' });
	await kinds.getByLabel(/довідку про склад/).selectOption({ label: 'Заява (клопотання)' });
	await kinds.getByLabel(/відмовою без пояснень/).selectOption({ label: 'Скарга' });
	await question(page, /загальний строк розгляду/).getByLabel('Не більше одного місяця').check();
	await question(page, /не потребують додаткового вивчення/).getByLabel('Невідкладно, але не пізніше 15 днів').check();
	await question(page, /максимальний загальний строк/).getByLabel('Ваша відповідь').fill('45');
	await question(page, /Анонімне звернення/).getByLabel('Ні, неправильно').check();
	const fields = question(page, /електронне звернення\?/);
	await fields.getByLabel("Прізвище, ім'я, по батькові").check();
	await fields.getByLabel('Суть питання і прохання').check();
	await fields.getByLabel(/Адресу для відповіді/).check();
	await page.getByRole('button', { name: 'Надіслати відповіді' }).click();
	await expect(page.getByText('Тест складено.')).toBeVisible();
}

test.describe('certification', () => {
	test.describe.configure({ mode: 'serial' });

	test("a staff member's cycle: assessment, plan, course, exam, certified, expiry reminder by mail, recertified", async ({ browser, mail }) => {
		test.setTimeout(300_000);
		const staffContext = await browser.newContext();
		const staff = await staffContext.newPage();
		await signIn(staff, STAFF);

		// The own view: assigned programmes, not started.
		await open(staff, '/certification');
		await expect(staff.getByRole('heading', { level: 1, name: 'Моя сертифікація' })).toBeVisible();
		await expect(programmeCard(staff).locator('.badge').first()).toHaveText('Не розпочато');
		await accessible(staff, '/certification');

		// Self-assessment: every competency at level 1, level 3 needed -> gaps -> the plan.
		await open(staff, `/certification/assessment/${FRAMEWORK}`);
		await accessible(staff, 'self-assessment');
		const currents = main(staff).locator('select[name^="current-"]');
		const count = await currents.count();
		expect(count).toBeGreaterThanOrEqual(8);
		for (let i = 0; i < count; i++) await currents.nth(i).selectOption('1');
		const targets = main(staff).locator('select[name^="target-"]');
		for (let i = 0; i < count; i++) await targets.nth(i).selectOption('3');
		await staff.getByRole('button', { name: 'Зберегти й побудувати план' }).click();
		await expect(staff.getByRole('heading', { level: 1, name: /План розвитку/ })).toBeVisible();
		const plan = main(staff).locator('table');
		await expect(plan).toContainText('Інструменти е-демократії для громадян');
		await expect(plan).toContainText('Основи електронного урядування');
		await accessible(staff, 'development plan');
		// The person adjusts a target date; the plan keeps it.
		const row = plan.locator('tr').filter({ hasText: 'Інструменти е-демократії для громадян' });
		await row.locator('input[type="date"]').fill('2027-03-15');
		await row.getByRole('button', { name: /Зберегти/ }).click();
		await expect(main(staff).getByText('Зміни в плані збережено.')).toBeVisible();
		await open(staff, `/certification/plan/${FRAMEWORK}`);
		await expect(main(staff).locator('tr').filter({ hasText: 'Інструменти е-демократії для громадян' }).locator('input[type="date"]')).toHaveValue('2027-03-15');

		// The course and its practice test, which is this programme's exam.
		await open(staff, '/courses/instrumenty-e-demokratii');
		await staff.getByRole('button', { name: 'Записатися на курс' }).click();
		await expect(staff.getByText('Ви навчаєтеся на цьому курсі.')).toBeVisible();
		await passAppealsTest(staff, 1);

		// Certified, and inside the recertification window at once (1 month valid, 31-day window).
		await open(staff, '/certification');
		await expect(programmeCard(staff).locator('.badge').first()).toHaveText('Спливає');
		await expect(programmeCard(staff).getByRole('link', { name: /Сертифікат №/ })).toBeVisible();
		await expect(programmeCard(staff)).toContainText('Що потрібно для повторної сертифікації');

		// The certificate's verification page lists the competency it certifies, linked to its framework page.
		await programmeCard(staff).getByRole('link', { name: /Сертифікат №/ }).click();
		await expect(main(staff).locator('dt', { hasText: 'Компетентності' })).toBeVisible();
		const competency = main(staff).getByRole('link', { name: /^2\.1 Електронні звернення, петиції та консультації/ });
		await expect(competency).toHaveText('2.1 Електронні звернення, петиції та консультації — рівень 2');
		await accessible(staff, '/verify/[serial] of a programme certificate (uk)');
		await competency.click();
		await expect(staff).toHaveURL(new RegExp(`/certification/competencies/${FRAMEWORK}#competency-2\\.1$`));
		await expect(main(staff).locator('article#competency-2\\.1 h3')).toHaveText('2.1 Електронні звернення, петиції та консультації');

		// The manager sends the due reminders now (the daily job's run for one organization).
		const managerContext = await browser.newContext();
		const manager = await managerContext.newPage();
		await signIn(manager, MANAGER);
		await open(manager, '/manage/vinnytsia-city-council/compliance');
		await expect(manager.getByRole('heading', { level: 1, name: 'Стан сертифікації' })).toBeVisible();
		await manager.getByRole('button', { name: 'Надіслати належні нагадування зараз' }).click();
		await expect(main(manager).getByText(/Надіслано нагадувань/)).toBeVisible();
		const reminder = await mail.waitFor(STAFF, /скоро спливає/, 60_000);
		expect(reminder.subject).toContain(PROGRAMME);
		expect(mail.link(reminder, '/certification')).toContain('/certification');
		const digest = await mail.waitFor(MANAGER, /Сертифікація в/, 60_000);
		expect(digest.text).toContain('Оксана Лисенко');
		// A second run sends nothing new.
		await manager.getByRole('button', { name: 'Надіслати належні нагадування зараз' }).click();
		await expect(main(manager).getByText('Надіслано нагадувань: працівникам — 0, керівникам — 0.')).toBeVisible();
		expect((await mail.all(STAFF)).filter((x) => /скоро спливає/.test(x.subject))).toHaveLength(1);

		// Recertification: the exam again, inside the window.
		await passAppealsTest(staff, 2);
		await open(staff, '/certification');
		await programmeCard(staff).getByText('Історія').click();
		await expect(programmeCard(staff)).toContainText('Повторно сертифіковано');
		await staffContext.close();
		await managerContext.close();
	});

	test("the manager's dashboard: charts with a table, exports, drill-down; never another organization", async ({ browser }) => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, MANAGER);
		await open(page, '/manage/vinnytsia-city-council/compliance');
		await expect(page.getByRole('img', { name: 'Стан сертифікації за підрозділами' })).toBeVisible();
		await expect(page.getByRole('table', { name: 'Стан сертифікації за підрозділами (таблиця)' })).toBeVisible();
		await accessible(page, '/manage/[slug]/compliance');
		// Drill-down: one department's people.
		await main(page).getByRole('link', { name: /Департамент адміністративних послуг/ }).click();
		await expect(page).toHaveURL(/department=/);
		await expect(main(page).getByRole('table').last()).toContainText('Оксана Лисенко');
		// Exports.
		const csv = await page.request.get('/manage/vinnytsia-city-council/compliance/export.csv');
		expect(csv.status()).toBe(200);
		const text = await csv.text();
		expect(text).toContain('Оксана Лисенко');
		expect(text).not.toContain('Юлія Ткаченко');
		const xlsx = await page.request.get('/manage/vinnytsia-city-council/compliance/export.xlsx');
		expect(xlsx.status()).toBe(200);
		expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
		expect((await xlsx.body()).subarray(0, 2).toString()).toBe('PK');
		// Another organization's people: refused at the HTTP level, pages and exports alike.
		for (const path of ['/manage/mykolaiv-city-council/compliance', '/manage/mykolaiv-city-council/compliance/export.csv', '/manage/mykolaiv-city-council/compliance/export.xlsx']) {
			const res = await page.request.get(path, { maxRedirects: 0 });
			expect(res.status(), path).toBe(403);
		}
		// English.
		await open(page, '/en/manage/vinnytsia-city-council/compliance');
		await expect(page.getByRole('heading', { level: 1, name: 'Certification compliance' })).toBeVisible();
		await accessible(page, '/en/manage/[slug]/compliance');
		await context.close();
	});

	test('the organization page links to the compliance page; the manager records a hire date', async ({ browser }) => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, MANAGER);
		await open(page, '/manage/vinnytsia-city-council');
		const row = main(page).locator('tbody tr').filter({ hasText: STAFF });
		const hired = row.getByLabel(/Дата прийняття на роботу/);
		await hired.fill('2024-03-15');
		await row.getByRole('button', { name: /^Зберегти/ }).click();
		await page.waitForLoadState('networkidle');
		await open(page, '/manage/vinnytsia-city-council');
		await expect(main(page).locator('tbody tr').filter({ hasText: STAFF }).getByLabel(/Дата прийняття на роботу/)).toHaveValue('2024-03-15');
		await accessible(page, '/manage/[slug]');
		await main(page).getByRole('link', { name: 'Стан сертифікації працівників' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Стан сертифікації' })).toBeVisible();
		await open(page, '/en/manage/vinnytsia-city-council');
		await expect(main(page).getByRole('link', { name: 'Staff certification compliance' })).toBeVisible();
		await accessible(page, '/en/manage/[slug]');
		await context.close();
	});

	test('English pages of the own view are accessible; a staff member has no dashboard', async ({ browser }) => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, 'staff.mykolaiv@demo.maisternia.ua');
		await open(page, '/en/certification');
		await expect(page.getByRole('heading', { level: 1, name: 'My certification' })).toBeVisible();
		await accessible(page, '/en/certification');
		await open(page, `/en/certification/assessment/${FRAMEWORK}`);
		await accessible(page, '/en/certification/assessment');
		const res = await page.request.get('/manage/mykolaiv-city-council/compliance', { maxRedirects: 0 });
		expect(res.status()).toBe(403);
		await context.close();
	});

	test('an admin imports a framework (errors name line and field); a manager opens one person', async ({ browser }) => {
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, 'admin@demo.maisternia.ua');
		await open(page, '/certification/frameworks');
		await expect(page.getByRole('heading', { level: 1, name: 'Рамки компетентностей' })).toBeVisible();
		await accessible(page, '/certification/frameworks');
		const header = 'area_code,area_uk,area_en,code,title_uk,title_en,description_uk,description_en,level1_uk,level1_en,level2_uk,level2_en,level3_uk,level3_en,level4_uk,level4_en,courses';
		const row = (code: string, l4: string) => `1,Дані,Data,${code},Пошук,Search,,,Базовий,Basic,Середній,Intermediate,Просунутий,Advanced,${l4},Expert,egov-basics`;
		await page.getByLabel('CSV', { exact: true }).check();
		await page.getByLabel('Адреса рамки (лише для CSV)').fill('e2e-ramka');
		await page.getByLabel('Назва українською (лише для CSV)').fill('Тестова рамка');
		await page.getByLabel('Назва англійською (лише для CSV)').fill('Test framework');
		await page.getByLabel('Або вставте текст').fill([header, row('1.1', 'Експерт'), row('1.2', '')].join('\n'));
		await page.getByRole('button', { name: 'Імпортувати' }).click();
		await expect(main(page).getByRole('alert')).toContainText('Рядок 3, поле level4_uk');
		await expect(page.getByLabel('Або вставте текст')).toHaveValue(/1\.2/);
		await page.getByLabel('Або вставте текст').fill([header, row('1.1', 'Експерт'), row('1.2', 'Експерт')].join('\n'));
		await page.getByRole('button', { name: 'Імпортувати' }).click();
		await expect(main(page).getByText('Рамку «Тестова рамка» імпортовано.')).toBeVisible();
		await context.close();

		const mctx = await browser.newContext();
		const manager = await mctx.newPage();
		await signIn(manager, MANAGER);
		await open(manager, '/manage/vinnytsia-city-council/compliance');
		await main(manager).getByRole('link', { name: 'Оксана Лисенко' }).first().click();
		await expect(manager.getByRole('heading', { level: 1, name: 'Оксана Лисенко' })).toBeVisible();
		await expect(main(manager)).toContainText(PROGRAMME);
		await accessible(manager, '/manage/[slug]/compliance/people/[userId]');
		await mctx.close();
	});
});
