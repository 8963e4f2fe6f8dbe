import { test, expect, expectAccessible, signIn } from './fixtures';
import type { Locator, Page } from '@playwright/test';

/**
 * An organiser sets a contest up from nothing through the forms, by keyboard: the contest for a new
 * year, a nomination with two weighted criteria (reordered), a required field of its own, a juror; opening
 * registration is refused until every nomination can be scored. An entrant then registers; the
 * required field left empty keeps what was typed and says why; the confirmation arrives over SMTP.
 * Someone who is not an organiser gets 403 on the pages and on a posted action. In screening, the
 * juror recuses themself and the organiser withdraws the recusal with a reason.
 */
const year = 2100 + Math.floor(Math.random() * 800);
const code = `e-services-${year}`;

async function open(page: Page, url: string) {
	await page.goto(url);
	await page.waitForLoadState('networkidle');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
}

/** Types into a control after focusing it, as a keyboard user does. */
async function type(control: Locator, text: string) {
	await control.focus();
	await control.press('ControlOrMeta+a');
	await control.pressSequentially(text);
}

/** Submits with Enter on the focused button. */
async function press(button: Locator) {
	await button.focus();
	await button.press('Enter');
	await button.page().waitForLoadState('networkidle');
}

async function bothLocales(page: Page, path: string) {
	await open(page, path);
	await expectAccessible(page);
	await open(page, `/en${path}`);
	await expectAccessible(page);
}

test.describe.configure({ mode: 'serial' });

