import { PostgresSearchEngine } from './pg.ts';
import { TypesenseSearchEngine } from './typesense.ts';
import { SOURCES } from './sources.ts';
import { typesenseSettings, type TypesenseSettings } from '../config/index.ts';
import type { SearchEngine, SearchKind, SearchQuery, SearchResult, Suggestion } from './types.ts';

/**
 * The portal's one search service. Pages, the JSON API and the jobs call these functions; which engine
 * answers is configuration: PostgreSQL full-text search in the portal's database by default (embedded
 * or server), Typesense when TYPESENSE_URL and TYPESENSE_API_KEY are set. Both take the same documents
 * from the same sources and the same analysis (./analysis), and return the same result shape.
 */

export type * from './types.ts';
export { SEARCH_KINDS } from './types.ts';
export { queueIndex } from './queue.ts';

const KEY = Symbol.for('maisternia.search.engine');
type Holder = { [KEY]?: { engine: SearchEngine; ready?: Promise<void> } };
const holder = globalThis as unknown as Holder;

/** The engine the configuration asks for (TYPESENSE_* through the config module). */
export function engineFromConfig(settings: TypesenseSettings | null = typesenseSettings()): SearchEngine {
	return settings ? new TypesenseSearchEngine(settings) : new PostgresSearchEngine();
}

export function searchEngine(): SearchEngine {
	holder[KEY] ??= { engine: engineFromConfig() };
	return holder[KEY].engine;
}

/** For tests and the benchmark: use this engine from now on. */
export function useSearchEngine(engine: SearchEngine): void {
	holder[KEY] = { engine };
}

async function ready(): Promise<SearchEngine> {
	const state = (holder[KEY] ??= { engine: engineFromConfig() });
	state.ready ??= state.engine.ensure().catch((err) => {
		state.ready = undefined;
		throw err;
	});
	await state.ready;
	return state.engine;
}

export async function search(query: SearchQuery): Promise<SearchResult> {
	return (await ready()).search(query);
}

export async function suggest(prefix: string, options: { kinds?: SearchKind[]; limit?: number } = {}): Promise<Suggestion[]> {
	if (!prefix.trim()) return [];
	return (await ready()).suggest(prefix, options);
}

/** Brings these documents of a kind up to date in the index (upsert, or remove when gone). */
export async function indexDocuments(kind: SearchKind, refIds: string[]): Promise<number> {
	const source = SOURCES[kind];
	if (!source || !refIds.length) return 0;
	const engine = await ready();
	let n = 0;
	for (let i = 0; i < refIds.length; i += 50) {
		const ids = refIds.slice(i, i + 50);
		const docs = await source.load(ids);
		const gone = ids.filter((id) => !docs.has(id));
		if (docs.size) await engine.upsert([...docs.values()]);
		if (gone.length) await engine.remove(kind, gone);
		n += docs.size;
	}
	return n;
}

export function reindexActs(actIds: string[]): Promise<number> {
	return indexDocuments('act', actIds);
}

/** Rebuilds the index of a kind (or of every kind) from its source. */
export async function reindexAll(kind?: SearchKind, onProgress?: (done: number) => void): Promise<number> {
	const kinds = kind ? [kind] : (Object.keys(SOURCES) as SearchKind[]);
	let total = 0;
	for (const k of kinds) {
		const source = SOURCES[k]!;
		const seen = new Set<string>();
		let after: string | null = null;
		for (;;) {
			const ids = await source.ids(after, 200);
			if (!ids.length) break;
			total += await indexDocuments(k, ids);
			for (const id of ids) seen.add(id);
			after = ids.at(-1)!;
			onProgress?.(total);
		}
		// Documents whose source row is gone.
		const engine = await ready();
		if (engine instanceof PostgresSearchEngine) {
			const { db } = await import('../db/index.ts');
			const stale = await db().$queryRawUnsafe<Array<{ refId: string }>>(`SELECT "refId" FROM "SearchDocument" WHERE kind = $1`, k);
			const gone = stale.map((s) => s.refId).filter((id) => !seen.has(id));
			if (gone.length) await engine.remove(k, gone);
		}
	}
	return total;
}
