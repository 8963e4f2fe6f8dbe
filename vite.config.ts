import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [
		paraglideVitePlugin({
			project: './project.inlang',
			outdir: './src/lib/paraglide',
			strategy: ['url', 'baseLocale'],
			// `/en` rather than `/en/`: SvelteKit would answer `/en/` with a 308 to `/en` on every home link.
			trailingSlash: 'never'
		}),
		sveltekit()
	],
	server: { port: 3000 },
	preview: { port: 3000 },
	test: {
		include: ['src/**/*.test.ts', 'tests/integration/**/*.test.ts'],
		environment: 'node',
		globalSetup: ['tests/integration/global-setup.ts'],
		setupFiles: ['tests/integration/setup.ts'],
		testTimeout: 30_000,
		hookTimeout: 60_000,
		// One database per worker file would be costly; tests share one migrated database per run.
		fileParallelism: false
	}
});
