import { db } from '../db/index.ts';
import { normalizeEmail } from './authenticate.ts';

/**
 * Who may sign in by a magic link or by SSO, and when an SSO identity joins an existing account
 * (ADR 0006, "linking").
 *
 * Magic link: only an existing account. The link proves the mailbox, so the address becomes
 * confirmed; if it was not confirmed before, a password set on the account came from someone who
 * never proved the address (perhaps not its owner), so that password is dropped.
 *
 * SSO: the identity provider must give an e-mail address and vouch for it (email_verified: true).
 *   - An SSO identity already linked signs in to its account.
 *   - Otherwise an account with the same address gets the identity linked (the IdP vouches for the
 *     address, as the mailbox would); an unconfirmed account loses its password, as above.
 *   - Otherwise a new account is made (confirmed address, learner role).
 * Without a vouched-for address nothing happens and the person is told why.
 */
export async function allowMagicLinkSignIn(emailInput: string | null | undefined): Promise<boolean> {
	if (!emailInput) return false;
	const user = await db().user.findUnique({ where: { email: normalizeEmail(emailInput) }, select: { id: true, emailVerified: true } });
	if (!user) return false;
	if (!user.emailVerified) {
		await db().user.update({ where: { id: user.id }, data: { passwordHash: null, emailVerified: new Date() } });
	}
	return true;
}

export type SsoDecision = { allowed: true; linkTo: string | null } | { allowed: false; reason: 'email_unverified' };

export async function decideSsoSignIn(input: {
	provider: string;
	providerAccountId: string;
	email: string | null | undefined;
	emailVerified: unknown;
}): Promise<SsoDecision> {
	const linked = await db().account.findUnique({
		where: { provider_providerAccountId: { provider: input.provider, providerAccountId: input.providerAccountId } },
		select: { userId: true }
	});
	if (linked) return { allowed: true, linkTo: linked.userId };
	// Some IdPs send the claim as the string "true".
	const vouched = input.emailVerified === true || input.emailVerified === 'true';
	if (!input.email || !vouched) return { allowed: false, reason: 'email_unverified' };
	const user = await db().user.findUnique({
		where: { email: normalizeEmail(input.email) },
		select: { id: true, emailVerified: true }
	});
	if (!user) return { allowed: true, linkTo: null };
	if (!user.emailVerified) {
		await db().user.update({ where: { id: user.id }, data: { passwordHash: null, emailVerified: new Date() } });
	}
	return { allowed: true, linkTo: user.id };
}
