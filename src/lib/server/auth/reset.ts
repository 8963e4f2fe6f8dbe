import { db } from '../db/index.ts';
import { hashPassword } from './password.ts';
import { clear, consume, minutesOf } from './rate-limit.ts';
import { consumeAuthToken, inspectAuthToken, revokeAuthTokens } from './tokens.ts';
import { normalizeEmail } from './authenticate.ts';
import { mailBudgetLeft, sendResetMail, type MailRequestResult } from './registration.ts';

/**
 * Password reset (ADR 0006). Asking for it answers the same for every address. Setting the new
 * password uses the link up, voids every other reset link, confirms the address (the link came to
 * that mailbox), lifts a lockout and signs the person out everywhere else.
 */
export async function requestPasswordReset(emailInput: string, ip: string): Promise<MailRequestResult> {
	const limited = await consume('reset_ip', ip);
	if (!limited.allowed) return { status: 'rate_limited', retryAfterMinutes: minutesOf(limited.retryAfterMs) };
	const email = normalizeEmail(emailInput);
	const user = await db().user.findUnique({ where: { email }, select: { id: true, email: true, name: true, locale: true } });
	if (!user || !(await mailBudgetLeft(email))) return { status: 'sent' };
	await db().$transaction((tx) => sendResetMail(user, tx));
	return { status: 'sent' };
}

/** Whether a reset link still works (without using it), and for which address. */
export async function inspectResetToken(token: string): Promise<{ valid: true; email: string } | { valid: false }> {
	const state = await inspectAuthToken(token, 'reset_password');
	if (state.status !== 'valid') return { valid: false };
	const user = await db().user.findUnique({ where: { id: state.userId }, select: { email: true } });
	return user ? { valid: true, email: user.email } : { valid: false };
}

export async function resetPassword(token: string, newPassword: string): Promise<{ ok: true; email: string } | { ok: false }> {
	const passwordHash = await hashPassword(newPassword);
	const email = await db().$transaction(async (tx) => {
		const used = await consumeAuthToken(token, 'reset_password', tx);
		if (!used) return null;
		const now = new Date();
		const before = await tx.user.findUnique({ where: { id: used.userId }, select: { emailVerified: true } });
		if (!before) return null;
		const user = await tx.user.update({
			where: { id: used.userId },
			data: {
				passwordHash,
				emailVerified: before.emailVerified ?? now,
				failedSignIns: 0,
				lockedUntil: null,
				sessionsRevokedAt: now
			},
			select: { email: true }
		});
		await revokeAuthTokens(used.userId, 'reset_password', tx);
		// A pending confirmation link is moot now, and an old one must not outlive the new password.
		await revokeAuthTokens(used.userId, 'verify_email', tx);
		return user.email;
	});
	if (!email) return { ok: false };
	await clear('signin_account', email);
	return { ok: true, email };
}
