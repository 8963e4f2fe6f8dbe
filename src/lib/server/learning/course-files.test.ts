import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkCoursesFolder } from './course-files.ts';
import { formatIssue, type Issue } from './issues.ts';
import { checkCourse } from './course-files.ts';
import { tempRoot, write, writeCourse } from './test-helpers.ts';

const BROKEN = path.resolve('tests/fixtures/courses-broken');
const REAL = path.resolve('courses');

function find(issues: Issue[], file: string, code: Issue['code'], field?: string): Issue {
	const hit = issues.find((i) => i.file === file && i.code === code && (field === undefined || i.field === field));
	expect(hit, `${file} ${code} ${field ?? ''} in:\n${issues.map((i) => formatIssue(i, 'en')).join('\n')}`).toBeDefined();
	return hit!;
}

describe('course files: the real courses', () => {
	it('every course in courses/ passes the check, with modules, quizzes and H5P', async () => {
		const result = await checkCoursesFolder(REAL);
		const problems = result.courses.flatMap((c) => c.issues).map((i) => formatIssue(i, 'en'));
		expect(problems).toEqual([]);
		expect(result.courses.length).toBeGreaterThanOrEqual(3);
		for (const c of result.courses) {
			expect(c.course, c.folder).not.toBeNull();
			expect(c.course!.modules.length, c.folder).toBeGreaterThanOrEqual(3);
			expect(c.course!.quizzes.length, c.folder).toBeGreaterThanOrEqual(1);
			expect(c.course!.h5p.length, c.folder).toBeGreaterThanOrEqual(1);
			expect(c.course!.lessons.some((l) => l.kind === 'h5p' && l.completion === 'h5p_completed'), c.folder).toBe(true);
			expect(c.course!.meta.title.en.length).toBeGreaterThan(5);
		}
		// Both forms of H5P package: an unpacked folder and a .h5p file.
		const packages = result.courses.flatMap((c) => c.course!.h5p);
		expect(packages.some((p) => p.packed)).toBe(true);
		expect(packages.some((p) => !p.packed)).toBe(true);
	});

	it('renders lessons to sanitized HTML with links into the course files', async () => {
		const result = await checkCoursesFolder(REAL);
		const basics = result.courses.find((c) => c.folder === 'osnovy-e-uriaduvannia')!.course!;
		const lesson = basics.lessons.find((l) => l.key === 'what-is-egov')!;
		expect(lesson.bodyHtml).toContain('<img src="/courses/osnovy-e-uriaduvannia/media/subiekty-e-uriaduvannia.svg"');
		expect(lesson.bodyHtml).toContain('<table>');
		expect(lesson.bodyHtml).not.toMatch(/<h1|<script|onerror/);
	});
});

