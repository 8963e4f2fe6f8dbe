import type { Segment } from './analysis/highlight.ts';

/**
 * The contract of the portal's search: documents any domain puts in the index, the query the pages
 * send, and the result they get back, the same for every engine.
 */

/** What can be found. A domain adds its kind when it has something to index. */
export type SearchKind = 'act' | 'course' | 'event' | 'article' | 'resolution' | 'case';
export const SEARCH_KINDS: SearchKind[] = ['act', 'course', 'event', 'article', 'resolution', 'case'];

export interface SearchDocumentInput {
	kind: SearchKind;
	refId: string;
	locale?: string;
	/** Path on the portal (without the locale prefix). */
	url: string;
	title: string;
	/** The English title of bilingual content (courses, events): searched like the title, shown in the English interface. */
	titleEn?: string | null;
	subtitle?: string | null;
	/** Headings inside (articles, sections): ranked above the body. */
	headings?: string[];
	/** Plain text. */
	body: string;
	/** Exact-match identifiers (folded, see analysis/keys.ts). */
	keys?: string[];
	types?: string[];
	issuers?: string[];
	status?: string | null;
	date?: Date | null;
}

export type SortOrder = 'relevance' | 'date_desc' | 'date_asc';

export interface SearchQuery {
	q: string;
	kinds?: SearchKind[];
	types?: string[];
	issuers?: string[];
	statuses?: string[];
	years?: number[];
	sort?: SortOrder;
	/** 1-based. */
	page?: number;
	pageSize?: number;
	/** Facets to count (default: all). */
	facets?: FacetName[];
}

export type FacetName = 'kind' | 'type' | 'issuer' | 'status' | 'year';

export interface FacetValue {
	value: string;
	count: number;
}

export interface SearchHit {
	kind: SearchKind;
	refId: string;
	url: string;
	title: string;
	titleHighlight: Segment[];
	/** English title (bilingual content only) and its highlight. */
	titleEn: string | null;
	titleEnHighlight: Segment[];
	subtitle: string | null;
	snippet: Segment[];
	types: string[];
	issuers: string[];
	status: string | null;
	year: number | null;
	/** ISO date. */
	date: string | null;
	score: number;
	/** The hit was found by its number or registration id. */
	exact: boolean;
}

export interface SearchResult {
	query: SearchQuery;
	total: number;
	page: number;
	pageSize: number;
	pages: number;
	hits: SearchHit[];
	facets: Partial<Record<FacetName, FacetValue[]>>;
	/** Words that matched nothing and were replaced by the nearest indexed word (one typo). */
	corrections: Array<{ from: string; to: string }>;
	/** No document had every word; documents with some of them are shown. */
	relaxed: boolean;
	engine: string;
	tookMs: number;
}

export interface Suggestion {
	type: 'document' | 'word' | 'number';
	text: string;
	url?: string;
	kind?: SearchKind;
}

export interface SearchEngine {
	readonly name: string;
	/** Create what the engine needs (collections); idempotent. */
	ensure(): Promise<void>;
	upsert(docs: SearchDocumentInput[]): Promise<void>;
	remove(kind: SearchKind, refIds: string[]): Promise<void>;
	search(query: SearchQuery): Promise<SearchResult>;
	suggest(prefix: string, options?: { kinds?: SearchKind[]; limit?: number }): Promise<Suggestion[]>;
	count(kind?: SearchKind): Promise<number>;
	/** Removes every document (of a kind). */
	clear(kind?: SearchKind): Promise<void>;
}

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 50;

export function pageOf(query: SearchQuery): { page: number; pageSize: number; offset: number } {
	const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, Math.floor(query.pageSize ?? DEFAULT_PAGE_SIZE)));
	const page = Math.max(1, Math.min(1000, Math.floor(query.page ?? 1)));
	return { page, pageSize, offset: (page - 1) * pageSize };
}
