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
	SIGNIN_LOCKOUT_MINUTES: z.coerce.number().int().positive().default(15),
	// Search on a Typesense cluster instead of PostgreSQL (both URL and key set; see ADR 0011).
	// URL: one node or several, comma separated (e.g. https://ts1:8108,https://ts2:8108).
	TYPESENSE_URL: z.string().trim().optional(),
	TYPESENSE_API_KEY: z.string().optional(),
	TYPESENSE_COLLECTION: z.string().trim().optional(),
	// Certificates: the issuer's Ed25519 private key as a JWK (JSON); unset: generated once in DATA_DIR.
	CERT_ISSUER_KEY: z.string().optional(),
	// Certificates: earlier public JWKs (JSON array), still accepted after a key rotation.
	CERT_ISSUER_PREVIOUS_KEYS: z.string().optional(),
	// Cases: the largest attachment file, in megabytes (adapter-node's BODY_SIZE_LIMIT must allow it).
	CASE_ATTACHMENT_MAX_MB: z.coerce.number().positive().default(10)
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

export interface TypesenseSettings {
	url: string;
	apiKey: string;
	collection: string;
}

/** The Typesense cluster to search on, or null for the default PostgreSQL engine. */
export function typesenseSettings(c: Config = config()): TypesenseSettings | null {
	if (!c.TYPESENSE_URL || !c.TYPESENSE_API_KEY) return null;
	return { url: c.TYPESENSE_URL, apiKey: c.TYPESENSE_API_KEY, collection: c.TYPESENSE_COLLECTION || 'portal' };
}
