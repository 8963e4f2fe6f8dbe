/**
 * The publishing domain's mail templates (texts in messages/publishing, pub_mail_*), laid out by the
 * mail module like every other message: the double opt-in confirmation and the bulletin issue.
 */
import { m } from '../../paraglide/messages.js';
import { defineMailTemplate, safeUrl, type MailContent, type MailLocale } from '../mail/index.ts';

export interface BulletinMailItem {
	title: string;
	summary: string;
	url: string;
}

export interface BulletinMailData {
	title: string;
	editorial: string;
	items: BulletinMailItem[];
	webUrl: string;
	pdfUrl: string;
	preferencesUrl: string;
	unsubscribeUrl: string;
	/** The editor's test copy: the subject says so. */
	test?: boolean;
}

export interface ConfirmMailData {
	url: string;
	lists: string;
}

declare module '../mail/templates.ts' {
	interface MailTemplateData {
		pub_confirm: ConfirmMailData;
		pub_bulletin: BulletinMailData;
	}
}

const oneLine = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v)).replace(/[\r\n\t]+/g, ' ').trim();
const text = (v: unknown) => (typeof v === 'string' ? v : '').trim();

export function confirmContent(d: Record<string, unknown>, locale: MailLocale): MailContent {
	const o = { locale };
	return {
		subject: m.pub_mail_confirm_subject({}, o),
		greeting: m.mail_greeting_anonymous({}, o),
		paragraphs: [m.pub_mail_confirm_intro({ lists: oneLine(d.lists) }, o)],
		action: { label: m.pub_mail_confirm_action({}, o), url: safeUrl(d.url) },
		after: [m.pub_mail_confirm_outro({}, o)]
	};
}

export function bulletinContent(d: Record<string, unknown>, locale: MailLocale): MailContent {
	const o = { locale };
	const title = oneLine(d.title);
	const items = Array.isArray(d.items) ? (d.items as Array<Record<string, unknown>>) : [];
	// The editorial's paragraphs as they were written (blank lines between them).
	const editorial = text(d.editorial)
		.split(/\n\s*\n/)
		.map((p) => p.replace(/\s*\n\s*/g, ' ').trim())
		.filter(Boolean);
	const articles = items.map((it, i) => {
		const summary = oneLine(it.summary);
		return `${i + 1}. ${oneLine(it.title)}${summary ? ` — ${summary}` : ''}\n${safeUrl(it.url)}`;
	});
	return {
		subject: d.test ? m.pub_mail_bulletin_subject_test({ title }, o) : m.pub_mail_bulletin_subject({ title }, o),
		paragraphs: [...editorial, m.pub_mail_bulletin_contents({}, o), ...articles],
		action: { label: m.pub_mail_bulletin_read_online({}, o), url: safeUrl(d.webUrl) },
		after: [
			m.pub_mail_bulletin_pdf({ url: safeUrl(d.pdfUrl) }, o),
			m.pub_mail_bulletin_preferences({ url: safeUrl(d.preferencesUrl) }, o),
			m.pub_mail_bulletin_unsubscribe({ url: safeUrl(d.unsubscribeUrl) }, o)
		]
	};
}

defineMailTemplate('pub_confirm', confirmContent);
defineMailTemplate('pub_bulletin', bulletinContent);
