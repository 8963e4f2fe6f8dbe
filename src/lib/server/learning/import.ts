import fs from 'node:fs';
import path from 'node:path';
import { db, Prisma } from '../db/index.ts';
import { checkCoursesFolder, folderHash, type ParsedCourse } from './course-files.ts';
import { extractH5PFile } from './h5p/package.ts';
import type { Issue } from './issues.ts';
import { courseH5PId, coursesRoot, h5pStore, scopedId } from './paths.ts';
import { queueIndex } from '../search/queue.ts';

/**
 * Import of the courses folder into the database (ADR 0013).
 *
 * - A course whose files have any issue is not imported: the previous version stays as it was.
 * - A course whose folder hash is unchanged is skipped.
 * - Everything is matched by its stable id; what disappeared from the files is archived (archivedAt),
 *   never deleted, so learners' progress, attempts and completions stay; it is restored when it
 *   reappears. A course whose folder is gone is archived the same way.
 */

export type CourseOutcome = 'created' | 'updated' | 'unchanged' | 'failed' | 'archived';

export interface CourseReport {
	folder: string;
	courseId: string | null;
	outcome: CourseOutcome;
	issues: Issue[];
	/** Items archived in this import (lessons, modules, questions, quizzes, packages). */
	archivedItems?: number;
}

export interface ImportResult {
	runId: string;
	folderHash: string;
	ok: boolean;
	created: number;
	updated: number;
	unchanged: number;
	archived: number;
	failed: number;
	durationMs: number;
	courses: CourseReport[];
	/** Issues between courses (also inside the courses' own lists). */
	issues: Issue[];
}

export interface ImportOptions {
	root?: string;
	/** Import even courses whose hash did not change. */
	force?: boolean;
	onCourse?: (report: CourseReport, done: number, total: number) => void;
}

const json = (v: unknown) => v as Prisma.InputJsonValue;

/** JSON with sorted keys: compares stored JSON (jsonb reorders keys) with what the files say. */
function stable(v: unknown): string {
	if (v instanceof Date) return v.toISOString();
	if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
	if (v && typeof v === 'object') {
		return `{${Object.keys(v)
			.sort()
			.filter((k) => (v as Record<string, unknown>)[k] !== undefined)
			.map((k) => `${JSON.stringify(k)}:${stable((v as Record<string, unknown>)[k])}`)
			.join(',')}}`;
	}
	return JSON.stringify(v ?? null);
}

type Row = { id: string } & Record<string, unknown>;

/**
 * Brings one table's rows of a course to what the files say with few statements (one read, one
 * createMany, an update only for rows that differ, one archive): a course of a hundred questions
 * costs a handful of round trips instead of hundreds of upserts. Returns how many were archived.
 */
async function syncRows<R extends Row>(
	existing: Row[],
	desired: R[],
	ops: { create: (rows: R[]) => Promise<unknown>; update: (id: string, row: R) => Promise<unknown>; archive: (keepIds: string[]) => Promise<{ count: number }> }
): Promise<number> {
	const before = new Map(existing.map((e) => [e.id, e]));
	const toCreate: R[] = [];
	for (const row of desired) {
		const prev = before.get(row.id);
		if (!prev) toCreate.push(row);
		else if (Object.keys(row).some((k) => stable(row[k]) !== stable(prev[k]))) await ops.update(row.id, row);
	}
	if (toCreate.length) await ops.create(toCreate);
	// Nothing was there before: nothing to archive.
	if (!existing.length) return 0;
	return (await ops.archive(desired.map((r) => r.id))).count;
}

