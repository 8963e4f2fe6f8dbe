import fs from 'node:fs';
import path from 'node:path';
import type { PrismaClient } from '../db/index.ts';
import { importActFiles, importCards } from './import.ts';

/**
 * Demo content of the library: 13 real acts with their text (among them 2939-17 «Про доступ до
 * публічної інформації», 2657-12 «Про інформацію», 183-19 «Про відкритість використання публічних
 * коштів»), CC BY 4.0 attribution kept (data/acts/SOURCE.md), and the Voznesensk programme's list of
 * e-government acts as cards. Idempotent (content hashes); then the search index is brought up to date
 * directly, because the seed runs before the job runner starts.
 */
// Resolved from the project folder, not from this module: in the built server this code lives in
// build/server/chunks, but the portal always runs from the project folder.
const dataDir = path.resolve('src/lib/server/library/data');
export const SEED_ACTS_DIR = path.join(dataDir, 'acts');
export const SEED_CARDS_CSV = path.join(dataDir, 'voznesensk-e-government-acts.csv');

export async function seedLibrary(prisma: PrismaClient): Promise<string> {
	const noJob = async () => false;
	const acts = await importActFiles([SEED_ACTS_DIR], { prisma, onActChanged: noJob, source: 'demo seed' });
	const cards = await importCards(fs.readFileSync(SEED_CARDS_CSV, 'utf8'), 'csv', {
		prisma,
		onActChanged: noJob,
		ref: 'voznesensk-e-government-acts.csv',
		source: 'demo seed'
	});
	const failed = [...acts.items, ...cards.items].filter((i) => i.outcome === 'failed');
	if (failed.length) throw new Error(`library seed: ${failed.map((f) => `${f.ref}: ${f.reason}`).join('; ')}`);
	// Loaded lazily: the search service is not needed to read the seed's files.
	const search = await import('../search/index.ts');
	const changed = [...acts.changedActIds, ...cards.changedActIds];
	let indexed = changed.length ? await search.indexDocuments('act', changed) : 0;
	const total = await prisma.legalAct.count();
	if ((await search.searchEngine().count('act')) < total) indexed += await search.reindexAll('act');
	return `library: ${acts.total} acts with text (${acts.created} new), ${cards.total} cards (${cards.created} new), ${indexed} indexed`;
}
