import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
	bankSchema,
	courseSchema,
	lessonSchema,
	moduleSchema,
	questionSchema,
	quizSchema,
	type CourseFile,
	type LessonFile,
	type QuestionFile
} from './format.ts';
import { inspectH5PFile, inspectH5PFolder, type PackageInfo } from './h5p/package.ts';
import type { Issue } from './issues.ts';
import { plainText, renderInline, renderMarkdown, type LinkContext } from './markdown.ts';
import { splitFrontMatter, YamlSource } from './yaml-source.ts';

/**
 * Reads and checks course folders (the format is described in format.ts). Everything a course
 * needs is checked before anything is imported: a course with any issue is not imported, and the
 * issues name the file, the line and the field.
 */

export type LessonKindName = LessonFile['kind'];
export type CompletionName = NonNullable<LessonFile['completion']>;

export interface ParsedQuestion {
	key: string;
	bankKey: string;
	position: number;
	type: QuestionFile['type'];
	promptHtml: string;
	explanationHtml: string;
	points: number;
	data: QuestionData;
}

export type QuestionData =
	| { type: 'single' | 'multiple'; options: { id: string; html: string }[]; correct: string[]; partial: boolean }
	| { type: 'true_false'; answer: boolean }
	| { type: 'matching'; pairs: { id: string; leftHtml: string; right: string }[]; rights: { id: string; text: string }[] }
	| { type: 'ordering'; items: { id: string; html: string }[] }
	| { type: 'short_answer'; accept: string[]; caseSensitive: boolean };

export interface ParsedBank {
	key: string;
	titleUk: string;
	titleEn: string;
	file: string;
	questions: ParsedQuestion[];
	/** Line of each question's id in the file. */
	lines: number[];
}

export interface ParsedQuiz {
	key: string;
	titleUk: string;
	titleEn: string;
	passMark: number;
	maxAttempts: number | null;
	timeLimitSeconds: number | null;
	review: 'never' | 'after_submit' | 'after_pass';
	shuffleQuestions: boolean;
	shuffleOptions: boolean;
	/** Bank keys with how many questions to draw (null: all, in order). */
	draws: { bankKey: string; count: number | null }[];
	file: string;
}

export interface ParsedH5P {
	key: string;
	/** Relative to the courses folder. */
	sourcePath: string;
	packed: boolean;
	info: PackageInfo;
}

export interface ParsedLesson {
	key: string;
	moduleKey: string;
	position: number;
	kind: LessonKindName;
	titleUk: string;
	titleEn: string;
	bodyHtml: string;
	videoUrl: string | null;
	captionsUrl: string | null;
	durationMinutes: number | null;
	completion: CompletionName;
	/** Scaled 0..1. */
	minScore: number | null;
	optional: boolean;
	quizKey: string | null;
	h5pKey: string | null;
	sourcePath: string;
}

export interface ParsedModule {
	key: string;
	position: number;
	titleUk: string;
	titleEn: string;
	summaryUk: string;
	summaryEn: string;
	lessons: ParsedLesson[];
}

export interface ParsedCourse {
	/** Folder name (= slug). */
	folder: string;
	dir: string;
	hash: string;
	meta: CourseFile;
	descriptionUk: string;
	descriptionEn: string;
	modules: ParsedModule[];
	lessons: ParsedLesson[];
	banks: ParsedBank[];
	quizzes: ParsedQuiz[];
	h5p: ParsedH5P[];
	searchText: string;
	/** Lines of course.yaml fields that checks across courses report on. */
	lines: { id: number; prerequisites: number };
}

export interface CourseCheck {
	folder: string;
	/** The course, when it has no issue at all (only such courses are imported). */
	course: ParsedCourse | null;
	/** What could be read even with issues (for checks across courses). */
	parsed: ParsedCourse | null;
	issues: Issue[];
	/** Set when the folder's hash matched an already imported course: it was not read again. */
	unchangedId?: string;
}

/** The shared H5P libraries of the course packages. */
export const LIBRARIES_FOLDER = '_libraries';

