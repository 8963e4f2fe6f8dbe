/**
 * RSS 2.0 of the bulletin issues and Atom (RFC 4287) of the articles. No feed library is installed
 * (package.json), so the XML is written here: every text goes through `xmlText` (the five XML
 * entities, and characters XML 1.0 forbids removed), dates are RFC 822 (RSS) and RFC 3339 (Atom).
 * The tests parse both feeds with an independent parser (htmlparser2's feed parser and its XML mode).
 */
import { absoluteUrl } from '../mail/index.ts';
import { m } from '../../paraglide/messages.js';
import { db } from '../db/index.ts';
import { articleHtml } from './markdown.ts';
import { articlePath, bulletinPath, pick, type Locale } from './types.ts';

// XML 1.0 Char: #x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[^\x09\x0A\x0D\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function xmlText(value: string): string {
	return value
		.replace(INVALID_XML, '')
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&apos;');
}

const el = (name: string, text: string, attrs = '') => `<${name}${attrs}>${xmlText(text)}</${name}>`;

export function rfc822(d: Date): string {
	return d.toUTCString().replace('GMT', '+0000');
}

export async function bulletinsRss(locale: Locale, limit = 40): Promise<string> {
	const o = { locale };
	const issues = await db().bulletin.findMany({
		where: { status: 'published' },
		orderBy: [{ year: 'desc' }, { number: 'desc' }],
		take: limit,
		include: { items: { orderBy: { position: 'asc' }, include: { article: { select: { titleUk: true, titleEn: true } } } } }
	});
	const self = absoluteUrl('/feeds/bulletins.xml', locale);
	const home = absoluteUrl('/bulletins', locale);
	const newest = issues.reduce<Date | null>((acc, b) => (b.publishedAt && (!acc || b.publishedAt > acc) ? b.publishedAt : acc), null);
	const items = issues.map((b) => {
		const url = absoluteUrl(bulletinPath(b.year, b.number), locale);
		const contents = b.items.map((i, n) => `${n + 1}. ${pick(locale, i.article.titleUk, i.article.titleEn)}`).join('\n');
		const editorial = pick(locale, b.editorialUk, b.editorialEn);
		return [
			'<item>',
			el('title', pick(locale, b.titleUk, b.titleEn)),
			el('link', url),
			el('guid', url, ' isPermaLink="true"'),
			b.publishedAt ? el('pubDate', rfc822(b.publishedAt)) : '',
			el('description', [editorial, contents].filter(Boolean).join('\n\n')),
			`<enclosure url="${xmlText(`${url}/pdf`)}" type="application/pdf" length="0"/>`,
			'</item>'
		].join('');
	});
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		'<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">',
		'<channel>',
		el('title', m.pub_bulletin_series({}, o)),
		el('link', home),
		el('description', m.pub_feed_bulletins_description({}, o)),
		el('language', locale === 'en' ? 'en' : 'uk'),
		newest ? el('lastBuildDate', rfc822(newest)) : '',
		`<atom:link href="${xmlText(self)}" rel="self" type="application/rss+xml"/>`,
		...items,
		'</channel>',
		'</rss>',
		''
	].join('\n');
}

export async function articlesAtom(locale: Locale, limit = 50): Promise<string> {
	const o = { locale };
	const articles = await db().article.findMany({ where: { status: 'published' }, orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }], take: limit });
	const self = absoluteUrl('/feeds/articles.atom', locale);
	const home = absoluteUrl('/articles', locale);
	const updated = articles.reduce((acc, a) => (a.updatedAt > acc ? a.updatedAt : acc), new Date(0));
	const entries = articles.map((a) => {
		const url = absoluteUrl(articlePath(a.slug), locale);
		const authors = a.authors.length ? a.authors : [m.pub_feed_editorial_office({}, o)];
		return [
			'<entry>',
			el('id', url),
			el('title', pick(locale, a.titleUk, a.titleEn)),
			`<link rel="alternate" type="text/html" href="${xmlText(url)}"/>`,
			el('published', (a.publishedAt ?? a.createdAt).toISOString()),
			el('updated', a.updatedAt.toISOString()),
			...authors.map((n) => `<author>${el('name', n)}</author>`),
			`<category term="${xmlText(a.kind)}"/>`,
			...a.topics.map((t) => `<category term="${xmlText(t)}"/>`),
			el('summary', pick(locale, a.summaryUk, a.summaryEn)),
			// Sanitized HTML, escaped once more as the text of an html content element.
			el('content', articleHtml(pick(locale, a.bodyUk, a.bodyEn)), ' type="html"'),
			'</entry>'
		].join('');
	});
	return [
		'<?xml version="1.0" encoding="UTF-8"?>',
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${locale}">`,
		el('id', home),
		el('title', m.pub_feed_articles_title({}, o)),
		el('subtitle', m.pub_feed_articles_description({}, o)),
		`<link rel="self" type="application/atom+xml" href="${xmlText(self)}"/>`,
		`<link rel="alternate" type="text/html" href="${xmlText(home)}"/>`,
		el('updated', (articles.length ? updated : new Date(0)).toISOString()),
		...entries,
		'</feed>',
		''
	].join('\n');
}
