import { m } from '../../paraglide/messages.js';

/**
 * Mail templates: subject, plain text and HTML, rendered in the recipient's locale. Texts live in
 * messages/mail/{uk,en}.json; the data are untrusted (names, organization names typed by people), so
 * every value is escaped in HTML and links must be http(s).
 */
export type MailLocale = 'uk' | 'en';

export interface MailTemplateData {
	verify_email: { name?: string | null; url: string };
	reset_password: { name?: string | null; url: string };
	magic_link: { url: string };
	invitation: { inviterName?: string | null; organizationName?: string | null; url: string };
	account_deleted: { name?: string | null };
	test_message: { name?: string | null };
}

export type MailTemplateName = keyof MailTemplateData;

export const MAIL_TEMPLATES: readonly MailTemplateName[] = [
	'verify_email',
	'reset_password',
	'magic_link',
	'invitation',
	'account_deleted',
	'test_message'
];

export function isMailTemplate(name: string): name is MailTemplateName {
	return (MAIL_TEMPLATES as readonly string[]).includes(name) || registered.has(name);
}

/**
 * Templates of other domains, defined in their own folder with their own catalog (e.g. the events
 * domain's event_* templates). Their data type is added to MailTemplateData by module augmentation:
 *   declare module '../mail/templates.ts' { interface MailTemplateData { event_x: { … } } }
 * The same layout (text and HTML, escaping, footer) applies to them.
 */
const registered = new Map<string, (data: Record<string, unknown>, locale: MailLocale) => MailContent>();

export function defineMailTemplate(name: string, render: (data: Record<string, unknown>, locale: MailLocale) => MailContent): void {
	if (!/^[a-z][a-z0-9_]*$/.test(name)) throw new Error(`Bad mail template name ${name}`);
	if ((MAIL_TEMPLATES as readonly string[]).includes(name)) throw new Error(`Mail template ${name} exists already`);
	registered.set(name, render);
}

export interface RenderedMail {
	subject: string;
	text: string;
	html: string;
}

/** What a template says, before it is laid out as text or HTML. */
export interface MailContent {
	subject: string;
	greeting?: string;
	paragraphs: string[];
	action?: { label: string; url: string };
	after?: string[];
}

