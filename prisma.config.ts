import { defineConfig } from 'prisma/config';

// Prisma 7 reads its settings here. The native schema engine cannot be downloaded on every machine,
// so migrations are created and applied by scripts/migrate.ts through the WebAssembly engine
// (see docs/decisions/0002-database-embedded-and-server.md). `prisma generate` needs no engine.
export default defineConfig({
	schema: 'prisma/schema.prisma',
	migrations: { path: 'prisma/migrations', seed: 'tsx prisma/seed.ts' }
});
