import { db, Prisma } from '../db/index.ts';
import { absoluteUrl, enqueueMail, type MailLocale } from '../mail/index.ts';
import { hashPassword } from './password.ts';
import { consume, minutesOf } from './rate-limit.ts';
import { issueAuthToken, consumeAuthToken, inspectAuthToken, revokeAuthTokens } from './tokens.ts';
import { normalizeEmail } from './authenticate.ts';

/**
 * Registration with e-mail and password, and confirmation of the address (ADR 0006).
 *
 * The page answers every registration the same way ("we sent you a link"), so it never tells
 * whether an address is registered:
 *   - a new address gets an account (unconfirmed) and a verify_email link;
 *   - an address whose account is confirmed: nothing changes, and its owner gets a password reset
 *     link instead (whoever registered probably forgot they have an account; a stranger learns
 *     nothing and cannot use the link);
 *   - an address whose account was never confirmed: nobody has proven they own it, so the new
 *     registration replaces name, password and language, and earlier links stop working.
 */
export interface RegistrationInput {
	name: string;
	email: string;
	password: string;
	locale: MailLocale;
}

export type RegistrationResult = { status: 'sent' } | { status: 'rate_limited'; retryAfterMinutes: number };

type Tx = Prisma.TransactionClient;

/** At most a few sign-in mails an hour to one address, however many people ask. */
export async function mailBudgetLeft(email: string): Promise<boolean> {
	return (await consume('mail_to_address', normalizeEmail(email))).allowed;
}

export async function sendVerificationMail(
	user: { id: string; email: string; name: string | null; locale: string },
	tx: Tx
): Promise<void> {
	await revokeAuthTokens(user.id, 'verify_email', tx);
	const { token } = await issueAuthToken(user.id, 'verify_email', { tx });
	const locale = asLocale(user.locale);
	await enqueueMail(
		{
			to: user.email,
			template: 'verify_email',
			locale,
			data: { name: user.name ?? '', url: absoluteUrl(`/verify-email/${token}`, locale) }
		},
		tx
	);
}

export async function sendResetMail(user: { id: string; email: string; name: string | null; locale: string }, tx: Tx): Promise<void> {
	const { token } = await issueAuthToken(user.id, 'reset_password', { tx });
	const locale = asLocale(user.locale);
	await enqueueMail(
		{
			to: user.email,
			template: 'reset_password',
			locale,
			data: { name: user.name ?? '', url: absoluteUrl(`/reset-password/${token}`, locale) }
		},
		tx
	);
}

export function asLocale(value: string | null | undefined): MailLocale {
	return value === 'en' ? 'en' : 'uk';
}

export async function registerAccount(input: RegistrationInput, ip: string): Promise<RegistrationResult> {
	const limited = await consume('register_ip', ip);
	if (!limited.allowed) return { status: 'rate_limited', retryAfterMinutes: minutesOf(limited.retryAfterMs) };

	const email = normalizeEmail(input.email);
	const name = input.name.trim();
	const passwordHash = await hashPassword(input.password);
	const budget = await mailBudgetLeft(email);

	try {
		await db().$transaction(async (tx) => {
			const existing = await tx.user.findUnique({
				where: { email },
				select: { id: true, email: true, name: true, locale: true, emailVerified: true, _count: { select: { accounts: true } } }
			});
			if (!existing) {
				const user = await tx.user.create({
					data: { email, name, passwordHash, locale: input.locale },
					select: { id: true, email: true, name: true, locale: true }
				});
				if (budget) await sendVerificationMail(user, tx);
				return;
			}
			if (!existing.emailVerified && existing._count.accounts === 0) {
				const user = await tx.user.update({
					where: { id: existing.id },
					data: { name, passwordHash, locale: input.locale },
					select: { id: true, email: true, name: true, locale: true }
				});
				if (budget) await sendVerificationMail(user, tx);
				return;
			}
			if (budget) await sendResetMail(existing, tx);
		});
	} catch (err) {
		// Two registrations of one new address at the same moment: the second finds it taken. Its
		// answer stays the same; the first one's mail is on its way.
		if (!(err instanceof Prisma.PrismaClientKnownRequestError && err.code === 'P2002')) throw err;
	}
	return { status: 'sent' };
}

export type VerifyResult = { status: 'verified'; email: string } | { status: 'already'; email: string } | { status: 'invalid' };

/** Confirms the address behind a verify_email link. A second click on a used link says "already confirmed". */
export async function verifyEmail(token: string): Promise<VerifyResult> {
	const result = await db().$transaction(async (tx): Promise<VerifyResult> => {
		const used = await consumeAuthToken(token, 'verify_email', tx);
		if (used) {
			const user = await tx.user.findUnique({ where: { id: used.userId }, select: { email: true, emailVerified: true } });
			if (!user) return { status: 'invalid' };
			if (!user.emailVerified) await tx.user.update({ where: { id: used.userId }, data: { emailVerified: new Date() } });
			return { status: 'verified', email: user.email };
		}
		const state = await inspectAuthToken(token, 'verify_email', tx);
		if (state.status === 'used') {
			const user = await tx.user.findUnique({ where: { id: state.userId }, select: { email: true, emailVerified: true } });
			if (user?.emailVerified) return { status: 'already', email: user.email };
		}
		return { status: 'invalid' };
	});
	return result;
}

export type MailRequestResult = { status: 'sent' } | { status: 'rate_limited'; retryAfterMinutes: number };

/** "Send the link again" for an address that is not confirmed yet. Same answer for every address. */
export async function resendVerification(emailInput: string, ip: string): Promise<MailRequestResult> {
	const limited = await consume('verify_resend_ip', ip);
	if (!limited.allowed) return { status: 'rate_limited', retryAfterMinutes: minutesOf(limited.retryAfterMs) };
	const email = normalizeEmail(emailInput);
	const user = await db().user.findUnique({
		where: { email },
		select: { id: true, email: true, name: true, locale: true, emailVerified: true }
	});
	if (!user || user.emailVerified) return { status: 'sent' };
	if (!(await mailBudgetLeft(email))) return { status: 'sent' };
	await db().$transaction((tx) => sendVerificationMail(user, tx));
	return { status: 'sent' };
}
