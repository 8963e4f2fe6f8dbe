/**
 * The certification domain's mail (texts in messages/certification, certn_mail_*): a reminder to a
 * person before a due date or an expiry, and one digest per manager and organization.
 */
import { m } from '../../paraglide/messages.js';
import { defineMailTemplate, safeUrl, type MailLocale } from '../mail/index.ts';
import { formatDate } from '../../i18n/datetime.ts';

export type ReminderKind = 'due' | 'overdue' | 'expiry';

export interface ReminderMailData {
	name?: string | null;
	programme: string;
	kind: ReminderKind;
	/** ISO date of the due date or the expiry. */
	date: string;
	url: string;
}

export interface DigestMailData {
	name?: string | null;
	organization: string;
	items: Array<{ person: string; programme: string; kind: ReminderKind; date: string }>;
	url: string;
}

declare module '../mail/templates.ts' {
	interface MailTemplateData {
		certn_reminder: ReminderMailData;
		certn_manager_digest: DigestMailData;
	}
}

const oneLine = (v: unknown) => (typeof v === 'string' ? v : v == null ? '' : String(v)).replace(/[\r\n\t]+/g, ' ').trim();

function greeting(d: Record<string, unknown>, locale: MailLocale): string {
	const name = oneLine(d.name);
	return name ? m.mail_greeting({ name }, { locale }) : m.mail_greeting_anonymous({}, { locale });
}

function line(kind: unknown, programme: string, date: string, o: { locale: MailLocale }): string {
	if (kind === 'expiry') return m.certn_mail_line_expiry({ programme, date }, o);
	if (kind === 'overdue') return m.certn_mail_line_overdue({ programme, date }, o);
	return m.certn_mail_line_due({ programme, date }, o);
}

defineMailTemplate('certn_reminder', (d, locale) => {
	const o = { locale };
	const programme = oneLine(d.programme);
	const date = formatDate(String(d.date), locale);
	const subject =
		d.kind === 'expiry' ? m.certn_mail_expiry_subject({ programme }, o) : d.kind === 'overdue' ? m.certn_mail_overdue_subject({ programme }, o) : m.certn_mail_due_subject({ programme }, o);
	return {
		subject,
		greeting: greeting(d, locale),
		paragraphs: [line(d.kind, programme, date, o)],
		action: { label: m.certn_mail_open({}, o), url: safeUrl(d.url) },
		after: [m.certn_mail_after({}, o)]
	};
});

defineMailTemplate('certn_manager_digest', (d, locale) => {
	const o = { locale };
	const items = Array.isArray(d.items) ? (d.items as DigestMailData['items']) : [];
	return {
		subject: m.certn_mail_digest_subject({ organization: oneLine(d.organization), count: String(items.length) }, o),
		greeting: greeting(d, locale),
		paragraphs: [
			m.certn_mail_digest_intro({ count: String(items.length) }, o),
			items.map((i) => `• ${oneLine(i.person)}: ${line(i.kind, oneLine(i.programme), formatDate(String(i.date), locale), o)}`).join('\n')
		],
		action: { label: m.certn_mail_open_dashboard({}, o), url: safeUrl(d.url) }
	};
});
