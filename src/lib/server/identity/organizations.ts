import { db, Prisma } from '../db/index.ts';
import type { OrgKind } from '../db/generated/enums.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { recordAudit } from './audit.ts';
import { IdentityError } from './errors.ts';

export const ORG_KINDS: readonly OrgKind[] = ['local_government', 'state_body', 'ngo', 'other'];

export interface OrganizationInput {
	slug: string;
	nameUk: string;
	nameEn: string;
	shortNameUk?: string | null;
	shortNameEn?: string | null;
	kind: OrgKind;
	city?: string | null;
	edrpou?: string | null;
	website?: string | null;
}

export interface DepartmentInput {
	nameUk: string;
	nameEn: string;
}

/** The name of an organization or department in the page's language. */
export function localName(x: { nameUk: string; nameEn: string }, locale: string): string {
	return locale === 'en' ? x.nameEn || x.nameUk : x.nameUk;
}

const isUniqueViolation = (e: unknown) => e instanceof Prisma.PrismaClientKnownRequestError && e.code === 'P2002';

function snapshot(o: OrganizationInput) {
	return {
		slug: o.slug,
		nameUk: o.nameUk,
		nameEn: o.nameEn,
		shortNameUk: o.shortNameUk ?? null,
		shortNameEn: o.shortNameEn ?? null,
		kind: o.kind,
		city: o.city ?? null,
		edrpou: o.edrpou ?? null,
		website: o.website ?? null
	};
}

/** Organizations a person may see: all for admins, their managed ones for managers, none otherwise. */
export async function listOrganizations(actor: SessionUser | null) {
	const where: Prisma.OrganizationWhereInput = can(actor, 'organizations:manage')
		? {}
		: { id: { in: (actor?.memberships ?? []).filter((ms) => can(actor, 'org:view', ms)).map((ms) => ms.organizationId) } };
	const rows = await db().organization.findMany({
		where,
		orderBy: { nameUk: 'asc' },
		include: { _count: { select: { memberships: true, departments: true } } }
	});
	return rows.map((o) => ({ ...o, memberCount: o._count.memberships, departmentCount: o._count.departments }));
}

export async function getOrganizationBySlug(slug: string) {
	return db().organization.findUnique({
		where: { slug },
		include: {
			departments: {
				orderBy: { nameUk: 'asc' },
				include: { _count: { select: { memberships: true } } }
			}
		}
	});
}
export type OrganizationDetail = NonNullable<Awaited<ReturnType<typeof getOrganizationBySlug>>>;

export async function createOrganization(actor: SessionUser, input: OrganizationInput) {
	if (!can(actor, 'organizations:manage')) throw new IdentityError('forbidden');
	try {
		return await db().$transaction(async (tx) => {
			const org = await tx.organization.create({ data: snapshot(input) });
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'organization.created',
				targetType: 'organization',
				targetId: org.id,
				organizationId: org.id,
				after: snapshot(input)
			});
			return org;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new IdentityError('slug_taken');
		throw e;
	}
}

export async function updateOrganization(actor: SessionUser, id: string, input: OrganizationInput) {
	if (!can(actor, 'organizations:manage')) throw new IdentityError('forbidden');
	try {
		return await db().$transaction(async (tx) => {
			const before = await tx.organization.findUnique({ where: { id } });
			if (!before) throw new IdentityError('not_found');
			const org = await tx.organization.update({ where: { id }, data: snapshot(input) });
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'organization.updated',
				targetType: 'organization',
				targetId: id,
				organizationId: id,
				before: snapshot(before),
				after: snapshot(input)
			});
			return org;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new IdentityError('slug_taken');
		throw e;
	}
}

export async function createDepartment(actor: SessionUser, organizationId: string, input: DepartmentInput) {
	if (!can(actor, 'organizations:manage')) throw new IdentityError('forbidden');
	try {
		return await db().$transaction(async (tx) => {
			const org = await tx.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
			if (!org) throw new IdentityError('not_found');
			const dept = await tx.department.create({
				data: { organizationId, nameUk: input.nameUk, nameEn: input.nameEn }
			});
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'department.created',
				targetType: 'department',
				targetId: dept.id,
				organizationId,
				after: { nameUk: input.nameUk, nameEn: input.nameEn }
			});
			return dept;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new IdentityError('department_exists');
		throw e;
	}
}

export async function updateDepartment(actor: SessionUser, departmentId: string, input: DepartmentInput) {
	if (!can(actor, 'organizations:manage')) throw new IdentityError('forbidden');
	try {
		return await db().$transaction(async (tx) => {
			const before = await tx.department.findUnique({ where: { id: departmentId } });
			if (!before) throw new IdentityError('not_found');
			const dept = await tx.department.update({
				where: { id: departmentId },
				data: { nameUk: input.nameUk, nameEn: input.nameEn }
			});
			await recordAudit(tx, {
				actorId: actor.id,
				action: 'department.updated',
				targetType: 'department',
				targetId: departmentId,
				organizationId: before.organizationId,
				before: { nameUk: before.nameUk, nameEn: before.nameEn },
				after: { nameUk: input.nameUk, nameEn: input.nameEn }
			});
			return dept;
		});
	} catch (e) {
		if (isUniqueViolation(e)) throw new IdentityError('department_exists');
		throw e;
	}
}

/** Removes a department; its members stay in the organization without a department. */
export async function deleteDepartment(actor: SessionUser, departmentId: string) {
	if (!can(actor, 'organizations:manage')) throw new IdentityError('forbidden');
	await db().$transaction(async (tx) => {
		const before = await tx.department.findUnique({ where: { id: departmentId } });
		if (!before) throw new IdentityError('not_found');
		await tx.department.delete({ where: { id: departmentId } });
		await recordAudit(tx, {
			actorId: actor.id,
			action: 'department.deleted',
			targetType: 'department',
			targetId: departmentId,
			organizationId: before.organizationId,
			before: { nameUk: before.nameUk, nameEn: before.nameEn }
		});
	});
}

/**
 * The people of one organization with department and position. The caller must be allowed to view
 * that organization: checked here as well as in the route, so no caller can list another
 * organization's people by passing its id.
 */
export async function listMembers(
	actor: SessionUser,
	organizationId: string,
	opts: { q?: string; departmentId?: string } = {}
) {
	if (!can(actor, 'org:view', { organizationId })) throw new IdentityError('forbidden');
	const q = opts.q?.trim();
	return db().membership.findMany({
		where: {
			organizationId,
			...(opts.departmentId ? { departmentId: opts.departmentId } : {}),
			...(q
				? {
						user: {
							OR: [
								{ name: { contains: q, mode: 'insensitive' } },
								{ email: { contains: q, mode: 'insensitive' } }
							]
						}
					}
				: {})
		},
		orderBy: [{ role: 'asc' }, { user: { name: 'asc' } }],
		include: {
			user: { select: { id: true, name: true, email: true, emailVerified: true } },
			department: true
		}
	});
}
export type MemberRow = Awaited<ReturnType<typeof listMembers>>[number];

/** Every organization with its departments, for the selects of admin forms (admins only). */
export async function organizationChoices(actor: SessionUser) {
	if (!can(actor, 'memberships:manage') && !can(actor, 'users:invite')) throw new IdentityError('forbidden');
	return db().organization.findMany({
		orderBy: { nameUk: 'asc' },
		select: {
			id: true,
			slug: true,
			nameUk: true,
			nameEn: true,
			departments: { orderBy: { nameUk: 'asc' }, select: { id: true, nameUk: true, nameEn: true } }
		}
	});
}
export type OrganizationChoice = Awaited<ReturnType<typeof organizationChoices>>[number];
