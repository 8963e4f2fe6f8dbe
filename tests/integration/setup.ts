import { afterAll, beforeAll, inject } from 'vitest';
import { database, closeDatabase } from '../../src/lib/server/db/index.ts';

// Every test file talks to the database opened by global-setup.ts, through the portal's own module.
process.env.JOBS ??= 'off';

beforeAll(async () => {
	await database({ databaseUrl: inject('databaseUrl'), migrate: false, poolSize: 4 });
});

afterAll(async () => {
	await closeDatabase();
});
