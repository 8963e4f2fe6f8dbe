import type { Page } from '@playwright/test';
import { test, expect, expectAccessible, signIn } from './fixtures';
import { toKyivInputValue } from '../../src/lib/i18n/datetime';

/**
 * Events in Chromium: an instructor creates a webinar that is under way, a learner registers (the
 * confirmation arrives over the real SMTP server with its calendar invitation), checks in with the code
 * the host shows, and sees the attendance and the credit; the host sees it too. The calendar pages pass
 * axe-core in both languages; registration and cancellation work without JavaScript.
 */

const run = Date.now().toString(36);

/** Typing before hydration can be lost when Svelte takes over the inputs. */
async function hydrated(page: Page): Promise<void> {
	await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 30_000 }).catch(() => undefined);
}

// Under vite dev, other work in the checkout reloads pages now and then: one retry there.
test.describe.configure({ retries: process.env.E2E_DEV === '1' ? 1 : 0 });

test.describe('events', () => {
	test('calendar list and month views, event page: accessible in uk and en', async ({ page }) => {
		await page.goto('/events');
		await expect(page.locator('h1')).toHaveText('Вебінари та стажування');
		await expect(page.getByRole('link', { name: /Одноденне стажування «Технології електронного урядування/ })).toBeVisible();
		await expectAccessible(page);
		await page.getByLabel('Вид заходу').selectOption('internship');
		await page.getByRole('button', { name: 'Показати' }).click();
		await expect(page).toHaveURL(/kind=internship/);
		await expect(page.locator('.event-list > li')).toHaveCount(1);
		await page.getByRole('link', { name: 'Місяць' }).click();
		await expect(page.getByRole('table')).toBeVisible();
		await expectAccessible(page);

		await page.goto('/en/events?view=month');
		await expect(page.locator('h1')).toHaveText('Webinars and internships');
		await expectAccessible(page);
		await page.goto('/en/events/stazhuvannia-tekhnologii-e-uriaduvannia-vinnytsia');
		await expect(page.getByRole('heading', { name: 'Programme' })).toBeVisible();
		await expectAccessible(page);
		const ics = await page.request.get('/events.ics');
		expect(ics.headers()['content-type']).toContain('text/calendar');
		expect(await ics.text()).toMatch(/DTSTART:\d{8}T\d{6}Z/);
	});

	test('register for a webinar, confirmation with .ics, check in with the code, attendance and credit', async ({ browser, mail }) => {
		const slug = `vebinar-e2e-${run}`;
		const titleUk = `Вебінар «Е-послуги громади» ${run}`;
		const hostContext = await browser.newContext();
		const host = await hostContext.newPage();
		await signIn(host, 'instructor@demo.maisternia.ua');
		await host.goto('/events/new');
		await expect(host.locator('h1')).toHaveText('Новий захід');
		await hydrated(host);
		await host.waitForLoadState('networkidle');
		await expectAccessible(host);
		const start = new Date(Date.now() - 5 * 60_000);
		const end = new Date(Date.now() + 60 * 60_000);
		await host.getByLabel('Назва українською').first().fill(titleUk);
		await host.getByLabel('Назва англійською').first().fill(`Webinar "Community e-services" ${run}`);
		await host.getByLabel('Адреса сторінки').fill(slug);
		await host.getByLabel('Початок').fill(toKyivInputValue(start));
		await host.getByLabel('Кінець').fill(toKyivInputValue(end));
		await host.getByLabel('Посилання для участі онлайн').fill('https://meet.example.org/e2e-room');
		await host.getByLabel('Кількість місць').fill('20');
		await host.getByLabel('Кредити').fill('2');
		await host.getByLabel('Додаткові запитання реєстрації').fill('city | text | required | Місто або громада | City or community');
		await host.getByRole('button', { name: 'Створити захід' }).click();
		await host.waitForURL(new RegExp(`/events/${slug}/host$`));
		const code = (await host.getByTestId('checkin-code').textContent())!.trim();
		expect(code).toMatch(/^[A-Z2-9]{6}$/);
		await expectAccessible(host);

		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, 'learner@demo.maisternia.ua');
		await page.goto(`/events/${slug}`);
		await expect(page.locator('h1')).toHaveText(titleUk);
		// No seat yet: no join link.
		await expect(page.getByRole('link', { name: 'Приєднатися до заходу' })).toHaveCount(0);
		await hydrated(page);
		await page.getByLabel('Місто або громада').fill('Вінниця');
		await page.getByRole('button', { name: 'Зареєструватися' }).click();
		await expect(page.getByText('Ви зареєстровані. Підтвердження')).toBeVisible();
		// The webinar is under way: the join link is shown to the registered person.
		await expect(page.getByRole('link', { name: 'Приєднатися до заходу' })).toHaveAttribute('href', 'https://meet.example.org/e2e-room');
		await expectAccessible(page);

		const confirmation = await mail.waitFor('learner@demo.maisternia.ua', new RegExp(`Реєстрацію підтверджено: .*${run}`));
		const ics = confirmation.attachments.find((a) => a.filename === 'invite.ics');
		expect(ics, 'the confirmation carries invite.ics').toBeTruthy();
		expect(ics!.content).toContain('METHOD:REQUEST');
		const dtstart = /DTSTART:(\d{8}T\d{4})00Z/.exec(ics!.content)?.[1];
		const wantStart = new Date(Math.floor(start.getTime() / 60_000) * 60_000).toISOString().replace(/[-:]/g, '').slice(0, 13);
		expect(dtstart).toBe(wantStart);
		expect(confirmation.text).toContain(`/events/${slug}`);

		await page.getByLabel('Код присутності').fill(code.toLowerCase());
		await page.getByRole('button', { name: 'Відмітитися' }).click();
		await expect(page.getByText('Присутність зараховано. Дякуємо!')).toBeVisible();
		await expect(page.getByText('Зараховано: 2 кред.')).toBeVisible();
		await expectAccessible(page);

		// A short survey after the start, once.
		await page.getByRole('radio', { name: '5' }).first().check();
		await page.getByRole('group', { name: /Наскільки корисним/ }).getByRole('radio', { name: '4' }).check();
		await page.getByLabel('Що варто змінити або додати').fill('Більше практичних прикладів');
		await page.getByRole('button', { name: 'Надіслати відгук' }).click();
		await expect(page.getByText('Дякуємо за відгук!')).toBeVisible();

		await host.reload();
		await expect(host.getByTestId('attended-count')).toContainText('Присутні: 1 (за кодом 1');
		await expect(host.getByText('Відгуків: 1')).toBeVisible();
		await expect(host.getByText('Більше практичних прикладів')).toBeVisible();
		const csv = await host.request.get(`/events/${slug}/host/attendance.csv`);
		expect(await csv.text()).toContain('Вінниця');

		// The host changes the title: the learner's calendar copy is updated (same UID, SEQUENCE 1).
		await host.goto(`/events/${slug}/edit`);
		await hydrated(host);
		await host.getByLabel('Назва українською').first().fill(`${titleUk} (оновлено)`);
		await host.getByRole('button', { name: 'Зберегти зміни' }).click();
		await expect(host.getByText(/Оновлене запрошення отримали: 1/)).toBeVisible();
		const update = await mail.waitFor('learner@demo.maisternia.ua', new RegExp(`Захід змінено: .*${run}`));
		const updated = update.attachments.find((a) => a.filename === 'invite.ics')!.content;
		const uid = (text: string) => /UID:(.+)/.exec(text)?.[1]?.trim();
		expect(uid(updated)).toBe(uid(ics!.content));
		expect(updated).toContain('SEQUENCE:1');
		expect(ics!.content).toContain('SEQUENCE:0');

		await page.goto('/events/my');
		await expect(page.getByRole('link', { name: `${titleUk} (оновлено)` }).first()).toBeVisible();
		await expect(page.getByTestId('credits-total')).not.toHaveText('0 кред.');
		await expectAccessible(page);
		await page.goto('/en/events/my');
		await expect(page.locator('h1')).toHaveText('My events');
		await expectAccessible(page);
		await hostContext.close();
		await context.close();
	});

	test('the 1-hour reminder arrives once over real SMTP, sent by the reminders job', async ({ browser, mail }) => {
		test.setTimeout(360_000);
		const slug = `nagaduvannia-e2e-${run}`;
		const titleUk = `Вебінар «Нагадування» ${run}`;
		const hostContext = await browser.newContext();
		const host = await hostContext.newPage();
		await signIn(host, 'instructor@demo.maisternia.ua');
		await host.goto('/events/new');
		await hydrated(host);
		// Starts a little over an hour from now: the reminder falls due a minute or two after registering.
		const start = new Date(Math.ceil((Date.now() + 61 * 60_000) / 60_000) * 60_000);
		await host.getByLabel('Назва українською').first().fill(titleUk);
		await host.getByLabel('Назва англійською').first().fill(`Webinar "Reminder" ${run}`);
		await host.getByLabel('Адреса сторінки').fill(slug);
		await host.getByLabel('Початок').fill(toKyivInputValue(start));
		await host.getByLabel('Кінець').fill(toKyivInputValue(new Date(start.getTime() + 3600_000)));
		await host.getByRole('button', { name: 'Створити захід' }).click();
		await host.waitForURL(new RegExp(`/events/${slug}/host$`));
		await hostContext.close();

		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, 'expert@demo.maisternia.ua');
		await page.goto(`/events/${slug}`);
		await hydrated(page);
		await page.getByRole('button', { name: 'Зареєструватися' }).click();
		await expect(page.getByText('Ви зареєстровані. Підтвердження')).toBeVisible();
		const reminder = await mail.waitFor('expert@demo.maisternia.ua', new RegExp(`Нагадування: .*${run}`), 300_000);
		expect(reminder.text).toContain('розпочнеться за годину');
		expect(reminder.text).toContain(`/events/${slug}`);
		// The job runs every minute; it must not send the same reminder again.
		await page.waitForTimeout(70_000);
		const all = (await mail.all('expert@demo.maisternia.ua')).filter((m) => m.subject.includes(run) && m.subject.startsWith('Нагадування'));
		expect(all).toHaveLength(1);
		await context.close();
	});

	test('register and cancel without JavaScript', async ({ browser }) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/signin');
		const form = page.locator('form').filter({ has: page.locator('input[name="password"]') });
		await form.locator('input[name="email"]').fill('staff.mykolaiv@demo.maisternia.ua');
		await form.locator('input[name="password"]').fill('Demo-2026!');
		await form.locator('button[type="submit"], button:not([type])').first().click();
		await page.waitForURL((url) => !/\/signin$/.test(url.pathname));
		await page.goto('/events/maisternia-instrumenty-e-demokratii');
		await page.getByLabel('Посада та підрозділ').fill('Відділ цифрового розвитку');
		await page.getByRole('button', { name: /Зареєструватися|Записатися до списку очікування/ }).click();
		await expect(page.getByText(/Ви зареєстровані|списку очікування/).first()).toBeVisible();
		await page.getByRole('button', { name: /Скасувати реєстрацію|Вийти зі списку очікування/ }).click();
		await expect(page.getByText('Реєстрацію скасовано.')).toBeVisible();
		await context.close();
	});

	test('a host removes a registration with a reason: the person is told, nobody else may', async ({ browser, mail }) => {
		const slug = 'vebinar-elektronnyi-dokumentoobig-oms';
		const who = 'staff.mykolaiv@demo.maisternia.ua';
		const context = await browser.newContext();
		const page = await context.newPage();
		await signIn(page, who);
		await page.goto(`/events/${slug}`);
		await hydrated(page);
		await page.getByRole('button', { name: 'Зареєструватися' }).click();
		await expect(page.getByText('Ви зареєстровані. Підтвердження')).toBeVisible();
		// A participant's forged removal (any registration) is refused before anything is read.
		const origin = new URL(page.url()).origin;
		const forged = await page.request.post(`/events/${slug}/host?/remove`, { form: { registrationId: 'x', reason: 'спроба' }, headers: { origin } });
		expect(forged.status()).toBe(403);

		const hostContext = await browser.newContext();
		const host = await hostContext.newPage();
		await signIn(host, 'instructor@demo.maisternia.ua');
		await host.goto(`/events/${slug}/host`);
		await hydrated(host);
		const select = host.locator('select[name="registrationId"]');
		const value = await select.locator('option', { hasText: who }).getAttribute('value');
		await select.selectOption(value!);
		await host.getByLabel('Причина (її прочитає учасник)').fill('Захід лише для працівників Вінниці');
		await host.getByRole('button', { name: 'Вилучити реєстрацію' }).click();
		await expect(host.getByText(/^Реєстрацію .+ скасовано/)).toBeVisible();
		await expect(select.locator('option', { hasText: who })).toHaveCount(0);
		await expectAccessible(host);

		const removed = await mail.waitFor(who, /Організатори скасували вашу реєстрацію/);
		expect(removed.text).toContain('Причина: Захід лише для працівників Вінниці');
		expect(removed.attachments.find((a) => a.filename === 'cancel.ics')?.content).toContain('METHOD:CANCEL');
		await hostContext.close();
		await context.close();
	});
});
