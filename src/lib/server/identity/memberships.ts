import { db, Prisma } from '../db/index.ts';
import type { OrgRole } from '../db/generated/enums.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { recordAudit } from './audit.ts';
import { IdentityError } from './errors.ts';

type Tx = Prisma.TransactionClient;

export const ORG_ROLES: readonly OrgRole[] = ['manager', 'staff'];

export interface ScopeOptions {
	/** The organization page the request came from: a membership elsewhere is "not found" there. */
	inOrganizationId?: string;
}

export interface MembershipInput {
	departmentId?: string | null;
	role: OrgRole;
	position?: string | null;
	/** The hire date; null = the membership's start. Left as it is when undefined. */
	hiredAt?: Date | null;
}

/**
 * Other domains that keep something per membership (certification: who an assignment reaches) are
 * told of every change inside the same transaction, so they follow it at that moment.
 */
export type MembershipListener = (tx: Tx, change: { userId: string; organizationId: string; kind: 'added' | 'changed' | 'removed' }) => Promise<void>;
const membershipListeners: MembershipListener[] = [];
export function onMembershipChanged(listener: MembershipListener): void {
	if (!membershipListeners.includes(listener)) membershipListeners.push(listener);
}

interface MembershipSnapshot {
	organizationId: string;
	departmentId: string | null;
	role: OrgRole;
	position: string | null;
	hiredAt?: Date | null;
}

const snap = (ms: MembershipSnapshot) => ({
	organizationId: ms.organizationId,
	departmentId: ms.departmentId,
	role: ms.role,
	position: ms.position,
	...(ms.hiredAt ? { hiredAt: ms.hiredAt.toISOString() } : {})
});

/** A department given for a membership must belong to the same organization. */
async function checkDepartment(tx: Tx, organizationId: string, departmentId: string | null | undefined) {
	if (!departmentId) return null;
	const dept = await tx.department.findUnique({ where: { id: departmentId }, select: { organizationId: true } });
	if (!dept || dept.organizationId !== organizationId) throw new IdentityError('department_mismatch');
	return departmentId;
}

/**
 * Adds a person to an organization or changes their membership there (upsert), audited, inside the
 * caller's transaction. No permission check here: callers check (admin actions, manager actions,
 * and invitation acceptance, whose permission was checked when the invitation was made).
 */
export async function upsertMembershipTx(
	tx: Tx,
	actorId: string | null,
	userId: string,
	organizationId: string,
	input: MembershipInput
) {
	const departmentId = await checkDepartment(tx, organizationId, input.departmentId);
	const position = input.position?.trim() || null;
	const existing = await tx.membership.findUnique({ where: { userId_organizationId: { userId, organizationId } } });
	const hiredAt = input.hiredAt === undefined ? {} : { hiredAt: input.hiredAt };
	const ms = existing
		? await tx.membership.update({ where: { id: existing.id }, data: { departmentId, role: input.role, position, ...hiredAt } })
		: await tx.membership.create({ data: { userId, organizationId, departmentId, role: input.role, position, ...hiredAt } });
	if (!existing || JSON.stringify(snap(existing)) !== JSON.stringify(snap(ms))) {
		await recordAudit(tx, {
			actorId,
			action: existing ? 'membership.changed' : 'membership.added',
			targetType: 'membership',
			targetId: ms.id,
			subjectUserId: userId,
			organizationId,
			before: existing ? snap(existing) : null,
			after: snap(ms)
		});
		for (const l of membershipListeners) await l(tx, { userId, organizationId, kind: existing ? 'changed' : 'added' });
	}
	return ms;
}

/** Admin: puts a person into an organization (or updates them there). */
export async function addMembership(
	actor: SessionUser,
	userId: string,
	organizationId: string,
	input: MembershipInput
) {
	if (!can(actor, 'memberships:manage')) throw new IdentityError('forbidden');
	return db().$transaction(async (tx) => {
		// Sequential on purpose: one transaction is one connection.
		const user = await tx.user.findUnique({ where: { id: userId }, select: { id: true } });
		const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
		if (!user || !org) throw new IdentityError('not_found');
		const existing = await tx.membership.findUnique({ where: { userId_organizationId: { userId, organizationId } } });
		if (existing) throw new IdentityError('already_member');
		return upsertMembershipTx(tx, actor.id, userId, organizationId, input);
	});
}

/**
 * Changes department, position or organization role of one membership. An admin may change
 * anything; a manager only the department and position of people in an organization they manage
 * (the membership is loaded here, so a forged id from another organization is refused).
 */
export async function updateMembership(
	actor: SessionUser,
	membershipId: string,
	input: Partial<MembershipInput>,
	opts: ScopeOptions = {}
) {
	return db().$transaction(async (tx) => {
		const existing = await tx.membership.findUnique({ where: { id: membershipId } });
		if (!existing) throw new IdentityError('not_found');
		const isGlobal = can(actor, 'memberships:manage');
		if (!isGlobal && !can(actor, 'org:manage-members', { organizationId: existing.organizationId })) {
			throw new IdentityError('forbidden');
		}
		if (opts.inOrganizationId && existing.organizationId !== opts.inOrganizationId) throw new IdentityError('not_found');
		const role = input.role ?? existing.role;
		// Organization roles are granted by admins (or by an admin's invitation), not by managers.
		if (!isGlobal && role !== existing.role) throw new IdentityError('forbidden');
		return upsertMembershipTx(tx, actor.id, existing.userId, existing.organizationId, {
			role,
			departmentId: input.departmentId === undefined ? existing.departmentId : input.departmentId,
			position: input.position === undefined ? existing.position : input.position,
			hiredAt: input.hiredAt
		});
	});
}

/** Removes a person from an organization. A manager can't remove managers (nor themselves). */
export async function removeMembership(actor: SessionUser, membershipId: string, opts: ScopeOptions = {}) {
	await db().$transaction(async (tx) => {
		const existing = await tx.membership.findUnique({ where: { id: membershipId } });
		if (!existing) throw new IdentityError('not_found');
		const isGlobal = can(actor, 'memberships:manage');
		if (!isGlobal) {
			if (!can(actor, 'org:manage-members', { organizationId: existing.organizationId })) throw new IdentityError('forbidden');
			if (existing.role === 'manager') throw new IdentityError(existing.userId === actor.id ? 'self_demotion' : 'forbidden');
		}
		if (opts.inOrganizationId && existing.organizationId !== opts.inOrganizationId) throw new IdentityError('not_found');
		await tx.membership.delete({ where: { id: membershipId } });
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'membership.removed',
			targetType: 'membership',
			targetId: membershipId,
			subjectUserId: existing.userId,
			organizationId: existing.organizationId,
			before: snap(existing)
		});
		for (const l of membershipListeners) await l(tx, { userId: existing.userId, organizationId: existing.organizationId, kind: 'removed' });
	});
}

/** The membership with its organization, for routes that must check which organization it is in. */
export async function getMembership(id: string) {
	return db().membership.findUnique({ where: { id }, include: { organization: true, department: true } });
}
