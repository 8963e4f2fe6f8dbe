import { Client as TypesenseClient, Errors as TypesenseErrors } from 'typesense';
import type { CollectionCreateSchema } from 'typesense/lib/Typesense/Collections';
import { analyzeQuery, foldKey, queryTermSet, terms } from './analysis/index.ts';
import { highlightAll, snippet } from './analysis/highlight.ts';
import { SYNONYMS } from './analysis/synonyms.ts';
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
 * The Typesense engine, for a Typesense cluster (TYPESENSE_URL, TYPESENSE_API_KEY), through the
 * official `typesense` client. Typesense has no Ukrainian stemmer, so documents carry the terms
 * of the shared analysis in *_terms fields and queries send the analysed terms; act numbers are an
 * exact string[] field filtered without typos; abbreviations become a synonym set; snippets come
 * from the same highlighter as the PostgreSQL engine.
 */

export interface TypesenseConfig {
	/** e.g. http://localhost:8108 (several nodes: comma separated, tried in order). */
	url: string;
	apiKey: string;
	collection?: string;
	timeoutMs?: number;
}

interface TsDocument {
	id: string;
	kind: string;
	refId: string;
	locale: string;
	url: string;
	title: string;
	title_en?: string;
	subtitle: string;
	body: string;
	title_terms: string;
	meta_terms: string;
	heading_terms: string;
	body_terms: string;
	keys: string[];
	types: string[];
	issuers: string[];
	status?: string;
	year?: number;
	/** Days since 1970-01-01 (sortable). */
	date?: number;
}

const FACET_FIELD: Record<FacetName, string> = { kind: 'kind', type: 'types', issuer: 'issuers', status: 'status', year: 'year' };

export function collectionSchema(name: string) {
	return {
		name,
		fields: [
			{ name: 'kind', type: 'string', facet: true },
			{ name: 'refId', type: 'string' },
			{ name: 'locale', type: 'string', facet: true },
			{ name: 'title', type: 'string', locale: 'uk' },
			{ name: 'title_en', type: 'string', optional: true, index: false },
			{ name: 'title_terms', type: 'string' },
			{ name: 'meta_terms', type: 'string' },
			{ name: 'heading_terms', type: 'string' },
			{ name: 'body_terms', type: 'string' },
			{ name: 'keys', type: 'string[]' },
			{ name: 'types', type: 'string[]', facet: true },
			{ name: 'issuers', type: 'string[]', facet: true },
			{ name: 'status', type: 'string', facet: true, optional: true },
			{ name: 'year', type: 'int32', facet: true, optional: true },
			{ name: 'date', type: 'int64', optional: true }
		]
	};
}

