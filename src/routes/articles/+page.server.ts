import { can } from '$lib/server/auth/permissions';
import { ARTICLE_KINDS, ARTICLE_TOPICS, listPublishedArticles, type ArticleKind } from '$lib/server/publishing';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const kindParam = url.searchParams.get('kind') ?? '';
	const topicParam = url.searchParams.get('topic') ?? '';
	const kind = (ARTICLE_KINDS as readonly string[]).includes(kindParam) ? (kindParam as ArticleKind) : undefined;
	const topic = (ARTICLE_TOPICS as readonly string[]).includes(topicParam) ? topicParam : undefined;
	const page = Number(url.searchParams.get('page') ?? '1') || 1;
	const list = await listPublishedArticles({ kind, topic, page });
	return {
		kind: kind ?? '',
		topic: topic ?? '',
		kinds: [...ARTICLE_KINDS],
		topics: [...ARTICLE_TOPICS],
		list: {
			...list,
			items: list.items.map((a) => ({ slug: a.slug, kind: a.kind, titleUk: a.titleUk, titleEn: a.titleEn, summaryUk: a.summaryUk, summaryEn: a.summaryEn, authors: a.authors, topics: a.topics, publishedAt: a.publishedAt }))
		},
		canWrite: can(locals.user, 'article:write')
	};
};