test('an organiser creates a contest, a nomination with weighted criteria, a required field and a juror, then opens registration', async ({ page, mail }) => {
	test.setTimeout(180_000);
	await signIn(page, 'editor@demo.maisternia.ua');
	await open(page, '/contests');
	await press(page.getByRole('link', { name: 'Новий конкурс' }));
	await expect(page).toHaveURL(/\/contests\/new$/);
	await expectAccessible(page);

	// A bad year and a closing date before the opening: per-field errors, what was typed kept.
	const form = page.locator('form[action="?/save"]');
	await type(form.getByLabel('Рік конкурсу'), '21');
	await type(form.getByLabel('Назва українською'), `Конкурс кейсів ${year}`);
	await type(form.getByLabel('Назва англійською'), `Cases contest ${year}`);
	await type(form.getByLabel('Опис українською'), 'Тестовий конкурс.');
	await form.getByLabel('Реєстрація починається').fill('2026-01-01T09:00');
	await form.getByLabel('Реєстрація завершується').fill(`${year}-12-31T18:00`);
	await type(form.getByLabel('Фіналістів у кожній номінації'), '3');
	await form.getByLabel('Громадське голосування').focus();
	await page.keyboard.press('Space');
	await press(form.getByRole('button', { name: 'Створити конкурс' }));
	await expect(form.getByText('Рік — чотири цифри, від 2000 до 2999.')).toBeVisible();
	await expect(form.getByLabel('Назва українською')).toHaveValue(`Конкурс кейсів ${year}`);
	await expect(form.getByLabel('Громадське голосування')).toBeChecked();
	await expect(form.getByLabel('Рік конкурсу')).toHaveAttribute('aria-invalid', 'true');
	await type(form.getByLabel('Рік конкурсу'), String(year));
	await press(form.getByRole('button', { name: 'Створити конкурс' }));
	await expect(page).toHaveURL(new RegExp(`/contests/${year}/manage\\?done=created`));
	await expect(page.getByText('Підготовка')).toBeVisible();

	// Opening registration without nominations is refused with the reason.
	await press(page.getByRole('button', { name: 'Відкрити реєстрацію заявок' }));
	await expect(page.getByRole('alert')).toContainText('додайте хоча б одну номінацію');

	// A nomination.
	await press(page.getByRole('link', { name: 'Номінації та критерії з вагами' }));
	const add = page.locator('form[action="?/add"]');
	await type(add.getByLabel('Код номінації'), code);
	await type(add.getByLabel('Назва українською'), 'Електронні послуги (тест)');
	await type(add.getByLabel('Назва англійською'), 'E-services (test)');
	await press(add.getByRole('button', { name: 'Додати номінацію' }));
	await expect(page.getByRole('status')).toContainText('Зроблено');
	await press(page.getByRole('link', { name: 'Електронні послуги (тест)' }));
	await expect(page).toHaveURL(new RegExp(`/manage/nominations/${code}`));

	// Two weighted criteria; a zero weight is refused and the typed title stays.
	const crit = page.locator('form[action="?/addCriterion"]');
	await type(crit.getByLabel('Назва українською'), 'Інноваційність');
	await type(crit.getByLabel('Назва англійською'), 'Innovation');
	await type(crit.getByLabel('Вага'), '0');
	await type(crit.getByLabel(/Найвища оцінка/), '10');
	await press(crit.getByRole('button', { name: 'Додати критерій' }));
	await expect(crit.getByText(/Вага — додатне число/)).toBeVisible();
	await expect(crit.getByLabel('Назва українською')).toHaveValue('Інноваційність');
	await type(crit.getByLabel('Вага'), '3');
	await press(crit.getByRole('button', { name: 'Додати критерій' }));
	await type(crit.getByLabel('Назва українською'), 'Результати');
	await type(crit.getByLabel('Назва англійською'), 'Results');
	await type(crit.getByLabel('Вага'), '1');
	await type(crit.getByLabel(/Найвища оцінка/), '5');
	await press(crit.getByRole('button', { name: 'Додати критерій' }));
	const table = page.getByRole('table');
	await expect(table.getByRole('row', { name: /Інноваційність/ })).toContainText('75 %');
	await expect(table.getByRole('row', { name: /Результати/ })).toContainText('25 %');
	// Reordered by keyboard: the second criterion goes up (the juror's sheet follows), then back down.
	const order = () => page.getByRole('table').locator('tbody th[scope="row"]').allTextContents();
	await press(page.getByRole('button', { name: 'Вище: Результати' }));
	await expect(page.getByRole('status')).toContainText('Зроблено');
	await expect.poll(order).toEqual(['Результати', 'Інноваційність']);
	await expect(page.getByRole('button', { name: 'Вище: Результати' })).toBeDisabled();
	await press(page.getByRole('button', { name: 'Нижче: Результати' }));
	await expect.poll(order).toEqual(['Інноваційність', 'Результати']);
	await expectAccessible(page);
	await open(page, `/en/contests/${year}/manage/nominations/${code}`);
	await expect(page.getByRole('table').getByRole('row', { name: /Innovation/ })).toContainText('75 %');
	await expectAccessible(page);

	// A required field of the form's own, seen in the preview.
	await open(page, `/contests/${year}/manage/form`);
	const field = page.locator('form[action="?/add"]');
	await type(field.getByLabel('Ключ поля'), 'users');
	await field.getByLabel('Тип поля').selectOption('number');
	await type(field.getByLabel('Підпис українською'), 'Користувачів за рік');
	await type(field.getByLabel('Підпис англійською'), 'Users a year');
	await field.getByLabel('Обов’язкове поле').focus();
	await page.keyboard.press('Space');
	await press(field.getByRole('button', { name: 'Додати поле' }));
	await expect(page.getByRole('status')).toContainText('Зроблено');
	await expect(page.locator('.preview').getByLabel('Користувачів за рік')).toBeVisible();
	await expectAccessible(page);

	// No screening jury yet: refused, naming the nomination. Then a juror, picked by e-mail.
	await open(page, `/contests/${year}/manage`);
	await press(page.getByRole('button', { name: 'Відкрити реєстрацію заявок' }));
	await expect(page.getByRole('alert')).toContainText('«Електронні послуги (тест)» немає журі відбіркового туру');
	const jury = page.locator('section', { has: page.getByRole('heading', { name: 'Електронні послуги (тест)' }) });
	await type(jury.getByLabel('Електронна пошта'), 'nobody-here@demo.maisternia.ua');
	await press(jury.getByRole('button', { name: /Додати до журі/ }));
	await expect(jury.getByText('Немає облікового запису з такою адресою.')).toBeVisible();
	await expect(jury.getByLabel('Електронна пошта')).toHaveValue('nobody-here@demo.maisternia.ua');
	await type(jury.getByLabel('Електронна пошта'), 'expert@demo.maisternia.ua');
	await jury.getByLabel('Тур').selectOption('screening');
	await press(jury.getByRole('button', { name: /Додати до журі/ }));
	await expect(jury.getByText(/expert@demo\.maisternia\.ua/)).toBeVisible();
	const seat = await mail.waitFor('expert@demo.maisternia.ua', new RegExp(`${year}`));
	expect(seat.text).toContain('Електронні послуги (тест)');
	// A second juror for the final, then taken off again.
	await type(jury.getByLabel('Електронна пошта'), 'instructor@demo.maisternia.ua');
	await jury.getByLabel('Тур').selectOption('final');
	await press(jury.getByRole('button', { name: /Додати до журі/ }));
	await expect(jury.getByText(/instructor@demo\.maisternia\.ua/)).toBeVisible();
	await expectAccessible(page);
	await press(jury.getByRole('button', { name: /Вилучити з журі: .*фінальний тур/ }));
	await expect(jury.getByText(/instructor@demo\.maisternia\.ua/)).toHaveCount(0);
	await expect(jury.getByText(/expert@demo\.maisternia\.ua/)).toBeVisible();

	await press(page.getByRole('button', { name: 'Відкрити реєстрацію заявок' }));
	await expect(page.getByRole('status')).toContainText('Зроблено');
	await expect(page.locator('.page-header').getByText('Реєстрація заявок')).toBeVisible();

	await bothLocales(page, `/contests/${year}/manage`);
	await bothLocales(page, `/contests/${year}/manage/edit`);
	await bothLocales(page, `/contests/${year}/manage/nominations`);
	await bothLocales(page, `/contests/${year}/manage/form`);
	await open(page, '/en/contests/new');
	await expectAccessible(page);
});

