import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, expectAccessible, signIn as fillSignIn } from './fixtures.ts';

/**
 * The LRS in the running portal: credentials made on /admin/xapi/clients, a Basic client writing and
 * reading statements over HTTP, the statements in the admin browser and its CSV, the player writing
 * with the learner's session, revocation; the admin pages checked with axe-core in both languages.
 */

const ADMIN = 'admin@demo.maisternia.ua';
const LEARNER = 'learner@demo.maisternia.ua';
const run = Date.now().toString(36);
const ACTIVITY = `https://maisternia.example/courses/e2e-${run}/lesson-1`;

async function accessible(page: Page, what: string) {
	await page.waitForLoadState('networkidle');
	await expectAccessible(page, what);
}

async function signIn(page: Page, email: string, prefix = '') {
	for (let attempt = 1; ; attempt++) {
		await fillSignIn(page, email, undefined, prefix);
		try {
			await expect(page).not.toHaveURL(/\/signin/, { timeout: 10_000 });
			return;
		} catch (err) {
			if (attempt === 3) throw err;
		}
	}
}

function basic(key: string, secret: string) {
	return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
}

async function createClient(page: Page, name: string): Promise<{ key: string; secret: string }> {
	await page.goto('/admin/xapi/clients');
	await page.getByLabel('Назва клієнта').fill(name);
	await page.getByLabel('усе (all)').check();
	await page.getByRole('button', { name: 'Створити облікові дані' }).click();
	await expect(page.getByText(`Облікові дані «${name}» створено.`)).toBeVisible();
	const key = (await page.getByTestId('client-key').textContent())!.trim();
	const secret = (await page.getByTestId('client-secret').textContent())!.trim();
	return { key, secret };
}

async function post(request: APIRequestContext, auth: string, statements: unknown) {
	return request.post('/xapi/statements', {
		headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
		data: JSON.stringify(statements)
	});
}

test.describe('xAPI LRS', () => {
	test.slow(process.env.E2E_DEV === '1', 'dev server');

	test('an admin issues credentials; a Basic client writes and reads statements; the admin browses, exports and revokes', async ({ page, request }) => {
		await signIn(page, ADMIN);
		await page.goto('/admin/xapi/clients');
		await expect(page.getByRole('heading', { level: 1, name: 'Облікові дані xAPI' })).toBeVisible();
		await accessible(page, '/admin/xapi/clients');

		// A form with a bad activity prefix keeps what was typed and says what is wrong.
		await page.getByLabel('Назва клієнта').fill(`Партнер ${run}`);
		await page.getByLabel('Лише активності з такими префіксами').fill('not an iri');
		await page.getByRole('button', { name: 'Створити облікові дані' }).click();
		await expect(page.getByText('«not an iri» не є IRI')).toBeVisible();
		await expect(page.getByLabel('Назва клієнта')).toHaveValue(`Партнер ${run}`);
		await accessible(page, '/admin/xapi/clients with an error');

		const { key, secret } = await createClient(page, `Партнер ${run}`);
		expect(key).toMatch(/^lrs_/);
		const auth = basic(key, secret);

		const about = await request.get('/xapi/about');
		expect(about.status()).toBe(200);
		expect((await about.json()).version).toContain('1.0.3');

		const statement = {
			actor: { objectType: 'Agent', name: 'Оксана Петренко', mbox: `mailto:oksana.${run}@vinrada.example` },
			verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { uk: 'завершила', 'en-US': 'completed' } },
			object: { id: ACTIVITY, definition: { name: { uk: 'Урок 1: відкриті дані', en: 'Lesson 1: open data' } } },
			result: { completion: true, success: true, score: { scaled: 0.9 } }
		};
		const stored = await post(request, auth, [statement]);
		expect(stored.status()).toBe(200);
		const [id] = (await stored.json()) as string[];

		const got = await request.get(`/xapi/statements?statementId=${id}`, { headers: { Authorization: auth, 'X-Experience-API-Version': '1.0.3' } });
		expect(got.status()).toBe(200);
		expect(got.headers()['x-experience-api-version']).toBe('1.0.3');
		expect((await got.json()).authority.account.name).toBe(key);
		const noVersion = await request.get('/xapi/statements', { headers: { Authorization: auth } });
		expect(noVersion.status()).toBe(400);

		// The admin browser finds it by course prefix and learner; the CSV has it.
		await page.goto(`/admin/xapi?activity=${encodeURIComponent(ACTIVITY.replace('lesson-1', ''))}&learner=${encodeURIComponent(`oksana.${run}`)}`);
		await expect(page.getByRole('heading', { level: 1, name: 'Записи навчання (xAPI)' })).toBeVisible();
		const row = page.locator('table.data tbody tr').first();
		await expect(row).toContainText('Оксана Петренко');
		await expect(row).toContainText('завершила');
		await expect(row).toContainText('Урок 1: відкриті дані');
		await expect(row).toContainText('бал 90%');
		await accessible(page, '/admin/xapi');
		const csv = await page.request.get(`/admin/xapi/export.csv?activity=${encodeURIComponent(ACTIVITY)}`);
		expect(csv.headers()['content-type']).toContain('text/csv');
		expect(await csv.text()).toContain(id!);

		// Revoked credentials are refused at once.
		await page.goto('/admin/xapi/clients');
		await page.getByRole('button', { name: `Відкликати облікові дані «Партнер ${run}»` }).click();
		await expect(page.getByText('Облікові дані відкликано')).toBeVisible();
		expect((await post(request, auth, statement)).status()).toBe(401);
	});

	test('the admin pages in English pass axe-core', async ({ page }) => {
		await signIn(page, ADMIN, '/en');
		await page.goto('/en/admin/xapi');
		await expect(page.getByRole('heading', { level: 1, name: 'Learning records (xAPI)' })).toBeVisible();
		await accessible(page, '/en/admin/xapi');
		await page.getByRole('link', { name: 'Client credentials' }).click();
		await expect(page.getByRole('heading', { level: 1, name: 'xAPI credentials' })).toBeVisible();
		await accessible(page, '/en/admin/xapi/clients');
	});

	test('the player writes statements with the learner\u2019s session, only as the learner; learners cannot open the admin pages', async ({ page }) => {
		await signIn(page, LEARNER);
		const result = await page.evaluate(
			async ({ learner, activity }) => {
				const send = (actor: object) =>
					fetch('/xapi/statements', {
						method: 'POST',
						headers: { 'X-Experience-API-Version': '1.0.3', 'Content-Type': 'application/json' },
						body: JSON.stringify({ actor, verb: { id: 'http://adlnet.gov/expapi/verbs/experienced' }, object: { id: activity } })
					});
				const own = await send({ mbox: `mailto:${learner}` });
				const other = await send({ mbox: 'mailto:someone.else@example.com' });
				const mine = await fetch('/xapi/statements?limit=5', { headers: { 'X-Experience-API-Version': '1.0.3' } });
				return { own: own.status, other: other.status, mine: mine.status, body: await mine.json() };
			},
			{ learner: LEARNER, activity: ACTIVITY }
		);
		expect(result.own).toBe(200);
		expect(result.other).toBe(403);
		expect(result.mine).toBe(200);
		expect(result.body.statements[0].actor.mbox).toBe(`mailto:${LEARNER}`);

		const denied = await page.goto('/admin/xapi');
		expect(denied?.status()).toBe(403);
	});
});
