/**
 * The club's mail (texts in messages/club, club_mail_*): the discussion digest (one message per person
 * and period) and the reminder that an addressed body has not answered by its review date.
 */
import { m } from '../../paraglide/messages.js';
import { config } from '../config/index.ts';
import { defineMailTemplate, safeUrl, type MailLocale } from '../mail/index.ts';

export interface DigestItem {
	discussion: string;
	author: string;
	excerpt: string;
	mention: boolean;
}

declare module '../mail/templates.ts' {
	interface MailTemplateData {
		club_digest: { name?: string | null; items: DigestItem[]; url: string; weekly: boolean };
		club_addressee_reminder: { name?: string | null; resolution: string; body: string; reviewOn: string; url: string };
	}
}

const line = (v: unknown, max = 300) => (typeof v === 'string' ? v : v == null ? '' : String(v)).replace(/\s+/g, ' ').trim().slice(0, max);

export function clubUrl(path: string, locale: string): string {
	const origin = (config().ORIGIN ?? 'http://localhost:3000').replace(/\/$/, '');
	return `${origin}${locale === 'en' ? '/en' : ''}${path}`;
}

const greet = (d: Record<string, unknown>, locale: MailLocale) =>
	line(d.name) ? m.mail_greeting({ name: line(d.name) }, { locale }) : m.mail_greeting_anonymous({}, { locale });

defineMailTemplate('club_digest', (d, locale) => {
	const o = { locale };
	const items = (Array.isArray(d.items) ? d.items : []) as DigestItem[];
	return {
		subject: d.weekly ? m.club_mail_digest_subject_weekly({ count: String(items.length) }, o) : m.club_mail_digest_subject_daily({ count: String(items.length) }, o),
		greeting: greet(d, locale),
		paragraphs: [
			m.club_mail_digest_intro({}, o),
			...items.slice(0, 50).map((i) => `${i.mention ? m.club_mail_digest_mention({}, o) + ' ' : ''}«${line(i.discussion, 200)}» — ${line(i.author, 100)}: ${line(i.excerpt, 240)}`)
		],
		action: { label: m.club_mail_digest_open({}, o), url: safeUrl(d.url) },
		after: [m.club_mail_digest_after({}, o)]
	};
});

defineMailTemplate('club_addressee_reminder', (d, locale) => {
	const o = { locale };
	return {
		subject: m.club_mail_reminder_subject({ body: line(d.body, 120) }, o),
		greeting: greet(d, locale),
		paragraphs: [m.club_mail_reminder_intro({ body: line(d.body), resolution: line(d.resolution), date: line(d.reviewOn, 20) }, o)],
		action: { label: m.club_mail_reminder_open({}, o), url: safeUrl(d.url) }
	};
});
