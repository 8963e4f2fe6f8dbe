import fs from 'node:fs';
import path from 'node:path';
import { db } from '../db/index.ts';
import { importActFiles, importCards } from '../library/import.ts';
import { importCourses } from '../learning/import.ts';
import { seedEvents, SEED_EVENTS } from '../events/seed.ts';
import { indexDocuments, reindexAll, searchEngine, SEARCH_KINDS } from './index.ts';

/**
 * For tests: the real corpus (../shared/data/legal-acts) and the Voznesensk cards in the test
 * database, indexed. Idempotent: imports skip what is there; indexing runs when the index is behind.
 */
export const CORPUS_DIR = path.resolve(process.env.LEGAL_ACTS_DIR ?? 'tests/fixtures/legal-acts');
export const VOZNESENSK_CSV = path.resolve('src/lib/server/library/data/voznesensk-e-government-acts.csv');

export async function ensureCorpus(): Promise<void> {
	const noIndex = async () => undefined;
	await importActFiles([CORPUS_DIR], { onActChanged: noIndex });
	await importCards(fs.readFileSync(VOZNESENSK_CSV, 'utf8'), 'csv', { onActChanged: noIndex, ref: 'voznesensk.csv' });
	const acts = await db().legalAct.count();
	const stale = await db().$queryRawUnsafe<Array<{ n: number }>>(
		`SELECT count(*)::int AS n FROM "LegalAct" a LEFT JOIN "SearchDocument" d ON d.kind = 'act' AND d."refId" = a.id
		 WHERE d.id IS NULL OR d."indexedAt" < a."updatedAt"`
	);
	if (stale[0]!.n > 0 || (await searchEngine().count('act')) !== acts) await reindexAll('act');
}

/** nreg -> the act's address, for matching hits. */
export async function actUrls(): Promise<Map<string, string>> {
	const acts = await db().legalAct.findMany({ select: { nreg: true, slug: true } });
	return new Map(acts.map((a) => [a.nreg, `/library/${a.slug}`]));
}

/** Only the acts in the index: other kinds (other test files' courses, events, articles...) are taken out. */
export async function onlyActsIndexed(): Promise<void> {
	for (const kind of SEARCH_KINDS) if (kind !== 'act' && (await searchEngine().count(kind)) > 0) await searchEngine().clear(kind);
}

/**
 * The acts plus the portal's demo courses (courses/) and demo events in the index, as on a demo
 * portal, and nothing else of those kinds (other test files leave dozens of look-alike test events
 * in the shared database; they would measure the test data, not the ranking).
 */
export async function actsWithDemoCoursesAndEvents(): Promise<void> {
	await importCourses({ root: path.resolve('courses') });
	await seedEvents(db());
	await onlyActsIndexed();
	await reindexAll('course');
	const demo = await db().event.findMany({ where: { slug: { in: SEED_EVENTS.map((e) => e.slug) } }, select: { id: true } });
	await indexDocuments('event', demo.map((e) => e.id));
}
