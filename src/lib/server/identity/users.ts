import { db, Prisma } from '../db/index.ts';
import type { GlobalRole } from '../db/generated/enums.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { recordAudit } from './audit.ts';
import { IdentityError } from './errors.ts';
import { GLOBAL_ROLE_VALUES } from '../../roles.ts';

export const GLOBAL_ROLES: readonly GlobalRole[] = GLOBAL_ROLE_VALUES;

/** The SessionUser shape of a stored person (what `locals.user` holds), or null. */
export async function loadSessionUser(id: string): Promise<SessionUser | null> {
	const u = await db().user.findUnique({
		where: { id },
		include: { memberships: { include: { organization: { select: { slug: true } } } } }
	});
	if (!u) return null;
	return {
		id: u.id,
		email: u.email,
		name: u.name,
		locale: u.locale,
		roles: u.roles,
		emailVerified: !!u.emailVerified,
		memberships: u.memberships.map((ms) => ({
			organizationId: ms.organizationId,
			organizationSlug: ms.organization.slug,
			departmentId: ms.departmentId,
			role: ms.role,
			position: ms.position
		}))
	};
}

export interface UserListItem {
	id: string;
	name: string | null;
	email: string;
	roles: GlobalRole[];
	emailVerified: boolean;
	createdAt: Date;
	lastSignInAt: Date | null;
	organizations: { slug: string; nameUk: string; nameEn: string; role: string }[];
}

export interface Page<T> {
	items: T[];
	total: number;
	page: number;
	pages: number;
	pageSize: number;
}

/** Normalises a requested page number against the total (never below 1 or beyond the last page). */
export function pageOf(requested: number | undefined, total: number, pageSize: number) {
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(Math.max(1, Math.floor(Number.isFinite(requested) ? (requested as number) : 1)), pages);
	return { page, pages, skip: (page - 1) * pageSize };
}

/** People, searched by name or e-mail (case-insensitive), optionally by role, a page at a time. */
export async function listUsers(
	opts: { q?: string; role?: GlobalRole; page?: number; pageSize?: number } = {}
): Promise<Page<UserListItem>> {
	const pageSize = Math.min(Math.max(opts.pageSize ?? 20, 1), 100);
	const q = opts.q?.trim();
	const where: Prisma.UserWhereInput = {};
	if (q) {
		where.OR = [
			{ name: { contains: q, mode: 'insensitive' } },
			{ email: { contains: q, mode: 'insensitive' } }
		];
	}
	if (opts.role) where.roles = { has: opts.role };
	const total = await db().user.count({ where });
	const { page, pages, skip } = pageOf(opts.page, total, pageSize);
	const rows = await db().user.findMany({
		where,
		orderBy: [{ name: 'asc' }, { email: 'asc' }],
		skip,
		take: pageSize,
		include: { memberships: { include: { organization: true } } }
	});
	return {
		total,
		page,
		pages,
		pageSize,
		items: rows.map((u) => ({
			id: u.id,
			name: u.name,
			email: u.email,
			roles: u.roles,
			emailVerified: !!u.emailVerified,
			createdAt: u.createdAt,
			lastSignInAt: u.lastSignInAt,
			organizations: u.memberships.map((ms) => ({
				slug: ms.organization.slug,
				nameUk: ms.organization.nameUk,
				nameEn: ms.organization.nameEn,
				role: ms.role
			}))
		}))
	};
}

/** One person with their memberships (organization and department names included). */
export async function getUser(id: string) {
	return db().user.findUnique({
		where: { id },
		select: {
			id: true,
			name: true,
			email: true,
			emailVerified: true,
			locale: true,
			roles: true,
			createdAt: true,
			lastSignInAt: true,
			lockedUntil: true,
			memberships: {
				include: { organization: true, department: true },
				orderBy: { createdAt: 'asc' }
			},
			accounts: { select: { provider: true, type: true } }
		}
	});
}
export type UserDetail = NonNullable<Awaited<ReturnType<typeof getUser>>>;

/** Roles in a stable order without duplicates; everyone keeps `learner` (the base role). */
export function normaliseRoles(roles: readonly GlobalRole[]): GlobalRole[] {
	const set = new Set<GlobalRole>([...roles, 'learner']);
	return GLOBAL_ROLES.filter((r) => set.has(r));
}

/**
 * Replaces a person's global roles (admin only), audited with before/after. The last admin can't
 * lose the role: the portal would have nobody left to administer it.
 */
export async function setUserRoles(actor: SessionUser, userId: string, roles: readonly GlobalRole[]): Promise<GlobalRole[]> {
	if (!can(actor, 'users:assign-roles')) throw new IdentityError('forbidden');
	const next = normaliseRoles(roles);
	return db().$transaction(async (tx) => {
		const user = await tx.user.findUnique({ where: { id: userId }, select: { roles: true } });
		if (!user) throw new IdentityError('not_found');
		const before = normaliseRoles(user.roles);
		if (before.join() === next.join()) return before;
		if (before.includes('admin') && !next.includes('admin')) {
			const admins = await tx.user.count({ where: { roles: { has: 'admin' } } });
			if (admins <= 1) throw new IdentityError('last_admin');
		}
		await tx.user.update({ where: { id: userId }, data: { roles: next } });
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'user.roles_changed',
			targetType: 'user',
			targetId: userId,
			subjectUserId: userId,
			before: { roles: before },
			after: { roles: next }
		});
		return next;
	});
}

/** Counts for the admin overview. */
export async function identityCounts() {
	const now = new Date();
	const [users, admins, organizations, departments, memberships, pendingInvitations, auditEntries] = await Promise.all([
		db().user.count(),
		db().user.count({ where: { roles: { has: 'admin' } } }),
		db().organization.count(),
		db().department.count(),
		db().membership.count(),
		db().invitation.count({ where: { acceptedAt: null, revokedAt: null, expiresAt: { gt: now } } }),
		db().auditLog.count()
	]);
	return { users, admins, organizations, departments, memberships, pendingInvitations, auditEntries };
}
