import { db } from '../db/index.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { enqueueMail } from '../mail/index.ts';
import { anonymiseAuditFor, recordAudit } from './audit.ts';
import { IdentityError } from './errors.ts';
import { personalDataProviders } from './personal-data.ts';

/** A person's own profile: their fields and (read only) where they work. */
export async function getProfile(userId: string) {
	return db().user.findUnique({
		where: { id: userId },
		select: {
			id: true,
			name: true,
			email: true,
			locale: true,
			roles: true,
			emailVerified: true,
			createdAt: true,
			passwordHash: true,
			accounts: { select: { provider: true } },
			memberships: {
				include: { organization: true, department: true },
				orderBy: { createdAt: 'asc' }
			}
		}
	}).then((u) => {
		if (!u) return null;
		// Only whether a password exists leaves this module, never the hash.
		const { passwordHash, ...rest } = u;
		return { ...rest, hasPassword: !!passwordHash };
	});
}
export type Profile = NonNullable<Awaited<ReturnType<typeof getProfile>>>;

export interface ProfileInput {
	name: string;
	locale: 'uk' | 'en';
}

export async function updateProfile(actor: SessionUser, input: ProfileInput) {
	if (!can(actor, 'profile:edit-own', { userId: actor.id })) throw new IdentityError('forbidden');
	return db().$transaction(async (tx) => {
		const before = await tx.user.findUnique({ where: { id: actor.id }, select: { name: true, locale: true } });
		if (!before) throw new IdentityError('not_found');
		const after = { name: input.name.trim(), locale: input.locale };
		if (before.name === after.name && before.locale === after.locale) return after;
		await tx.user.update({ where: { id: actor.id }, data: after });
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'profile.updated',
			targetType: 'user',
			targetId: actor.id,
			subjectUserId: actor.id,
			before,
			after
		});
		return after;
	});
}

/** Fields of linked sign-in accounts that are safe to hand out (no tokens, no secrets). */
const SAFE_ACCOUNT_FIELDS = { provider: true, type: true, providerAccountId: true, scope: true, createdAt: true } as const;

/**
 * Everything the portal holds about a person, as a JSON-ready object (the "download my data"
 * right): profile, memberships, linked accounts without tokens, audit entries about them or by
 * them, invitations to their address, and the mails sent to them (headers, not bodies: bodies carry
 * sign-in and reset links).
 */
export async function exportPersonalData(actor: SessionUser) {
	if (!can(actor, 'profile:edit-own', { userId: actor.id })) throw new IdentityError('forbidden');
	const user = await db().user.findUnique({
		where: { id: actor.id },
		select: {
			id: true,
			name: true,
			email: true,
			emailVerified: true,
			image: true,
			locale: true,
			roles: true,
			lastSignInAt: true,
			createdAt: true,
			updatedAt: true,
			passwordHash: true,
			accounts: { select: SAFE_ACCOUNT_FIELDS },
			memberships: { include: { organization: true, department: true } }
		}
	});
	if (!user) throw new IdentityError('not_found');
	const [audit, invitations, mails] = await Promise.all([
		db().auditLog.findMany({
			where: {
				OR: [{ subjectUserId: user.id }, { actorId: user.id }, { targetType: 'user', targetId: user.id }]
			},
			orderBy: { createdAt: 'asc' }
		}),
		db().invitation.findMany({
			where: { email: user.email },
			select: {
				id: true,
				email: true,
				roles: true,
				organizationId: true,
				departmentId: true,
				orgRole: true,
				position: true,
				createdAt: true,
				expiresAt: true,
				acceptedAt: true,
				revokedAt: true
			}
		}),
		db().outboxMessage.findMany({
			where: { to: user.email },
			select: { id: true, to: true, subject: true, template: true, locale: true, status: true, createdAt: true, sentAt: true },
			orderBy: { createdAt: 'asc' }
		})
	]);
	// Other domains' parts (see personal-data.ts), each under its own key.
	const domains: Record<string, unknown> = {};
	for (const provider of personalDataProviders()) domains[provider.key] = await provider.export(user.id);
	await db().$transaction((tx) =>
		recordAudit(tx, { actorId: user.id, action: 'data.exported', targetType: 'user', targetId: user.id, subjectUserId: user.id })
	);
	const { passwordHash, memberships, ...profile } = user;
	return {
		format: 'maisternia-personal-data/1',
		exportedAt: new Date().toISOString(),
		profile: { ...profile, hasPassword: !!passwordHash },
		memberships: memberships.map((ms) => ({
			organization: { id: ms.organization.id, slug: ms.organization.slug, nameUk: ms.organization.nameUk, nameEn: ms.organization.nameEn },
			department: ms.department ? { id: ms.department.id, nameUk: ms.department.nameUk, nameEn: ms.department.nameEn } : null,
			role: ms.role,
			position: ms.position,
			since: ms.createdAt
		})),
		accounts: user.accounts,
		invitations,
		auditLog: audit.map((a) => ({
			id: a.id,
			at: a.createdAt,
			action: a.action,
			byThisPerson: a.actorId === user.id,
			targetType: a.targetType,
			targetId: a.targetId,
			organizationId: a.organizationId,
			before: a.before,
			after: a.after,
			data: a.data
		})),
		mails,
		domains
	};
}
export type PersonalData = Awaited<ReturnType<typeof exportPersonalData>>;

/**
 * Deletes the person's own account after they typed their e-mail: memberships, sign-in accounts,
 * sessions and tokens go by cascade; other domains erase theirs through their registered providers
 * (personal-data.ts); invitations and stored mails to their address are removed;
 * audit rows stay, anonymised; an account_deleted mail goes out. The last admin can't delete
 * themselves (the portal would be left without one).
 */
export async function deleteOwnAccount(actor: SessionUser, confirmEmail: string): Promise<void> {
	if (!can(actor, 'profile:edit-own', { userId: actor.id })) throw new IdentityError('forbidden');
	await db().$transaction(async (tx) => {
		const user = await tx.user.findUnique({ where: { id: actor.id }, select: { id: true, email: true, name: true, locale: true, roles: true } });
		if (!user) throw new IdentityError('not_found');
		if (confirmEmail.trim().toLowerCase() !== user.email.toLowerCase()) throw new IdentityError('email_mismatch');
		if (user.roles.includes('admin')) {
			const admins = await tx.user.count({ where: { roles: { has: 'admin' } } });
			if (admins <= 1) throw new IdentityError('last_admin');
		}
		for (const provider of personalDataProviders()) await provider.erase(tx, { id: user.id, email: user.email });
		await anonymiseAuditFor(tx, user.id, user.email);
		await tx.invitation.deleteMany({ where: { email: user.email } });
		// Mail already delivered or kept is their data too; messages still in flight are left to the worker.
		await tx.outboxMessage.deleteMany({ where: { to: user.email, status: { in: ['sent', 'kept', 'failed'] } } });
		await tx.user.delete({ where: { id: user.id } });
		await recordAudit(tx, {
			actorId: null,
			action: 'user.deleted',
			targetType: 'user',
			targetId: user.id,
			subjectUserId: user.id,
			data: { self: true }
		});
		await enqueueMail(
			{
				to: user.email,
				template: 'account_deleted',
				locale: user.locale === 'en' ? 'en' : 'uk',
				data: { name: user.name || user.email }
			},
			tx
		);
	});
}
