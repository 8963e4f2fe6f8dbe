import type { Locator, Page } from '@playwright/test';
import { test, expect, expectSettledAccessible, signIn, DEMO_PASSWORD, type Mailbox } from './fixtures.ts';

/**
 * The e-gov school in a real browser: a citizen registers (confirmation mail from the real SMTP
 * server), finds a course in the catalog, enrols, reads lessons, passes a quiz graded on the server,
 * and completes an H5P activity in the portal's own h5p-standalone player, whose xAPI statements are
 * stored in the portal's LRS; then the same journey by keyboard only; the pages in English; enrolment
 * without JavaScript; a staff request approved by the organization's manager. axe-core on every page.
 */

let seq = 0;
const uniqueEmail = (prefix: string) => `${prefix}.${Date.now()}.${process.pid}.${++seq}@e2e.maisternia.ua`;
const main = (page: Page) => page.locator('main');

async function open(page: Page, path: string): Promise<void> {
	await page.goto(path);
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 60_000 });
}



async function registerAndConfirm(page: Page, mail: Mailbox, who: { name: string; email: string; password: string }) {
	await open(page, '/register');
	await page.getByLabel('Ім’я та прізвище').fill(who.name);
	await page.locator('input[name="email"]').fill(who.email);
	await page.locator('input[name="password"]').fill(who.password);
	await main(page).locator('button[type="submit"]').click();
	await expect(main(page).getByRole('status')).toContainText(who.email);
	const message = await mail.waitFor(who.email, /Підтвердьте/);
	await page.goto(mail.link(message, '/verify-email/'));
	await expect(main(page).getByRole('status')).toContainText(who.email);
}

/** One question of an attempt page, found by words of its prompt. */
const question = (page: Page, words: RegExp) => page.locator('fieldset.question').filter({ hasText: words });

/** The LRS's statements about an activity, read with the person's own session. */
async function lrsStatements(page: Page, activity: string): Promise<{ verb: { id: string }; actor: { account?: { name: string } }; result?: { score?: { scaled?: number } } }[]> {
	const res = await page.request.get(`/xapi/statements?activity=${encodeURIComponent(activity)}`, { headers: { 'X-Experience-API-Version': '1.0.3' } });
	expect(res.status()).toBe(200);
	return (await res.json()).statements;
}

