import { db, type Prisma } from '../db/index.ts';
import type { ClubRole } from '../db/generated/enums.ts';
import { ClubError } from './errors.ts';
import { plainLine } from './text.ts';

/**
 * Members of the Expert Club: experts with an affiliation and a public profile. A person asks to join
 * (or a coordinator invites them); a coordinator approves and gives the club role (coordinator,
 * member, observer). The club role is not a global role: permissions.ts receives it as `clubRole`.
 */

export type { ClubRole };

/** The person's active club role, or null (not a member, or not approved yet). */
export async function clubRoleOf(userId: string | null | undefined): Promise<ClubRole | null> {
	if (!userId) return null;
	const m = await db().clubMember.findUnique({ where: { userId }, select: { role: true, status: true } });
	return m?.status === 'active' ? m.role : null;
}

export async function membershipOf(userId: string) {
	return db().clubMember.findUnique({ where: { userId } });
}

function baseHandle(name: string, email: string): string {
	const fromMail = email.split('@')[0]!.toLowerCase().replace(/[^a-z0-9.]+/g, '.');
	const latin = name.toLowerCase().replace(/[^a-z0-9]+/g, '.').replace(/^\.+|\.+$/g, '');
	return (latin.length >= 3 ? latin : fromMail).slice(0, 30) || 'expert';
}

async function freeHandle(tx: Prisma.TransactionClient, base: string): Promise<string> {
	for (let i = 0; i < 50; i++) {
		const h = i ? `${base}${i + 1}` : base;
		if (!(await tx.clubMember.findUnique({ where: { handle: h }, select: { id: true } }))) return h;
	}
	return `${base}.${Date.now().toString(36)}`;
}

export interface ProfileInput {
	organizationName?: string | null;
	position?: string | null;
	bio?: string | null;
	isPublic?: boolean;
}

/** A signed-in person asks to join; a coordinator then approves. */
export async function requestMembership(user: { id: string; name: string | null; email: string }, profile: ProfileInput) {
	return db().$transaction(async (tx) => {
		const existing = await tx.clubMember.findUnique({ where: { userId: user.id } });
		if (existing && existing.status !== 'removed') throw new ClubError('already_member');
		const data = {
			displayName: plainLine(user.name ?? user.email.split('@')[0]!, 120),
			organizationName: profile.organizationName ? plainLine(profile.organizationName, 200) : null,
			position: profile.position ? plainLine(profile.position, 200) : null,
			bio: profile.bio ? profile.bio.slice(0, 2000) : null,
			isPublic: profile.isPublic ?? true,
			status: 'requested' as const,
			role: 'member' as const
		};
		if (existing) return tx.clubMember.update({ where: { id: existing.id }, data });
		return tx.clubMember.create({ data: { ...data, userId: user.id, handle: await freeHandle(tx, baseHandle(data.displayName, user.email)) } });
	});
}

/** A coordinator invites an existing account by e-mail with a role; the member is active at once. */
export async function inviteMember(actorId: string, email: string, role: ClubRole, profile: ProfileInput = {}) {
	const user = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true, email: true } });
	if (!user) throw new ClubError('no_user');
	return db().$transaction(async (tx) => {
		const existing = await tx.clubMember.findUnique({ where: { userId: user.id } });
		if (existing && existing.status === 'active') throw new ClubError('already_member');
		const data = {
			role,
			status: 'active' as const,
			invitedById: actorId,
			approvedById: actorId,
			approvedAt: new Date(),
			displayName: plainLine(user.name ?? user.email.split('@')[0]!, 120),
			organizationName: profile.organizationName ? plainLine(profile.organizationName, 200) : (existing?.organizationName ?? null),
			position: profile.position ? plainLine(profile.position, 200) : (existing?.position ?? null)
		};
		if (existing) return tx.clubMember.update({ where: { id: existing.id }, data });
		return tx.clubMember.create({ data: { ...data, userId: user.id, handle: await freeHandle(tx, baseHandle(data.displayName, user.email)) } });
	});
}

/** A coordinator approves a request (with a role) or changes a member's role or removes them. */
export async function decideMember(actorId: string, memberId: string, change: { role?: ClubRole; status: 'active' | 'removed' }) {
	const m = await db().clubMember.findUnique({ where: { id: memberId } });
	if (!m) throw new ClubError('not_found');
	return db().clubMember.update({
		where: { id: memberId },
		data: { status: change.status, role: change.role ?? m.role, approvedById: actorId, approvedAt: change.status === 'active' ? new Date() : m.approvedAt }
	});
}

export async function updateOwnProfile(userId: string, profile: ProfileInput & { digest?: 'daily' | 'weekly' | 'off' }) {
	const m = await db().clubMember.findUnique({ where: { userId } });
	if (!m) throw new ClubError('not_found');
	return db().clubMember.update({
		where: { id: m.id },
		data: {
			organizationName: profile.organizationName ? plainLine(profile.organizationName, 200) : null,
			position: profile.position ? plainLine(profile.position, 200) : null,
			bio: profile.bio ? profile.bio.slice(0, 2000) : null,
			isPublic: profile.isPublic ?? m.isPublic,
			digest: profile.digest ?? m.digest
		}
	});
}

export interface PublicMember {
	id: string;
	displayName: string;
	organizationName: string | null;
	position: string | null;
	bio: string | null;
	role: ClubRole;
	handle: string;
}

/** The club's public face: active members who chose a public profile. */
export async function publicMembers(): Promise<PublicMember[]> {
	return db().clubMember.findMany({
		where: { status: 'active', isPublic: true, role: { in: ['coordinator', 'member'] } },
		orderBy: [{ role: 'asc' }, { displayName: 'asc' }],
		select: { id: true, displayName: true, organizationName: true, position: true, bio: true, role: true, handle: true }
	});
}

/** Coordinator's list: every request and member. */
export async function allMembers() {
	return db().clubMember.findMany({ where: { status: { not: 'removed' } }, orderBy: [{ status: 'asc' }, { displayName: 'asc' }] });
}

/** Coordinators and members: the people who vote (the quorum's base). */
export async function votingMemberCount(tx: Prisma.TransactionClient = db()): Promise<number> {
	return tx.clubMember.count({ where: { status: 'active', role: { in: ['coordinator', 'member'] } } });
}

export async function activeCoordinators(tx: Prisma.TransactionClient = db()) {
	return tx.clubMember.findMany({ where: { status: 'active', role: 'coordinator' }, select: { userId: true, displayName: true } });
}
