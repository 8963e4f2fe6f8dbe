import type { Browser, Page } from '@playwright/test';
import { test, expect, expectSettledAccessible, signIn } from './fixtures';

/**
 * The depository (issue 10): a contributor drafts a case through the form by keyboard, with a PDF
 * (a fake PDF is refused by its content, the typed text kept), a related act and a course picked by
 * searching; submits; an editor asks for changes; the author gets the mail over real SMTP, fixes and
 * resubmits; the editor publishes; a guest reads the case, downloads its file, follows the related
 * links and finds the case in /search. A draft's file is not for guests. axe-core in uk and en.
 */
const run = Date.now().toString(36);
const AUTHOR = 'contributor@demo.maisternia.ua';
const EDITOR = 'editor@demo.maisternia.ua';
const TITLE = `Електронна черга в ЦНАП ${run}`;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function asUser(browser: Browser, email: string): Promise<Page> {
	const page = await (await browser.newContext()).newPage();
	await signIn(page, email);
	return page;
}

/** Types into a field found by its accessible name: focus, select what is there, type (as a person at a keyboard would). */
async function type(page: Page, label: string, text: string) {
	await page.getByRole('textbox', { name: label, exact: true }).focus();
	await page.keyboard.press('ControlOrMeta+a');
	await page.keyboard.type(text);
}

/** Searches a picker by typing and ticks the first result with the keyboard (Tab to it, Space). */
async function pick(page: Page, group: string, query: string, title: RegExp) {
	const box = page.getByRole('group', { name: group });
	await box.getByRole('searchbox').focus();
	await page.keyboard.type(query);
	const results = box.getByRole('list', { name: 'Результати пошуку' });
	const option = results.getByRole('checkbox', { name: title }).first();
	await expect(option).toBeVisible();
	await option.focus();
	await page.keyboard.press('Space');
	await expect(box.getByRole('list', { name: 'Обрані' }).getByRole('checkbox', { name: title })).toBeChecked();
}

