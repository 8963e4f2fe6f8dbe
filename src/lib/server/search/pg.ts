import crypto from 'node:crypto';
import { db, type PrismaClient } from '../db/index.ts';
import {
	analyzeQuery,
	editDistance,
	foldKey,
	looksLikeNumber,
	queryTermSet,
	termOf,
	toTsQuery,
	tsvectorLiteral,
	vocabulary,
	type AnalyzedQuery
} from './analysis/index.ts';
import { highlightAll, snippet } from './analysis/highlight.ts';
import {
	pageOf,
	type FacetName,
	type FacetValue,
	type SearchDocumentInput,
	type SearchEngine,
	type SearchHit,
	type SearchKind,
	type SearchQuery,
	type SearchResult,
	type Suggestion
} from './types.ts';

/**
 * The default engine: PostgreSQL full-text search in the portal's own database (embedded PGlite or a
 * server). Documents live in "SearchDocument" with a tsvector built from the shared analysis
 * ('simple' configuration, our own stems and weights: A title, B numbers/kinds/issuers, C headings,
 * D body); act numbers are an exact-match text[] column with a GIN index; one typo is forgiven by
 * looking the word up in "SearchTerm" with pg_trgm and an edit distance of 1.
 */

const RANK_WEIGHTS = '{0.05, 0.2, 0.5, 1.0}';
const FACETS: FacetName[] = ['kind', 'type', 'issuer', 'status', 'year'];
const BATCH = 250;
// Up to this many matches, every text is ranked on its whole vector; above, on its head vector.
const FULL_RANK_LIMIT = 3000;

type Params = unknown[];

class Sql {
	params: Params = [];
	/** Adds a parameter and returns its placeholder. */
	p(value: unknown, cast = ''): string {
		this.params.push(value);
		return `$${this.params.length}${cast}`;
	}
}

interface Match {
	where: string;
	exact: string;
	allTerms: string;
	titleAll: string;
	rank: string;
}

function yearOf(d: Date | null | undefined): number | null {
	return d ? d.getUTCFullYear() : null;
}

function isoDate(d: Date | null | undefined): string | null {
	return d ? d.toISOString().slice(0, 10) : null;
}

export class PostgresSearchEngine implements SearchEngine {
	readonly name = 'postgres';
	/**
	 * Facet counts over a large share of the index cost a pass over every matching row; the library's
	 * landing page (no query) asks for them on every view. They are kept for `facetCacheMs` and dropped
	 * at every write through this engine (other instances' writes show within that time).
	 */
	private facetCache = new Map<string, { at: number; value: Partial<Record<FacetName, FacetValue[]>> }>();
	private readonly facetCacheMs: number;

	constructor(
		private readonly client: () => PrismaClient = db,
		options: { facetCacheMs?: number } = {}
	) {
		this.facetCacheMs = options.facetCacheMs ?? 60_000;
	}

	/**
	 * A search read. The planner does not know that testing a long text's tsvector means reading it
	 * from TOAST: for a common word it picks a sequential scan over every document (seconds at 100k
	 * acts) where the GIN index answers in milliseconds. So searches run with sequential scans (and
	 * JIT, which costs more than it saves on these queries) off, for their own transaction only.
	 */
	private async read<T>(query: string, ...params: unknown[]): Promise<T> {
		return this.client().$transaction(async (tx) => {
			await tx.$queryRawUnsafe(`SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)`);
			return tx.$queryRawUnsafe<T>(query, ...params);
		});
	}

	async ensure(): Promise<void> {
		// The table, its indexes and pg_trgm come with the migrations.
	}

