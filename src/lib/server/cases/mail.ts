/**
 * The depository's mail (texts in messages/cases, cases_mail_*): editors hear of a submitted case,
 * the author of an editor's decision (changes requested, a comment, publication). Each message is
 * written to the outbox in the transaction of the change, in the recipient's language, with a
 * dedupe key naming that change: a retried request or job never stores (so never sends) it twice.
 */
import { m } from '../../paraglide/messages.js';
import type { Prisma } from '../db/index.ts';
import { absoluteUrl, defineMailTemplate, enqueueMail, safeUrl, type MailLocale } from '../mail/index.ts';

interface CaseMailData {
	name?: string | null;
	title: string;
	url: string;
	/** The editor's comment (review mails). */
	body?: string;
	/** Who submitted (the editors' mail). */
	organization?: string;
}

declare module '../mail/templates.ts' {
	interface MailTemplateData {
		case_submitted: CaseMailData;
		case_changes_requested: CaseMailData;
		case_commented: CaseMailData;
		case_published: CaseMailData;
	}
}

const line = (v: unknown, max = 300) => (typeof v === 'string' ? v : v == null ? '' : String(v)).replace(/\s+/g, ' ').trim().slice(0, max);
const text = (v: unknown, max = 5000) => (typeof v === 'string' ? v : '').trim().slice(0, max);

const greet = (d: Record<string, unknown>, locale: MailLocale) =>
	line(d.name) ? m.mail_greeting({ name: line(d.name) }, { locale }) : m.mail_greeting_anonymous({}, { locale });

function caseTemplate(
	name: 'case_submitted' | 'case_changes_requested' | 'case_commented' | 'case_published',
	subject: (title: string, o: { locale: MailLocale }) => string,
	intro: (d: Record<string, unknown>, title: string, o: { locale: MailLocale }) => string
) {
	defineMailTemplate(name, (d, locale) => {
		const o = { locale };
		const title = line(d.title, 200);
		const body = text(d.body);
		return {
			subject: subject(title, o),
			greeting: greet(d, locale),
			paragraphs: [intro(d, title, o), ...(body ? [m.cases_mail_comment({ body }, o)] : [])],
			action: { label: m.cases_mail_open({}, o), url: safeUrl(d.url) }
		};
	});
}

caseTemplate('case_submitted', (title, o) => m.cases_mail_submitted_subject({ title }, o), (d, title, o) => m.cases_mail_submitted_intro({ title, organization: line(d.organization) || '—' }, o));
caseTemplate('case_changes_requested', (title, o) => m.cases_mail_changes_subject({ title }, o), (_d, title, o) => m.cases_mail_changes_intro({ title }, o));
caseTemplate('case_commented', (title, o) => m.cases_mail_commented_subject({ title }, o), (_d, title, o) => m.cases_mail_commented_intro({ title }, o));
caseTemplate('case_published', (title, o) => m.cases_mail_published_subject({ title }, o), (_d, title, o) => m.cases_mail_published_intro({ title }, o));

const localeOf = (l: string | null | undefined): MailLocale => (l === 'en' ? 'en' : 'uk');

interface MailCase {
	id: string;
	slug: string;
	title: string;
	organizationName: string;
	authorId: string;
}

/** To every editor but the one who submitted: a case waits for review. Keyed by the submission's time. */
export async function mailSubmitted(tx: Prisma.TransactionClient, c: MailCase, submittedAt: Date, submitterId: string): Promise<number> {
	const editors = await tx.user.findMany({ where: { roles: { has: 'editor' }, id: { not: submitterId } }, select: { id: true, email: true, name: true, locale: true } });
	for (const e of editors) {
		const locale = localeOf(e.locale);
		await enqueueMail(
			{
				to: e.email,
				template: 'case_submitted',
				locale,
				data: { name: e.name, title: c.title, organization: c.organizationName, url: absoluteUrl(`/cases/${c.slug}`, locale) },
				dedupeKey: `case-submitted:${c.id}:${submittedAt.toISOString()}:${e.id}`
			},
			tx
		);
	}
	return editors.length;
}

const REVIEW_TEMPLATE = { changes_requested: 'case_changes_requested', comment: 'case_commented', published: 'case_published' } as const;

/** To the author (unless the editor is the author): the editor's decision, keyed by its comment row. */
export async function mailReviewed(tx: Prisma.TransactionClient, c: MailCase, commentId: string, decision: keyof typeof REVIEW_TEMPLATE, body: string, editorId: string): Promise<boolean> {
	if (c.authorId === editorId) return false;
	const author = await tx.user.findUnique({ where: { id: c.authorId }, select: { email: true, name: true, locale: true } });
	if (!author) return false;
	const locale = localeOf(author.locale);
	await enqueueMail(
		{
			to: author.email,
			template: REVIEW_TEMPLATE[decision],
			locale,
			data: { name: author.name, title: c.title, body, url: absoluteUrl(`/cases/${c.slug}`, locale) },
			dedupeKey: `case-review:${commentId}`
		},
		tx
	);
	return true;
}
