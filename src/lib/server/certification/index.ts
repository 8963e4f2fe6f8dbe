/**
 * Certification (issue 4, ADR 0015): competency frameworks, training-needs diagnosis and individual
 * development plans, versioned certification programmes, assignments with due dates, the status
 * engine (pure, engine.ts) and its history, overrides and revocations, the daily reminders job, and
 * the manager's compliance dashboard with its exports. Who may do what: ../auth/permissions.ts
 * (certification:*).
 */
export * from './errors.ts';
export * from './engine.ts';
export { createProgramme, publishVersion, listProgrammes, getProgramme, getProgrammeBySlug, parseRequirements, versionFacts, requirementsSchema, versionInputSchema, programmeInputSchema, type ProgrammeInput, type VersionInput } from './programmes.ts';
export { createAssignment, revokeAssignment, listAssignments, syncSubjects, assignmentInputSchema, type AssignmentInput } from './assignments.ts';
export { loadFacts, type LoadedFacts, type PairFacts } from './facts.ts';
export { personStatuses, recordEarned, recordStatusChanges, overrideCertification, revokeCertification, historyOf, onCertified, onRevoked, statusesOf, type PersonProgrammeStatus, type RecordedCertification } from './status.ts';
export { runDaily, reminderBucket, REMINDERS_JOB, type DailyRunResult } from './reminders.ts';