/** Backtick-quoted filter value (Typesense filter syntax). */
function fv(v: string | number): string {
	return typeof v === 'number' ? String(v) : '`' + v.replace(/`/g, '') + '`';
}

export function toTypesenseDocument(d: SearchDocumentInput): TsDocument {
	const locale = d.locale ?? 'uk';
	const keys = [...new Set((d.keys ?? []).map((k) => (k.startsWith('~') ? k : foldKey(k))))];
	const doc: TsDocument = {
		id: `${d.kind}-${d.refId}-${locale}`.replace(/[^A-Za-z0-9_-]/g, '_'),
		kind: d.kind,
		refId: d.refId,
		locale,
		url: d.url,
		title: d.title,
		subtitle: d.subtitle ?? '',
		body: d.body,
		title_terms: terms(d.titleEn ? `${d.title}\n${d.titleEn}` : d.title).join(' '),
		meta_terms: terms(`${(d.types ?? []).join(' ')} ${(d.issuers ?? []).join(' ')} ${d.subtitle ?? ''}`).join(' '),
		heading_terms: terms((d.headings ?? []).join('\n')).join(' '),
		body_terms: terms(d.body).join(' '),
		keys,
		types: d.types ?? [],
		issuers: d.issuers ?? []
	};
	if (d.titleEn) doc.title_en = d.titleEn;
	if (d.status) doc.status = d.status;
	if (d.date) {
		doc.year = d.date.getUTCFullYear();
		doc.date = Math.floor(d.date.getTime() / 86_400_000);
	}
	return doc;
}

/** Query parameters for a search (exported for the contract tests). */
export function searchParams(query: SearchQuery): Record<string, string> {
	const a = analyzeQuery(query.q);
	const { page, pageSize } = pageOf(query);
	const words = a.terms.map((t) => t.term).concat(a.phrases.flat());
	const filters: string[] = [];
	if (a.keys.length) filters.push(`keys:=[${a.keys.map(fv).join(',')}]`);
	if (query.kinds?.length) filters.push(`kind:=[${query.kinds.map(fv).join(',')}]`);
	if (query.types?.length) filters.push(`types:=[${query.types.map(fv).join(',')}]`);
	if (query.issuers?.length) filters.push(`issuers:=[${query.issuers.map(fv).join(',')}]`);
	if (query.statuses?.length) filters.push(`status:=[${query.statuses.map(fv).join(',')}]`);
	if (query.years?.length) filters.push(`year:=[${query.years.join(',')}]`);
	const sort = query.sort ?? (a.empty ? 'date_desc' : 'relevance');
	const full = a.keys.filter((k) => !k.startsWith('~'));
	const sortBy =
		sort === 'date_desc'
			? 'date:desc,_text_match:desc'
			: sort === 'date_asc'
				? 'date:asc,_text_match:desc'
				: full.length
					? `_eval(keys:=[${full.map(fv).join(',')}]):desc,_text_match:desc,date:desc`
					: '_text_match:desc,date:desc';
	return {
		q: words.length ? words.join(' ') : '*',
		query_by: 'title_terms,meta_terms,heading_terms,body_terms',
		query_by_weights: '8,4,2,1',
		num_typos: '1,1,1,1',
		typo_tokens_threshold: '1',
		prefix: 'false',
		facet_by: (query.facets ?? (['kind', 'type', 'issuer', 'status', 'year'] as FacetName[])).map((f) => FACET_FIELD[f]).join(','),
		max_facet_values: '50',
		...(filters.length ? { filter_by: filters.join(' && ') } : {}),
		sort_by: sortBy,
		page: String(page),
		per_page: String(pageSize),
		include_fields: 'kind,refId,url,title,title_en,subtitle,body,keys,types,issuers,status,year,date',
		highlight_fields: 'none'
	};
}

type SearchResponse = {
	found: number;
	hits?: Array<{ document: TsDocument; text_match?: number }>;
	facet_counts?: Array<{ field_name: string; counts: Array<{ value: string; count: number }> }>;
};

export class TypesenseSearchEngine implements SearchEngine {
	readonly name = 'typesense';
	private readonly client: TypesenseClient;
	private readonly collection: string;

	constructor(config: TypesenseConfig) {
		const nodes = config.url
			.split(',')
			.map((u) => u.trim().replace(/\/+$/, ''))
			.filter(Boolean)
			.map((url) => ({ url }));
		this.client = new TypesenseClient({
			nodes,
			apiKey: config.apiKey,
			connectionTimeoutSeconds: Math.ceil((config.timeoutMs ?? 10_000) / 1000),
			numRetries: 3,
			logLevel: 'error'
		});
		this.collection = config.collection ?? 'portal';
	}

	private docs() {
		return this.client.collections<TsDocument>(this.collection).documents();
	}

	async ensure(): Promise<void> {
		if (!(await this.client.collections(this.collection).exists())) {
			// The client's field type is a union of literal types; the schema is the documented one.
			await this.client.collections().create(collectionSchema(this.collection) as CollectionCreateSchema);
		}
		// Abbreviations as multi-way synonyms over analysed terms (КМУ = Кабінет Міністрів України).
		for (const [abbr, full] of Object.entries(SYNONYMS)) {
			const synonyms = [abbr, terms(full).join(' ')];
			try {
				await this.client.collections(this.collection).synonyms().upsert(`syn-${abbr}`, { synonyms });
			} catch (err) {
				// Typesense 30 keeps synonyms in global synonym sets instead of per collection.
				if (!(err instanceof TypesenseErrors.ObjectNotFound)) throw err;
				await this.client.synonymSets(`${this.collection}-abbreviations`).upsert({
					items: Object.entries(SYNONYMS).map(([a, f]) => ({ id: `syn-${a}`, synonyms: [a, terms(f).join(' ')] }))
				});
				break;
			}
		}
	}

	async upsert(docs: SearchDocumentInput[]): Promise<void> {
		for (let i = 0; i < docs.length; i += 500) {
			const batch = docs.slice(i, i + 500).map(toTypesenseDocument);
			try {
				await this.docs().import(batch, { action: 'upsert' });
			} catch (err) {
				if (err instanceof TypesenseErrors.ImportError) {
					throw new Error(`Typesense import: ${err.importResults.filter((r) => !r.success).length} documents failed: ${err.message}`);
				}
				throw err;
			}
		}
	}

	async remove(kind: SearchKind, refIds: string[]): Promise<void> {
		for (let i = 0; i < refIds.length; i += 100) {
			await this.docs().delete({ filter_by: `kind:=${fv(kind)} && refId:=[${refIds.slice(i, i + 100).map(fv).join(',')}]` });
		}
	}

	async clear(kind?: SearchKind): Promise<void> {
		if (kind) await this.docs().delete({ filter_by: `kind:=${fv(kind)}` });
		else {
			if (await this.client.collections(this.collection).exists()) await this.client.collections(this.collection).delete();
			await this.ensure();
		}
	}

	async count(kind?: SearchKind): Promise<number> {
		const r = (await this.docs().search({ q: '*', query_by: 'title_terms', per_page: 0, ...(kind ? { filter_by: `kind:=${fv(kind)}` } : {}) })) as unknown as SearchResponse;
		return r.found;
	}

	async search(query: SearchQuery): Promise<SearchResult> {
		const started = performance.now();
		const a = analyzeQuery(query.q);
		const { page, pageSize } = pageOf(query);
		// Parameters are built as strings (see searchParams); the client passes them through unchanged.
		const r = (await this.docs().search(searchParams(query) as unknown as Parameters<ReturnType<TypesenseSearchEngine['docs']>['search']>[0])) as unknown as SearchResponse;
		const termSet = queryTermSet(a);
		const full = new Set(a.keys.filter((k) => !k.startsWith('~')));
		const hits: SearchHit[] = (r.hits ?? []).map(({ document: d, text_match }) => ({
			kind: d.kind as SearchKind,
			refId: d.refId,
			url: d.url,
			title: d.title,
			titleHighlight: highlightAll(d.title, termSet),
			titleEn: d.title_en || null,
			titleEnHighlight: d.title_en ? highlightAll(d.title_en, termSet) : [],
			subtitle: d.subtitle || null,
			snippet: snippet(d.body ?? '', termSet),
			types: d.types ?? [],
			issuers: d.issuers ?? [],
			status: d.status ?? null,
			year: d.year ?? null,
			date: d.date !== undefined ? new Date(d.date * 86_400_000).toISOString().slice(0, 10) : null,
			score: text_match ?? 0,
			exact: (d.keys ?? []).some((k) => full.has(k))
		}));
		const facets: Partial<Record<FacetName, FacetValue[]>> = {};
		for (const [name, field] of Object.entries(FACET_FIELD) as Array<[FacetName, string]>) {
			const fc = r.facet_counts?.find((f) => f.field_name === field);
			if (fc) facets[name] = fc.counts.map((c) => ({ value: String(c.value), count: c.count }));
		}
		if (facets.year) facets.year.sort((x, y) => Number(y.value) - Number(x.value));
		return {
			query,
			total: r.found,
			page,
			pageSize,
			pages: Math.ceil(r.found / pageSize),
			hits,
			facets,
			corrections: [],
			relaxed: false,
			engine: this.name,
			tookMs: Math.round((performance.now() - started) * 10) / 10
		};
	}

	async suggest(prefix: string, options: { kinds?: SearchKind[]; limit?: number } = {}): Promise<Suggestion[]> {
		const limit = Math.min(20, options.limit ?? 8);
		const words = terms(prefix);
		if (!words.length) return [];
		const r = (await this.docs().search({
			q: words.join(' '),
			query_by: 'title_terms',
			prefix: true,
			num_typos: 1,
			per_page: limit,
			include_fields: 'kind,url,title',
			...(options.kinds?.length ? { filter_by: `kind:=[${options.kinds.map(fv).join(',')}]` } : {})
		})) as unknown as SearchResponse;
		return (r.hits ?? []).map((h) => ({ type: 'document' as const, text: h.document.title, url: h.document.url, kind: h.document.kind as SearchKind }));
	}
}
