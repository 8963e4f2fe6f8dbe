import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { db } from '../db/index.ts';
import type { SessionUser } from '../auth/types.ts';

/** Helpers for the learning tests: small course folders written on the fly, and people. */

// The tests import their own folders; the catalog's lazy import of courses/ would archive them.
process.env.COURSES_AUTO_IMPORT = 'off';

export function tempRoot(prefix = 'maisternia-courses-'): string {
	return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function write(root: string, rel: string, text: string | Buffer): void {
	const abs = path.join(root, rel);
	fs.mkdirSync(path.dirname(abs), { recursive: true });
	fs.writeFileSync(abs, text);
}

/** Copies the portal's shared H5P libraries next to a temporary course folder. */
export function copyLibraries(root: string): void {
	fs.cpSync(path.resolve('courses/_libraries'), path.join(root, '_libraries'), { recursive: true });
}

export interface DemoCourseOptions {
	id: string;
	enrolment?: 'open' | 'approval' | 'assigned';
	title?: string;
	/** Lessons of module 1 by id → title (text lessons). */
	lessons?: Record<string, string>;
	quiz?: { passMark?: number; attempts?: number; timeLimit?: number; review?: 'never' | 'after_submit' | 'after_pass' };
	h5p?: { minScore: number };
}

/** Writes a small valid course: module 1 with text lessons, module 2 with a quiz and an H5P lesson. */
export function writeCourse(root: string, o: DemoCourseOptions): string {
	const slug = o.id;
	const c = (rel: string, text: string) => write(root, `${slug}/${rel}`, text);
	c(
		'course.yaml',
		`id: ${o.id}
slug: ${slug}
title: { uk: "${o.title ?? 'Тестовий курс'}", en: "Test course" }
summary: { uk: "Опис", en: "Summary" }
outcomes: { uk: [одне], en: [one] }
audience: all
topics: [e_government]
level: beginner
format: self_paced
language: uk
hours: 2
credits: 0.1
instructors: [{ name: Викладач }]
enrolment: ${o.enrolment ?? 'open'}
`
	);
	c('modules/01-m1/module.yaml', 'id: m1\ntitle: { uk: Модуль 1, en: Module 1 }\n');
	const lessons = o.lessons ?? { intro: 'Вступ', second: 'Другий урок' };
	Object.entries(lessons).forEach(([id, title], i) => {
		c(`modules/01-m1/0${i + 1}-${id}.md`, `---\nid: ${id}\ntitle: ${title}\nkind: text\n---\n\nТекст уроку «${title}».\n`);
	});
	c('modules/02-m2/module.yaml', 'id: m2\ntitle: { uk: Модуль 2, en: Module 2 }\n');
	c('modules/02-m2/01-test.md', '---\nid: test\ntitle: Тест\nkind: quiz\nquiz: check\n---\n');
	const q = o.quiz ?? {};
	c(
		'quizzes/check.yaml',
		`id: check
title: { uk: Тест, en: Test }
pass_mark: ${q.passMark ?? 60}
${q.attempts ? `attempts: ${q.attempts}\n` : ''}${q.timeLimit ? `time_limit: ${q.timeLimit}\n` : ''}review: ${q.review ?? 'after_submit'}
shuffle_options: true
questions:
  - id: q-single
    type: single
    prompt: Два плюс два?
    options:
      - { id: four, text: "4", correct: true }
      - { id: five, text: "5" }
      - { id: three, text: "3" }
  - id: q-tf
    type: true_false
    prompt: Київ — столиця України.
    answer: true
`
	);
	if (o.h5p) {
		c('modules/02-m2/02-h5p.md', `---\nid: activity\ntitle: Вправа\nkind: h5p\nh5p: drill\nmin_score: ${o.h5p.minScore}\n---\n`);
		c(
			'h5p/drill/h5p.json',
			JSON.stringify({ title: 'Вправа', language: 'uk', mainLibrary: 'H5P.MaisterniaQuiz', embedTypes: ['div'], preloadedDependencies: [{ machineName: 'H5P.MaisterniaQuiz', majorVersion: 1, minorVersion: 0 }] })
		);
		c('h5p/drill/content/content.json', JSON.stringify({ title: 'Вправа', questions: [{ text: 'Так?', answers: [{ text: 'Так', correct: true }, { text: 'Ні' }] }] }));
		copyLibraries(root);
	}
	return slug;
}

let seq = 0;

/** A person in the database, as the session would see them. */
export async function makePerson(
	label: string,
	opts: { roles?: SessionUser['roles']; memberships?: SessionUser['memberships'] } = {}
): Promise<SessionUser> {
	const email = `${label}.${Date.now().toString(36)}${seq++}@test.maisternia.ua`;
	const user = await db().user.create({ data: { email, name: label, roles: opts.roles ?? ['learner'] } });
	return { id: user.id, email, name: label, locale: 'uk', roles: user.roles, emailVerified: true, memberships: opts.memberships ?? [] };
}
