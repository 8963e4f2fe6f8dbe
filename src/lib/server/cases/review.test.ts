import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import type { SessionUser } from '../auth/types.ts';
import { search, searchEngine } from '../search/index.ts';
import { CaseError, casePage, reviewCase, saveDraft, submitCase, type CaseInput } from './cases.ts';
import { mailReviewed, mailSubmitted } from './mail.ts';
import { findRelated } from './related.ts';
import { seedCases } from './seed.ts';
import { caseInput } from './testing.ts';

const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 5);

async function person(name: string, roles: SessionUser['roles'], locale = 'uk'): Promise<SessionUser> {
	const email = `${name}-${run}@test.maisternia.ua`;
	const u = await db().user.create({ data: { email, name: `${name} ${run}`, roles, locale } });
	return { id: u.id, email, name: u.name, locale, roles, emailVerified: true, memberships: [] };
}

const input = (patch: Partial<CaseInput> = {}) =>
	caseInput({ title: `Відкриті дані ${run}`, tools: ['open-data'], region: 'UA-48', city: 'Миколаїв', year: 2023, organizationName: `Миколаївська рада ${run}`, ...patch });

const outbox = (to: string) => db().outboxMessage.findMany({ where: { to }, orderBy: { createdAt: 'asc' } });

describe('mail on submission and review', () => {
	it('editors hear of a submission, the author of each decision in their language, each once', async () => {
		const author = await person('m-author', ['contributor'], 'en');
		const editor = await person('m-editor', ['editor']);
		const other = await person('m-editor2', ['editor'], 'en');
		const slug = ((await saveDraft(author, input())) as { slug: string }).slug;

		expect(await submitCase(slug, author)).toEqual({ ok: true });
		// A second click finds the case submitted already: no second message.
		await expect(submitCase(slug, author)).rejects.toBeInstanceOf(CaseError);
		const [toEditor] = await outbox(editor.email);
		expect((await outbox(editor.email)).length).toBe(1);
		expect(toEditor).toMatchObject({ template: 'case_submitted', locale: 'uk' });
		expect(toEditor!.subject).toBe(`Новий кейс на розгляд: «Відкриті дані ${run}»`);
		expect(toEditor!.text).toContain(`/cases/${slug}`);
		expect((await outbox(other.email))[0]!.subject).toBe(`A new case to review: “Відкриті дані ${run}”`);
		expect(await outbox(author.email)).toEqual([]);

		await reviewCase(slug, editor, 'changes_requested', 'Додайте цифри <b>витрат</b>');
		await expect(reviewCase(slug, editor, 'changes_requested', 'ще раз')).rejects.toMatchObject({ code: 'state' });
		let mails = await outbox(author.email);
		expect(mails.map((x) => x.template)).toEqual(['case_changes_requested']);
		expect(mails[0]!.subject).toBe(`Changes requested to the case “Відкриті дані ${run}”`);
		expect(mails[0]!.text).toContain('Додайте цифри <b>витрат</b>');
		expect(mails[0]!.html).toContain('Додайте цифри &lt;b&gt;витрат&lt;/b&gt;');
		expect(mails[0]!.text).toContain(`/en/cases/${slug}`);

		await reviewCase(slug, editor, 'comment', 'Дякуємо');
		await reviewCase(slug, editor, 'comment', ''); // nothing said: no comment, no mail
		await submitCase(slug, author);
		expect((await outbox(editor.email)).length).toBe(2); // the second submission is a new message
		await reviewCase(slug, other, 'published', '');
		mails = await outbox(author.email);
		expect(mails.map((x) => x.template)).toEqual(['case_changes_requested', 'case_commented', 'case_published']);

		// A retry of the same change (same comment row, same submission time) stores nothing new.
		const c = await db().practiceCase.findUniqueOrThrow({ where: { slug } });
		const comment = await db().caseReviewComment.findFirstOrThrow({ where: { caseId: c.id, kind: 'published' } });
		await db().$transaction(async (tx) => {
			await mailReviewed(tx, c, comment.id, 'published', '', other.id);
			await mailSubmitted(tx, c, c.submittedAt!, author.id);
		});
		expect((await outbox(author.email)).length).toBe(3);
		expect((await outbox(editor.email)).length).toBe(2);
	});

	it('no mail to oneself: an editor reviewing their own case', async () => {
		const editor = await person('self-editor', ['editor']);
		const slug = ((await saveDraft(editor, input({ title: `Власний ${run}` }))) as { slug: string }).slug;
		await submitCase(slug, editor);
		await reviewCase(slug, editor, 'published', 'ok');
		expect(await outbox(editor.email)).toEqual([]);
	});
});