test('an entrant fills the contest’s own required field; the confirmation arrives by mail', async ({ page, mail }) => {
	await signIn(page, 'learner@demo.maisternia.ua');
	await open(page, `/contests/${year}/register`);
	const form = page.locator('form', { has: page.getByRole('button', { name: 'Подати заявку' }) });
	await form.getByLabel('Номінація').selectOption(code);
	await type(form.getByLabel(/Організація/), 'Вінницька міська рада');
	await form.getByLabel('Область').selectOption('UA-05');
	await type(form.getByLabel('Місто'), 'Вінниця');
	await type(form.getByLabel('Назва практики'), `Онлайн-запис ${year}`);
	await type(form.getByLabel('Короткий опис'), 'Запис до ЦНАП через інтернет.');
	await press(form.getByRole('button', { name: 'Подати заявку' }));
	// The required field of the contest's own: a translated error, and everything typed is still there.
	await expect(page.getByRole('alert').first()).toContainText('Заявку не подано');
	const users = page.getByLabel('Користувачів за рік');
	await expect(users).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('#field-q_users-error')).toHaveText('Заповніть це поле.');
	await expect(page.getByLabel('Назва практики')).toHaveValue(`Онлайн-запис ${year}`);
	await expect(page.getByLabel('Область')).toHaveValue('UA-05');
	await expectAccessible(page);
	// Not a number: refused by the server too.
	await type(users, 'багато');
	await press(page.getByRole('button', { name: 'Подати заявку' }));
	await expect(page.locator('#field-q_users-error')).toContainText('Введіть число');
	await type(page.getByLabel('Користувачів за рік'), '1200');
	await press(page.getByRole('button', { name: 'Подати заявку' }));
	await expect(page).toHaveURL(new RegExp(`/contests/${year}\\?done=registered`));
	const confirmation = await mail.waitFor('learner@demo.maisternia.ua', new RegExp(`${year}: заявку зареєстровано`));
	expect(confirmation.text).toContain(`«Онлайн-запис ${year}»`);
	expect(confirmation.text).toContain('«Електронні послуги (тест)»');
	await open(page, `/en/contests/${year}/register`);
	await expectAccessible(page);
});

