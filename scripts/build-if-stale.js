// Builds the portal (vite build) when build/ is missing or older than any of its sources.
// Used by `npm start` and `npm test`, so both work on a fresh clone right after `npm install`.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const SOURCES = [
	'src',
	'messages',
	'static',
	'project.inlang/settings.json',
	'prisma/schema.prisma',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];
const STAMP = 'build/.built-at';
const IGNORE = new Set(['paraglide', 'generated']);

/** @param {string} p @returns {number} */
function newestMtime(p) {
	if (!fs.existsSync(p)) return 0;
	const st = fs.statSync(p);
	if (!st.isDirectory()) return st.mtimeMs;
	let newest = 0;
	for (const entry of fs.readdirSync(p, { withFileTypes: true })) {
		if (IGNORE.has(entry.name)) continue;
		newest = Math.max(newest, newestMtime(path.join(p, entry.name)));
	}
	return newest;
}

export function buildIsStale() {
	if (!fs.existsSync(STAMP) || !fs.existsSync('build/index.js')) return true;
	const built = fs.statSync(STAMP).mtimeMs;
	return SOURCES.some((s) => newestMtime(s) > built);
}

export function buildIfStale({ quiet = false } = {}) {
	if (!buildIsStale()) return false;
	if (!quiet) console.log('[build] building the portal (vite build)…');
	const started = Date.now();
	const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
		stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit'
	});
	if (r.status !== 0) throw new Error(`vite build failed (exit ${r.status})`);
	fs.writeFileSync(STAMP, new Date().toISOString() + '\n');
	if (!quiet) console.log(`[build] done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
	return true;
}

if (import.meta.url === `file://${process.argv[1]}`) buildIfStale();