	async count(kind?: SearchKind): Promise<number> {
		const rows = kind
			? await this.client().$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "SearchDocument" WHERE kind = $1`, kind)
			: await this.client().$queryRawUnsafe<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "SearchDocument"`);
		return rows[0]?.n ?? 0;
	}

	async clear(kind?: SearchKind): Promise<void> {
		this.facetCache.clear();
		await this.client().$transaction(async (tx) => {
			if (kind) await tx.$executeRawUnsafe(`DELETE FROM "SearchDocument" WHERE kind = $1`, kind);
			else await tx.$executeRawUnsafe(`DELETE FROM "SearchDocument"`);
			if (!kind) await tx.$executeRawUnsafe(`DELETE FROM "SearchTerm"`);
		});
		if (kind) await this.rebuildTerms();
	}

	/** Recounts the word list from the stored documents (after bulk deletes). */
	async rebuildTerms(): Promise<void> {
		const counts = new Map<string, number>();
		let cursor = '';
		for (;;) {
			const rows = await this.client().$queryRawUnsafe<Array<{ id: string; title: string; body: string }>>(
				`SELECT id, title || E'\n' || coalesce("titleEn", '') AS title, body FROM "SearchDocument" WHERE id > $1 ORDER BY id LIMIT 500`,
				cursor
			);
			if (!rows.length) break;
			for (const r of rows) for (const w of vocabulary(`${r.title}\n${r.body}`)) counts.set(w, (counts.get(w) ?? 0) + 1);
			cursor = rows.at(-1)!.id;
		}
		await this.client().$transaction(async (tx) => {
			await tx.$executeRawUnsafe(`DELETE FROM "SearchTerm"`);
			const words = [...counts.keys()];
			for (let i = 0; i < words.length; i += 5000) {
				const chunk = words.slice(i, i + 5000);
				await tx.$executeRawUnsafe(
					`INSERT INTO "SearchTerm"(word, docs) SELECT * FROM unnest($1::text[], $2::int[])`,
					chunk,
					chunk.map((w) => counts.get(w)!)
				);
			}
		});
	}

	async remove(kind: SearchKind, refIds: string[]): Promise<void> {
		if (!refIds.length) return;
		this.facetCache.clear();
		await this.client().$transaction(async (tx) => {
			const old = await tx.$queryRawUnsafe<Array<{ title: string; body: string }>>(
				`DELETE FROM "SearchDocument" WHERE kind = $1 AND "refId" = ANY($2::text[]) RETURNING title || E'\n' || coalesce("titleEn", '') AS title, body`,
				kind,
				refIds
			);
			const delta = new Map<string, number>();
			for (const r of old) for (const w of vocabulary(`${r.title}\n${r.body}`)) delta.set(w, (delta.get(w) ?? 0) - 1);
			await applyTermDelta(tx, delta);
		});
	}

	async upsert(docs: SearchDocumentInput[]): Promise<void> {
		this.facetCache.clear();
		for (let i = 0; i < docs.length; i += BATCH) await this.upsertBatch(docs.slice(i, i + BATCH));
	}

	private async upsertBatch(docs: SearchDocumentInput[]): Promise<void> {
		if (!docs.length) return;
		// Vocabulary deltas need the previous text of each document.
		const keyOf = (kind: string, refId: string, locale: string) => `${kind}\u0000${refId}\u0000${locale}`;
		const prepared = docs.map((d) => {
			const locale = d.locale ?? 'uk';
			const keys = [...new Set((d.keys ?? []).map((k) => (k.startsWith('~') ? k : foldKey(k))))];
			const typeText = [...(d.types ?? []), ...(d.issuers ?? [])].join(' ');
			const headFields = [
				{ text: d.titleEn ? `${d.title}\n${d.titleEn}` : d.title, weight: 'A' as const },
				{ text: `${keys.filter((k) => !k.startsWith('~')).join(' ')} ${typeText} ${d.subtitle ?? ''}`, weight: 'B' as const },
				{ text: (d.headings ?? []).join('\n'), weight: 'C' as const }
			];
			const tsv = tsvectorLiteral([...headFields, { text: d.body, weight: 'D' }]);
			const head = tsvectorLiteral(headFields);
			return { d, locale, keys, tsv, head, vocab: vocabulary(`${d.title}\n${d.titleEn ?? ''}\n${d.body}`) };
		});
		await this.client().$transaction(
			async (tx) => {
				const olds = await tx.$queryRawUnsafe<Array<{ kind: string; refId: string; locale: string; title: string; titleEn: string | null; body: string }>>(
					`SELECT kind, "refId", locale, title, "titleEn", body FROM "SearchDocument" d
					 WHERE (kind, "refId", locale) IN (SELECT * FROM unnest($1::text[], $2::text[], $3::text[]))`,
					prepared.map((p) => p.d.kind),
					prepared.map((p) => p.d.refId),
					prepared.map((p) => p.locale)
				);
				const oldVocab = new Map(olds.map((o) => [keyOf(o.kind, o.refId, o.locale), vocabulary(`${o.title}\n${o.titleEn ?? ''}\n${o.body}`)]));
				const delta = new Map<string, number>();
				for (const p of prepared) {
					const before = oldVocab.get(keyOf(p.d.kind, p.d.refId, p.locale)) ?? new Set<string>();
					for (const w of p.vocab) if (!before.has(w)) delta.set(w, (delta.get(w) ?? 0) + 1);
					for (const w of before) if (!p.vocab.has(w)) delta.set(w, (delta.get(w) ?? 0) - 1);
				}
				const sql = new Sql();
				const rows = prepared.map(({ d, locale, keys, tsv, head }) => {
					const date = d.date ?? null;
					return `(${sql.p(crypto.randomUUID())}, ${sql.p(d.kind)}, ${sql.p(d.refId)}, ${sql.p(locale)}, ${sql.p(d.url)}, ${sql.p(d.title)}, ${sql.p(d.titleEn ?? null)}, ${sql.p(
						d.subtitle ?? null
					)}, ${sql.p(d.body)}, ${sql.p(keys, '::text[]')}, ${sql.p(d.types ?? [], '::text[]')}, ${sql.p(d.issuers ?? [], '::text[]')}, ${sql.p(
						d.status ?? null
					)}, ${sql.p(yearOf(date), '::int')}, ${sql.p(isoDate(date), '::date')}, ${sql.p(tsv, '::tsvector')}, ${sql.p(head, '::tsvector')}, now())`;
				});
				await tx.$executeRawUnsafe(
					`INSERT INTO "SearchDocument" (id, kind, "refId", locale, url, title, "titleEn", subtitle, body, keys, types, issuers, status, year, date, tsv, head, "indexedAt")
					 VALUES ${rows.join(',\n')}
					 ON CONFLICT (kind, "refId", locale) DO UPDATE SET url = EXCLUDED.url, title = EXCLUDED.title, "titleEn" = EXCLUDED."titleEn", subtitle = EXCLUDED.subtitle,
					   body = EXCLUDED.body, keys = EXCLUDED.keys, types = EXCLUDED.types, issuers = EXCLUDED.issuers, status = EXCLUDED.status,
					   year = EXCLUDED.year, date = EXCLUDED.date, tsv = EXCLUDED.tsv, head = EXCLUDED.head, "indexedAt" = now()`,
					...sql.params
				);
				await applyTermDelta(tx, delta);
			},
			{ timeout: 120_000, maxWait: 60_000 }
		);
	}

	// ------------------------------------------------------------------------------------- search

	/** Words of the query that match nothing, replaced by the nearest indexed word (edit distance 1). */
	private async corrections(a: AnalyzedQuery): Promise<Map<string, { from: string; to: string; term: string }>> {
		const out = new Map<string, { from: string; to: string; term: string }>();
		const candidates = a.terms.filter((t) => !t.expansion && t.word.length >= 4 && !/\d/.test(t.word));
		if (!candidates.length) return out;
		// One query per word with a constant tsquery, so that the GIN index answers it.
		const missing = new Set<string>();
		for (const t of candidates) {
			const r = await this.read<Array<{ hit: boolean }>>(
				`SELECT EXISTS (SELECT 1 FROM "SearchDocument" d WHERE d.tsv @@ $1::tsquery) AS hit`,
				`'${t.term.replace(/'/g, "''")}'`
			);
			if (!r[0]?.hit) missing.add(t.term);
		}
		for (const t of candidates) {
			if (!missing.has(t.term)) continue;
			// Inflected forms differ in length, so candidates are compared both as words and as stems.
			const rows = await this.read<Array<{ word: string; docs: number }>>(
				`SELECT word, docs FROM "SearchTerm" WHERE word % $1 ORDER BY similarity(word, $1) DESC, docs DESC LIMIT 60`,
				t.word
			);
			const best = rows
				.map((r) => {
					const term = termOf(r.word);
					const dist = Math.min(editDistance(t.word, r.word, 1), term ? editDistance(t.term, term, 1) : 9);
					return { ...r, term, dist };
				})
				.filter((r) => r.dist <= 1 && r.term)
				.sort((x, y) => x.dist - y.dist || y.docs - x.docs)[0];
			if (best?.term) out.set(t.term, { from: t.word, to: best.word, term: best.term });
		}
		return out;
	}

	private match(sql: Sql, a: AnalyzedQuery, tsq: string | null, ranked = true, allIds: string[] | null = null, light = false): Match | null {
		const fullKeys = a.keys.filter((k) => !k.startsWith('~'));
		const leadKeys = a.keys.filter((k) => k.startsWith('~'));
		const numQ = a.numberTerms.length ? a.numberTerms.map((n) => `'${n}'`).join(' | ') : null;
		const conds: string[] = [];
		let exact = '0';
		let keyCond: string | null = null;
		if (a.keys.length) {
			const all = sql.p(a.keys, '::text[]');
			if (ranked) exact = `(CASE WHEN d.keys && ${sql.p(fullKeys, '::text[]')} THEN 2 WHEN d.keys && ${sql.p(leadKeys, '::text[]')} THEN 1 ELSE 0 END)`;
			keyCond = numQ ? `(d.keys && ${all} OR d.tsv @@ ${sql.p(numQ, '::tsquery')})` : `d.keys && ${all}`;
		}
		let q: string | null = null;
		if (tsq) {
			q = sql.p(tsq, '::tsquery');
			conds.push(`d.tsv @@ ${q}`);
		}
		if (keyCond) conds.push(keyCond);
		if (!conds.length) return null;
		const rankQuery = ranked ? (q ?? (numQ ? sql.p(numQ, '::tsquery') : null)) : null;
		// All the words (and the numbers, as words: «бюджет 2021») in the title rank first.
		const titleQuery = q && ranked ? (numQ ? `(${q} && (${sql.p(numQ, '::tsquery')}))` : q) : null;
		// Large result sets are ranked on the small head vector (title, numbers, headings): ranking
		// every long text would read them all.
		return {
			where: conds.join(' AND '),
			exact,
			allTerms: allIds && ranked ? `(d.id = ANY(${sql.p(allIds, '::text[]')}))::int` : '0',
			titleAll: titleQuery ? `(ts_filter(d.head, '{a}') @@ ${titleQuery})::int` : '0',
			rank: rankQuery ? (light ? `ts_rank('${RANK_WEIGHTS}', d.head, ${rankQuery}, 0)` : `ts_rank('${RANK_WEIGHTS}', d.tsv, ${rankQuery}, 1)`) : '0'
		};
	}

	private filters(sql: Sql, query: SearchQuery, except?: FacetName, alias = 'd'): string[] {
		const f: string[] = [];
		if (query.kinds?.length && except !== 'kind') f.push(`${alias}.kind = ANY(${sql.p(query.kinds, '::text[]')})`);
		if (query.types?.length && except !== 'type') f.push(`${alias}.types && ${sql.p(query.types, '::text[]')}`);
		if (query.issuers?.length && except !== 'issuer') f.push(`${alias}.issuers && ${sql.p(query.issuers, '::text[]')}`);
		if (query.statuses?.length && except !== 'status') f.push(`${alias}.status = ANY(${sql.p(query.statuses, '::text[]')})`);
		if (query.years?.length && except !== 'year') f.push(`${alias}.year = ANY(${sql.p(query.years, '::int[]')})`);
		return f;
	}

	async search(query: SearchQuery): Promise<SearchResult> {
		const started = performance.now();
		const a = analyzeQuery(query.q);
		const { page, pageSize, offset } = pageOf(query);
		const fixes = a.empty ? new Map() : await this.corrections(a);
		const replace = new Map([...fixes].map(([term, f]) => [term, f.term]));
		let relaxed = false;
		const all = toTsQuery(a, { replace });
		let run = await this.run(query, a, all, page, pageSize, offset);
		// Few documents have every word: show those first, then those with some of the words.
		if (run.total < 3 && a.terms.length > 1 && !a.phrases.length) {
			const withAll = (await this.run(query, a, all, 1, 3, 0)).rows.map((r) => r.id);
			const loose = await this.run(query, a, toTsQuery(a, { replace, mode: 'or' }), page, pageSize, offset, withAll);
			if (loose.total > run.total) {
				run = loose;
				relaxed = true;
			}
		}
		const termSet = queryTermSet(a, replace);
		const hits: SearchHit[] = run.rows.map((r) => ({
			kind: r.kind as SearchKind,
			refId: r.refId,
			url: r.url,
			title: r.title,
			titleHighlight: highlightAll(r.title, termSet),
			titleEn: r.titleEn,
			titleEnHighlight: r.titleEn ? highlightAll(r.titleEn, termSet) : [],
			subtitle: r.subtitle,
			snippet: snippet(r.body, termSet),
			types: r.types,
			issuers: r.issuers,
			status: r.status,
			year: r.year,
			date: r.date ? isoDate(r.date) : null,
			score: Number(r.score),
			exact: r.exact > 0
		}));
		return {
			query,
			total: run.total,
			page,
			pageSize,
			pages: Math.ceil(run.total / pageSize),
			hits,
			facets: run.facets,
			corrections: [...fixes.values()].map(({ from, to }) => ({ from, to })),
			relaxed,
			engine: this.name,
			tookMs: Math.round((performance.now() - started) * 10) / 10
		};
	}

	private async run(query: SearchQuery, a: AnalyzedQuery, tsq: string | null, page: number, pageSize: number, offset: number, allIds: string[] | null = null) {
		type Row = {
			id: string;
			kind: string;
			refId: string;
			url: string;
			title: string;
			titleEn: string | null;
			subtitle: string | null;
			types: string[];
			issuers: string[];
			status: string | null;
			year: number | null;
			date: Date | null;
			exact: number;
			score: number;
			body: string;
		};
		// How many match decides how to rank (see match()); counting uses the GIN indexes only.
		const countSql = new Sql();
		const cm = a.empty ? null : this.match(countSql, a, tsq, false);
		if (!a.empty && !cm) return { rows: [] as Row[], total: 0, facets: {} };
		const countWhere = [cm?.where ?? 'TRUE', ...this.filters(countSql, query)].join(' AND ');
		// On a server the facets are counted on another connection meanwhile.
		const facets = this.facets(query, a, tsq);
		facets.catch(() => undefined); // awaited below; this only avoids an unhandled rejection meanwhile
		const counted = await this.read<Array<{ n: number }>>(`SELECT count(*)::int AS n FROM "SearchDocument" d WHERE ${countWhere}`, ...countSql.params);
		const total = counted[0]?.n ?? 0;
		if (!total || offset >= total) return { rows: [] as Row[], total, facets: await facets };

		const sql = new Sql();
		const m = a.empty ? null : this.match(sql, a, tsq, true, allIds, total > FULL_RANK_LIMIT);
		const where = [m?.where ?? 'TRUE', ...this.filters(sql, query)].join(' AND ');
		const sort = query.sort ?? (a.empty ? 'date_desc' : 'relevance');
		const order =
			sort === 'date_desc'
				? 'd.date DESC NULLS LAST, d.id'
				: sort === 'date_asc'
					? 'd.date ASC NULLS LAST, d.id'
					: `exact DESC, all_terms DESC, title_all DESC, score DESC, d.date DESC NULLS LAST, d.id`;
		// Date orders need no score: no text is ranked then.
		const ranked = sort === 'relevance';
		const rows = await this.read<Row[]>(
			`WITH page AS (
			   SELECT d.id, d.kind, d."refId", d.url, d.title, d."titleEn", d.subtitle, d.types, d.issuers, d.status, d.year, d.date,
			          ${m?.exact ?? '0'} AS exact, ${m?.allTerms ?? '0'} AS all_terms, ${m?.titleAll ?? '0'} AS title_all,
			          ${ranked ? (m?.rank ?? '0') : '0'}::float8 AS score
			   FROM "SearchDocument" d WHERE ${where}
			   ORDER BY ${order} LIMIT ${sql.p(pageSize, '::int')} OFFSET ${sql.p(offset, '::int')})
			 SELECT page.*, d.body FROM page JOIN "SearchDocument" d ON d.id = page.id
			 ORDER BY ${order.replace(/\bscore\b/g, 'page.score').replace(/\bexact\b/g, 'page.exact').replace(/\btitle_all\b/g, 'page.title_all').replace(/\ball_terms\b/g, 'page.all_terms')}`,
			...sql.params
		);
		return { rows, total, facets: await facets };
	}

	private async facets(query: SearchQuery, a: AnalyzedQuery, tsq: string | null): Promise<Partial<Record<FacetName, FacetValue[]>>> {
		const wanted = query.facets ?? FACETS;
		if (!wanted.length) return {};
		const sql = new Sql();
		const m = a.empty ? null : this.match(sql, a, tsq, false);
		if (!a.empty && !m) return {};
		const parts: string[] = [];
		const column: Record<FacetName, string> = { kind: 'b.kind', type: 't.v', issuer: 't.v', status: 'b.status', year: 'b.year::text' };
		for (const f of wanted) {
			const conds = this.filters(sql, query, f, 'b');
			const from = f === 'type' ? 'base b, unnest(b.types) AS t(v)' : f === 'issuer' ? 'base b, unnest(b.issuers) AS t(v)' : 'base b';
			const notNull = f === 'status' || f === 'year' ? [`${column[f]} IS NOT NULL`] : [];
			const whereF = [...conds, ...notNull];
			parts.push(
				`SELECT '${f}' AS f, ${column[f]} AS v, count(*)::int AS c FROM ${from}${whereF.length ? ' WHERE ' + whereF.join(' AND ') : ''} GROUP BY ${column[f]}`
			);
		}
		const cacheKey = this.facetCacheMs > 0 ? JSON.stringify([m?.where, sql.params, parts]) : '';
		const cached = cacheKey ? this.facetCache.get(cacheKey) : undefined;
		if (cached && Date.now() - cached.at < this.facetCacheMs) return cached.value;
		const rows = await this.read<Array<{ f: FacetName; v: string; c: number }>>(
			`WITH base AS MATERIALIZED (SELECT d.kind, d.types, d.issuers, d.status, d.year FROM "SearchDocument" d WHERE ${m?.where ?? 'TRUE'})
			 ${parts.join('\nUNION ALL\n')}`,
			...sql.params
		);
		const out: Partial<Record<FacetName, FacetValue[]>> = {};
		for (const f of wanted) out[f] = [];
		for (const r of rows) out[r.f]!.push({ value: r.v, count: r.c });
		for (const f of wanted) {
			out[f]!.sort((x, y) => (f === 'year' ? Number(y.value) - Number(x.value) : y.count - x.count || x.value.localeCompare(y.value, 'uk')));
		}
		if (cacheKey) {
			if (this.facetCache.size > 500) this.facetCache.clear();
			this.facetCache.set(cacheKey, { at: Date.now(), value: out });
		}
		return out;
	}

	async suggest(prefix: string, options: { kinds?: SearchKind[]; limit?: number } = {}): Promise<Suggestion[]> {
		const limit = Math.min(20, options.limit ?? 8);
		const a = analyzeQuery(prefix);
		const out: Suggestion[] = [];
		const kinds = options.kinds?.length ? options.kinds : null;
		const trimmed = prefix.trim();
		if (trimmed && looksLikeNumber(trimmed.replace(/^№\s*/, ''))) {
			const k = foldKey(trimmed.replace(/^№\s*/, ''));
			const rows = await this.read<Array<{ kind: string; url: string; title: string }>>(
				`SELECT kind, url, title FROM "SearchDocument" d
				 WHERE (d.keys && ARRAY[$1]::text[] OR EXISTS (SELECT 1 FROM unnest(d.keys) k WHERE k LIKE $2))
				   ${kinds ? 'AND d.kind = ANY($4::text[])' : ''}
				 ORDER BY (d.keys && ARRAY[$1]::text[]) DESC, d.date DESC NULLS LAST LIMIT $3`,
				k,
				`${k.replace(/[%_\\]/g, '\\$&')}%`,
				limit,
				...(kinds ? [kinds] : [])
			);
			for (const r of rows) out.push({ type: 'number', text: r.title, url: r.url, kind: r.kind as SearchKind });
		}
		const tsq = toTsQuery(a, { prefixLast: true });
		if (tsq) {
			const rows = await this.read<Array<{ kind: string; url: string; title: string }>>(
				`SELECT kind, url, title FROM "SearchDocument" d
				 WHERE d.tsv @@ $1::tsquery AND ts_filter(d.tsv, '{a}') @@ $1::tsquery ${kinds ? 'AND d.kind = ANY($3::text[])' : ''}
				 ORDER BY ts_rank('${RANK_WEIGHTS}', ts_filter(d.tsv, '{a}'), $1::tsquery) DESC, d.date DESC NULLS LAST LIMIT $2`,
				tsq,
				limit,
				...(kinds ? [kinds] : [])
			);
			for (const r of rows) if (!out.some((o) => o.url === r.url)) out.push({ type: 'document', text: r.title, url: r.url, kind: r.kind as SearchKind });
		}
		if (a.partial && a.partial.length >= 2 && !/\d/.test(a.partial)) {
			const rows = await this.read<Array<{ word: string }>>(
				`SELECT word FROM "SearchTerm" WHERE word LIKE $1 ORDER BY docs DESC, word LIMIT $2`,
				`${a.partial.replace(/[%_\\]/g, '\\$&')}%`,
				Math.max(3, Math.floor(limit / 2))
			);
			const head = prefix.slice(0, prefix.length - a.partial.length);
			for (const r of rows) if (r.word !== a.partial) out.push({ type: 'word', text: `${head}${r.word}` });
		}
		return out.slice(0, limit * 2);
	}
}

/** Applies word-count changes to the word list inside the caller's transaction. */
async function applyTermDelta(
	tx: { $executeRawUnsafe: (q: string, ...v: unknown[]) => Promise<number> },
	delta: Map<string, number>
): Promise<void> {
	const entries = [...delta].filter(([, d]) => d !== 0).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	if (!entries.length) return;
	for (let i = 0; i < entries.length; i += 5000) {
		const chunk = entries.slice(i, i + 5000);
		await tx.$executeRawUnsafe(
			`INSERT INTO "SearchTerm"(word, docs) SELECT * FROM unnest($1::text[], $2::int[])
			 ON CONFLICT (word) DO UPDATE SET docs = "SearchTerm".docs + EXCLUDED.docs`,
			chunk.map(([w]) => w),
			chunk.map(([, d]) => d)
		);
	}
	const removed = entries.filter(([, d]) => d < 0).map(([w]) => w);
	if (removed.length) await tx.$executeRawUnsafe(`DELETE FROM "SearchTerm" WHERE word = ANY($1::text[]) AND docs <= 0`, removed);
}
