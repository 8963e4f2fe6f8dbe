/**
 * Certification (issue 4, ADR 0015): competency frameworks, training-needs diagnosis and individual
 * development plans, versioned certification programmes, assignments with due dates, the status
 * engine (pure, engine.ts) and its history, overrides and revocations, the daily reminders job, and
 * the manager's compliance dashboard with its exports. Who may do what: ../auth/permissions.ts
 * (certification:*).
 */
export * from './errors.ts';
export * from './engine.ts';
export { createProgramme, publishVersion, listProgrammes, getProgramme, getProgrammeBySlug, parseRequirements, versionFacts, requirementsSchema, versionInputSchema, programmeInputSchema, type ProgrammeInput, type VersionInput, type VersionData } from './programmes.ts';
export { updateProgramme, setProgrammeArchived, listProgrammesFor, holdersByVersion, mayManageProgramme, mayViewProgramme, parseCompetencies, certifiedCompetencySchema, programmeEditSchema, type CertifiedCompetency, type ProgrammeEdit } from './programmes.ts';
export { programmeList, programmeDetail, programmeOwners, versionChanges, previewChanges, type ProgrammeDetail, type VersionView, type VersionChange, type PathView } from './programme-view.ts';
export { parseProgrammeForm, parseVersionForm, learningChoices, versionValues, pathField, competencyField, type FormValues, type FieldErrors, type LearningChoices } from './programme-form.ts';
export { resolveCompetencies, certifiedCompetencies, competencyChoices, type ResolvedCompetency, type CompetencyChoices } from './programme-competencies.ts';
export { createAssignment, revokeAssignment, listAssignments, syncSubjects, syncPersonTx, assignmentInputSchema, type AssignmentInput } from './assignments.ts';
export { loadFacts, type LoadedFacts, type PairFacts } from './facts.ts';
export { personStatuses, recordEarned, recordStatusChanges, overrideCertification, revokeCertification, historyOf, onCertified, onRevoked, statusesOf, type PersonProgrammeStatus, type RecordedCertification } from './status.ts';
export { runDaily, reminderBucket, REMINDERS_JOB, type DailyRunResult } from './reminders.ts';
export { refreshSummaries, refreshStale, refreshAllStale, summaryStatus, summaryRowsOf, readSummaries, type SummaryRow } from './summary.ts';
export { markStale, markProgrammeStale } from './summary-stale.ts';
export { SUMMARY_JOB } from './summary-jobs.ts';
export { complianceReport, complianceCsv, complianceXlsx, exportRows, STATUS_FILTERS, type ComplianceReport, type ComplianceRow, type DepartmentCompliance, type ComplianceFilters, type ExportLabels } from './dashboard.ts';
export { xlsx, csv, zip, type Cell } from './xlsx.ts';
export { myCertification, learningNames, type ProgrammeView, type RequirementView } from './view.ts';
export { parseFrameworkYaml, parseFrameworkCsv, parseCsv, importFramework, sampleFramework, listFrameworks, getFramework, updateCompetency, frameworkForm, ratingsFromForm, type FrameworkForm, CSV_COLUMNS, LEVELS, SAMPLE_FRAMEWORK_FILE, type ParsedFramework, type FrameworkDetail } from './framework.ts';
export { submitAssessment, currentRatings, gapsOf, buildPlan, planOf, updatePlanItem, myDiagnosis, mayActFor, planItemUpdateSchema, ratingSchema, DAYS_PER_LEVEL, type Ratings, type PlanItemView } from './diagnosis.ts';
