/**
 * The publishing domain (issue 9): articles with an editorial workflow and revisions, quarterly
 * bulletins composed from them (web, e-mail, PDF), subscriptions with double opt-in and one-click
 * unsubscribe, campaigns through the jobs and the mail outbox that never send two copies (ADR 0017),
 * RSS and Atom feeds, and the articles' search source. Who may do what: ../auth/permissions.ts
 * (article:*, bulletin:manage).
 */
export * from './types.ts';
export * from './errors.ts';
export * from './articles.ts';
export * from './bulletins.ts';
export * from './subscriptions.ts';
export * from './campaigns.ts';
export { bulletinsRss, articlesAtom, xmlText } from './feeds.ts';
export { bulletinPdf } from './pdf.ts';
export { articleHtml, articleText } from './markdown.ts';
export { diffLines, diffStats, type DiffLine } from './diff.ts';
export { publishDue, PUBLISH_DUE_JOB } from './jobs.ts';
export { verifyBounceSecret, handleBounce } from './bounces.ts';
export { explainPublishingError } from './messages.ts';
export * from './forms.ts';
export { saveImage, readImage, MAX_IMAGE_BYTES } from './images.ts';