const ORDERED_NAME = /^\d{1,4}-[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Completion rules each lesson kind may use; the first is the default. */
const RULES_FOR_KIND: Record<LessonKindName, CompletionName[]> = {
	text: ['viewed'],
	video: ['viewed'],
	quiz: ['quiz_passed', 'viewed'],
	h5p: ['h5p_completed', 'viewed']
};

/** Course folders of the courses folder (not _libraries, not hidden ones), sorted. */
export function courseFolders(root: string): string[] {
	if (!fs.existsSync(root)) return [];
	return fs
		.readdirSync(root, { withFileTypes: true })
		.filter((e) => e.isDirectory() && !e.name.startsWith('_') && !e.name.startsWith('.'))
		.map((e) => e.name)
		.sort();
}

function listFiles(dir: string, base = dir, out: string[] = []): string[] {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const abs = path.join(dir, entry.name);
		if (entry.isDirectory()) listFiles(abs, base, out);
		else if (entry.isFile()) out.push(path.relative(base, abs).split(path.sep).join('/'));
	}
	return out;
}

/**
 * Bumped whenever the import renders or stores the same files differently (Markdown, links,
 * question data): a new version re-imports every course once, although its files did not change.
 */
export const IMPORT_FORMAT_VERSION = 3;

/** SHA-256 over every file of a folder (relative path and bytes, in path order) and the format version. */
export function folderHash(dir: string): string {
	const hash = createHash('sha256').update(`maisternia-courses/${IMPORT_FORMAT_VERSION}\0`);
	if (!fs.existsSync(dir)) return hash.digest('hex');
	for (const rel of listFiles(dir).sort()) {
		hash.update(rel).update('\0').update(fs.readFileSync(path.join(dir, rel))).update('\0');
	}
	return hash.digest('hex');
}

function readYaml(root: string, rel: string, issues: Issue[]): YamlSource | null {
	const abs = path.join(root, rel);
	if (!fs.existsSync(abs)) {
		issues.push({ file: rel, code: 'file_missing', params: { name: path.basename(rel) } });
		return null;
	}
	const src = new YamlSource(rel, fs.readFileSync(abs, 'utf8'));
	issues.push(...src.issues);
	return src.ok ? src : null;
}

function questionData(q: QuestionFile): QuestionData {
	switch (q.type) {
		case 'single':
		case 'multiple':
			return {
				type: q.type,
				options: q.options.map((o) => ({ id: o.id, html: renderInline(o.text) })),
				correct: q.options.filter((o) => o.correct).map((o) => o.id),
				partial: q.type === 'multiple' ? q.partial : false
			};
		case 'true_false':
			return { type: 'true_false', answer: q.answer };
		case 'matching': {
			const rights: { id: string; text: string }[] = [];
			for (const p of q.pairs) if (!rights.some((r) => r.text === p.right)) rights.push({ id: `r-${p.id}`, text: p.right });
			q.distractors.forEach((d, i) => {
				if (!rights.some((r) => r.text === d)) rights.push({ id: `x-${i + 1}`, text: d });
			});
			return { type: 'matching', pairs: q.pairs.map((p) => ({ id: p.id, leftHtml: renderInline(p.left), right: p.right })), rights };
		}
		case 'ordering':
			return { type: 'ordering', items: q.items.map((i) => ({ id: i.id, html: renderInline(i.text) })) };
		case 'short_answer':
			return { type: 'short_answer', accept: q.accept, caseSensitive: q.case_sensitive };
	}
}

/** Checks the questions of a bank or quiz file beyond their shape; returns the parsed questions. */
function parseQuestions(src: YamlSource, raw: unknown[], bankKey: string, at: (string | number)[], issues: Issue[]): ParsedQuestion[] {
	const out: ParsedQuestion[] = [];
	raw.forEach((item, i) => {
		const here = [...at, i];
		const checked = src.check(questionSchema, item, here);
		issues.push(...checked.issues);
		const q = checked.value;
		if (!q) return;
		const issue = (code: Issue['code'], field: (string | number)[], params?: Issue['params']) =>
			issues.push({ file: src.file, line: src.lineOf([...here, ...field]), field: [...here, ...field].map((p, j) => (typeof p === 'number' ? `[${p}]` : j ? `.${p}` : p)).join(''), code, params });
		if (q.type === 'single' || q.type === 'multiple') {
			const correct = q.options.filter((o) => o.correct).length;
			if (q.type === 'single' && correct !== 1) issue('single_needs_one_correct', ['options'], { count: correct });
			if (q.type === 'multiple' && correct < 1) issue('multiple_needs_correct', ['options']);
			dupes(q.options.map((o) => o.id)).forEach((d) => issue('duplicate_option', ['options'], { id: d }));
		}
		if (q.type === 'matching') dupes(q.pairs.map((p) => p.id)).forEach((d) => issue('duplicate_option', ['pairs'], { id: d }));
		if (q.type === 'ordering') dupes(q.items.map((p) => p.id)).forEach((d) => issue('duplicate_option', ['items'], { id: d }));
		out.push({
			key: q.id,
			bankKey,
			position: i,
			type: q.type,
			promptHtml: renderInline(q.prompt),
			explanationHtml: q.explanation ? renderMarkdown(q.explanation) : '',
			points: q.points,
			data: questionData(q)
		});
	});
	return out;
}

