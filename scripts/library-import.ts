/**
 * Imports legal acts into the library:
 *   npm run library:import -- <folder or file> [more...]   [--quiet] [--json]
 * Folders and .md files: the Rada corpus format (../shared/data/legal-acts); .csv / .json: cards of
 * acts known without their text. Re-running changes nothing (content hashes); a newer redaction of
 * an act keeps the older one as a version. Prints progress (n/total, acts/s) and a report of what was
 * created, updated, skipped or failed and why, then brings the search index up to date.
 * Uses DATABASE_URL, or the embedded database in DATA_DIR (stop a dev server on that folder first).
 */
import { database, closeDatabase } from '../src/lib/server/db/index.ts';
import { importPath, type ImportResult, type ReportItem } from '../src/lib/server/library/import.ts';

const args = process.argv.slice(2);
const quiet = args.includes('--quiet');
const asJson = args.includes('--json');
const targets = args.filter((a) => !a.startsWith('--'));

function rate(n: number, ms: number): string {
	return ms > 0 ? (n / (ms / 1000)).toFixed(1) : '∞';
}

async function main() {
	if (!targets.length) {
		console.error('Usage: npm run library:import -- <folder or file> [more...] [--quiet] [--json]');
		process.exit(2);
	}
	const state = await database();
	console.log(`[library] ${state.mode === 'embedded' ? 'embedded database in ' + state.embedded?.dataDir : 'PostgreSQL server'}`);
	const results: ImportResult[] = [];
	for (const target of targets) {
		console.log(`[library] importing ${target}`);
		const result = await importPath(target, {
			onProgress: ({ done, total, item, elapsedMs }) => {
				if (quiet && item.outcome !== 'failed') return;
				const pad = String(total).length;
				console.log(
					`  [${String(done).padStart(pad)}/${total}] ${item.outcome.padEnd(7)} ${(item.nreg ?? item.ref).padEnd(16)} ${item.outcome === 'created' ? '' : item.reason}  (${rate(done, elapsedMs)} acts/s)`
				);
			}
		});
		results.push(result);
	}
	// The search index follows (src/lib/server/search): loaded lazily so the import works without it.
	const changed = results.flatMap((r) => r.changedActIds);
	try {
		const search = await import('../src/lib/server/search/index.ts');
		const t0 = performance.now();
		const n = await search.reindexActs(changed);
		if (n) console.log(`[search] indexed ${n} acts in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
	} catch (err) {
		if ((err as { code?: string }).code !== 'ERR_MODULE_NOT_FOUND') throw err;
	}

	for (const r of results) {
		const mb = r.bytes / 1024 / 1024;
		console.log(
			`[library] run ${r.runId}: ${r.total} items — created ${r.created}, updated ${r.updated}, skipped ${r.skipped}, failed ${r.failed}; ` +
				`${(r.durationMs / 1000).toFixed(2)} s, ${rate(r.total, r.durationMs)} acts/s, ${(mb / (r.durationMs / 1000)).toFixed(2)} MB/s (${mb.toFixed(2)} MB)`
		);
		const notable = r.items.filter((i: ReportItem) => i.outcome === 'failed' || (i.outcome !== 'created' && !quiet));
		const byReason = new Map<string, string[]>();
		for (const i of notable) byReason.set(`${i.outcome}: ${i.reason}`, [...(byReason.get(`${i.outcome}: ${i.reason}`) ?? []), i.nreg ?? i.ref]);
		for (const [reason, refs] of byReason) console.log(`  ${reason} — ${refs.length > 8 ? refs.slice(0, 8).join(', ') + ` and ${refs.length - 8} more` : refs.join(', ')}`);
		if (asJson) console.log(JSON.stringify(r.items, null, 2));
	}
	const failed = results.reduce((n, r) => n + r.failed, 0);
	await closeDatabase();
	process.exit(failed ? 1 : 0);
}

main().catch(async (err) => {
	console.error(err instanceof Error ? err.stack : err);
	await closeDatabase().catch(() => undefined);
	process.exit(1);
});
