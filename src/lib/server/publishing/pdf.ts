import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { m } from '../../paraglide/messages.js';
import { formatDate } from '../../i18n/datetime.ts';
import { absoluteUrl } from '../mail/index.ts';
import type { BulletinWithArticles } from './bulletins.ts';
import { articleText } from './markdown.ts';
import { articlePath, bulletinPath, pick, type Locale } from './types.ts';

/**
 * A bulletin issue as a PDF: A4, DejaVu Sans embedded (Cyrillic), the editorial, then every article
 * in the issue's order with its authors, summary and plain text, and the link to its web page.
 */
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

function paragraphs(markdownText: string): string[] {
	return markdownText
		.split(/\n\s*\n/)
		.map((p) => articleText(p))
		.filter(Boolean);
}

export async function bulletinPdf(b: BulletinWithArticles, locale: Locale = 'uk'): Promise<Buffer> {
	const o = { locale };
	const title = pick(locale, b.titleUk, b.titleEn);
	const doc = new PDFDocument({
		size: 'A4',
		margin: 56,
		font: FONT,
		lang: locale,
		displayTitle: true,
		info: { Title: title, Author: m.pub_bulletin_series({}, o) }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	doc.registerFont('bold', FONT_BOLD);
	doc.font('bold').fontSize(11).fillColor('#0b5394').text(m.pub_bulletin_series({}, o).toUpperCase(), { align: 'center' });
	doc.font(FONT).fontSize(10).fillColor('#1a2b3c').text(m.pub_bulletin_issue({ number: String(b.number), year: String(b.year) }, o), { align: 'center' });
	if (b.publishedAt) doc.text(formatDate(b.publishedAt, locale), { align: 'center' });
	doc.moveDown(1);
	doc.font('bold').fontSize(17).text(title, { align: 'center' });
	doc.moveDown(1);
	const editorial = paragraphs(pick(locale, b.editorialUk, b.editorialEn));
	if (editorial.length) {
		doc.font('bold').fontSize(13).text(m.pub_bulletin_editorial({}, o));
		doc.moveDown(0.4);
		doc.font(FONT).fontSize(11);
		for (const p of editorial) doc.text(p, { align: 'justify' }).moveDown(0.5);
		doc.moveDown(0.5);
	}
	doc.font('bold').fontSize(13).text(m.pub_bulletin_contents({}, o));
	doc.font(FONT).fontSize(11);
	b.items.forEach(({ article: a }, i) => doc.text(`${i + 1}. ${pick(locale, a.titleUk, a.titleEn)}`));
	for (const { article: a } of b.items) {
		doc.addPage();
		doc.font('bold').fontSize(15).text(pick(locale, a.titleUk, a.titleEn));
		if (a.authors.length) doc.font(FONT).fontSize(10).fillColor('#444444').text(a.authors.join(', '));
		doc.fillColor('#1a2b3c').moveDown(0.6);
		const summary = pick(locale, a.summaryUk, a.summaryEn);
		if (summary) doc.font('bold').fontSize(11).text(summary, { align: 'justify' }).moveDown(0.5);
		doc.font(FONT).fontSize(11);
		for (const p of paragraphs(pick(locale, a.bodyUk, a.bodyEn))) doc.text(p, { align: 'justify' }).moveDown(0.5);
		doc.fontSize(9).fillColor('#0b5394').text(absoluteUrl(articlePath(a.slug), locale)).fillColor('#1a2b3c');
	}
	doc.moveDown(1);
	doc.fontSize(9).fillColor('#444444').text(absoluteUrl(bulletinPath(b.year, b.number), locale));
	doc.end();
	return done;
}
