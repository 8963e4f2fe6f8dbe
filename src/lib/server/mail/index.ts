import { randomUUID } from 'node:crypto';
import { db, type Prisma } from '../db/index.ts';
import { config } from '../config/index.ts';
import { localizeUrl } from '../../paraglide/runtime.js';
import { renderMail, isMailTemplate, type MailLocale, type MailTemplateName, type MailTemplateData } from './templates.ts';
import { queueDelivery } from './delivery.ts';

/**
 * The portal's only way to send e-mail (ADR 0004). `enqueueMail` renders the message in the
 * recipient's language and stores it in the outbox; a background job sends it. Pass the caller's
 * transaction as `tx` so the message exists exactly when the change that caused it commits.
 */
export type { MailLocale, MailTemplateName, MailTemplateData } from './templates.ts';
export { MAIL_TEMPLATES, renderMail, defineMailTemplate, escapeHtml, safeUrl, type MailContent } from './templates.ts';
export {
	deliverMessage,
	deliverDue,
	retryMessage,
	listMessages,
	getMessage,
	messageHeaders,
	configureMailDelivery,
	MAIL_STATUSES,
	type MailStatus,
	type MailListFilter
} from './delivery.ts';

export interface MailMessage<T extends MailTemplateName = MailTemplateName> {
	to: string;
	template: T;
	locale: MailLocale;
	data: Record<string, unknown>;
	/** Optional: enqueueing the same key again stores nothing new and returns the first message. */
	dedupeKey?: string;
	/** Optional extra headers (e.g. List-Unsubscribe). */
	headers?: Record<string, string>;
	/**
	 * Optional iCalendar invitation (iTIP, RFC 5546): sent as a text/calendar alternative with the
	 * method and as an .ics attachment, so calendar programs offer to add or update the event.
	 */
	icalEvent?: MailIcalEvent;
}

export interface MailIcalEvent {
	method: 'REQUEST' | 'CANCEL' | 'PUBLISH';
	/** Attachment name, "invite.ics" by default. */
	filename?: string;
	/** The VCALENDAR text. */
	content: string;
}

const EMAIL = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+\.[^\s@<>()[\],;:"\\]+$/;

function messageIdDomain(): string {
	const from = config().MAIL_FROM;
	const match = /@([A-Za-z0-9.-]+)>?\s*$/.exec(from);
	return match?.[1] ?? 'maisternia.local';
}

export async function enqueueMail(message: MailMessage, tx?: Prisma.TransactionClient): Promise<{ id: string }> {
	const to = message.to.trim();
	if (!EMAIL.test(to)) throw new Error(`Not an e-mail address: ${JSON.stringify(message.to)}`);
	if (!isMailTemplate(message.template)) throw new Error(`Unknown mail template ${message.template}`);
	const locale: MailLocale = message.locale === 'en' ? 'en' : 'uk';
	const rendered = renderMail(message.template, message.data, locale);
	const headers: Record<string, string> = {};
	for (const [k, v] of Object.entries(message.headers ?? {})) {
		// Header injection guard: names are tokens, values one line.
		if (!/^[A-Za-z0-9-]+$/.test(k) || /[\r\n]/.test(v)) throw new Error(`Bad mail header ${k}`);
		headers[k] = v;
	}
	let icalEvent: MailIcalEvent | null = null;
	if (message.icalEvent) {
		const { method, filename, content } = message.icalEvent;
		if (!['REQUEST', 'CANCEL', 'PUBLISH'].includes(method)) throw new Error(`Bad iCalendar method ${method}`);
		if (!content.startsWith('BEGIN:VCALENDAR') || content.length > 256 * 1024) throw new Error('Not an iCalendar object');
		const name = filename ?? 'invite.ics';
		if (!/^[A-Za-z0-9._-]{1,80}\.ics$/.test(name)) throw new Error(`Bad iCalendar file name ${name}`);
		icalEvent = { method, filename: name, content };
	}
	const client = tx ?? db();
	// Without SMTP the message is kept for the admin mail page and no job is needed.
	const status = config().SMTP_URL ? 'pending' : 'kept';
	const data = {
		to,
		template: message.template,
		locale,
		subject: rendered.subject,
		text: rendered.text,
		html: rendered.html,
		headers,
		status,
		messageId: `<${randomUUID()}@${messageIdDomain()}>`,
		dedupeKey: message.dedupeKey ?? null,
		icalEvent: icalEvent ? ({ ...icalEvent } as Prisma.InputJsonObject) : undefined
	} as const;
	const row = message.dedupeKey
		? // ON CONFLICT, not a failing insert: a unique violation would abort the caller's transaction.
			await client.outboxMessage.upsert({ where: { dedupeKey: message.dedupeKey }, create: data, update: {}, select: { id: true, status: true } })
		: await client.outboxMessage.create({ data, select: { id: true, status: true } });
	if (row.status === 'pending') await queueDelivery(row.id, { tx });
	return { id: row.id };
}

/**
 * An absolute link to a page of the portal in the given language ('/en' prefix for English), for
 * mail. ORIGIN comes from the environment (default http://localhost:3000).
 */
export function absoluteUrl(path: string, locale: MailLocale): string {
	const origin = config().ORIGIN ?? 'http://localhost:3000';
	const url = new URL(path, origin.endsWith('/') ? origin : origin + '/');
	return localizeUrl(url, { locale }).href;
}

/** Whether messages leave the portal (SMTP_URL set) or are only kept for the admin mail page. */
export function smtpConfigured(): boolean {
	return Boolean(config().SMTP_URL);
}

/** The admin mail page's "send a test message to myself". */
export function sendTestMessage(user: { email: string; name: string | null }, locale: MailLocale): Promise<{ id: string }> {
	return enqueueMail({ to: user.email, template: 'test_message', locale, data: { name: user.name } });
}
