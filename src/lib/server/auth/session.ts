import { db } from '../db/index.ts';
import type { SessionUser } from './types.ts';

/**
 * The session cookie (an encrypted Auth.js JWT) says only who signed in and when. Everything else
 * (roles, memberships, language, whether the account still exists or is locked) is read from the
 * database on every request, so a change by an administrator takes effect on the next click, and a
 * deleted or locked account is signed out at once (ADR 0006).
 */
export type SessionCheck = { status: 'ok'; user: SessionUser } | { status: 'gone' | 'locked' | 'revoked' };

export async function loadSessionUser(userId: string, signedInAtMs: number | undefined): Promise<SessionCheck> {
	const row = await db().user.findUnique({
		where: { id: userId },
		select: {
			id: true,
			email: true,
			name: true,
			locale: true,
			roles: true,
			emailVerified: true,
			lockedUntil: true,
			sessionsRevokedAt: true,
			memberships: {
				orderBy: { createdAt: 'asc' },
				select: {
					organizationId: true,
					departmentId: true,
					role: true,
					position: true,
					organization: { select: { slug: true } }
				}
			}
		}
	});
	if (!row) return { status: 'gone' };
	if (row.lockedUntil && row.lockedUntil.getTime() > Date.now()) return { status: 'locked' };
	// A session from before "sign out everywhere" (a password reset) is over. Sessions without the
	// sign-in time (none are issued so) count as old.
	if (row.sessionsRevokedAt && (signedInAtMs ?? 0) < row.sessionsRevokedAt.getTime()) return { status: 'revoked' };
	return {
		status: 'ok',
		user: {
			id: row.id,
			email: row.email,
			name: row.name,
			locale: row.locale,
			roles: row.roles,
			emailVerified: row.emailVerified !== null,
			memberships: row.memberships.map((m) => ({
				organizationId: m.organizationId,
				organizationSlug: m.organization.slug,
				departmentId: m.departmentId,
				role: m.role,
				position: m.position
			}))
		}
	};
}

/** Signs a person out everywhere: every session issued before now stops working on its next request. */
export async function revokeSessions(userId: string): Promise<void> {
	await db().user.update({ where: { id: userId }, data: { sessionsRevokedAt: new Date() } });
}