describe('search and related items', () => {
	it('a published case is in the portal search at once; a draft never', async () => {
		const author = await person('s-author', ['contributor']);
		const editor = await person('s-editor', ['editor']);
		const word = `zqx${run}`;
		const slug = ((await saveDraft(author, input({ title: `Кейс ${word}` }))) as { slug: string }).slug;
		await submitCase(slug, author);
		expect((await search({ q: word, kinds: ['case'] })).hits).toEqual([]);
		await reviewCase(slug, editor, 'published', '');
		expect((await search({ q: word, kinds: ['case'] })).hits.map((h) => h.url)).toEqual([`/cases/${slug}`]);
	});

	it('the pickers find acts, courses and articles; the case page shows them with titles', async () => {
		const act = await db().legalAct.create({
			data: { nreg: `nreg-${run}`, slug: `zakon/2024/act-${run}`, title: `Про електронні довірчі послуги ${run}`, number: `${run}-IX`, types: ['Закон'], issuers: ['Верховна Рада України'], topics: [], source: 'test', searchKeys: [] }
		});
		const course = await db().course.create({
			data: {
				id: `course-${run}`,
				slug: `course-${run}`,
				titleUk: `Цифрова грамотність ${run}`,
				titleEn: `Digital literacy ${run}`,
				summaryUk: '',
				summaryEn: '',
				audience: 'citizens',
				level: 'beginner',
				format: 'self_paced',
				language: 'uk',
				hours: 1,
				competencies: [],
				instructors: [],
				enrolmentMode: 'open',
				contentHash: run,
				sourcePath: `courses/${run}`,
				importedAt: new Date()
			}
		});
		expect((await findRelated('act', `довірчі послуги ${run}`, 'uk')).map((r) => r.slug)).toContain(act.slug);
		expect((await findRelated('act', run, 'uk')).map((r) => r.slug)).toContain(act.slug);
		expect(await findRelated('course', `Digital literacy ${run}`, 'en')).toContainEqual({ slug: course.slug, title: `Digital literacy ${run}`, href: `/courses/${course.slug}` });
		expect(await findRelated('article', 'x', 'uk')).toEqual([]);

		const author = await person('r-author', ['contributor']);
		const slug = ((await saveDraft(author, input({ title: `Пов’язане ${run}`, actSlugs: [act.slug, 'no-such-act', '../bad slug', 'zakon/../x', 'a//b'], courseSlugs: [course.slug] }))) as { slug: string }).slug;
		const row = await db().practiceCase.findUniqueOrThrow({ where: { slug } });
		expect(row.actSlugs).toEqual([act.slug, 'no-such-act']);
		const page = await casePage(slug, author, 'en');
		expect(page!.related.acts).toEqual([{ slug: act.slug, title: act.title, href: `/library/${act.slug}` }]);
		expect(page!.related.courses).toEqual([{ slug: course.slug, title: `Digital literacy ${run}`, href: `/courses/${course.slug}` }]);
	});
});

describe('seed', () => {
	it('puts the published demo cases in the search index', async () => {
		await seedCases(db());
		const published = await db().practiceCase.count({ where: { status: 'published' } });
		expect(await searchEngine().count('case')).toBeGreaterThanOrEqual(published);
		const hits = (await search({ q: 'Термінали доступу публічний портал', kinds: ['case'] })).hits;
		expect(hits.map((h) => h.url)).toContain('/cases/vinnytsia-terminaly-ta-publichnyi-portal');
		// The submitted demo draft stays out.
		expect((await search({ q: 'Електронні звернення Миколаївської', kinds: ['case'] })).hits.map((h) => h.url)).not.toContain('/cases/mykolaiv-elektronni-zvernennia-chernetka');
	});
});