test.describe('courses', () => {
	test.slow(process.env.E2E_DEV === '1', 'dev server compiles pages on first visit');

	test('a citizen registers, enrols, reads lessons, passes a quiz and completes the H5P activity (statements in the LRS)', async ({ page, mail }) => {
		const email = uniqueEmail('hromadianka');
		const password = 'Petytsiia-2026-vesna';
		await registerAndConfirm(page, mail, { name: 'Галина Громадянка', email, password });
		await signIn(page, email, password);

		// The catalog: filters and search in the query string.
		await open(page, '/courses');
		await expect(page.getByRole('heading', { level: 1, name: 'Курси Школи е-урядування' })).toBeVisible();
		await expectSettledAccessible(page, '/courses');
		await page.getByLabel('Для кого').selectOption('citizens');
		await page.getByLabel('Пошук за назвою, темою чи викладачем').fill('петиц');
		await page.getByRole('button', { name: 'Показати' }).click();
		await expect(page).toHaveURL(/audience=citizens/);
		await expect(main(page).getByRole('heading', { level: 3 })).toHaveCount(1);
		await main(page).getByRole('link', { name: 'Інструменти е-демократії для громадян' }).click();

		// The course page and enrolment.
		await expect(page.getByRole('heading', { level: 1, name: 'Інструменти е-демократії для громадян' })).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Програма курсу' })).toBeVisible();
		await expectSettledAccessible(page, '/courses/instrumenty-e-demokratii');
		await page.getByRole('button', { name: 'Записатися на курс' }).click();
		await expect(page.getByText('Ви навчаєтеся на цьому курсі.')).toBeVisible();
		await page.getByRole('link', { name: 'Почати навчання' }).click();

		// Lessons: reading completes them (rule "viewed"); previous/next move through the course.
		await expect(page.getByRole('heading', { level: 1, name: 'Що таке електронне звернення' })).toBeVisible();
		await expect(page.locator('#lesson-state')).toHaveText('Урок пройдено');
		await expectSettledAccessible(page, 'lesson (text)');
		await page.getByRole('link', { name: /Наступний урок/ }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Як написати звернення і відстежити відповідь' })).toBeVisible();
		await page.getByRole('link', { name: /Наступний урок/ }).click();

		// The quiz: the page holds no answers; the server grades.
		await expect(page.getByRole('heading', { level: 1, name: 'Практикум: електронні звернення' })).toBeVisible();
		await expect(page.locator('#lesson-state')).toHaveText('Урок ще не зараховано');
		await page.getByRole('button', { name: 'Почати спробу' }).click();
		await expect(page.getByRole('heading', { level: 1, name: /спроба 1/ })).toBeVisible();
		const html = await page.content();
		expect(html).not.toMatch(/correct|"answer"/);
		await expectSettledAccessible(page, 'quiz attempt');
		const kinds = question(page, /Зіставте ситуацію/);
		await kinds.getByLabel(/велодоріжку/).selectOption({ label: 'Пропозиція' });
		await kinds.getByLabel(/довідку про склад/).selectOption({ label: 'Заява (клопотання)' });
		await kinds.getByLabel(/відмовою без пояснень/).selectOption({ label: 'Скарга' });
		await question(page, /загальний строк розгляду/).getByLabel('Не більше одного місяця').check();
		await question(page, /не потребують додаткового вивчення/).getByLabel('Невідкладно, але не пізніше 15 днів').check();
		await question(page, /максимальний загальний строк/).getByLabel('Ваша відповідь').fill('45');
		await question(page, /Анонімне звернення/).getByLabel('Ні, неправильно').check();
		const fields = question(page, /електронне звернення\?/);
		await fields.getByLabel('Прізвище, ім\'я, по батькові').check();
		await fields.getByLabel('Суть питання і прохання').check();
		await fields.getByLabel(/Адресу для відповіді/).check();
		await page.getByRole('button', { name: 'Надіслати відповіді' }).click();
		await expect(page.getByText('Тест складено.')).toBeVisible();
		await expect(page.getByText(/6 з 6 балів \(100 %\)/)).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Перегляд відповідей' })).toBeVisible();
		await expectSettledAccessible(page, 'quiz result with review');
		await page.getByRole('link', { name: 'Повернутися до уроку' }).first().click();
		await expect(page.locator('#lesson-state')).toHaveText('Урок пройдено');
		await expect(page.getByRole('table')).toContainText('100 % — складено');

		// The H5P activity in the portal's own player; its statements go to the LRS.
		await page.getByRole('navigation', { name: 'Зміст курсу' }).getByRole('link', { name: 'Інтерактивне завдання: петиції' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'Інтерактивне завдання: петиції' })).toBeVisible();
		const player = page.locator('.h5p-maisternia-quiz');
		await expect(player.locator('fieldset')).toHaveCount(4, { timeout: 30_000 });
		await expectSettledAccessible(page, 'lesson (H5P)');
		const answers = ['Президентові, Верховній Раді, Кабінету Міністрів або органу місцевого самоврядування', 'Один раз', 'Двох робочих днів', 'Облаштувати пішохідний перехід біля школи № 7'];
		for (const [i, label] of answers.entries()) await player.locator('fieldset').nth(i).getByLabel(label, { exact: true }).check();
		await player.getByRole('button', { name: 'Перевірити' }).click();
		await expect(player.getByText('Ваш результат: 4 з 4. Завдання зараховано.')).toBeVisible();
		await expect(page.getByText('Результат збережено.')).toBeVisible();
		await expect(page.locator('#lesson-state')).toHaveText('Урок пройдено', { timeout: 20_000 });
		await expect(page.getByText('Найкращий результат: 100 %')).toBeVisible();

		// The activity IRI is the content's address on the portal's origin (ORIGIN).
		const iri = `${process.env.E2E_APP_ORIGIN ?? new URL(page.url()).origin}/h5p/content/e-democracy-tools.petytsii`;
		const stored = await lrsStatements(page, iri);
		const completed = stored.filter((s) => s.verb.id === 'http://adlnet.gov/expapi/verbs/completed');
		expect(completed.length, `statements about ${iri}`).toBeGreaterThanOrEqual(1);
		expect(completed[0]!.result?.score?.scaled).toBe(1);
		expect(completed[0]!.actor.account?.name).toBeTruthy();

		// The dashboard.
		await open(page, '/learning');
		await expect(page.getByRole('heading', { level: 1, name: 'Моє навчання' })).toBeVisible();
		await expect(page.getByText(/Пройдено 4 з 9 уроків/)).toBeVisible();
		await expect(page.getByRole('heading', { name: 'Рекомендуємо далі' })).toBeVisible();
		await expectSettledAccessible(page, '/learning');
	});

	test('the same journey by keyboard only: enrol, lessons, a quiz and the H5P activity', async ({ page }) => {
		await signIn(page, 'learner@demo.maisternia.ua');
		await open(page, '/courses/osnovy-e-uriaduvannia');

		/** Tabs until `target` has the focus (fails after many presses). */
		async function tabTo(target: Locator, max = 120): Promise<void> {
			for (let i = 0; i < max; i++) {
				if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
				await page.keyboard.press('Tab');
			}
			throw new Error(`could not reach ${target} with the Tab key`);
		}
		/** In a radio group that has the focus: Space checks the focused radio, arrows move the choice. */
		async function arrowTo(group: Locator, label: string): Promise<void> {
			const radio = group.getByLabel(label, { exact: true });
			await page.keyboard.press('Space');
			for (let i = 0; i < 6 && !(await radio.isChecked()); i++) await page.keyboard.press('ArrowDown');
			await expect(radio).toBeChecked();
		}

		const enrol = page.getByRole('button', { name: 'Записатися на курс' });
		if (await enrol.count()) {
			await tabTo(enrol);
			await page.keyboard.press('Enter');
		}
		const start = page.getByRole('link', { name: /Почати навчання|Продовжити навчання/ });
		await tabTo(start);
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1, name: 'Поняття електронного урядування' })).toBeVisible();
		await expect(page.locator('html[data-hydrated]')).toBeAttached();
		await tabTo(page.getByRole('link', { name: /Наступний урок/ }));
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1, name: 'Електронна демократія' })).toBeVisible();

		// The module quiz by keyboard: radios with arrows, checkboxes with Space, typing.
		await open(page, '/courses/osnovy-e-uriaduvannia/module-1-check');
		const startQuiz = page.getByRole('button', { name: 'Почати спробу' }).or(page.getByRole('link', { name: 'Продовжити спробу' }));
		await tabTo(startQuiz);
		await page.keyboard.press('Enter');
		await expect(page.getByRole('heading', { level: 1, name: /спроба/ })).toBeVisible();
		await expect(page.locator('html[data-hydrated]')).toBeAttached();
		const definition = question(page, /визначення електронного урядування/);
		await tabTo(definition.locator('input').first());
		await arrowTo(definition, 'Форма організації державного управління, що підвищує ефективність, відкритість і прозорість влади з використанням ІКТ');
		const parties = question(page, /Кому, за програмою Вознесенська/);
		for (const label of ['Громадянам', 'Бізнесу', 'Органам влади']) {
			await tabTo(parties.getByLabel(label, { exact: true }));
			await page.keyboard.press('Space');
		}
		const twoWay = question(page, /двосторонній інтерактивний/);
		await tabTo(twoWay.locator('input').first());
		await arrowTo(twoWay, 'Так, правильно');
		await tabTo(question(page, /одне слово/).getByLabel('Ваша відповідь'));
		await page.keyboard.type('Деперсоніфікація');
		await tabTo(page.getByRole('button', { name: 'Надіслати відповіді' }));
		await page.keyboard.press('Enter');
		await expect(page.getByText('Тест складено.')).toBeVisible();

		// The H5P activity by keyboard.
		await open(page, '/courses/osnovy-e-uriaduvannia/cases-activity');
		const player = page.locator('.h5p-maisternia-quiz');
		await expect(player.locator('fieldset')).toHaveCount(4, { timeout: 30_000 });
		const answers = ['Вінниця', 'Миколаїв', 'Систему управління якістю ISO 9001', 'Створення робочої групи'];
		for (const [i, label] of answers.entries()) {
			const group = player.locator('fieldset').nth(i);
			await tabTo(group.locator('input').first());
			await arrowTo(group, label);
		}
		await tabTo(player.getByRole('button', { name: 'Перевірити' }));
		await page.keyboard.press('Enter');
		await expect(player.getByText('Ваш результат: 4 з 4. Завдання зараховано.')).toBeVisible();
		await expect(page.locator('#lesson-state')).toHaveText('Урок пройдено', { timeout: 20_000 });
		// The retry button takes the focus after checking (keyboard users stay in the activity).
		await expect(player.getByRole('button', { name: 'Спробувати ще раз' })).toBeFocused();
	});

	test('the pages in English pass axe-core too', async ({ page }) => {
		await signIn(page, 'expert@demo.maisternia.ua', DEMO_PASSWORD, '/en');
		await open(page, '/en/courses');
		await expect(page.getByRole('heading', { level: 1, name: 'e-Government School courses' })).toBeVisible();
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expectSettledAccessible(page, '/en/courses');
		await open(page, '/en/courses/elektronnyi-dokumentoobih');
		await expect(page.getByRole('heading', { level: 1, name: 'Electronic document management in local self-government' })).toBeVisible();
		await expect(page.getByText('On request, with approval')).toBeVisible();
		await expectSettledAccessible(page, '/en/courses/[slug]');
		await open(page, '/en/courses/osnovy-e-uriaduvannia');
		await page.getByRole('button', { name: 'Enrol in the course' }).click();
		await expect(page.getByText('You are enrolled in this course.')).toBeVisible();
		await open(page, '/en/courses/osnovy-e-uriaduvannia/legal-framework');
		await expect(page.getByRole('heading', { level: 1, name: 'The legal framework of e-government' })).toBeVisible();
		await expect(page.getByRole('link', { name: 'нормативна база (CSV)' })).toHaveAttribute('href', '/courses/osnovy-e-uriaduvannia/media/normatyvna-baza.csv');
		await expectSettledAccessible(page, '/en lesson');
		await open(page, '/en/courses/osnovy-e-uriaduvannia/final-test');
		await page.getByRole('button', { name: 'Start an attempt' }).click();
		await expect(page.getByRole('heading', { level: 1, name: /attempt 1/ })).toBeVisible();
		await expect(page.getByText(/Send your answers by/)).toBeVisible();
		await expect(page.locator('fieldset.question')).toHaveCount(8);
		await expectSettledAccessible(page, '/en attempt');
		await open(page, '/en/learning');
		await expect(page.getByRole('heading', { level: 1, name: 'My learning' })).toBeVisible();
		await expectSettledAccessible(page, '/en/learning');
	});

	test('without JavaScript: catalog filters and enrolment work', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await signIn(page, 'editor@demo.maisternia.ua');
		await page.goto('/courses');
		await page.getByLabel('Тема').selectOption('document_flow');
		await page.getByRole('button', { name: 'Показати' }).click();
		await expect(page).toHaveURL(/topic=document_flow/);
		await expect(main(page).getByRole('heading', { level: 3 })).toHaveText(['Електронний документообіг в органах місцевого самоврядування']);
		await page.goto('/courses/instrumenty-e-demokratii');
		await page.getByRole('button', { name: 'Записатися на курс' }).click();
		await expect(page.getByText('Ви записалися на курс.')).toBeVisible();
		await page.goto('/courses/instrumenty-e-demokratii/what-is-appeal');
		await expect(page.locator('#lesson-state')).toHaveText('Урок пройдено');
		await context.close();
	});

	test('a staff member asks for a staff course and the manager of their council approves', async ({ browser }) => {
		const staffContext = await browser.newContext();
		const staff = await staffContext.newPage();
		await signIn(staff, 'staff.vinnytsia@demo.maisternia.ua');
		await open(staff, '/courses/elektronnyi-dokumentoobih');
		await expect(staff.getByRole('button', { name: 'Записатися на курс' })).toHaveCount(0);
		const request = staff.getByRole('button', { name: 'Подати заявку на навчання' });
		if (await request.count()) {
			await staff.getByLabel('Коментар для керівника').fill('Впроваджуємо СЕД у загальному відділі.');
			await request.click();
			await expect(staff.getByText('Заявку подано.')).toBeVisible();
		}

		const managerContext = await browser.newContext();
		const manager = await managerContext.newPage();
		await signIn(manager, 'manager.vinnytsia@demo.maisternia.ua');
		await open(manager, '/learning');
		await expect(manager.getByText(/Заявок чекає вашого рішення/)).toBeVisible();
		await open(manager, '/courses/elektronnyi-dokumentoobih');
		const row = manager.locator('tr').filter({ hasText: 'staff.vinnytsia' }).or(manager.locator('tr').filter({ hasText: 'Впроваджуємо СЕД' }));
		await expect(row.first()).toBeVisible();
		await expectSettledAccessible(manager, 'course page with requests');
		await row.first().getByRole('button', { name: 'Погодити' }).click();
		await expect(manager.getByText('Заявку погоджено.')).toBeVisible();

		await open(staff, '/courses/elektronnyi-dokumentoobih');
		await expect(staff.getByText('Ви навчаєтеся на цьому курсі.')).toBeVisible();
		await staffContext.close();
		await managerContext.close();
	});
});
