import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import QRCode from 'qrcode';
import { m } from '$lib/paraglide/messages.js';
import { formatDate } from '$lib/i18n/datetime.ts';
import { competencyLine, verifyUrl } from './credential.ts';
import type { CertificateRecord } from './types.ts';

/**
 * The printable certificate: A4 landscape, DejaVu Sans embedded (Cyrillic), the texts of the chosen
 * language from messages/certificates, the holder, the course or programme, hours and credits,
 * competencies, the date of issue and the expiry date when there is one, the serial, and a QR code
 * (drawn as vector squares) with a link to the public verification page.
 */
const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

type Locale = 'uk' | 'en';

const INK = '#1a2b3c';
/** Competencies printed by name (more are counted): the band with the QR code below must stay clear. */
const PDF_COMPETENCIES = 8;
const ACCENT = '#0b5394';

function fmtNumber(n: number, locale: Locale): string {
	return new Intl.NumberFormat(locale === 'uk' ? 'uk-UA' : 'en-GB', { maximumFractionDigits: 2 }).format(n);
}

/** Draws a QR code of `text` with its top-left corner at (x, y), `size` points wide. */
function drawQr(doc: PDFKit.PDFDocument, text: string, x: number, y: number, size: number): void {
	const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
	const n = qr.modules.size;
	const quiet = 2;
	const cell = size / (n + quiet * 2);
	doc.save().rect(x, y, size, size).fill('#ffffff');
	doc.fillColor('#000000');
	for (let r = 0; r < n; r++) {
		for (let c = 0; c < n; c++) {
			if (qr.modules.get(r, c)) doc.rect(x + (c + quiet) * cell, y + (r + quiet) * cell, cell + 0.01, cell + 0.01);
		}
	}
	doc.fill().restore();
}

export async function certificatePdf(cert: CertificateRecord, locale: Locale = 'uk', origin?: string): Promise<Buffer> {
	const o = { locale };
	const url = verifyUrl(cert.serial, origin);
	const title = locale === 'en' ? cert.titleEn : cert.titleUk;
	const doc = new PDFDocument({
		size: 'A4',
		layout: 'landscape',
		margin: 50,
		font: FONT,
		lang: locale,
		displayTitle: true,
		info: {
			Title: `${m.cert_pdf_heading({}, o)} ${cert.serial}`,
			Author: m.cert_issuer_name({}, o),
			Subject: title,
			Keywords: cert.serial
		}
	});
	doc.registerFont('body', FONT);
	doc.registerFont('bold', FONT_BOLD);
	const chunks: Buffer[] = [];
	doc.on('data', (c: Buffer) => chunks.push(c));
	const done = new Promise<Buffer>((resolve, reject) => {
		doc.on('end', () => resolve(Buffer.concat(chunks)));
		doc.on('error', reject);
	});

	const W = doc.page.width;
	const H = doc.page.height;
	const left = 60;
	const width = W - 120;
	doc.lineWidth(3).strokeColor(ACCENT).rect(25, 25, W - 50, H - 50).stroke();
	doc.lineWidth(0.8).rect(33, 33, W - 66, H - 66).stroke();

	doc.fillColor(ACCENT).font('bold').fontSize(14).text(m.cert_issuer_name({}, o), left, 60, { width, align: 'center' });
	doc.moveDown(0.8).fillColor(INK).font('bold').fontSize(34).text(m.cert_pdf_heading({}, o).toUpperCase(), { width, align: 'center' });
	doc.moveDown(0.5).font('body').fontSize(13).text(m.cert_pdf_certifies({}, o), { width, align: 'center' });
	doc.moveDown(0.4).font('bold').fontSize(26).fillColor(ACCENT).text(cert.holderName || '—', { width, align: 'center' });
	doc.moveDown(0.4).font('body').fontSize(13).fillColor(INK)
		.text(cert.kind === 'course' ? m.cert_pdf_completed_course({}, o) : m.cert_pdf_completed_programme({}, o), { width, align: 'center' });
	doc.moveDown(0.3).font('bold').fontSize(18).text(`«${title}»`, { width, align: 'center' });

	const facts: string[] = [];
	if (cert.hours) facts.push(m.cert_pdf_hours({ hours: fmtNumber(cert.hours, locale) }, o));
	if (cert.credits) facts.push(m.cert_pdf_credits({ credits: fmtNumber(cert.credits, locale) }, o));
	if (facts.length) doc.moveDown(0.5).font('body').fontSize(12).text(facts.join(' · '), { width, align: 'center' });
	if (cert.competencies.length) {
		const names = cert.competencies.slice(0, PDF_COMPETENCIES).map((c) => competencyLine(c, locale));
		const more = cert.competencies.length - names.length;
		if (more > 0) names.push(m.certp_pdf_more_competencies({ count: String(more) }, o));
		doc.moveDown(0.4).fontSize(10).text(`${m.cert_pdf_competencies({}, o)}: ${names.join('; ')}`, { width, align: 'center' });
	}

	// Bottom band: dates and serial on the left, QR code on the right.
	const qrSize = 110;
	const bandY = H - 60 - qrSize;
	doc.font('body').fontSize(11).fillColor(INK);
	doc.text(`${m.cert_pdf_issued({}, o)}: ${formatDate(cert.issuedAt, locale)}`, left + 10, bandY + 5);
	if (cert.expiresAt) doc.text(`${m.cert_pdf_expires({}, o)}: ${formatDate(cert.expiresAt, locale)}`);
	doc.moveDown(0.3).font('bold').text(`${m.cert_pdf_serial({}, o)}: ${cert.serial}`);
	doc.moveDown(0.3).font('body').fontSize(9).fillColor(ACCENT).text(`${m.cert_pdf_verify({}, o)}: ${url}`, { link: url, underline: false });
	const qrX = W - 60 - qrSize;
	drawQr(doc, url, qrX, bandY, qrSize);
	doc.link(qrX, bandY, qrSize, qrSize, url);

	doc.end();
	return done;
}
