import type { SearchDocumentInput, SearchKind } from './types.ts';
import { actSearchSource } from '../library/search-source.ts';
import { caseSearchSource } from '../cases/search-source.ts';
import { resolutionSearchSource } from '../club/search-source.ts';
import { articleSearchSource } from '../publishing/search-source.ts';
import { courseSearchSource } from '../learning/search-source.ts';
import { eventSearchSource } from '../events/search-source.ts';

/**
 * Where the portal-wide index takes its documents from: one source per kind, owned by its domain
 * (the library for acts). Courses, events, articles, resolutions and cases add theirs here when their
 * domains exist; the service, the jobs and both engines need no other change.
 */
export interface SearchSource {
	kind: SearchKind;
	/** Documents for these ids; an id missing from the map was deleted (removed from the index). */
	load(refIds: string[]): Promise<Map<string, SearchDocumentInput>>;
	/** Ids in a stable order, page by page (for a full reindex). */
	ids(after: string | null, limit: number): Promise<string[]>;
}

export const SOURCES: Partial<Record<SearchKind, SearchSource>> = {
	article: articleSearchSource,
	act: actSearchSource,
	resolution: resolutionSearchSource,
	course: courseSearchSource,
	event: eventSearchSource,
	case: caseSearchSource
};