test('a case from draft to publication: files, pickers, review by mail, search', async ({ page, browser, mail, request }) => {
	test.setTimeout(240_000);
	await signIn(page, AUTHOR);
	await page.goto('/cases/new');
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expectSettledAccessible(page, '/cases/new');

	await type(page, 'Назва', TITLE);
	await type(page, 'Організація', 'Вінницька міська рада');
	await page.getByLabel('Область').selectOption('UA-05');
	await type(page, 'Місто або громада', 'Вінниця');
	await type(page, 'Проблема', 'Черги в центрі надання адміністративних послуг.');
	await type(page, 'Рішення', 'Електронна черга й попередній запис онлайн.');
	await page.getByRole('checkbox', { name: 'Електронна черга', exact: true }).focus();
	await page.keyboard.press('Space');
	await type(page, 'Результати', 'Час очікування скоротився втричі.');
	await type(page, 'Можливість повторення', 'Будь-яка громада з ЦНАП.');
	await type(page, 'Контакти', 'ЦНАП Вінниці');
	await page.getByRole('checkbox', { name: /^2\.3 / }).focus();
	await page.keyboard.press('Space');
	await pick(page, 'Пов’язані нормативні акти', 'публічної інформації', /Про доступ до публічної інформації/);
	await pick(page, 'Пов’язані курси', 'Основи електронного', /Основи електронного урядування/);

	// A "PDF" that is not one: refused by its content, with the translated error; the text stays.
	await page.getByLabel('Додати файли').setInputFiles({ name: 'fake.pdf', mimeType: 'application/pdf', buffer: Buffer.from('this is plain text') });
	await page.getByRole('button', { name: 'Зберегти чернетку' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('«fake.pdf»: такий тип файлу не приймається (за вмістом).', { exact: false })).toBeVisible();
	await expect(page.getByRole('textbox', { name: 'Назва', exact: true })).toHaveValue(TITLE);
	await expect(page.getByRole('textbox', { name: 'Рішення', exact: true })).toHaveValue('Електронна черга й попередній запис онлайн.');
	await expect(page.getByRole('checkbox', { name: 'Електронна черга', exact: true })).toBeChecked();
	await expect(page.getByRole('group', { name: 'Пов’язані нормативні акти' }).getByRole('checkbox', { name: /Про доступ до публічної інформації/ })).toBeChecked();
	await expect(page.getByRole('group', { name: 'Пов’язані курси' }).getByRole('checkbox', { name: /Основи електронного урядування/ })).toBeChecked();
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached' });
	await expectSettledAccessible(page, '/cases/new with errors');

	// Now the real PDF.
	await page.getByLabel('Додати файли').setInputFiles({ name: 'Звіт ЦНАП.pdf', mimeType: 'application/pdf', buffer: PDF });
	await page.getByRole('button', { name: 'Зберегти чернетку' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('Збережено.')).toBeVisible();
	const caseUrl = new URL(page.url());
	const slug = caseUrl.pathname.split('/').pop()!;
	const fileLink = page.getByRole('link', { name: 'Звіт ЦНАП.pdf' });
	await expect(fileLink).toBeVisible();
	const fileHref = (await fileLink.getAttribute('href'))!;
	await expect(page.getByRole('link', { name: /Про доступ до публічної інформації/ })).toBeVisible();
	await expectSettledAccessible(page, 'draft case page');

	// A guest gets nothing of a draft: neither the page nor its file.
	const guestDraft = await request.get(fileHref, { maxRedirects: 0 });
	expect([403, 404]).toContain(guestDraft.status());
	expect((await request.get(`/cases/${slug}`)).status()).toBe(404);
	// The author downloads it.
	const own = await page.request.get(fileHref);
	expect(own.status()).toBe(200);
	expect(own.headers()['content-type']).toBe('application/pdf');

	await page.getByRole('button', { name: 'Надіслати на розгляд редакції' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('Збережено.')).toBeVisible();
	await mail.waitFor(EDITOR, new RegExp(`Новий кейс на розгляд: «${TITLE}»`));

	// The editor asks for changes.
	const editor = await asUser(browser, EDITOR);
	await editor.goto(`/cases/${slug}`);
	await editor.getByRole('textbox', { name: 'Коментар', exact: true }).fill('Додайте витрати в гривнях.');
	await editor.getByRole('radio', { name: 'Повернути на доопрацювання' }).check();
	await editor.getByRole('button', { name: 'Надіслати', exact: true }).click();
	await expect(editor.getByText('Збережено.')).toBeVisible();

	// The author receives the mail, follows it, fixes and resubmits.
	const changes = await mail.waitFor(AUTHOR, new RegExp(`Кейс «${TITLE}» повернуто на доопрацювання`));
	expect(changes.text).toContain('Додайте витрати в гривнях.');
	const link = new URL(mail.link(changes, `/cases/${slug}`));
	await page.goto(link.pathname);
	await expect(page.getByText('Додайте витрати в гривнях.')).toBeVisible();
	await page.getByRole('link', { name: 'Редагувати кейс' }).click();
	await expect(page.getByRole('link', { name: 'Звіт ЦНАП.pdf' })).toBeVisible();
	await expectSettledAccessible(page, 'edit page');
	await type(page, 'Витрати', '120 000 грн');
	await page.getByRole('button', { name: 'Зберегти чернетку' }).focus();
	await page.keyboard.press('Enter');
	await expect(page.getByText('Збережено.')).toBeVisible();
	await page.getByRole('button', { name: 'Надіслати на розгляд редакції' }).click();
	await expect(page.getByText('Збережено.')).toBeVisible();

	// The editor publishes.
	await editor.goto(`/cases/${slug}`);
	await editor.getByRole('radio', { name: 'Опублікувати' }).check();
	await editor.getByRole('button', { name: 'Надіслати', exact: true }).click();
	await expect(editor.getByText('Збережено.')).toBeVisible();
	await mail.waitFor(AUTHOR, new RegExp(`Кейс «${TITLE}» опубліковано`));

	// A guest: the case, its file, its related act and course, and the portal search.
	const guest = await (await browser.newContext()).newPage();
	await guest.goto(`/cases/${slug}`);
	await expect(guest.getByRole('heading', { name: TITLE })).toBeVisible();
	await expect(guest.getByText('120 000 грн')).toBeVisible();
	await expectSettledAccessible(guest, 'published case (uk)');
	const download = await guest.request.get(fileHref);
	expect(download.status()).toBe(200);
	expect(download.headers()['content-type']).toBe('application/pdf');
	expect(download.headers()['content-disposition']).toContain(`filename*=UTF-8''${encodeURIComponent('Звіт ЦНАП.pdf')}`);
	expect(Buffer.compare(await download.body(), PDF)).toBe(0);
	const [dl] = await Promise.all([guest.waitForEvent('download'), guest.getByRole('link', { name: 'Звіт ЦНАП.pdf' }).click()]);
	expect(dl.suggestedFilename()).toBe('Звіт ЦНАП.pdf');
	await guest.getByRole('link', { name: /Основи електронного урядування/ }).click();
	await expect(guest).toHaveURL(/\/courses\/osnovy-e-uriaduvannia$/);
	await guest.goBack();
	await guest.getByRole('link', { name: /Про доступ до публічної інформації/ }).click();
	await expect(guest).toHaveURL(/\/library\//);

	await guest.goto(`/en/cases/${slug}`);
	await expect(guest.getByRole('heading', { name: 'Attachments' })).toBeVisible();
	await expect(guest.getByRole('link', { name: /Foundations of e-government/ })).toBeVisible();
	await expectSettledAccessible(guest, 'published case (en)');

	await guest.goto(`/search?q=${encodeURIComponent(TITLE)}`);
	await expect(guest.locator(`a[href$="/cases/${slug}"]`).first()).toBeVisible();
});

test('seeded cases are found by the portal search right after start; the form in English passes axe', async ({ page }) => {
	await page.goto(`/search?q=${encodeURIComponent('Термінали доступу публічний портал')}`);
	await expect(page.locator('a[href$="/cases/vinnytsia-terminaly-ta-publichnyi-portal"]').first()).toBeVisible();
	await signIn(page, AUTHOR, undefined, '/en');
	await page.goto('/en/cases/new');
	await expect(page.getByLabel('Add files')).toBeVisible();
	await expect(page.getByText(/up to 10 MB each/)).toBeVisible();
	await expectSettledAccessible(page, '/en/cases/new');
});

test('without JavaScript the pickers search through the form, keeping what was typed', async ({ browser }) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await signIn(page, AUTHOR);
	await page.goto('/cases/new');
	const title = `Без скриптів ${run}`;
	await page.getByRole('textbox', { name: 'Назва', exact: true }).fill(title);
	await page.getByLabel('Область').selectOption('UA-48');
	await page.getByRole('textbox', { name: 'Місто або громада', exact: true }).fill('Миколаїв');
	const acts = page.getByRole('group', { name: 'Пов’язані нормативні акти' });
	await acts.getByRole('searchbox').fill('Про інформацію');
	await acts.getByRole('button', { name: 'Знайти' }).click();
	await expect(page.getByRole('textbox', { name: 'Назва', exact: true })).toHaveValue(title);
	const act = page.getByRole('group', { name: 'Пов’язані нормативні акти' }).getByRole('list', { name: 'Результати пошуку' }).getByRole('checkbox', { name: /^Про інформацію/ }).first();
	await act.check();
	await page.getByRole('button', { name: 'Зберегти чернетку' }).click();
	await expect(page.getByText('Збережено.')).toBeVisible();
	await expect(page.getByRole('heading', { name: title })).toBeVisible();
	await expect(page.getByRole('link', { name: /^Про інформацію/ })).toBeVisible();
	await context.close();
});