function dupes(values: string[]): string[] {
	const seen = new Set<string>();
	const out = new Set<string>();
	for (const v of values) (seen.has(v) ? out : seen).add(v);
	return [...out];
}

/** Reads and checks one course folder. `root` is the courses folder; issue paths are relative to it. */
export async function checkCourse(root: string, folder: string): Promise<CourseCheck> {
	const dir = path.join(root, folder);
	const issues: Issue[] = [];
	const rel = (...parts: string[]) => [folder, ...parts].join('/');
	const sharedLibrariesDir = path.join(root, LIBRARIES_FOLDER);

	const courseSrc = readYaml(root, rel('course.yaml'), issues);
	const courseChecked = courseSrc?.check(courseSchema);
	if (courseChecked) issues.push(...courseChecked.issues);
	const meta = courseChecked?.value ?? null;
	const rawSlug = (courseSrc?.data() as { slug?: unknown } | null)?.slug;
	if (courseSrc && typeof rawSlug === 'string' && rawSlug !== folder) {
		issues.push({ file: courseSrc.file, line: courseSrc.lineOf(['slug']), field: 'slug', code: 'slug_folder', params: { folder } });
	}
	const slug = meta?.slug ?? folder;

	const linkCtx = (file: string, source: string, firstLine: number, baseDir: string, field?: string): LinkContext => ({
		courseDir: dir,
		baseDir,
		courseSlug: slug,
		file,
		source,
		firstLine,
		field,
		issues
	});

	const descriptionUk = meta?.description?.uk && courseSrc ? renderMarkdown(meta.description.uk, linkCtx(courseSrc.file, meta.description.uk, courseSrc.lineOf(['description', 'uk']), dir, 'description.uk')) : '';
	const descriptionEn = meta?.description?.en && courseSrc ? renderMarkdown(meta.description.en, linkCtx(courseSrc.file, meta.description.en, courseSrc.lineOf(['description', 'en']), dir, 'description.en')) : '';

	// ---- H5P packages: h5p/<id>/ or h5p/<id>.h5p
	const h5p: ParsedH5P[] = [];
	const h5pDir = path.join(dir, 'h5p');
	if (fs.existsSync(h5pDir)) {
		for (const entry of fs.readdirSync(h5pDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
			const file = rel('h5p', entry.name);
			if (entry.isDirectory()) {
				if (!/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(entry.name)) {
					issues.push({ file, code: 'folder_name', params: { folder: entry.name, slug: 'h5p-id' } });
					continue;
				}
				h5p.push({ key: entry.name, sourcePath: file, packed: false, info: inspectH5PFolder(path.join(h5pDir, entry.name), { file, sharedLibrariesDir }) });
			} else if (entry.isFile() && entry.name.endsWith('.h5p')) {
				const key = entry.name.slice(0, -4);
				h5p.push({ key, sourcePath: file, packed: true, info: await inspectH5PFile(path.join(h5pDir, entry.name), { file, sharedLibrariesDir }) });
			}
		}
		dupesWithFiles(h5p.map((h) => [h.key, h.sourcePath])).forEach(([key, file, other]) =>
			issues.push({ file, code: 'duplicate_id', params: { id: key, other } })
		);
		for (const h of h5p) issues.push(...h.info.issues);
	}

	// ---- banks/
	const banks: ParsedBank[] = [];
	const banksDir = path.join(dir, 'banks');
	if (fs.existsSync(banksDir)) {
		for (const name of fs.readdirSync(banksDir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
			const src = readYaml(root, rel('banks', name), issues);
			if (!src) continue;
			const { value, issues: found } = src.check(bankSchema);
			issues.push(...found);
			if (!value) continue;
			banks.push({
				key: value.id,
				titleUk: value.title?.uk ?? '',
				titleEn: value.title?.en ?? '',
				file: src.file,
				questions: parseQuestions(src, value.questions, value.id, ['questions'], issues),
				lines: value.questions.map((_, i) => src.lineOf(['questions', i, 'id']))
			});
		}
	}

	// ---- quizzes/
	const quizzes: ParsedQuiz[] = [];
	const quizzesDir = path.join(dir, 'quizzes');
	const quizSources = new Map<string, YamlSource>();
	const quizDraws = new Map<string, { bank: string; count: number }[]>();
	if (fs.existsSync(quizzesDir)) {
		for (const name of fs.readdirSync(quizzesDir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
			const src = readYaml(root, rel('quizzes', name), issues);
			if (!src) continue;
			const { value, issues: found } = src.check(quizSchema);
			issues.push(...found);
			if (!value) continue;
			quizSources.set(value.id, src);
			quizDraws.set(value.id, value.draw);
			const own = parseQuestions(src, value.questions, value.id, ['questions'], issues);
			if (own.length) banks.push({ key: value.id, titleUk: value.title.uk, titleEn: value.title.en, file: src.file, questions: own, lines: value.questions.map((_, i) => src.lineOf(['questions', i, 'id'])) });
			quizzes.push({
				key: value.id,
				titleUk: value.title.uk,
				titleEn: value.title.en,
				passMark: value.pass_mark,
				maxAttempts: value.attempts ?? null,
				timeLimitSeconds: value.time_limit ? Math.round(value.time_limit * 60) : null,
				review: value.review,
				shuffleQuestions: value.shuffle_questions,
				shuffleOptions: value.shuffle_options,
				draws: [...(own.length ? [{ bankKey: value.id, count: null }] : []), ...value.draw.map((d) => ({ bankKey: d.bank, count: d.count }))],
				file: src.file
			});
			if (!own.length && !value.draw.length) issues.push({ file: src.file, line: src.lineOf(['questions']), field: 'questions', code: 'quiz_empty' });
		}
	}
	// Bank ids: unique, and no bank named like a quiz with its own questions.
	const bankFiles = new Map<string, string>();
	for (const b of banks) {
		const other = bankFiles.get(b.key);
		if (other) issues.push({ file: b.file, field: 'id', code: 'duplicate_id', params: { id: b.key, other } });
		else bankFiles.set(b.key, b.file);
	}
	dupesWithFiles(quizzes.map((q) => [q.key, q.file])).forEach(([key, file, other]) => issues.push({ file, field: 'id', code: 'duplicate_id', params: { id: key, other } }));
	const questionFiles = new Map<string, string>();
	for (const b of banks)
		for (const q of b.questions) {
			const other = questionFiles.get(q.key);
			if (other) issues.push({ file: b.file, line: b.lines[q.position], field: `questions[${q.position}].id`, code: 'duplicate_id', params: { id: q.key, other } });
			else questionFiles.set(q.key, `${b.file}:${b.lines[q.position]}`);
		}
	for (const [quizKey, draws] of quizDraws) {
		const src = quizSources.get(quizKey)!;
		draws.forEach((d, i) => {
			const bank = banks.find((b) => b.key === d.bank && b.key !== quizKey);
			const at = ['draw', i, 'bank'];
			if (!bank) issues.push({ file: src.file, line: src.lineOf(at), field: `draw[${i}].bank`, code: 'unknown_reference', params: { kind: 'bank', id: d.bank } });
			else if (bank.questions.length < d.count)
				issues.push({ file: src.file, line: src.lineOf(['draw', i, 'count']), field: `draw[${i}].count`, code: 'bank_too_small', params: { bank: d.bank, count: d.count, available: bank.questions.length } });
		});
	}

	// ---- modules/NN-name/module.yaml + NN-name.md lessons
	const modules: ParsedModule[] = [];
	const lessons: ParsedLesson[] = [];
	const modulesDir = path.join(dir, 'modules');
	const moduleFolders = fs.existsSync(modulesDir)
		? fs.readdirSync(modulesDir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()
		: [];
	if (meta && !moduleFolders.length) issues.push({ file: rel('course.yaml'), code: 'course_empty' });
	const lessonFiles = new Map<string, string>();
	const moduleFilesByKey = new Map<string, string>();
	for (const mf of moduleFolders) {
		if (!ORDERED_NAME.test(mf)) issues.push({ file: rel('modules', mf), code: 'folder_name', params: { folder: mf, slug: '01-name' } });
		const src = readYaml(root, rel('modules', mf, 'module.yaml'), issues);
		const checked = src?.check(moduleSchema);
		if (checked) issues.push(...checked.issues);
		const mod = checked?.value;
		if (mod && src) {
			const other = moduleFilesByKey.get(mod.id);
			if (other) issues.push({ file: src.file, line: src.lineOf(['id']), field: 'id', code: 'duplicate_id', params: { id: mod.id, other } });
			moduleFilesByKey.set(mod.id, src.file);
		}
		const moduleKey = mod?.id ?? mf;
		const parsedModule: ParsedModule = {
			key: moduleKey,
			position: modules.length,
			titleUk: mod?.title.uk ?? '',
			titleEn: mod?.title.en ?? '',
			summaryUk: mod?.summary?.uk ?? '',
			summaryEn: mod?.summary?.en ?? '',
			lessons: []
		};
		modules.push(parsedModule);
		const mdir = path.join(modulesDir, mf);
		const mds = fs.readdirSync(mdir).filter((n) => n.endsWith('.md')).sort();
		if (!mds.length) issues.push({ file: rel('modules', mf), code: 'module_empty' });
		for (const md of mds) {
			const file = rel('modules', mf, md);
			if (!ORDERED_NAME.test(md.slice(0, -3))) issues.push({ file, code: 'folder_name', params: { folder: md, slug: '01-name.md' } });
			const text = fs.readFileSync(path.join(mdir, md), 'utf8');
			const split = splitFrontMatter(text);
			if (!split) {
				issues.push({ file, line: 1, code: 'front_matter_missing' });
				continue;
			}
			const fm = new YamlSource(file, split.yaml, 1);
			issues.push(...fm.issues);
			if (!fm.ok) continue;
			const { value: l, issues: found } = fm.check(lessonSchema);
			issues.push(...found);
			if (!l) continue;
			const at = (field: string) => ({ file, line: fm.lineOf([field]), field });
			const other = lessonFiles.get(l.id);
			if (other) issues.push({ ...at('id'), code: 'duplicate_id', params: { id: l.id, other } });
			else lessonFiles.set(l.id, `${file}:${fm.lineOf(['id'])}`);

			const allowed = RULES_FOR_KIND[l.kind];
			const completion = l.completion ?? allowed[0]!;
			if (!allowed.includes(completion)) issues.push({ ...at('completion'), code: 'completion_kind', params: { completion, kind: l.kind, values: allowed.join(', ') } });
			if (l.min_score !== undefined && completion !== 'h5p_completed') issues.push({ ...at('min_score'), code: 'completion_kind', params: { completion, kind: l.kind, values: 'h5p_completed' } });
			if (l.kind === 'quiz') {
				if (!l.quiz) issues.push({ ...at('quiz'), code: 'kind_needs', params: { kind: l.kind, field: 'quiz' } });
				else if (!quizzes.some((q) => q.key === l.quiz)) issues.push({ ...at('quiz'), code: 'unknown_reference', params: { kind: 'quiz', id: l.quiz } });
			}
			if (l.kind === 'h5p') {
				if (!l.h5p) issues.push({ ...at('h5p'), code: 'kind_needs', params: { kind: l.kind, field: 'h5p' } });
				else if (!h5p.some((h) => h.key === l.h5p)) issues.push({ ...at('h5p'), code: 'unknown_reference', params: { kind: 'h5p', id: l.h5p } });
			}
			let videoUrl: string | null = null;
			let captionsUrl: string | null = null;
			if (l.kind === 'video') {
				if (!l.video) issues.push({ ...at('video'), code: 'kind_needs', params: { kind: l.kind, field: 'video' } });
				const ctx = linkCtx(file, split.yaml, 2, dir, 'video');
				const resolveMedia = (value: string, field: string): string | null => {
					if (/^https:\/\//.test(value)) return value;
					const before = issues.length;
					ctx.field = field;
					ctx.firstLine = fm.lineOf([field]);
					const url = renderLinkTarget(value, ctx);
					return issues.length === before ? url : null;
				};
				if (l.video) videoUrl = resolveMedia(l.video, 'video');
				if (l.captions) captionsUrl = resolveMedia(l.captions, 'captions');
			}
			const bodyHtml = renderMarkdown(split.body, linkCtx(file, text, 1, mdir));
			const lesson: ParsedLesson = {
				key: l.id,
				moduleKey,
				position: lessons.length,
				kind: l.kind,
				titleUk: l.title,
				titleEn: l.title_en ?? l.title,
				bodyHtml,
				videoUrl,
				captionsUrl,
				durationMinutes: l.duration ?? null,
				completion,
				minScore: completion === 'h5p_completed' ? (l.min_score ?? 0) / 100 : null,
				optional: l.optional,
				quizKey: l.kind === 'quiz' ? (l.quiz ?? null) : null,
				h5pKey: l.kind === 'h5p' ? (l.h5p ?? null) : null,
				sourcePath: file
			};
			lessons.push(lesson);
			parsedModule.lessons.push(lesson);
		}
	}

	const parsed: ParsedCourse | null = meta
		? {
				folder,
				dir,
				hash: folderHash(dir),
				meta,
				lines: { id: courseSrc?.lineOf(['id']) ?? 1, prerequisites: courseSrc?.lineOf(['prerequisites']) ?? 1 },
				descriptionUk,
				descriptionEn,
				modules,
				lessons,
				banks,
				quizzes,
				h5p,
				searchText: [
					meta.title.uk,
					meta.title.en,
					meta.summary.uk,
					meta.summary.en,
					plainText(descriptionUk),
					plainText(descriptionEn),
					...meta.competencies.flatMap((c) => [c.uk, c.en]),
					...meta.instructors.map((i) => i.name),
					...modules.flatMap((mo) => [mo.titleUk, mo.titleEn]),
					...lessons.flatMap((le) => [le.titleUk, le.titleEn])
				]
					.join(' ')
					.toLowerCase()
			}
		: null;
	return { folder, course: issues.length ? null : parsed, parsed, issues };
}

function renderLinkTarget(value: string, ctx: LinkContext): string {
	// A bare relative path checked and rewritten like a Markdown link.
	const html = renderMarkdown(`[x](${value.replace(/[()\s]/g, encodeURIComponent)})`, { ...ctx, source: value, issues: ctx.issues });
	const m = /href="([^"]*)"/.exec(html);
	return m ? m[1]!.replace(/&amp;/g, '&') : value;
}

function dupesWithFiles(items: [string, string][]): [string, string, string][] {
	const first = new Map<string, string>();
	const out: [string, string, string][] = [];
	for (const [key, file] of items) {
		const other = first.get(key);
		if (other) out.push([key, file, other]);
		else first.set(key, file);
	}
	return out;
}

export interface FolderCheck {
	root: string;
	courses: CourseCheck[];
	/** Issues across courses (duplicate ids and slugs, unknown prerequisites). */
	issues: Issue[];
	hash: string;
}

/**
 * Checks every course of the folder, and what holds between courses. `unchanged` (folder → id and
 * hash of the imported version) lets an import skip reading folders whose hash did not change.
 */
export async function checkCoursesFolder(root: string, opts: { unchanged?: Map<string, { id: string; hash: string }> } = {}): Promise<FolderCheck> {
	const courses: CourseCheck[] = [];
	for (const folder of courseFolders(root)) {
		const known = opts.unchanged?.get(folder);
		if (known && folderHash(path.join(root, folder)) === known.hash) {
			courses.push({ folder, course: null, parsed: null, issues: [], unchangedId: known.id });
			continue;
		}
		courses.push(await checkCourse(root, folder));
	}
	const issues: Issue[] = [];
	const ids = new Map<string, string>();
	for (const c of courses) if (c.unchangedId) ids.set(c.unchangedId, `${c.folder}/course.yaml`);
	for (const c of courses) {
		if (!c.parsed) continue;
		const file = `${c.folder}/course.yaml`;
		const other = ids.get(c.parsed.meta.id);
		if (other) {
			const issue: Issue = { file, line: c.parsed.lines.id, field: 'id', code: 'duplicate_id', params: { id: c.parsed.meta.id, other } };
			issues.push(issue);
			c.issues.push(issue);
		} else ids.set(c.parsed.meta.id, file);
	}
	for (const c of courses) {
		if (!c.parsed) continue;
		for (const pre of c.parsed.meta.prerequisites) {
			if (!ids.has(pre)) {
				const issue: Issue = { file: `${c.folder}/course.yaml`, line: c.parsed.lines.prerequisites, field: 'prerequisites', code: 'unknown_reference', params: { kind: 'course', id: pre } };
				issues.push(issue);
				c.issues.push(issue);
			}
		}
	}
	for (const c of courses) if (c.issues.length) c.course = null;
	return { root, courses, issues, hash: folderHash(root) };
}
