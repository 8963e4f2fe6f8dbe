import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbedded } from '../../src/lib/server/db/embedded.ts';
import { applyMigrations } from '../../src/lib/server/db/migrations.ts';
import { startTestPostgres } from '../support/postgres.ts';

/**
 * Opens the database the suite runs against and applies the migrations to it:
 *   TEST_DB=embedded (default)  a fresh embedded PostgreSQL (PGlite) in a temporary folder
 *   TEST_DB=postgres            a real PostgreSQL server (see tests/support/postgres.ts)
 * The test files connect to it by URL, exactly as the portal does.
 */
declare module 'vitest' {
	export interface ProvidedContext {
		databaseUrl: string;
		databaseKind: 'embedded' | 'postgres';
	}
}

export default async function setup(project: TestProject) {
	const kind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'embedded';
	if (kind === 'postgres') {
		const server = await startTestPostgres();
		await applyMigrations(server.url);
		project.provide('databaseUrl', server.url);
		project.provide('databaseKind', kind);
		return () => server.stop();
	}
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'maisternia-test-'));
	const embedded = await startEmbedded(dir);
	await applyMigrations(embedded.url);
	project.provide('databaseUrl', embedded.url);
	project.provide('databaseKind', kind);
	return async () => {
		await embedded.stop();
		fs.rmSync(dir, { recursive: true, force: true });
	};
}
