import { db } from '../db/index.ts';
import { config } from '../config/index.ts';
import { burnPasswordCheck, hashPassword, passwordNeedsRehash, verifyPassword } from './password.ts';
import { block, clear, consume, minutesOf, peek, penalize, reward } from './rate-limit.ts';

/**
 * The password check behind the sign-in form (ADR 0006). Order matters:
 *   1. the per-IP limit (every attempt counts; a success gives its point back),
 *   2. the per-account lockout: counted per e-mail address whether or not an account exists, so
 *      the lockout itself does not reveal which addresses are registered,
 *   3. the password (an unknown address costs the same argon2 time as a known one),
 *   4. a verified address.
 * Unknown address and wrong password give the same answer.
 */
export type AuthenticateResult =
	| { ok: true; user: { id: string; email: string; name: string | null; locale: string } }
	| { ok: false; reason: 'invalid' }
	| { ok: false; reason: 'locked'; retryAfterMinutes: number }
	| { ok: false; reason: 'rate_limited'; retryAfterMinutes: number }
	| { ok: false; reason: 'unverified'; email: string };

export function normalizeEmail(email: string): string {
	return email.normalize('NFKC').trim().toLowerCase();
}

export async function authenticate(emailInput: string, password: string, ip: string): Promise<AuthenticateResult> {
	const email = normalizeEmail(emailInput);
	const c = config();
	const lockoutMs = c.SIGNIN_LOCKOUT_MINUTES * 60_000;

	const byIp = await consume('signin_ip', ip);
	if (!byIp.allowed) return { ok: false, reason: 'rate_limited', retryAfterMinutes: minutesOf(byIp.retryAfterMs) };

	const user = await db().user.findUnique({
		where: { email },
		select: { id: true, email: true, name: true, locale: true, passwordHash: true, emailVerified: true, lockedUntil: true }
	});

	const now = Date.now();
	const account = await peek('signin_account', email);
	const lockedFor = Math.max(
		user?.lockedUntil ? user.lockedUntil.getTime() - now : 0,
		account.allowed ? 0 : account.retryAfterMs
	);
	if (lockedFor > 0) return { ok: false, reason: 'locked', retryAfterMinutes: minutesOf(lockedFor) };

	const matches = user?.passwordHash ? await verifyPassword(user.passwordHash, password) : await burnPasswordCheck(password);

	if (!user || !matches) {
		const count = await penalize('signin_account', email);
		const lockNow = count.used >= count.limit;
		if (lockNow) await block('signin_account', email, c.SIGNIN_LOCKOUT_MINUTES * 60);
		if (user) {
			await db().user.update({
				where: { id: user.id },
				data: {
					failedSignIns: { increment: 1 },
					...(lockNow ? { lockedUntil: new Date(now + lockoutMs) } : {})
				}
			});
		}
		if (lockNow) return { ok: false, reason: 'locked', retryAfterMinutes: c.SIGNIN_LOCKOUT_MINUTES };
		return { ok: false, reason: 'invalid' };
	}

	// The right password: only the owner of it learns that the address is not confirmed yet.
	if (!user.emailVerified) return { ok: false, reason: 'unverified', email: user.email };

	await reward('signin_ip', ip);
	await clear('signin_account', email);
	await db().user.update({
		where: { id: user.id },
		data: {
			failedSignIns: 0,
			lockedUntil: null,
			// Parameters grow over the years; a sign-in is the only moment the password is at hand.
			...(passwordNeedsRehash(user.passwordHash!) ? { passwordHash: await hashPassword(password) } : {})
		}
	});
	return { ok: true, user: { id: user.id, email: user.email, name: user.name, locale: user.locale } };
}

/**
 * Every successful sign-in (password, magic link, SSO) ends here: it is recorded, and a sign-in by
 * a link from the mailbox or by the identity provider also lifts a lockout (the person proved
 * who they are another way).
 */
export async function recordSignIn(userId: string): Promise<void> {
	const user = await db().user.update({
		where: { id: userId },
		data: { lastSignInAt: new Date(), failedSignIns: 0, lockedUntil: null },
		select: { email: true }
	});
	await clear('signin_account', user.email);
}