async function importCourse(course: ParsedCourse, root: string, now: Date): Promise<{ outcome: 'created' | 'updated'; archivedItems: number; queued: boolean }> {
	const id = course.meta.id;
	const meta = course.meta;
	const existing = await db().course.findUnique({ where: { id }, select: { id: true } });
	let archivedItems = 0;
	let queued = false;
	// A course seen for the first time has no rows yet: nothing to read back before inserting.
	const rowsOf = <T>(read: () => Promise<T[]>): Promise<T[]> => (existing ? read() : Promise.resolve([]));

	await db().$transaction(
		async (tx) => {
			// An archived course may still hold this slug: it gives it up (its own id stays unique).
			const holder = await tx.course.findUnique({ where: { slug: meta.slug }, select: { id: true } });
			if (holder && holder.id !== id) await tx.course.update({ where: { id: holder.id }, data: { slug: `${meta.slug}~${holder.id}` } });

			const data = {
				slug: meta.slug,
				titleUk: meta.title.uk,
				titleEn: meta.title.en,
				summaryUk: meta.summary.uk,
				summaryEn: meta.summary.en,
				descriptionUk: course.descriptionUk,
				descriptionEn: course.descriptionEn,
				outcomesUk: meta.outcomes.uk,
				outcomesEn: meta.outcomes.en,
				audience: meta.audience,
				topics: [...meta.topics],
				level: meta.level,
				format: meta.format,
				language: meta.language,
				hours: meta.hours,
				credits: meta.credits,
				competencies: json(meta.competencies),
				prerequisites: meta.prerequisites,
				instructors: json(meta.instructors),
				enrolmentMode: meta.enrolment,
				sortOrder: meta.order,
				contentHash: course.hash,
				sourcePath: course.folder,
				searchText: course.searchText,
				archivedAt: null,
				importedAt: now
			};
			await tx.course.upsert({ where: { id }, create: { id, ...data }, update: data });
			const archiveExcept = (keep: string[]) => ({ where: { courseId: id, archivedAt: null, id: { notIn: keep } }, data: { archivedAt: now } });

			archivedItems += await syncRows(
				await rowsOf(() => tx.courseModule.findMany({ where: { courseId: id } })),
				course.modules.map((mo) => ({
					id: scopedId(id, mo.key),
					courseId: id,
					key: mo.key,
					position: mo.position,
					titleUk: mo.titleUk,
					titleEn: mo.titleEn,
					summaryUk: mo.summaryUk,
					summaryEn: mo.summaryEn,
					archivedAt: null
				})),
				{
					create: (rows) => tx.courseModule.createMany({ data: rows }),
					update: (rid, row) => tx.courseModule.update({ where: { id: rid }, data: row }),
					archive: (keep) => tx.courseModule.updateMany(archiveExcept(keep))
				}
			);

			archivedItems += await syncRows(
				await rowsOf(() => tx.h5PContent.findMany({ where: { courseId: id, source: 'course' } })),
				course.h5p.map((h) => ({
					id: courseH5PId(id, h.key),
					courseId: id,
					source: 'course' as const,
					title: h.info.h5p?.title ?? h.key,
					mainLibrary: h.info.mainLibrary ?? '',
					sourcePath: h.sourcePath,
					sha256: h.info.sha256,
					sizeBytes: h.info.totalBytes,
					fileCount: h.info.files,
					archivedAt: null
				})),
				{
					create: (rows) => tx.h5PContent.createMany({ data: rows }),
					update: (rid, row) => tx.h5PContent.update({ where: { id: rid }, data: row }),
					archive: (keep) => tx.h5PContent.updateMany({ where: { courseId: id, source: 'course', archivedAt: null, id: { notIn: keep } }, data: { archivedAt: now } })
				}
			);

			archivedItems += await syncRows(
				await rowsOf(() => tx.questionBank.findMany({ where: { courseId: id } })),
				course.banks.map((b) => ({ id: scopedId(id, b.key), courseId: id, key: b.key, titleUk: b.titleUk, titleEn: b.titleEn, archivedAt: null })),
				{
					create: (rows) => tx.questionBank.createMany({ data: rows }),
					update: (rid, row) => tx.questionBank.update({ where: { id: rid }, data: row }),
					archive: (keep) => tx.questionBank.updateMany(archiveExcept(keep))
				}
			);

			archivedItems += await syncRows(
				await rowsOf(() => tx.question.findMany({ where: { courseId: id } })),
				course.banks.flatMap((b) =>
					b.questions.map((q) => ({
						id: scopedId(id, q.key),
						courseId: id,
						bankId: scopedId(id, b.key),
						key: q.key,
						position: q.position,
						type: q.type,
						promptHtml: q.promptHtml,
						explanationHtml: q.explanationHtml,
						points: q.points,
						data: json(q.data),
						archivedAt: null
					}))
				),
				{
					create: (rows) => tx.question.createMany({ data: rows }),
					update: (rid, row) => tx.question.update({ where: { id: rid }, data: row }),
					archive: (keep) => tx.question.updateMany(archiveExcept(keep))
				}
			);

			archivedItems += await syncRows(
				await rowsOf(() => tx.quiz.findMany({ where: { courseId: id } })),
				course.quizzes.map((q) => ({
					id: scopedId(id, q.key),
					courseId: id,
					key: q.key,
					titleUk: q.titleUk,
					titleEn: q.titleEn,
					passMark: q.passMark,
					maxAttempts: q.maxAttempts,
					timeLimitSeconds: q.timeLimitSeconds,
					review: q.review,
					shuffleQuestions: q.shuffleQuestions,
					shuffleOptions: q.shuffleOptions,
					draws: json(q.draws.map((d) => ({ bankId: scopedId(id, d.bankKey), count: d.count }))),
					archivedAt: null
				})),
				{
					create: (rows) => tx.quiz.createMany({ data: rows }),
					update: (rid, row) => tx.quiz.update({ where: { id: rid }, data: row }),
					archive: (keep) => tx.quiz.updateMany(archiveExcept(keep))
				}
			);

			archivedItems += await syncRows(
				await rowsOf(() => tx.lesson.findMany({ where: { courseId: id } })),
				course.lessons.map((l) => ({
					id: scopedId(id, l.key),
					courseId: id,
					moduleId: scopedId(id, l.moduleKey),
					key: l.key,
					position: l.position,
					kind: l.kind,
					titleUk: l.titleUk,
					titleEn: l.titleEn,
					bodyHtml: l.bodyHtml,
					videoUrl: l.videoUrl,
					captionsUrl: l.captionsUrl,
					durationMinutes: l.durationMinutes,
					completion: l.completion,
					minScore: l.minScore,
					optional: l.optional,
					quizId: l.quizKey ? scopedId(id, l.quizKey) : null,
					h5pContentId: l.h5pKey ? courseH5PId(id, l.h5pKey) : null,
					sourcePath: l.sourcePath,
					archivedAt: null
				})),
				{
					create: (rows) => tx.lesson.createMany({ data: rows }),
					update: (rid, row) => tx.lesson.update({ where: { id: rid }, data: row }),
					archive: (keep) => tx.lesson.updateMany(archiveExcept(keep))
				}
			);
			// The portal-wide search follows (a search.index job, committed with the course).
			queued = await queueIndex(tx, 'course', id);
		},
		{ timeout: 60_000, maxWait: 30_000 }
	);

	// Packed course packages are unpacked once per content hash (outside the transaction: files).
	for (const h of course.h5p) {
		if (h.packed) await extractH5PFile(path.join(root, h.sourcePath), path.join(h5pStore(), h.info.sha256));
	}
	return { outcome: existing ? 'updated' : 'created', archivedItems, queued };
}

