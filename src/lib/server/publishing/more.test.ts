import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import { personalDataProviders } from '../identity/personal-data.ts';
import { createBulletin, publishBulletin } from './bulletins.ts';
import { createArticle, moveArticle } from './articles.ts';
import { publishDue } from './jobs.ts';
import { loadArticleDocuments } from './search-source.ts';
import { newToken } from './subscriptions.ts';
import { person, publishedArticle, uniq } from './test-helpers.ts';
import './personal-data.ts';

describe('publishing: scheduled issues, search documents, personal data', () => {
	it('a scheduled issue is published by the job once its articles are; only editors compose', async () => {
		const editor = person(['editor']);
		const a = await createArticle(editor, { slug: uniq('plan'), kind: 'news', titleUk: 'Новина', bodyUk: 'Текст' });
		await expect(createBulletin(person(['contributor']), { year: 2099, number: 4, titleUk: 'x', articleIds: [] })).rejects.toMatchObject({ code: 'forbidden' });
		const b = await createBulletin(editor, { year: 2098, number: 1 + (Date.now() % 4), titleUk: 'Випуск за планом', articleIds: [a.id] });
		await expect(publishBulletin(editor, b.id)).rejects.toMatchObject({ code: 'not_published' });
		const at = new Date(Date.now() + 3_600_000);
		await moveArticle(editor, a.id, 'schedule', { scheduledAt: at });
		await publishBulletin(editor, b.id, at);
		expect(await publishDue(new Date(at.getTime() - 1000))).toEqual({ articles: 0, bulletins: 0 });
		const done = await publishDue(new Date(at.getTime() + 1000));
		expect(done.articles).toBeGreaterThanOrEqual(1);
		expect(done.bulletins).toBeGreaterThanOrEqual(1);
		expect((await db().bulletin.findUniqueOrThrow({ where: { id: b.id } })).status).toBe('published');
	});

	it('search documents only for published articles', async () => {
		const editor = person(['editor']);
		const published = await publishedArticle('Відкриті дані');
		const draft = await createArticle(editor, { slug: uniq('chernetka'), kind: 'research', titleUk: 'Чернетка', bodyUk: '## Розділ\n\nТекст' });
		const docs = await loadArticleDocuments([published.id, draft.id]);
		expect([...docs.keys()]).toEqual([published.id]);
		expect(docs.get(published.id)).toMatchObject({ kind: 'article', url: `/articles/${published.slug}`, headings: ['Розділ'], types: ['analytical'] });
	});

	it("a person's subscription is in their export and removed with the account; their articles stay", async () => {
		const provider = personalDataProviders().find((p) => p.key === 'publishing')!;
		const email = `${uniq('pd')}@test.maisternia.ua`;
		const user = await db().user.create({ data: { email, name: 'Тест' } });
		await db().subscriber.create({ data: { email, lists: ['bulletin'], status: 'confirmed', token: newToken(), consents: { create: { action: 'subscribe', text: 'Згода', locale: 'uk' } } } });
		const a = await createArticle({ ...person(['contributor']), id: user.id }, { slug: uniq('pd'), kind: 'news', titleUk: 'Моя', bodyUk: 'Текст' });
		const exported = (await provider.export(user.id)) as { subscription: { email: string; consents: unknown[] }; articles: Array<{ slug: string }> };
		expect(exported.subscription.email).toBe(email);
		expect(exported.subscription.consents).toHaveLength(1);
		expect(exported.articles.map((x) => x.slug)).toEqual([a.slug]);
		await db().$transaction((tx) => provider.erase(tx, { id: user.id, email }));
		expect(await db().subscriber.count({ where: { email } })).toBe(0);
		expect((await db().article.findUniqueOrThrow({ where: { id: a.id } })).createdById).toBeNull();
	});
});

describe('article images', () => {
	it('stores PNG/JPEG/GIF/WebP by content hash; refuses other files and people who do not write', async () => {
		const { saveImage, readImage, imageKind } = await import('./images.ts');
		const { resetConfig } = await import('../config/index.ts');
		const os = await import('node:os');
		const fs = await import('node:fs');
		const saved_ = process.env.DATA_DIR;
		process.env.DATA_DIR = fs.mkdtempSync(`${os.tmpdir()}/pub-images-`);
		resetConfig();
		try {
		const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, Date.now() % 256]);
		const saved = await saveImage(person(['contributor']), png, 'Схема [порталу]');
		expect(saved.markdown).toMatch(/^!\[Схема  порталу\]\(\/articles\/images\/[0-9a-f]{64}\.png\)$/);
		const back = await readImage(saved.path.split('/').pop()!);
		expect(back?.type).toBe('image/png');
		expect(Buffer.compare(back!.bytes, Buffer.from(png))).toBe(0);
		await expect(saveImage(person(['contributor']), new TextEncoder().encode('<svg onload=alert(1)>'), 'x')).rejects.toMatchObject({ code: 'invalid' });
		await expect(saveImage(person(['learner']), png, 'x')).rejects.toMatchObject({ code: 'forbidden' });
		expect(await readImage('../../etc/passwd')).toBeNull();
		expect(imageKind(Uint8Array.from([0xff, 0xd8, 0xff, 0xe0]))).toBe('jpg');
		} finally {
			fs.rmSync(process.env.DATA_DIR!, { recursive: true, force: true });
			if (saved_ === undefined) delete process.env.DATA_DIR;
			else process.env.DATA_DIR = saved_;
			resetConfig();
		}
	});
});
