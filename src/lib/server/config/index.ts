import path from 'node:path';
import { z } from 'zod';

/**
 * Every setting the portal reads from the environment, in one place (documented in .env.example).
 * Secrets come only from here; nothing secret is written in code.
 */
const schema = z.object({
	NODE_ENV: z.string().default('development'),
	ORIGIN: z.string().url().optional(),
	DATABASE_URL: z.string().optional(),
	DATA_DIR: z.string().default('./data'),
	AUTH_SECRET: z.string().optional(),
	SMTP_URL: z.string().optional(),
	MAIL_FROM: z.string().default('Майстерня е-урядування <noreply@maisternia.local>'),
	OIDC_ISSUER: z.string().url().optional(),
	OIDC_CLIENT_ID: z.string().optional(),
	OIDC_CLIENT_SECRET: z.string().optional(),
	OIDC_NAME: z.string().default('ID.GOV.UA'),
	SEED_DEMO: z.enum(['true', 'false', '1', '0', '']).optional(),
	JOBS: z.enum(['on', 'off']).default('on'),
	SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
	SIGNIN_MAX_ATTEMPTS_PER_IP: z.coerce.number().int().positive().default(50),
	SIGNIN_LOCKOUT_MINUTES: z.coerce.number().int().positive().default(15)
});

export type Config = z.infer<typeof schema>;

let cached: Config | undefined;

export function config(): Config {
	cached ??= schema.parse(process.env);
	return cached;
}

/** For tests that change the environment between cases. */
export function resetConfig(): void {
	cached = undefined;
}

export function dataDir(): string {
	return path.resolve(config().DATA_DIR);
}

export function seedDemoRequested(): boolean {
	const v = config().SEED_DEMO;
	return v === 'true' || v === '1';
}
