import { createHash, randomBytes } from 'node:crypto';
import { db, Prisma } from '../db/index.ts';
import type { GlobalRole, OrgRole } from '../db/generated/enums.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { hashPassword } from '../auth/password.ts';
import { absoluteUrl, enqueueMail } from '../mail/index.ts';
import { recordAudit } from './audit.ts';
import { IdentityError } from './errors.ts';
import { upsertMembershipTx } from './memberships.ts';
import { localName } from './organizations.ts';
import { normaliseRoles } from './users.ts';

/** How long an invitation link works. */
export const INVITATION_TTL_DAYS = 14;

export interface InvitationInput {
	email: string;
	roles?: GlobalRole[];
	organizationId?: string | null;
	departmentId?: string | null;
	orgRole?: OrgRole | null;
	position?: string | null;
	/** Language of the mail and of the invitation page. */
	locale: 'uk' | 'en';
}

export const hashToken = (token: string) => createHash('sha256').update(token, 'utf8').digest('hex');

/**
 * Creates an invitation and queues its mail in one transaction. Admins may invite with any roles
 * into any organization; a manager only into an organization they manage, as staff, without global
 * roles beyond `learner`. Returns the raw token once (it is stored only as a hash).
 */
export async function createInvitation(actor: SessionUser, input: InvitationInput) {
	const email = input.email.trim().toLowerCase();
	const organizationId = input.organizationId || null;
	const isAdmin = can(actor, 'users:invite');
	if (!isAdmin) {
		if (!organizationId || !can(actor, 'org:invite', { organizationId })) throw new IdentityError('forbidden');
		const roles = normaliseRoles(input.roles ?? []);
		if (roles.some((r) => r !== 'learner')) throw new IdentityError('forbidden');
		if ((input.orgRole ?? 'staff') !== 'staff') throw new IdentityError('forbidden');
	}
	const roles = normaliseRoles(input.roles ?? []);
	const orgRole: OrgRole | null = organizationId ? (input.orgRole ?? 'staff') : null;
	const token = randomBytes(32).toString('base64url');
	const now = new Date();

	const invitation = await db().$transaction(async (tx) => {
		// Empty: the mail then invites to the portal as a whole.
		let organizationName = '';
		let departmentId: string | null = null;
		if (organizationId) {
			const org = await tx.organization.findUnique({ where: { id: organizationId } });
			if (!org) throw new IdentityError('not_found');
			organizationName = localName(org, input.locale);
			if (input.departmentId) {
				const dept = await tx.department.findUnique({ where: { id: input.departmentId } });
				if (!dept || dept.organizationId !== organizationId) throw new IdentityError('department_mismatch');
				departmentId = dept.id;
			}
		}
		// One open invitation per address and organization: a second one would leave two live links.
		const open = await tx.invitation.findFirst({
			where: { email, organizationId, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } }
		});
		if (open) throw new IdentityError('invitation_pending');
		const existing = organizationId
			? await tx.membership.findFirst({ where: { organizationId, user: { email } } })
			: null;
		if (existing) throw new IdentityError('already_member');

		const inv = await tx.invitation.create({
			data: {
				email,
				tokenHash: hashToken(token),
				roles,
				organizationId,
				departmentId,
				orgRole,
				position: input.position?.trim() || null,
				locale: input.locale,
				invitedById: actor.id,
				expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000)
			}
		});
		await enqueueMail(
			{
				to: email,
				template: 'invitation',
				locale: input.locale,
				data: {
					inviterName: actor.name || actor.email,
					organizationName,
					url: absoluteUrl(`/invite/${token}`, input.locale)
				}
			},
			tx
		);
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'invitation.created',
			targetType: 'invitation',
			targetId: inv.id,
			organizationId,
			after: { roles, organizationId, departmentId, orgRole, position: inv.position, expiresAt: inv.expiresAt.toISOString() },
			data: { email }
		});
		return inv;
	});
	return { invitation, token };
}

export type InvitationState = 'valid' | 'expired' | 'used' | 'revoked';

function stateOf(inv: { acceptedAt: Date | null; revokedAt: Date | null; expiresAt: Date }, now = new Date()): InvitationState {
	if (inv.acceptedAt) return 'used';
	if (inv.revokedAt) return 'revoked';
	if (inv.expiresAt <= now) return 'expired';
	return 'valid';
}

/** What the invitation page shows for a token; null when no such invitation exists. */
export async function findInvitation(token: string) {
	if (!token || token.length > 200) return null;
	const inv = await db().invitation.findUnique({
		where: { tokenHash: hashToken(token) },
		include: { organization: true, department: true, invitedBy: { select: { name: true, email: true } } }
	});
	if (!inv) return null;
	const accountExists = !!(await db().user.findUnique({ where: { email: inv.email }, select: { id: true } }));
	return {
		id: inv.id,
		email: inv.email,
		roles: inv.roles,
		organization: inv.organization,
		department: inv.department,
		orgRole: inv.orgRole,
		position: inv.position,
		locale: inv.locale,
		inviterName: inv.invitedBy ? inv.invitedBy.name || inv.invitedBy.email : null,
		expiresAt: inv.expiresAt,
		state: stateOf(inv),
		accountExists
	};
}
export type InvitationView = NonNullable<Awaited<ReturnType<typeof findInvitation>>>;

export type AcceptAs =
	/** A new account with this name and password. */
	| { kind: 'new'; name: string; password: string }
	/** The signed-in person's existing account. */
	| { kind: 'existing'; user: SessionUser };

