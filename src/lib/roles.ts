/**
 * The portal's global roles (GlobalRole in prisma/schema.prisma), in the order pages list them. The one
 * list the server's validation and the admin pages share; what each role may do is decided only in
 * src/lib/server/auth/permissions.ts.
 */
export const GLOBAL_ROLE_VALUES = ['admin', 'editor', 'contributor', 'instructor', 'expert', 'learner'] as const;
export type GlobalRoleValue = (typeof GLOBAL_ROLE_VALUES)[number];

/** Roles an admin grants by hand (everyone is a learner). */
export const GRANTABLE_ROLES = GLOBAL_ROLE_VALUES.filter((r) => r !== 'learner');
