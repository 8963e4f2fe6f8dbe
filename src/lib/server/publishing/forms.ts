/** Reading the publishing forms (plain FormData; what was typed goes back to the form on an error). */
import type { ArticleInput } from './articles.ts';
import type { ArticleKind } from './types.ts';

const str = (f: FormData, k: string) => {
	const v = f.get(k);
	return typeof v === 'string' ? v : '';
};

export interface ArticleFormValues {
	slug: string;
	kind: string;
	titleUk: string;
	titleEn: string;
	summaryUk: string;
	summaryEn: string;
	bodyUk: string;
	bodyEn: string;
	authors: string;
	topics: string[];
	note: string;
}

export function articleFormValues(f: FormData): ArticleFormValues {
	return {
		slug: str(f, 'slug'),
		kind: str(f, 'kind'),
		titleUk: str(f, 'titleUk'),
		titleEn: str(f, 'titleEn'),
		summaryUk: str(f, 'summaryUk'),
		summaryEn: str(f, 'summaryEn'),
		bodyUk: str(f, 'bodyUk'),
		bodyEn: str(f, 'bodyEn'),
		authors: str(f, 'authors'),
		topics: f.getAll('topics').filter((v): v is string => typeof v === 'string'),
		note: str(f, 'note')
	};
}

export function articleInput(v: ArticleFormValues): ArticleInput {
	return {
		slug: v.slug,
		kind: v.kind as ArticleKind,
		titleUk: v.titleUk,
		titleEn: v.titleEn,
		summaryUk: v.summaryUk,
		summaryEn: v.summaryEn,
		bodyUk: v.bodyUk,
		bodyEn: v.bodyEn,
		authors: v.authors.split(','),
		topics: v.topics
	};
}

export function formString(f: FormData, k: string): string {
	return str(f, k);
}

export function formList(f: FormData, k: string): string[] {
	return f.getAll(k).filter((v): v is string => typeof v === 'string');
}

/** The client's address for consent records (adapter-node's getClientAddress, or a proxy header). */
export function requestInfo(request: Request, getClientAddress: () => string) {
	let ip: string | null = null;
	try {
		ip = getClientAddress();
	} catch {
		ip = null;
	}
	return { ip, userAgent: request.headers.get('user-agent') };
}
