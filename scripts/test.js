// `npm test`: the whole suite, as CI runs it.
//   0. svelte-check: TypeScript strict over the project
//   1. Vitest unit and integration tests on the embedded database (PGlite)
//   2. the same on a real PostgreSQL server (a throwaway Debian PostgreSQL cluster on a free loopback
//      port, started by tests/integration/global-setup.ts; or TEST_PG_URL)
//   3. Playwright end-to-end tests in Debian's Chromium against the built portal, with a real SMTP server
//      and a real OpenID Connect provider (tests/support/peers.ts)
// The last line is the total over every suite: `N passed, M failed, K skipped`.
// Options: TEST_SUITES=typecheck,unit-embedded,unit-postgres,e2e to run a subset.
import fs from 'node:fs';
import { spawnSync } from 'node:child_process';
import { buildIfStale } from './build-if-stale.js';

const only = process.env.TEST_SUITES?.split(',').map((s) => s.trim());
const wanted = (name) => !only || only.includes(name);
fs.mkdirSync('test-results', { recursive: true });

const results = [];

function run(name, cmd, args, env, readCounts) {
	if (!wanted(name)) return;
	console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
	const started = Date.now();
	const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
	let counts;
	try {
		counts = readCounts(r);
	} catch (err) {
		counts = { passed: 0, failed: 1, skipped: 0, note: `no results (${err.message})` };
	}
	if (r.status !== 0 && counts.failed === 0) counts = { ...counts, failed: 1, note: `exit ${r.status ?? r.signal}` };
	const seconds = (Date.now() - started) / 1000;
	results.push({ name, ...counts, seconds });
	console.log(`=== ${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped in ${seconds.toFixed(1)} s${counts.note ? ' (' + counts.note + ')' : ''}`);
}

// The first line of a failure message, short enough for the summary at the end of the log (CI's tail).
function firstLine(text) {
	return String(text ?? '').split('\n').find((l) => l.trim())?.trim().slice(0, 300) ?? '';
}

// Playwright's JSON report: the titles of the tests whose outcome was unexpected.
function playwrightFailures(suite, path = []) {
	const here = suite.title ? [...path, suite.title] : path;
	const out = [];
	for (const spec of suite.specs ?? [])
		for (const t of spec.tests ?? [])
			if (t.status === 'unexpected') {
				const err = t.results?.at(-1)?.error?.message;
				out.push(`${[...here, spec.title].join(' › ')}${t.projectName ? ` [${t.projectName}]` : ''}: ${firstLine(err)}`);
			}
	for (const child of suite.suites ?? []) out.push(...playwrightFailures(child, here));
	return out;
}

function vitestCounts(file) {
	return () => {
		const j = JSON.parse(fs.readFileSync(file, 'utf8'));
		const failures = [];
		for (const f of j.testResults ?? []) {
			const where = f.name.replace(process.cwd() + '/', '');
			const failedTests = (f.assertionResults ?? []).filter((a) => a.status === 'failed');
			for (const a of failedTests) failures.push(`${where} › ${a.fullName}: ${firstLine(a.failureMessages?.[0])}`);
			if (f.status === 'failed' && !failedTests.length) failures.push(`${where}: ${firstLine(f.message)}`);
		}
		return {
			passed: j.numPassedTests,
			failed: j.numFailedTests + (j.numRuntimeErrorTestSuites ?? 0),
			skipped: j.numPendingTests + j.numTodoTests,
			failures
		};
	};
}

function vitest(name, env) {
	const out = `test-results/${name}.json`;
	fs.rmSync(out, { force: true });
	run(name, process.execPath, ['node_modules/vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`], env, vitestCounts(out));
}

// TypeScript strict over the whole project (svelte-check): one check that passes or fails.
run('typecheck', process.execPath, ['node_modules/svelte-check/bin/svelte-check', '--tsconfig', './tsconfig.json', '--threshold', 'error', '--output', 'human'], {}, (r) =>
	r.status === 0 ? { passed: 1, failed: 0, skipped: 0 } : { passed: 0, failed: 1, skipped: 0 }
);

vitest('unit-embedded', { TEST_DB: 'embedded' });
vitest('unit-postgres', { TEST_DB: 'postgres' });

if (wanted('e2e')) {
	try {
		buildIfStale();
	} catch (err) {
		results.push({ name: 'build', passed: 0, failed: 1, skipped: 0, seconds: 0 });
		console.error(err.message);
	}
	const out = 'test-results/e2e.json';
	fs.rmSync(out, { force: true });
	run('e2e', process.execPath, ['node_modules/@playwright/test/cli.js', 'test'], { CI: process.env.CI ?? 'true', PLAYWRIGHT_JSON_OUTPUT_NAME: out }, () => {
		const j = JSON.parse(fs.readFileSync(out, 'utf8'));
		const failures = (j.suites ?? []).flatMap((suite) => playwrightFailures(suite));
		return { passed: j.stats.expected + j.stats.flaky, failed: j.stats.unexpected, skipped: j.stats.skipped, failures };
	});
}

const total = results.reduce(
	(t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, skipped: t.skipped + r.skipped }),
	{ passed: 0, failed: 0, skipped: 0 }
);
console.log('\nSuites:');
for (const r of results) console.log(`  ${r.name.padEnd(14)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${String(r.skipped).padStart(3)} skipped  ${r.seconds.toFixed(1)} s`);
const failures = results.flatMap((r) => (r.failures ?? []).map((f) => `  [${r.name}] ${f}`));
if (failures.length) console.log(`\nFailed:\n${failures.join('\n')}`);
console.log(`${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ''}`);
process.exit(total.failed ? 1 : 0);
