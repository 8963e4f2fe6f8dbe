import path from 'node:path';
import { defineConfig, devices } from '@playwright/test';

/**
 * End-to-end tests in Debian's Chromium against the built portal (`node build`) with its real peers
 * (tests/support/peers.ts: an SMTP server and an OpenID Connect provider). E2E_DEV=1 runs them against
 * `vite dev` instead, for quick work on one spec. Ports are chosen once, in the main process, and
 * passed to the workers through the environment (workers load this file again).
 */
function pickPort(name: string, offset: number): number {
	process.env[name] ??= String(20_000 + ((process.pid * 7 + offset * 1_009 + Date.now()) % 30_000));
	return Number(process.env[name]);
}

const appPort = pickPort('E2E_APP_PORT', 0);
const smtpPort = pickPort('E2E_SMTP_PORT', 1);
const oidcPort = pickPort('E2E_OIDC_PORT', 2);
const peersPort = pickPort('E2E_PEERS_PORT', 3);
const origin = `http://localhost:${appPort}`;
const dev = process.env.E2E_DEV === '1';
const dataDir = path.resolve(`tests/.tmp/e2e-${appPort}`);

const appEnv: Record<string, string> = {
	PORT: String(appPort),
	HOST: '127.0.0.1',
	ORIGIN: origin,
	DATA_DIR: dataDir,
	SEED_DEMO: 'true',
	SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
	OIDC_ISSUER: `http://127.0.0.1:${oidcPort}`,
	OIDC_CLIENT_ID: 'maisternia-test',
	OIDC_CLIENT_SECRET: 'test-secret-not-for-production',
	OIDC_NAME: 'Test SSO',
	AUTH_SECRET: 'e2e-secret-0123456789abcdef0123456789abcdef',
	// Every test signs in from 127.0.0.1; the per-account limit and lockout stay as configured.
	SIGNIN_MAX_ATTEMPTS_PER_IP: '10000',
	E2E_PEERS_URL: `http://127.0.0.1:${peersPort}`
};
if (process.env.E2E_DATABASE_URL) appEnv.DATABASE_URL = process.env.E2E_DATABASE_URL;
process.env.E2E_PEERS_URL = appEnv.E2E_PEERS_URL;
process.env.E2E_APP_ORIGIN = origin;

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	fullyParallel: false,
	workers: Number(process.env.E2E_WORKERS ?? 2),
	retries: 0,
	timeout: dev ? 120_000 : 90_000,
	expect: { timeout: dev ? 20_000 : 10_000 },
	reporter: process.env.CI ? [['list'], ['json', { outputFile: 'test-results/e2e.json' }]] : [['list']],
	use: {
		baseURL: origin,
		trace: 'retain-on-failure',
		locale: 'uk-UA',
		timezoneId: 'Europe/Kyiv',
		launchOptions: {
			executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
			args: [
				'--headless',
				'--no-sandbox',
				'--disable-gpu',
				'--disable-quic',
				'--no-first-run',
				'--disable-background-networking',
				'--disable-component-update',
				'--disable-sync'
			]
		}
	},
	projects: [{ name: 'chromium', use: { ...devices['Desktop Chrome'], channel: undefined } }],
	webServer: [
		{
			command: 'npx tsx tests/support/peers.ts',
			url: `http://127.0.0.1:${peersPort}/health`,
			env: {
				E2E_SMTP_PORT: String(smtpPort),
				E2E_OIDC_PORT: String(oidcPort),
				E2E_PEERS_PORT: String(peersPort),
				E2E_APP_ORIGIN: origin
			},
			reuseExistingServer: false,
			stdout: 'pipe',
			timeout: 60_000
		},
		{
			command: dev
				? `rm -rf ${dataDir} && npx vite dev --port ${appPort} --strictPort --host 127.0.0.1`
				: `rm -rf ${dataDir} && node build`,
			url: `${origin}/healthz`,
			env: appEnv,
			reuseExistingServer: false,
			stdout: 'pipe',
			timeout: 180_000
		}
	]
});