export function escapeHtml(value: string): string {
	return value
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/"/g, '&quot;')
		.replace(/'/g, '&#39;');
}

function str(value: unknown): string {
	return typeof value === 'string' ? value.trim() : value == null ? '' : String(value).trim();
}

/** Header-safe single line (a subject built from data must never carry a line break). */
function oneLine(value: string): string {
	return value.replace(/[\r\n\t]+/g, ' ').trim();
}

export function safeUrl(value: unknown): string {
	const s = str(value);
	let url: URL;
	try {
		url = new URL(s);
	} catch {
		throw new Error(`Mail link is not an absolute URL: ${JSON.stringify(s)}`);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new Error(`Mail link must be http(s): ${url.protocol}`);
	}
	return url.href;
}

function greeting(name: unknown, locale: MailLocale): string {
	const n = oneLine(str(name));
	return n ? m.mail_greeting({ name: n }, { locale }) : m.mail_greeting_anonymous({}, { locale });
}

function content(template: MailTemplateName, data: Record<string, unknown>, locale: MailLocale): MailContent {
	const o = { locale };
	switch (template) {
		case 'verify_email':
			return {
				subject: m.mail_verify_email_subject({}, o),
				greeting: greeting(data.name, locale),
				paragraphs: [m.mail_verify_email_intro({}, o)],
				action: { label: m.mail_verify_email_action({}, o), url: safeUrl(data.url) },
				after: [m.mail_verify_email_outro({}, o)]
			};
		case 'reset_password':
			return {
				subject: m.mail_reset_password_subject({}, o),
				greeting: greeting(data.name, locale),
				paragraphs: [m.mail_reset_password_intro({}, o)],
				action: { label: m.mail_reset_password_action({}, o), url: safeUrl(data.url) },
				after: [m.mail_reset_password_outro({}, o)]
			};
		case 'magic_link':
			return {
				subject: m.mail_magic_link_subject({}, o),
				greeting: m.mail_greeting_anonymous({}, o),
				paragraphs: [m.mail_magic_link_intro({}, o)],
				action: { label: m.mail_magic_link_action({}, o), url: safeUrl(data.url) },
				after: [m.mail_magic_link_outro({}, o)]
			};
		case 'invitation': {
			const inviterName = oneLine(str(data.inviterName)) || m.mail_invitation_someone({}, o);
			const organizationName = oneLine(str(data.organizationName));
			return {
				subject: organizationName
					? m.mail_invitation_subject({ organizationName }, o)
					: m.mail_invitation_subject_portal({}, o),
				greeting: m.mail_greeting_anonymous({}, o),
				paragraphs: [
					organizationName
						? m.mail_invitation_intro({ inviterName, organizationName }, o)
						: m.mail_invitation_intro_portal({ inviterName }, o)
				],
				action: { label: m.mail_invitation_action({}, o), url: safeUrl(data.url) },
				after: [m.mail_invitation_outro({}, o)]
			};
		}
		case 'account_deleted':
			return {
				subject: m.mail_account_deleted_subject({}, o),
				greeting: greeting(data.name, locale),
				paragraphs: [m.mail_account_deleted_intro({}, o), m.mail_account_deleted_outro({}, o)]
			};
		case 'test_message':
			return {
				subject: m.mail_test_message_subject({}, o),
				greeting: greeting(data.name, locale),
				paragraphs: [m.mail_test_message_intro({}, o), m.mail_test_message_outro({}, o)]
			};
		default: {
			const render = registered.get(template);
			if (!render) throw new Error(`Unknown mail template ${template}`);
			return render(data, locale);
		}
	}
}

function renderText(c: MailContent, locale: MailLocale): string {
	const parts: string[] = [];
	if (c.greeting) parts.push(c.greeting);
	parts.push(...c.paragraphs);
	if (c.action) parts.push(`${c.action.label}:\n${c.action.url}`);
	if (c.after) parts.push(...c.after);
	parts.push(`-- \n${m.mail_portal_name({}, { locale })}\n${m.mail_footer({}, { locale })}`);
	return parts.join('\n\n') + '\n';
}

function renderHtml(c: MailContent, locale: MailLocale): string {
	const o = { locale };
	const e = escapeHtml;
	const p = (t: string) => `<p style="margin:0 0 16px">${e(t)}</p>`;
	const body: string[] = [];
	if (c.greeting) body.push(p(c.greeting));
	body.push(...c.paragraphs.map(p));
	if (c.action) {
		const href = e(c.action.url);
		body.push(
			`<p style="margin:24px 0"><a href="${href}" style="display:inline-block;background:#0b4f8a;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:underline;font-weight:bold">${e(c.action.label)}</a></p>`,
			`<p style="margin:0 0 16px;font-size:14px;color:#333333">${e(m.mail_link_fallback({}, o))}<br><a href="${href}" style="color:#0b4f8a;word-break:break-all">${href}</a></p>`
		);
	}
	if (c.after) body.push(...c.after.map(p));
	return `<!DOCTYPE html>
<html lang="${locale}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(c.subject)}</title>
</head>
<body style="margin:0;padding:0;background:#f4f5f7;color:#1a1a1a;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5">
<div role="article" aria-label="${e(c.subject)}" lang="${locale}" style="max-width:600px;margin:0 auto;padding:24px 16px">
<header style="border-bottom:3px solid #0b4f8a;padding-bottom:12px;margin-bottom:24px">
<p style="margin:0;font-size:20px;font-weight:bold;color:#0b4f8a">${e(m.mail_portal_name({}, o))}</p>
<p style="margin:0;font-size:14px;color:#333333">${e(m.mail_portal_tagline({}, o))}</p>
</header>
<main style="background:#ffffff;padding:24px;border-radius:4px">
${body.join('\n')}
</main>
<footer style="margin-top:24px;font-size:13px;color:#333333">
<p style="margin:0">${e(m.mail_footer({}, o))}</p>
</footer>
</div>
</body>
</html>
`;
}

/** Renders a template in the given locale. Throws when the data miss a required link. */
export function renderMail(template: MailTemplateName, data: Record<string, unknown>, locale: MailLocale): RenderedMail {
	const c = content(template, data, locale);
	c.subject = oneLine(c.subject);
	return { subject: c.subject, text: renderText(c, locale), html: renderHtml(c, locale) };
}
