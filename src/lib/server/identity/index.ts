/**
 * Identity: people, global roles, organizations with departments, memberships (organization role,
 * department, position), invitations, the audit log, and a person's own profile, data export and
 * account deletion. Who may do what is decided in ../auth/permissions.ts; every function that acts
 * for someone checks it again with `can()`, so a route can't skip it by accident.
 */
export * from './errors.ts';
export * from './audit.ts';
export * from './users.ts';
export * from './organizations.ts';
export * from './memberships.ts';
export * from './invitations.ts';
export * from './profile.ts';
export * from './personal-data.ts';