/** Imports the courses folder (see the module comment). */
export async function importCourses(options: ImportOptions = {}): Promise<ImportResult> {
	const root = options.root ?? coursesRoot();
	const t0 = performance.now();
	const current = new Map((await db().course.findMany({ select: { id: true, contentHash: true, archivedAt: true, sourcePath: true } })).map((c) => [c.id, c]));
	// Folders whose hash matches their imported course are not read again (unless forced).
	const unchanged = new Map<string, { id: string; hash: string }>();
	if (!options.force) for (const c of current.values()) if (!c.archivedAt) unchanged.set(c.sourcePath, { id: c.id, hash: c.contentHash });
	const check = await checkCoursesFolder(root, { unchanged });
	const run = await db().courseImport.create({ data: { folderHash: check.hash } });
	const now = new Date();
	const reports: CourseReport[] = [];
	const total = check.courses.length;
	// Courses changed without a job runner in this process (the import at start, scripts): indexed below.
	const toIndex: string[] = [];

	for (const c of check.courses) {
		let report: CourseReport;
		if (c.unchangedId) {
			report = { folder: c.folder, courseId: c.unchangedId, outcome: 'unchanged', issues: [] };
		} else if (!c.course) {
			report = { folder: c.folder, courseId: null, outcome: 'failed', issues: c.issues };
		} else {
			const prev = current.get(c.course.meta.id);
			if (!options.force && prev && !prev.archivedAt && prev.contentHash === c.course.hash) {
				report = { folder: c.folder, courseId: c.course.meta.id, outcome: 'unchanged', issues: [] };
			} else {
				try {
					const r = await importCourse(c.course, root, now);
					report = { folder: c.folder, courseId: c.course.meta.id, outcome: r.outcome, issues: [], archivedItems: r.archivedItems };
					if (!r.queued) toIndex.push(c.course.meta.id);
				} catch (err) {
					console.error(`[courses] import of ${c.folder} failed`, err);
					report = { folder: c.folder, courseId: c.course.meta.id, outcome: 'failed', issues: [{ file: `${c.folder}/course.yaml`, code: 'type', params: { expected: String((err as Error).message).slice(0, 200) } }] };
				}
			}
		}
		reports.push(report);
		options.onCourse?.(report, reports.length, total);
	}

	// Courses whose folder is gone (and whose id no folder now claims) are archived.
	const folders = new Set(check.courses.map((c) => c.folder));
	const claimed = new Set(check.courses.map((c) => c.unchangedId ?? c.course?.meta.id).filter(Boolean) as string[]);
	for (const prev of current.values()) {
		if (prev.archivedAt || folders.has(prev.sourcePath) || claimed.has(prev.id)) continue;
		const queued = await db().$transaction(async (tx) => {
			await tx.course.update({ where: { id: prev.id }, data: { archivedAt: now } });
			return queueIndex(tx, 'course', prev.id);
		});
		if (!queued) toIndex.push(prev.id);
		reports.push({ folder: prev.sourcePath, courseId: prev.id, outcome: 'archived', issues: [] });
	}
	if (toIndex.length) await indexCourses(toIndex);

	const count = (o: CourseOutcome) => reports.filter((r) => r.outcome === o).length;
	const durationMs = Math.round(performance.now() - t0);
	const result: ImportResult = {
		runId: run.id,
		folderHash: check.hash,
		ok: count('failed') === 0,
		created: count('created'),
		updated: count('updated'),
		unchanged: count('unchanged'),
		archived: count('archived'),
		failed: count('failed'),
		durationMs,
		courses: reports,
		issues: check.issues
	};
	await db().courseImport.update({
		where: { id: run.id },
		data: {
			finishedAt: new Date(),
			ok: result.ok,
			created: result.created,
			updated: result.updated,
			unchanged: result.unchanged,
			archived: result.archived,
			failed: result.failed,
			durationMs,
			report: json(reports.filter((r) => r.outcome !== 'unchanged'))
		}
	});
	return result;
}

