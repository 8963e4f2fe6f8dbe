import { db } from '../db/index.ts';
import type { SearchDocumentInput } from '../search/types.ts';
import type { SearchSource } from '../search/sources.ts';
import { articleText } from './markdown.ts';
import { articlePath } from './types.ts';

/** Published articles in the portal-wide search: title, summary, headings, text; kind as type, topics as facets. */
export async function loadArticleDocuments(ids: string[]): Promise<Map<string, SearchDocumentInput>> {
	const articles = await db().article.findMany({ where: { id: { in: ids }, status: 'published' } });
	const out = new Map<string, SearchDocumentInput>();
	for (const a of articles) {
		const headings = [...a.bodyUk.matchAll(/^#{1,6}\s+(.+)$/gm)].map((h) => h[1]!.trim());
		out.set(a.id, {
			kind: 'article',
			refId: a.id,
			locale: 'uk',
			url: articlePath(a.slug),
			title: a.titleUk,
			subtitle: a.authors.join(', ') || null,
			headings,
			body: [a.summaryUk, articleText(a.bodyUk), a.titleEn ?? '', a.summaryEn ?? ''].filter(Boolean).join('\n'),
			types: [a.kind],
			issuers: a.topics,
			status: a.status,
			date: a.publishedAt
		});
	}
	return out;
}

export const articleSearchSource: SearchSource = {
	kind: 'article',
	load: loadArticleDocuments,
	async ids(after, limit) {
		const rows = await db().article.findMany({
			where: { status: 'published', ...(after ? { id: { gt: after } } : {}) },
			orderBy: { id: 'asc' },
			take: limit,
			select: { id: true }
		});
		return rows.map((r) => r.id);
	}
};