/**
 * Accepts an invitation once: creates the account (verified: the link came to that mailbox) or links
 * the signed-in account, grants the invited roles and membership, and audits it. The invitation is
 * claimed with a conditional update, so two concurrent accepts can't both succeed.
 */
export async function acceptInvitation(token: string, as: AcceptAs): Promise<{ userId: string; created: boolean }> {
	const tokenHash = hashToken(token);
	// Hash outside the transaction: argon2 takes a while and a transaction blocks the embedded database.
	const passwordHash = as.kind === 'new' ? await hashPassword(as.password) : null;
	return db().$transaction(async (tx) => {
		const inv = await tx.invitation.findUnique({ where: { tokenHash } });
		if (!inv) throw new IdentityError('not_found');
		const now = new Date();
		const state = stateOf(inv, now);
		if (state !== 'valid') throw new IdentityError(`invitation_${state}` as 'invitation_used');

		let userId: string;
		let created = false;
		let rolesBefore: GlobalRole[] = [];
		if (as.kind === 'new') {
			const existing = await tx.user.findUnique({ where: { email: inv.email }, select: { id: true } });
			if (existing) throw new IdentityError('account_exists');
			const user = await tx.user.create({
				data: {
					email: inv.email,
					name: as.name.trim(),
					passwordHash,
					emailVerified: now,
					locale: inv.locale,
					roles: normaliseRoles(inv.roles)
				}
			});
			userId = user.id;
			created = true;
		} else {
			const user = await tx.user.findUnique({ where: { id: as.user.id }, select: { id: true, roles: true, emailVerified: true } });
			if (!user) throw new IdentityError('not_found');
			userId = user.id;
			rolesBefore = normaliseRoles(user.roles);
			const next = normaliseRoles([...user.roles, ...inv.roles]);
			if (next.join() !== rolesBefore.join()) {
				await tx.user.update({ where: { id: userId }, data: { roles: next } });
				await recordAudit(tx, {
					actorId: inv.invitedById,
					action: 'user.roles_changed',
					targetType: 'user',
					targetId: userId,
					subjectUserId: userId,
					before: { roles: rolesBefore },
					after: { roles: next },
					data: { invitationId: inv.id }
				});
			}
		}

		const claimed = await tx.invitation.updateMany({
			where: { id: inv.id, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } },
			data: { acceptedAt: now, acceptedById: userId }
		});
		if (claimed.count !== 1) throw new IdentityError('invitation_used');

		if (inv.organizationId) {
			await upsertMembershipTx(tx, inv.invitedById, userId, inv.organizationId, {
				role: inv.orgRole ?? 'staff',
				// The department may have been deleted since (SetNull): then none.
				departmentId: inv.departmentId,
				position: inv.position
			});
		}
		await recordAudit(tx, {
			actorId: userId,
			action: 'invitation.accepted',
			targetType: 'invitation',
			targetId: inv.id,
			subjectUserId: userId,
			organizationId: inv.organizationId,
			after: { roles: normaliseRoles(inv.roles), organizationId: inv.organizationId, newAccount: created },
			data: { email: inv.email }
		});
		return { userId, created };
	});
}

/** Withdraws an open invitation: its link stops working. */
export async function revokeInvitation(actor: SessionUser, invitationId: string, opts: { inOrganizationId?: string } = {}) {
	await db().$transaction(async (tx) => {
		const inv = await tx.invitation.findUnique({ where: { id: invitationId } });
		if (!inv) throw new IdentityError('not_found');
		if (!can(actor, 'users:invite') && !(inv.organizationId && can(actor, 'org:invite', { organizationId: inv.organizationId }))) {
			throw new IdentityError('forbidden');
		}
		if (opts.inOrganizationId && inv.organizationId !== opts.inOrganizationId) throw new IdentityError('not_found');
		if (inv.acceptedAt) throw new IdentityError('invitation_used');
		if (inv.revokedAt) return;
		await tx.invitation.update({ where: { id: inv.id }, data: { revokedAt: new Date() } });
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'invitation.revoked',
			targetType: 'invitation',
			targetId: inv.id,
			organizationId: inv.organizationId,
			data: { email: inv.email }
		});
	});
}

/**
 * Invitations, newest first: every one for admins; a manager sees only those of the organization
 * given (which they must manage).
 */
export async function listInvitations(
	actor: SessionUser,
	opts: { organizationId?: string; state?: InvitationState | 'all' } = {}
) {
	let where: Prisma.InvitationWhereInput = {};
	if (opts.organizationId) {
		if (!can(actor, 'org:invite', { organizationId: opts.organizationId })) throw new IdentityError('forbidden');
		where.organizationId = opts.organizationId;
	} else if (!can(actor, 'users:invite')) {
		throw new IdentityError('forbidden');
	}
	const now = new Date();
	const state = opts.state ?? 'all';
	if (state === 'valid') where = { ...where, acceptedAt: null, revokedAt: null, expiresAt: { gt: now } };
	if (state === 'used') where = { ...where, acceptedAt: { not: null } };
	if (state === 'revoked') where = { ...where, revokedAt: { not: null } };
	if (state === 'expired') where = { ...where, acceptedAt: null, revokedAt: null, expiresAt: { lte: now } };
	const rows = await db().invitation.findMany({
		where,
		orderBy: { createdAt: 'desc' },
		take: 200,
		include: { organization: true, department: true, invitedBy: { select: { name: true, email: true } } }
	});
	return rows.map((r) => ({ ...r, state: stateOf(r, now) }));
}
