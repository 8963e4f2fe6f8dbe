/**
 * The depository of best practices (mini-cases). Classifier and tools: classifier.ts; regions:
 * regions.ts (shared with contests and ratings); uploaded files: attachments.ts; links to acts,
 * courses and articles: related.ts; mail: mail.ts. Who may: ../auth/permissions.ts (case:*).
 */
export * from './classifier.ts';
export * from './regions.ts';
export { CaseError, CASE_PAGE_SIZE, filtersFromUrl, listCases, casePage, checkCase, saveDraft, caseForEdit, caseFile, submitCase, reviewCase, myCases, publishCaseFromEntry, type CaseFilters, type CaseInput, type CaseErrors, type CaseFile, type FileChanges, type SaveResult, type Figure, type Attachment } from './cases.ts';
export { ACCEPT, MAX_ATTACHMENTS, FILE_TYPES, maxAttachmentBytes, cleanFileName, sniffFile, checkFiles, removeUnreferencedFiles, type FileIssue, type FileProblem, type UploadedFile } from './attachments.ts';
export { RELATED_KINDS, findRelated, relatedBySlugs, isRelatedKind, type RelatedKind, type RelatedItem } from './related.ts';
export { caseSearchSource } from './search-source.ts';
export { seedCases } from './seed.ts';
export { caseInputFromForm, formFromInput, filesFromForm } from './forms.ts';
