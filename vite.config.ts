import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';
import { paraglideOptions } from './scripts/paraglide-options.js';

export default defineConfig({
	plugins: [
		paraglideVitePlugin(paraglideOptions),
		sveltekit()
	],
	server: {
		port: 3000,
		// Data folders (PGlite keeps thousands of files), test output and builds are not sources.
		watch: { ignored: ['**/data/**', '**/data-*/**', '**/tests/.tmp/**', '**/test-results/**', '**/build/**'] }
	},
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
