import { db } from '../db/index.ts';
import { consumeAuthToken, issueAuthToken } from './tokens.ts';

/**
 * The sign-in ticket joins our sign-in action to Auth.js (ADR 0006). The action checks limits,
 * lockout and password itself, then hands Auth.js only a ticket: a single-use token that lives for
 * a minute. The Credentials provider's `authorize` does nothing but use it up, so Auth.js never sees
 * a password and cannot be used to bypass the checks.
 */
export async function issueSignInTicket(userId: string): Promise<string> {
	const { token } = await issueAuthToken(userId, 'sign_in_ticket');
	return token;
}

export async function redeemSignInTicket(ticket: unknown): Promise<{ id: string; email: string; name: string | null } | null> {
	if (typeof ticket !== 'string') return null;
	const used = await consumeAuthToken(ticket, 'sign_in_ticket');
	if (!used) return null;
	return db().user.findUnique({ where: { id: used.userId }, select: { id: true, email: true, name: true } });
}
