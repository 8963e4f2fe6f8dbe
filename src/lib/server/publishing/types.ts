/** Shared names of the publishing domain (articles, bulletins, subscriptions, campaigns). */
import type { ArticleKind, ArticleStatus, SubscriptionList } from '../db/generated/client.ts';

export type { ArticleKind, ArticleStatus, SubscriptionList };
export type Locale = 'uk' | 'en';

export const ARTICLE_KINDS: readonly ArticleKind[] = ['analytical', 'publicistic', 'research', 'news', 'mini_case'];
export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'in_review', 'scheduled', 'published', 'archived'];
export const SUBSCRIPTION_LISTS: readonly SubscriptionList[] = ['bulletin', 'news', 'events'];

/** Topics of the workshop portal's articles (labels in the catalog: pub_topic_<key>). */
export const ARTICLE_TOPICS = ['e-democracy', 'e-services', 'open-data', 'legislation', 'local-government', 'education', 'monitoring'] as const;

export function toLocale(value: unknown): Locale {
	return value === 'en' ? 'en' : 'uk';
}

/** The English text when there is one and English is wanted, else the Ukrainian one. */
export function pick(locale: Locale, uk: string, en: string | null | undefined): string {
	return locale === 'en' && en && en.trim() ? en : uk;
}

export function articlePath(slug: string): string {
	return `/articles/${encodeURIComponent(slug)}`;
}

export function bulletinPath(year: number, number: number): string {
	return `/bulletins/${year}/${number}`;
}
