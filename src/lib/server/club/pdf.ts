import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import { m } from '../../paraglide/messages.js';
import { formatDate } from '../../i18n/datetime.ts';
import type { Signatory } from './resolutions.ts';

/**
 * The adopted resolution as a PDF: A4, DejaVu Sans embedded (Cyrillic), the canonical text exactly as
 * fingerprinted, the signatories, and the fingerprint with how to recompute it.
 */
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

export interface PdfRecord {
	title: string;
	number: number;
	year: number;
	adoptedAt: Date;
	adoptedText: string;
	fingerprint: string;
	signatories: Signatory[];
	textUrl: string;
}

export async function resolutionPdf(r: PdfRecord, locale: 'uk' | 'en' = 'uk'): Promise<Buffer> {
	const o = { locale };
	const doc = new PDFDocument({
		size: 'A4',
		margin: 56,
		font: FONT,
		lang: locale,
		displayTitle: true,
		info: { Title: `${m.club_resolution_number({ number: String(r.number), year: String(r.year) }, o)} ${r.title}`, Author: m.club_pdf_author({}, o), Keywords: r.fingerprint }
	});
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});
	doc.registerFont('bold', FONT_BOLD);
	doc.font('bold').fontSize(11).fillColor('#0b5394').text(m.club_pdf_author({}, o).toUpperCase(), { align: 'center' });
	doc.moveDown(0.5);
	doc.fontSize(15).fillColor('#1a2b3c').text(m.club_resolution_number({ number: String(r.number), year: String(r.year) }, o), { align: 'center' });
	doc.font(FONT).fontSize(10).text(formatDate(r.adoptedAt, locale), { align: 'center' });
	doc.moveDown(1);
	// The canonical text, line by line, as fingerprinted.
	const [, , ...rest] = r.adoptedText.replace(/\n$/, '').split('\n');
	const [title, , ...body] = rest;
	doc.font('bold').fontSize(13).text(title ?? r.title, { align: 'center' });
	doc.moveDown(0.8);
	doc.font(FONT).fontSize(11);
	for (const line of body) {
		if (!line) doc.moveDown(0.4);
		else doc.text(line, { align: 'justify' });
	}
	doc.moveDown(1.2);
	doc.font('bold').fontSize(11).text(m.club_signatories({}, o));
	doc.font(FONT).fontSize(10);
	for (const s of r.signatories) doc.text([s.name, s.position, s.organizationName].filter(Boolean).join(', '));
	doc.moveDown(1.2);
	doc.font('bold').fontSize(9).text(m.club_fingerprint_heading({}, o));
	doc.font(FONT).fontSize(8).text(r.fingerprint);
	doc.text(m.club_fingerprint_howto_pdf({ url: r.textUrl }, o));
	doc.end();
	return done;
}
