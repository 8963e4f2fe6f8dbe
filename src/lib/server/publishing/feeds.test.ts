import { describe, expect, it } from 'vitest';
import { parseFeed, parseDocument, DomUtils } from 'htmlparser2';
import { articlesAtom, bulletinsRss, xmlText } from './feeds.ts';
import { bulletinPdf } from './pdf.ts';
import { previewBulletinMail } from './bulletins.ts';
import { getBulletinById } from './issue.ts';
import { person, publishedIssue } from './test-helpers.ts';

/**
 * The feeds parsed by an independent parser: htmlparser2 (its XML mode and its RSS/Atom feed reader),
 * the only XML parser installed (no fast-xml-parser or xmldom in node_modules).
 */
describe('feeds and the PDF', () => {
	it('xmlText escapes the five entities and drops characters XML forbids', () => {
		expect(xmlText(`a & b < c > "d" 'e'\u0001\u000b`)).toBe('a &amp; b &lt; c &gt; &quot;d&quot; &apos;e&apos;');
	});

	it('RSS 2.0 of the bulletins and Atom of the articles parse, with Cyrillic, & and < intact', async () => {
		const editor = person(['editor']);
		const { title, articles } = await publishedIssue(editor);
		const rss = await bulletinsRss('uk');
		const feed = parseFeed(rss, { xmlMode: true })!;
		expect(feed.type).toBe('rss');
		expect(feed.title).toBe('Електронна демократія в Україні');
		const item = feed.items.find((i) => i.title === title)!;
		expect(item).toBeDefined();
		expect(item.link).toMatch(/\/bulletins\/\d{4}\/[1-4]$/);
		expect(item.pubDate).toBeInstanceOf(Date);
		expect(item.description).toContain(articles[0]!.titleUk);
		const rssDoc = parseDocument(rss, { xmlMode: true });
		expect(DomUtils.getElementsByTagName('rss', rssDoc)[0]!.attribs.version).toBe('2.0');
		expect(DomUtils.getElementsByTagName('atom:link', rssDoc)[0]!.attribs.rel).toBe('self');

		const atom = await articlesAtom('en');
		const af = parseFeed(atom, { xmlMode: true })!;
		expect(af.type).toBe('atom');
		const entry = af.items.find((i) => i.link?.endsWith(`/articles/${articles[0]!.slug}`))!;
		expect(entry.title).toBe(articles[0]!.titleEn);
		const doc = parseDocument(atom, { xmlMode: true });
		const entries = DomUtils.getElementsByTagName('entry', doc);
		const el = entries.find((e) => DomUtils.textContent(DomUtils.getElementsByTagName('id', e)[0]!).endsWith(articles[0]!.slug))!;
		// The HTML content arrives as text, decoded once: the link with & inside is there.
		const content = DomUtils.getElementsByTagName('content', el)[0]!;
		expect(content.attribs.type).toBe('html');
		const html = DomUtils.textContent(content);
		expect(html).toContain('href="https://example.org/a?b=1&amp;c=2"');
		expect(DomUtils.textContent(DomUtils.getElementsByTagName('summary', el)[0]!)).toBe('Короткий опис & <підсумок>');
		expect(DomUtils.getElementsByTagName('author', el).length).toBe(1);
	});

	it('the issue as e-mail (preview) and as PDF', async () => {
		const editor = person(['editor']);
		const { bulletin, title, articles } = await publishedIssue(editor);
		const b = (await getBulletinById(bulletin.id))!;
		const mail = previewBulletinMail(b, 'uk');
		expect(mail.subject).toBe(title);
		expect(mail.text).toContain(articles[1]!.titleUk);
		expect(mail.html).toContain('lang="uk"');
		const pdf = await bulletinPdf(b, 'uk');
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.length).toBeGreaterThan(5000);
	});
});