test('someone who is not an organiser gets 403 on the setup pages and on a posted action', async ({ page }) => {
	await signIn(page, 'learner@demo.maisternia.ua');
	for (const path of ['/contests/new', `/contests/${year}/manage`, `/contests/${year}/manage/nominations`, `/contests/${year}/manage/form`, `/contests/${year}/manage/people?q=demo`]) {
		expect((await page.request.get(path)).status(), path).toBe(403);
	}
	const origin = new URL(page.url()).origin;
	const post = await page.request.post(`/contests/${year}/manage?/screening`, { form: {}, headers: { origin } });
	expect(post.status()).toBe(403);
	const nomination = await page.request.post(`/contests/${year}/manage/nominations?/remove`, { form: { code }, headers: { origin, accept: 'application/json', 'x-sveltekit-action': 'true' } });
	expect(nomination.status()).toBe(403);
	expect(await nomination.json()).toMatchObject({ type: 'error' });
	// Nothing changed: registration is still open and the nomination is there.
	await open(page, `/contests/${year}`);
	await expect(page.getByRole('heading', { name: 'Електронні послуги (тест)' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Подати заявку' })).toBeVisible();
});

test('in screening a juror recuses themself; the organiser withdraws it with a reason and the juror scores again', async ({ browser }) => {
	test.setTimeout(120_000);
	const organiser = await (await browser.newContext()).newPage();
	await signIn(organiser, 'editor@demo.maisternia.ua');
	await open(organiser, `/contests/${year}/manage`);
	await press(organiser.getByRole('button', { name: 'Закрити реєстрацію й почати відбірковий тур' }));
	await expect(organiser.getByRole('status')).toContainText('Зроблено');

	const juror = await (await browser.newContext()).newPage();
	await signIn(juror, 'expert@demo.maisternia.ua');
	await open(juror, `/contests/${year}/jury/${code}`);
	await expect(juror.locator('section.entry')).toHaveCount(1);
	await type(juror.getByLabel('Причина'), 'Консультував заявника');
	await press(juror.getByRole('button', { name: 'Заявити самовідвід' }));
	expect((await juror.request.get(`/contests/${year}/jury/${code}`)).status()).toBe(403);

	// Someone who is not an organiser cannot withdraw it.
	const origin = new URL(juror.url()).origin;
	const expertId = await (async () => {
		await open(organiser, `/contests/${year}/manage`);
		return organiser.locator('form[action^="?/withdrawRecusal"] input[name="userId"]').first().inputValue();
	})();
	const refused = await juror.request.post(`/contests/${year}/manage?/withdrawRecusal`, { form: { code, userId: expertId, reason: 'Сам собі скасую' }, headers: { origin } });
	expect(refused.status()).toBe(403);

	// The organiser sees the recusal with its reason; a too short reason is refused and kept.
	const jury = organiser.locator('section', { has: organiser.getByRole('heading', { name: 'Електронні послуги (тест)' }) });
	await expect(jury.getByText(/Консультував заявника/)).toBeVisible();
	await expectAccessible(organiser);
	const reason = jury.getByLabel('Чому самовідвід скасовано');
	await type(reason, 'ok');
	await press(jury.getByRole('button', { name: /Скасувати самовідвід/ }));
	await expect(jury.getByText('Вкажіть причину (щонайменше 3 символи).')).toBeVisible();
	await expect(jury.getByLabel('Чому самовідвід скасовано')).toHaveValue('ok');
	await type(jury.getByLabel('Чому самовідвід скасовано'), 'Консультація була до конкурсу');
	await press(jury.getByRole('button', { name: /Скасувати самовідвід/ }));
	await expect(organiser.getByRole('status')).toContainText('Зроблено');
	await expect(jury.getByText(/Консультував заявника/)).toHaveCount(0);
	await open(organiser, `/en/contests/${year}/manage`);
	await expectAccessible(organiser);

	// The juror sees the entry again.
	await open(juror, `/contests/${year}/jury/${code}`);
	await expect(juror.locator('section.entry')).toHaveCount(1);
});
