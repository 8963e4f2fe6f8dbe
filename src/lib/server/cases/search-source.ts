import { db } from '../db/index.ts';
import type { SearchDocumentInput } from '../search/types.ts';
import type { SearchSource } from '../search/sources.ts';
import { classifierTitle, toolTitle } from './classifier.ts';
import { regionName } from './regions.ts';

/** How a published case appears in the portal-wide search (drafts never do). */
export const caseSearchSource: SearchSource = {
	kind: 'case',
	async load(ids) {
		const rows = await db().practiceCase.findMany({ where: { id: { in: ids }, status: 'published' } });
		const out = new Map<string, SearchDocumentInput>();
		for (const c of rows) {
			out.set(c.id, {
				kind: 'case',
				refId: c.id,
				locale: c.lang,
				url: `/cases/${c.slug}`,
				title: c.title,
				subtitle: `${c.city}, ${regionName(c.region, 'uk')} · ${c.year}`,
				headings: c.classifierCodes.map((x) => classifierTitle(x, 'uk')),
				body: [c.problem, c.solution, c.results, c.replicability].join('\n'),
				types: c.tools.map((t) => toolTitle(t, 'uk')),
				issuers: c.organizationName ? [c.organizationName] : [],
				status: null,
				date: c.publishedAt
			});
		}
		return out;
	},
	async ids(after, limit) {
		const rows = await db().practiceCase.findMany({ where: { status: 'published', ...(after ? { id: { gt: after } } : {}) }, orderBy: { id: 'asc' }, take: limit, select: { id: true } });
		return rows.map((r) => r.id);
	}
};
