import { test as base, expect, type Page } from '@playwright/test';
import { AxeBuilder } from '@axe-core/playwright';

/**
 * What every end-to-end spec uses:
 *   test, expect                 Playwright's, with the fixtures below
 *   mail                         the real SMTP server's mailbox (tests/support/peers.ts)
 *   oidc                         the real OpenID Connect provider the portal is configured with
 *   expectAccessible(page)       axe-core, WCAG 2.1 A/AA rules: zero violations or the test fails
 *   signIn(page, email, pw)      the password form on /signin (or /en/signin)
 *   DEMO_PASSWORD                the demo seed's password
 */
export const DEMO_PASSWORD = 'Demo-2026!';

export interface Mail {
	from: string;
	to: string[];
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
	attachments: { filename?: string; contentType: string; content: string }[];
}

export interface Mailbox {
	/** Waits for the first message to `to` whose subject matches `subject` (a regular expression). */
	waitFor(to: string, subject?: RegExp, timeoutMs?: number): Promise<Mail>;
	all(to: string): Promise<Mail[]>;
	/** The next `n` deliveries to the SMTP server fail with a temporary error (451). */
	failNext(n: number): Promise<void>;
	/** The first http(s) link in a message's text that contains `pathPart`. */
	link(mail: Mail, pathPart: string): string;
}

function peers(): string {
	const url = process.env.E2E_PEERS_URL;
	if (!url) throw new Error('E2E_PEERS_URL is not set: run the specs through playwright.config.ts');
	return url;
}

const mailbox: Mailbox = {
	async waitFor(to, subject, timeoutMs = 20_000) {
		const q = new URLSearchParams({ to, timeout: String(timeoutMs) });
		if (subject) q.set('subject', subject.source);
		const res = await fetch(`${peers()}/messages?${q}`);
		const body = await res.json();
		if (!res.ok) throw new Error(body.error ?? `mailbox answered ${res.status}`);
		return body as Mail;
	},
	async all(to) {
		const res = await fetch(`${peers()}/messages?${new URLSearchParams({ to, all: '1' })}`);
		return (await res.json()) as Mail[];
	},
	async failNext(n) {
		await fetch(`${peers()}/smtp/fail?n=${n}`, { method: 'POST' });
	},
	link(mail, pathPart) {
		const links = mail.text.match(/https?:\/\/[^\s<>"')\]]+/g) ?? [];
		const found = links.find((l) => l.includes(pathPart));
		if (!found) throw new Error(`No link containing ${pathPart} in "${mail.subject}": ${links.join(', ')}`);
		return found;
	}
};

export interface OidcInfo {
	issuer: string;
	/** Signs in at the provider's own login page (the portal has already redirected there). */
	login(page: Page, login: string): Promise<void>;
}

const oidcInfo: OidcInfo = {
	issuer: `http://127.0.0.1:${process.env.E2E_OIDC_PORT}`,
	async login(page, login) {
		// oidc-provider's development interaction: a login form, then a consent form.
		await page.locator('input[name="login"]').fill(login);
		await page.locator('input[name="password"]').fill('any');
		await page.locator('button[type="submit"]').click();
		const consent = page.locator('button[autofocus], button[type="submit"]');
		await page.waitForLoadState();
		if (page.url().startsWith(oidcInfo.issuer) && (await consent.count())) await consent.first().click();
	}
};

export const test = base.extend<{ mail: Mailbox; oidc: OidcInfo }>({
	// eslint-disable-next-line no-empty-pattern
	mail: async ({}, use) => use(mailbox),
	// eslint-disable-next-line no-empty-pattern
	oidc: async ({}, use) => use(oidcInfo)
});

export { expect };

export async function expectAccessible(page: Page, what = page.url(), options: { exclude?: string[] } = {}): Promise<void> {
	let builder = new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']);
	for (const selector of options.exclude ?? []) builder = builder.exclude(selector);
	const results = await builder.analyze();
	const summary = results.violations.map(
		(v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join('; ')}`
	);
	expect(summary, `axe-core violations on ${what}`).toEqual([]);
}

/**
 * Signs in with the password form; `localePrefix` is '' for Ukrainian or '/en'. Tries up to three times:
 * under `vite dev` a reload (dependency optimisation, catalog recompiles) can swallow a submit.
 */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD, localePrefix = ''): Promise<void> {
	for (let attempt = 1; ; attempt++) {
		await page.goto(`${localePrefix}/signin`);
		// The form is enhanced after hydration; typing before it can be lost when Svelte takes over the inputs.
		await page.locator('html[data-hydrated]').waitFor({ state: 'attached', timeout: 30_000 }).catch(() => undefined);
		const form = page.locator('form').filter({ has: page.locator('input[name="password"]') });
		await form.locator('input[name="email"]').fill(email);
		await form.locator('input[name="password"]').fill(password);
		await form.locator('button[type="submit"], button:not([type])').first().click();
		// Signed in once the portal has sent us on from the sign-in page.
		try {
			await page.waitForURL((url) => !/\/signin$/.test(url.pathname), { timeout: 20_000 });
			await page.waitForLoadState();
			return;
		} catch (err) {
			if (attempt === 3) throw err;
		}
	}
}

/** axe-core once the page has settled; once more if `vite dev` reloaded the page under the check. */
export async function expectSettledAccessible(page: Page, what: string): Promise<void> {
	await page.waitForLoadState('networkidle');
	try {
		await expectAccessible(page, what);
	} catch (err) {
		if (!String(err).includes('Execution context was destroyed')) throw err;
		await page.waitForLoadState('networkidle');
		await expectAccessible(page, what);
	}
}
