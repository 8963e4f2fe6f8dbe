import type { APIResponse, Browser, Page } from '@playwright/test';
import { test, expect, expectAccessible, signIn } from './fixtures';

/**
 * The Expert Club in Chromium: its pages pass axe-core in uk and en; authorization holds at the HTTP
 * level (a non-member cannot comment, amend or vote; an observer comments but cannot vote); XSS
 * payloads in comments, posts and citizens' comments never execute.
 */

const run = Date.now().toString(36);
test.describe.configure({ retries: process.env.E2E_DEV === '1' ? 1 : 0 });

const PAYLOADS = [
	'<script>window.__xss = 1</script>',
	'<img src=x onerror="window.__xss = 2">',
	'<svg onload="window.__xss = 3"></svg>',
	'[натисни](javascript:window.__xss=4)',
	'"><iframe src="javascript:window.__xss=5"></iframe>',
	'<a href="javascript:window.__xss=6" onmouseover="window.__xss=7">посилання</a>',
	'<details open ontoggle="window.__xss=8">x</details>',
	'![x](x" onerror="window.__xss=9)'
];

async function as(browser: Browser, email: string): Promise<Page> {
	const context = await browser.newContext();
	const page = await context.newPage();
	await signIn(page, email);
	return page;
}

/** A form post as the browser would send it without JavaScript (same origin), redirects not followed. */
async function post(page: Page, path: string, form: Record<string, string>): Promise<APIResponse> {
	const origin = new URL(page.url()).origin;
	return page.request.post(path, { form, headers: { origin, accept: 'text/html' }, maxRedirects: 0 });
}

/** vite dev may reload a page on its first visit (new modules): check only once it is hydrated and idle. */
async function accessible(page: Page): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 30_000 }).catch(() => undefined);
		await page.waitForLoadState('networkidle').catch(() => undefined);
		try {
			return await expectAccessible(page);
		} catch (err) {
			// Other work in the checkout makes vite dev reload pages; an axe run cut by it is run again.
			if (attempt >= 3 || !/Execution context was destroyed/.test(String(err))) throw err;
		}
	}
}

async function paragraphIds(page: Page): Promise<string[]> {
	return page.locator('ol.paragraphs > li').evaluateAll((els) => els.map((e) => e.id.replace(/^p-/, '')));
}

async function expectNoXss(page: Page): Promise<void> {
	let dialogs = 0;
	page.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	await page.mouse.move(10, 10);
	for (const link of await page.locator('.comment a, .body a').all()) await link.hover().catch(() => undefined);
	await page.waitForTimeout(300);
	// vite dev may reload a page when other work in the checkout changes: read the flag after it settles.
	await page.waitForLoadState('load');
	expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
	expect(dialogs).toBe(0);
	expect(await page.locator('.comment script, .body script, .comment iframe, .body iframe, .comment img, .body img').count()).toBe(0);
	expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
}

