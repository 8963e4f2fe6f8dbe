import { db } from '../db/index.ts';
import { enqueueMail } from '../mail/index.ts';
import { config } from '../config/index.ts';
import { consume, minutesOf } from './rate-limit.ts';
import { normalizeEmail } from './authenticate.ts';
import { asLocale, mailBudgetLeft, type MailRequestResult } from './registration.ts';

/**
 * Sign-in by a link sent to the mailbox (Auth.js e-mail provider; ADR 0006). A magic link never
 * creates an account: registration asks for a name, a language and consent to the rules, and an
 * open "type any address, get an account" form would let anyone make accounts for others. For an
 * address without an account nothing is sent, and the page answers the same either way.
 */

/** The per-IP limit, checked by the sign-in action before it hands the address to Auth.js. */
export async function magicLinkAllowed(ip: string): Promise<MailRequestResult> {
	const limited = await consume('magic_link_ip', ip);
	return limited.allowed ? { status: 'sent' } : { status: 'rate_limited', retryAfterMinutes: minutesOf(limited.retryAfterMs) };
}

/**
 * Auth.js's sendVerificationRequest: it has stored the (hashed) token and built the link; we put the
 * message into the outbox in the person's language instead of sending it with nodemailer here.
 */
export async function sendMagicLink(params: { identifier: string; url: string }): Promise<void> {
	const email = normalizeEmail(params.identifier);
	const user = await db().user.findUnique({ where: { email }, select: { email: true, locale: true } });
	if (!user) return;
	if (!(await mailBudgetLeft(email))) return;
	await enqueueMail({ to: user.email, template: 'magic_link', locale: asLocale(user.locale), data: { url: onPortalOrigin(params.url) } });
}

/**
 * Auth.js builds the link from the request's Host header. A forged Host would put a link to another
 * site, carrying the token, into a victim's mailbox; the link is therefore rebuilt on ORIGIN, the
 * portal's configured address (the same base as every other link in mail).
 */
export function onPortalOrigin(link: string): string {
	const given = new URL(link);
	const origin = new URL(config().ORIGIN ?? 'http://localhost:3000');
	// A new URL rather than setting `host`: that would keep a forged port.
	const url = new URL(given.pathname + given.search, origin.origin);
	const back = url.searchParams.get('callbackUrl');
	if (back) {
		const target = new URL(back, origin);
		url.searchParams.set('callbackUrl', origin.origin + target.pathname + target.search);
	}
	return url.href;
}