/** Brings these courses up to date in the search index directly (when no job runner can). */
async function indexCourses(ids: string[]): Promise<void> {
	try {
		const { indexDocuments } = await import('../search/index.ts');
		await indexDocuments('course', ids);
	} catch (err) {
		// The nightly search.reindex heals what is missed here.
		console.error('[courses] search indexing failed', err);
	}
}

/** Indexes every course when the search index has none of them (a database imported before search knew courses). */
async function ensureCoursesIndexed(): Promise<void> {
	const live = await db().course.count({ where: { archivedAt: null } });
	if (!live) return;
	const { reindexAll, searchEngine } = await import('../search/index.ts');
	if ((await searchEngine().count('course')) === 0) await reindexAll('course');
}

/**
 * Imports the courses folder when its content differs from the last import (by folder hash).
 * Called at start (src/lib/server/platform) and, once per process, before the first catalog read.
 */
export async function importCoursesIfChanged(options: Omit<ImportOptions, 'force'> = {}): Promise<ImportResult | null> {
	const root = options.root ?? coursesRoot();
	if (!fs.existsSync(root)) return null;
	const hash = folderHash(root);
	const last = await db().courseImport.findFirst({ where: { finishedAt: { not: null } }, orderBy: { startedAt: 'desc' }, select: { folderHash: true } });
	if (last?.folderHash === hash) {
		await ensureCoursesIndexed().catch((err) => console.error('[courses] search indexing failed', err));
		return null;
	}
	const result = await importCourses({ ...options, root });
	const changed = result.created + result.updated + result.archived;
	console.log(
		`[courses] imported ${root}: ${result.created} created, ${result.updated} updated, ${result.unchanged} unchanged, ${result.archived} archived, ${result.failed} failed in ${result.durationMs} ms` +
			(changed || result.failed ? '' : ' (nothing changed)')
	);
	if (result.failed) {
		const { formatIssue } = await import('./issues.ts');
		for (const r of result.courses) for (const i of r.issues) console.warn(`[courses]   ${formatIssue(i, 'en')}`);
	}
	return result;
}

const READY = Symbol.for('maisternia.learning.imported');
type Holder = { [READY]?: Promise<unknown> };

/**
 * Runs importCoursesIfChanged once per process (later callers wait for the same run), so the
 * catalog is filled even before the platform's start calls the import. COURSES_AUTO_IMPORT=off
 * turns it off (tests that import their own folders).
 */
export function ensureCoursesImported(): Promise<unknown> {
	if (process.env.COURSES_AUTO_IMPORT === 'off') return Promise.resolve();
	const holder = globalThis as Holder;
	holder[READY] ??= importCoursesIfChanged().catch((err) => {
		console.error('[courses] import at start failed', err);
		delete holder[READY];
	});
	return holder[READY];
}
