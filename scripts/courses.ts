/**
 * The courses folder from the command line:
 *   npm run courses:check  [-- --root <folder>] [--lang en] [--json]
 *       checks every course (no database needed); prints each problem as file:line field: message
 *       and exits 1 when there is any.
 *   npm run courses:import [-- --root <folder>] [--force] [--lang en] [--json]
 *       imports into DATABASE_URL, or the embedded database in DATA_DIR (stop a dev server on that
 *       folder first); unchanged courses are skipped unless --force; prints what happened.
 */
import path from 'node:path';
import { checkCoursesFolder } from '../src/lib/server/learning/course-files.ts';
import { formatIssue, type Issue } from '../src/lib/server/learning/issues.ts';

const args = process.argv.slice(2);
const command = args[0];
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => {
	const i = args.indexOf(`--${name}`);
	return i >= 0 ? args[i + 1] : undefined;
};
const root = path.resolve(option('root') ?? process.env.COURSES_DIR ?? 'courses');
const lang = option('lang') === 'en' ? 'en' : 'uk';
const asJson = flag('json');

function print(issues: Issue[]) {
	for (const i of issues) console.log(`  ${formatIssue(i, lang)}`);
}

async function check(): Promise<number> {
	const t0 = performance.now();
	const result = await checkCoursesFolder(root);
	const all = result.courses.flatMap((c) => c.issues);
	const unique = [...new Map([...all, ...result.issues].map((i) => [JSON.stringify(i), i])).values()];
	if (asJson) {
		console.log(JSON.stringify({ root, courses: result.courses.map((c) => ({ folder: c.folder, ok: !c.issues.length, issues: c.issues })), issues: result.issues }, null, 2));
	} else {
		for (const c of result.courses) {
			const lessons = c.course?.lessons.length ?? 0;
			console.log(`${c.issues.length ? '✗' : '✓'} ${c.folder}${c.course ? ` (${c.course.modules.length} modules, ${lessons} lessons, ${c.course.quizzes.length} quizzes, ${c.course.h5p.length} H5P)` : ''}`);
			print(c.issues);
		}
		console.log(
			`${result.courses.length} courses checked in ${((performance.now() - t0) / 1000).toFixed(2)} s: ` +
				`${result.courses.filter((c) => !c.issues.length).length} ok, ${result.courses.filter((c) => c.issues.length).length} with problems (${unique.length} problems)`
		);
	}
	return unique.length ? 1 : 0;
}

async function runImport(): Promise<number> {
	const { database, closeDatabase } = await import('../src/lib/server/db/index.ts');
	const { importCourses } = await import('../src/lib/server/learning/import.ts');
	process.env.JOBS ??= 'off';
	const state = await database();
	console.log(`[courses] ${state.mode === 'embedded' ? 'embedded database in ' + state.embedded?.dataDir : 'PostgreSQL server'}; folder ${root}`);
	try {
		const result = await importCourses({
			root,
			force: flag('force'),
			onCourse: (r, done, total) => {
				if (asJson) return;
				console.log(`  [${done}/${total}] ${r.outcome.padEnd(9)} ${r.folder}${r.archivedItems ? ` (${r.archivedItems} items archived)` : ''}`);
				print(r.issues);
			}
		});
		if (asJson) console.log(JSON.stringify(result, null, 2));
		else
			console.log(
				`[courses] run ${result.runId}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ` +
					`${result.archived} archived, ${result.failed} failed in ${(result.durationMs / 1000).toFixed(2)} s`
			);
		return result.ok ? 0 : 1;
	} finally {
		await closeDatabase();
	}
}

const commands: Record<string, () => Promise<number>> = { check, import: runImport };
if (!command || !commands[command]) {
	console.error('Usage: tsx scripts/courses.ts check|import [--root <folder>] [--force] [--lang en] [--json]');
	process.exit(2);
}
commands[command]!().then(
	(code) => process.exit(code),
	(err) => {
		console.error(err);
		process.exit(1);
	}
);
