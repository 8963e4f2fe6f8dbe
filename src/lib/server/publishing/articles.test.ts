import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { can } from '../auth/permissions.ts';
import { availableSteps, createArticle, listDesk, moveArticle, publishDueArticles, revisionDiff, updateArticle, articleForReader, listRevisions } from './articles.ts';
import { diffLines, diffStats } from './diff.ts';
import { articleHtml } from './markdown.ts';
import { person, uniq } from './test-helpers.ts';

const input = (slug = uniq('stattia')) => ({
	slug,
	kind: 'analytical' as const,
	titleUk: 'Електронні петиції в громадах',
	summaryUk: 'Огляд',
	bodyUk: 'Перший абзац.\n\nДругий абзац.',
	authors: ['Оксана Петренко', ' Оксана Петренко '],
	topics: ['e-democracy']
});

describe('articles: workflow, roles, revisions', () => {
	it('a contributor writes and submits a draft but can neither publish nor edit it in review; an editor publishes', async () => {
		const contributor = person(['contributor', 'learner']);
		const other = person(['contributor', 'learner']);
		const editor = person(['editor', 'learner']);
		const learner = person(['learner']);
		await expect(createArticle(learner, input())).rejects.toMatchObject({ code: 'forbidden' });
		const a = await createArticle(contributor, input());
		expect(a.status).toBe('draft');
		expect(a.authors).toEqual(['Оксана Петренко']);
		expect(availableSteps(contributor, a)).toEqual(['submit']);
		expect(can(contributor, 'article:publish')).toBe(false);
		await expect(moveArticle(contributor, a.id, 'publish')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(updateArticle(other, a.id, input(a.slug))).rejects.toMatchObject({ code: 'forbidden' });
		await updateArticle(contributor, a.id, { ...input(a.slug), bodyUk: 'Перший абзац.\n\nДругий абзац, виправлений.\n\nТретій.' });
		const submitted = await moveArticle(contributor, a.id, 'submit');
		expect(submitted.status).toBe('in_review');
		await expect(updateArticle(contributor, a.id, input(a.slug))).rejects.toMatchObject({ code: 'forbidden' });
		expect(await articleForReader(a.slug, learner)).toBeNull();
		expect(await articleForReader(a.slug, contributor)).toBeNull(); // in review: the editor's now
		const returned = await moveArticle(editor, a.id, 'return', { note: 'Додайте джерела' });
		expect(returned).toMatchObject({ status: 'draft', reviewNote: 'Додайте джерела' });
		await moveArticle(contributor, a.id, 'submit');
		const published = await moveArticle(editor, a.id, 'publish');
		expect(published.status).toBe('published');
		expect(published.publishedAt).toBeInstanceOf(Date);
		expect(await articleForReader(a.slug, null)).not.toBeNull();
		await expect(moveArticle(editor, a.id, 'publish')).rejects.toMatchObject({ code: 'bad_transition' });
		expect((await listDesk(contributor)).map((x) => x.id)).toContain(a.id);
		expect((await listDesk(other)).map((x) => x.id)).not.toContain(a.id);

		const revisions = await listRevisions(a.id);
		expect(revisions.map((r) => r.event)).toEqual(['publish', 'submit', 'return', 'submit', 'edited', 'created']);
		const diff = await revisionDiff(a.id, 1, 2);
		expect(diff!.fields.map((f) => f.field)).toEqual(['bodyUk']);
		expect(diff!.fields[0]).toMatchObject({ added: 3, removed: 1 });
	});

	it('a scheduled article is published by the job when its time comes, not before', async () => {
		const editor = person(['editor']);
		const a = await createArticle(editor, input());
		const at = new Date(Date.now() + 3_600_000);
		await expect(moveArticle(editor, a.id, 'schedule', { scheduledAt: new Date(Date.now() - 1000) })).rejects.toMatchObject({ code: 'invalid' });
		await moveArticle(editor, a.id, 'schedule', { scheduledAt: at });
		await publishDueArticles(new Date(at.getTime() - 60_000));
		expect((await db().article.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('scheduled');
		await publishDueArticles(new Date(at.getTime() + 1000));
		expect((await db().article.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('published');
	});

	it('a slug is unique and checked', async () => {
		const editor = person(['editor']);
		const a = await createArticle(editor, input());
		await expect(createArticle(editor, input(a.slug))).rejects.toMatchObject({ code: 'slug_taken' });
		await expect(createArticle(editor, input('Не латиниця'))).rejects.toMatchObject({ code: 'invalid' });
	});

	it('Markdown is sanitized: no scripts, no javascript: links, images kept with alt text', () => {
		const html = articleHtml('# Т\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) ![Схема](https://example.org/a.png) <img src=x onerror=alert(1)>');
		expect(html).not.toMatch(/<script|onerror|href="javascript:/i);
		expect(html).toContain('<h2>');
		expect(html).toContain('<img src="https://example.org/a.png" alt="Схема"');
	});

	it('the line diff keeps order and counts', () => {
		const lines = diffLines('a\nb\nc\nd', 'a\nc\nd\ne');
		expect(lines).toEqual([
			{ op: 'same', text: 'a' },
			{ op: 'del', text: 'b' },
			{ op: 'same', text: 'c' },
			{ op: 'same', text: 'd' },
			{ op: 'add', text: 'e' }
		]);
		expect(diffStats(lines)).toEqual({ added: 1, removed: 1 });
		expect(diffLines('x', 'x')).toEqual([{ op: 'same', text: 'x' }]);
	});
});
