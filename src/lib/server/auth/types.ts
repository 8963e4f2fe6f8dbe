import type { GlobalRole, OrgRole } from '../db/generated/enums.ts';

export type { GlobalRole, OrgRole };

export interface SessionMembership {
	organizationId: string;
	organizationSlug: string;
	departmentId: string | null;
	role: OrgRole;
	position: string | null;
}

/** What the server knows about the signed-in person on every request. */
export interface SessionUser {
	id: string;
	email: string;
	name: string | null;
	locale: string;
	roles: GlobalRole[];
	emailVerified: boolean;
	memberships: SessionMembership[];
}

/** What the pages may see of the signed-in person. */
export interface PublicUser {
	id: string;
	email: string;
	name: string | null;
	roles: GlobalRole[];
	isAdmin: boolean;
	/** Manages at least one organization (sees the manager's pages). */
	canManage: boolean;
}