test.describe('expert club', () => {
	test('public pages are accessible in uk and en', async ({ page }) => {
		await page.goto('/club');
		await expect(page.locator('h1')).toHaveText('Клуб експертів е-урядування');
		await accessible(page);
		await page.getByRole('link', { name: /Резолюція № \d+\/\d{4}/ }).first().click();
		await page.waitForURL(/\/club\/resolutions\/[^/]+$/);
		await expect(page.getByText('Відбиток SHA-256 ухваленого тексту')).toBeVisible();
		const fingerprint = (await page.locator('code.hash').textContent())!.trim();
		expect(fingerprint).toMatch(/^[0-9a-f]{64}$/);
		await accessible(page);
		// The fingerprint is the SHA-256 of the published canonical text.
		const text = await page.request.get(`${page.url().split('?')[0]}/text.txt`);
		const digest = await page.evaluate(async (body) => {
			const buf = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(body));
			return [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('');
		}, await text.text());
		expect(digest).toBe(fingerprint);
		const pdf = await page.request.get(`${page.url().split('?')[0]}/resolution.pdf`);
		expect(pdf.headers()['content-type']).toBe('application/pdf');

		for (const path of ['/club/resolutions', '/club/discussions', '/consultations']) {
			await page.goto(path);
			await accessible(page);
		}
		await page.getByRole('link', { name: /100 міст/ }).first().click();
		await page.waitForURL(/\/consultations\/[^/]+$/);
		await expect(page.getByText(/відкрито до/).first()).toBeVisible();
		await accessible(page);

		await page.goto('/en/club');
		await expect(page.locator('h1')).toHaveText('E-Government Expert Club');
		await accessible(page);
		for (const path of ['/en/club/resolutions', '/en/club/discussions', '/en/consultations']) {
			await page.goto(path);
			await accessible(page);
		}
	});

	test('authorization over HTTP: a non-member cannot comment, amend or vote; an observer cannot vote', async ({ browser }) => {
		const coordinator = await as(browser, 'expert@demo.maisternia.ua');
		const created = await post(coordinator, '/club/resolutions?/create', {
			title: `Проєкт резолюції ${run}`,
			text: 'Перший пункт проєкту про стандарти.\n\nДругий пункт про навчання службовців.',
			kind: 'resolution',
			quorumPercent: '50',
			thresholdPercent: '50'
		});
		expect(created.status()).toBe(303);
		const path = new URL(created.headers()['location']!, coordinator.url()).pathname;
		await coordinator.goto(path);
		await accessible(coordinator);
		const [p1, p2] = await paragraphIds(coordinator);

		const outsider = await as(browser, 'learner@demo.maisternia.ua');
		expect((await outsider.goto(path))!.status()).toBe(403);
		expect((await post(outsider, `${path}?/comment`, { paragraphId: p1!, body: 'Чужий коментар' })).status()).toBe(403);
		expect((await post(outsider, `${path}?/comment`, { paragraphId: p1!, kind: 'amendment', body: 'x', proposedText: 'Чужа поправка' })).status()).toBe(403);

		const observer = await as(browser, 'staff.vinnytsia@demo.maisternia.ua');
		expect((await post(observer, `${path}?/comment`, { paragraphId: p1!, body: 'Коментар спостерігача' })).status()).toBe(303);
		expect((await post(observer, `${path}?/comment`, { paragraphId: p1!, kind: 'amendment', body: 'x', proposedText: 'Поправка спостерігача' })).status()).toBe(403);

		// The drafter's pages: a new version through the edit form, its diff; the coordinator's desk.
		await coordinator.goto(`${path}/edit`);
		await accessible(coordinator);
		const textarea = coordinator.locator('textarea[name="text"]');
		await textarea.fill((await textarea.inputValue()).replace('про навчання службовців', 'про щорічне навчання службовців'));
		await coordinator.getByRole('button', { name: 'Зберегти нову версію' }).click();
		await coordinator.waitForURL(/done=saved/);
		expect(await paragraphIds(coordinator)).toEqual([p1, p2]);
		await coordinator.goto(`${path}/diff?from=1&to=2`);
		await expect(coordinator.locator('ins')).toHaveText('щорічне ');
		await accessible(coordinator);
		await coordinator.goto('/club/manage');
		await accessible(coordinator);
		await coordinator.goto('/club');
		await coordinator.locator('a[href*="/club/meetings/"]').first().click();
		await coordinator.waitForURL(/\/club\/meetings\//);
		await accessible(coordinator);

		expect((await post(coordinator, `${path}?/openVoting`, {})).status()).toBe(303);
		expect((await post(outsider, `${path}?/vote`, { choice: 'for' })).status()).toBe(403);
		expect((await post(observer, `${path}?/vote`, { choice: 'for' })).status()).toBe(403);
		const member = await as(browser, 'manager.vinnytsia@demo.maisternia.ua');
		expect((await post(member, `${path}?/vote`, { choice: 'for' })).status()).toBe(303);
		await member.goto(path);
		await expect(member.getByText(/За: 1, проти: 0/)).toBeVisible();
		// Coordinator's actions are the coordinator's only.
		expect((await post(member, `${path}?/closeVoting`, {})).status()).toBe(403);
		expect((await post(observer, '/club/manage?/invite', { email: 'learner@demo.maisternia.ua', role: 'member' })).status()).toBe(403);
	});

	test('XSS payloads in comments, posts and citizens\u2019 comments never execute', async ({ browser }) => {
		const member = await as(browser, 'manager.vinnytsia@demo.maisternia.ua');
		const created = await post(member, '/club/resolutions?/create', { title: `XSS ${run}`, text: 'Пункт один.\n\nПункт два.', kind: 'resolution' });
		const path = new URL(created.headers()['location']!, member.url()).pathname;
		await member.goto(path);
		const [p1, p2] = await paragraphIds(member);
		for (const [i, payload] of PAYLOADS.entries()) {
			expect((await post(member, `${path}?/comment`, { paragraphId: i % 2 ? p2! : p1!, body: payload })).status()).toBe(303);
		}
		expect((await post(member, `${path}?/comment`, { paragraphId: p1!, kind: 'amendment', body: PAYLOADS[1]!, proposedText: PAYLOADS[0]! })).status()).toBe(303);
		await member.goto(path);
		await expect(member.locator('.comment')).toHaveCount(PAYLOADS.length + 1);
		await expect(member.locator('.comment').first()).toContainText('<script>');
		await expectNoXss(member);
		await accessible(member);

		// A discussion post.
		const started = await post(member, '/club/discussions?/start', { title: `Обговорення ${run}`, topic: 'other', body: PAYLOADS.join('\n\n') });
		expect(started.status()).toBe(303);
		await member.goto(new URL(started.headers()['location']!, member.url()).pathname);
		await expect(member.locator('.body')).toHaveCount(1);
		await expectNoXss(member);
		await accessible(member);

		// A citizen's comment in the public consultation.
		const citizen = await as(browser, 'learner@demo.maisternia.ua');
		await citizen.goto('/consultations');
		await citizen.getByRole('link', { name: /100 міст/ }).first().click();
		await citizen.waitForURL(/\/consultations\/[^/]+$/);
		const consultation = new URL(citizen.url()).pathname;
		const [c1] = await paragraphIds(citizen);
		for (const payload of PAYLOADS.slice(0, 4)) expect((await post(citizen, `${consultation}?/comment`, { paragraphId: c1!, body: payload })).status()).toBe(303);
		await citizen.goto(consultation);
		await expectNoXss(citizen);
		await accessible(citizen);
		await citizen.goto(`/en${consultation}`);
		await expectNoXss(citizen);
		await accessible(citizen);
	});
});
