/**
 * The depository of best practices (mini-cases). Classifier and tools: classifier.ts; regions:
 * regions.ts (shared with contests and ratings). Who may: ../auth/permissions.ts (case:*).
 */
export * from './classifier.ts';
export * from './regions.ts';
export { CaseError, CASE_PAGE_SIZE, filtersFromUrl, listCases, casePage, checkCase, saveDraft, caseForEdit, submitCase, reviewCase, myCases, publishCaseFromEntry, type CaseFilters, type CaseInput, type CaseErrors, type Figure, type Attachment } from './cases.ts';
export { caseSearchSource } from './search-source.ts';
export { seedCases } from './seed.ts';
export { caseInputFromForm, formFromInput } from './forms.ts';