describe('course files: broken fixtures name file, line and field', () => {
	it('reports a YAML syntax error with its line', async () => {
		const { courses } = await checkCoursesFolder(BROKEN);
		const c = courses.find((x) => x.folder === 'bad-yaml')!;
		expect(c.course).toBeNull();
		const issue = find(c.issues, 'bad-yaml/course.yaml', 'yaml_syntax');
		expect(issue.line).toBeGreaterThanOrEqual(6);
	});

	it('reports missing, unknown and invalid fields at their lines', async () => {
		const { courses } = await checkCoursesFolder(BROKEN);
		const issues = courses.find((x) => x.folder === 'bad-fields')!.issues;
		const file = 'bad-fields/course.yaml';
		expect(find(issues, file, 'required', 'title.en').line).toBe(4);
		expect(find(issues, file, 'enum', 'audience')).toMatchObject({ line: 11, params: { values: 'citizens, civil_servants, all' } });
		expect(find(issues, file, 'enum', 'topics[1]').line).toBe(12);
		expect(find(issues, file, 'greater_than', 'hours')).toMatchObject({ line: 16, params: { min: 0 } });
		expect(find(issues, file, 'unknown_field', 'titel').line).toBe(20);
		expect(find(issues, file, 'slug_folder', 'slug').line).toBe(2);
	});

	it('reports lesson, quiz, bank and H5P problems', async () => {
		const { courses } = await checkCoursesFolder(BROKEN);
		const issues = courses.find((x) => x.folder === 'bad-lessons')!.issues;
		const mod = 'bad-lessons/modules/01-first';
		expect(find(issues, `${mod}/01-no-front-matter.md`, 'front_matter_missing').line).toBe(1);
		expect(find(issues, `${mod}/02-wrong-quiz.md`, 'unknown_reference', 'quiz')).toMatchObject({ line: 5, params: { kind: 'quiz', id: 'missing-quiz' } });
		expect(find(issues, `${mod}/03-rule.md`, 'completion_kind', 'completion').line).toBe(5);
		expect(find(issues, `${mod}/03-rule.md`, 'link_missing')).toMatchObject({ line: 8, params: { target: '../../files/nema.png' } });
		expect(find(issues, `${mod}/04-h5p.md`, 'too_big', 'min_score').line).toBe(6);
		expect(find(issues, `${mod}/05-duplicate.md`, 'duplicate_id', 'id')).toMatchObject({ line: 2, params: { id: 'rule', other: `${mod}/03-rule.md:2` } });
		expect(find(issues, 'bad-lessons/quizzes/check.yaml', 'single_needs_one_correct', 'questions[0].options')).toMatchObject({ line: 11, params: { count: 2 } });
		expect(find(issues, 'bad-lessons/quizzes/check.yaml', 'enum', 'questions[1].type').line).toBe(18);
		expect(find(issues, 'bad-lessons/quizzes/check.yaml', 'bank_too_small', 'draw[0].count')).toMatchObject({ line: 22, params: { bank: 'small', count: 5, available: 2 } });
		expect(find(issues, 'bad-lessons/banks/small.yaml', 'duplicate_id', 'questions[1].id').line).toBe(7);
		find(issues, 'bad-lessons/h5p/no-manifest', 'h5p_missing_h5p_json');
		expect(find(issues, 'bad-lessons/course.yaml', 'unknown_reference', 'prerequisites').line).toBe(21);
	});

	it('tells every issue in Ukrainian and in English', async () => {
		const { courses } = await checkCoursesFolder(BROKEN);
		const issue = find(courses.find((x) => x.folder === 'bad-fields')!.issues, 'bad-fields/course.yaml', 'unknown_field');
		expect(formatIssue(issue, 'uk')).toBe('bad-fields/course.yaml:20 titel: Невідоме поле (можливо, помилка в назві)');
		expect(formatIssue(issue, 'en')).toBe('bad-fields/course.yaml:20 titel: Unknown field (a typo?)');
		for (const c of courses) for (const i of c.issues) for (const locale of ['uk', 'en']) expect(formatIssue(i, locale)).not.toMatch(/\{\w+\}|undefined/);
	});
});

describe('course files: video lessons', () => {
	it('plays a file of the course with captions, links out to https, and refuses a missing file', async () => {
		const root = tempRoot();
		writeCourse(root, { id: 'video-course' });
		write(root, 'video-course/files/intro.mp4', Buffer.from([0, 0, 0, 24]));
		write(root, 'video-course/files/intro.vtt', 'WEBVTT\n');
		write(root, 'video-course/modules/01-m1/03-video.md', '---\nid: video\ntitle: Відео\nkind: video\nvideo: files/intro.mp4\ncaptions: files/intro.vtt\n---\n');
		write(root, 'video-course/modules/01-m1/04-link.md', '---\nid: link\ntitle: Запис вебінару\nkind: video\nvideo: https://example.org/webinar\n---\n');
		const ok = await checkCourse(root, 'video-course');
		expect(ok.issues).toEqual([]);
		const video = ok.course!.lessons.find((l) => l.key === 'video')!;
		expect(video).toMatchObject({ videoUrl: '/courses/video-course/media/intro.mp4', captionsUrl: '/courses/video-course/media/intro.vtt', completion: 'viewed' });
		expect(ok.course!.lessons.find((l) => l.key === 'link')!.videoUrl).toBe('https://example.org/webinar');

		write(root, 'video-course/modules/01-m1/05-broken.md', '---\nid: broken\ntitle: Немає файлу\nkind: video\nvideo: files/none.mp4\n---\n');
		const bad = await checkCourse(root, 'video-course');
		expect(bad.issues).toMatchObject([{ file: 'video-course/modules/01-m1/05-broken.md', code: 'link_missing', field: 'video', line: 5 }]);
	});
});
