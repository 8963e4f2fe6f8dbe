/**
 * A bulletin issue with its articles in order, and the data of its e-mail. No permission checks here:
 * the sending worker (and the bench) use it outside a web request.
 */
import { db } from '../db/index.ts';
import { absoluteUrl } from '../mail/index.ts';
import type { Article, Bulletin } from '../db/generated/client.ts';
import { articlePath, bulletinPath, pick, type Locale } from './types.ts';
import type { BulletinMailData } from './mail.ts';
import { preferencesUrl, unsubscribeUrl } from './subscriptions.ts';

export type BulletinWithArticles = Bulletin & { items: Array<{ position: number; article: Article }> };

const withArticles = { items: { orderBy: { position: 'asc' as const }, include: { article: true } } };

export function getBulletin(year: number, number: number): Promise<BulletinWithArticles | null> {
	if (!Number.isInteger(year) || !Number.isInteger(number)) return Promise.resolve(null);
	return db().bulletin.findUnique({ where: { year_number: { year, number } }, include: withArticles });
}

export function getBulletinById(id: string): Promise<BulletinWithArticles | null> {
	return db().bulletin.findUnique({ where: { id }, include: withArticles });
}

export function bulletinTitle(b: Pick<Bulletin, 'titleUk' | 'titleEn'>, locale: Locale): string {
	return pick(locale, b.titleUk, b.titleEn);
}

/** The data of the e-mail for one subscriber (their token in the links), or a preview. */
export function bulletinMailData(b: BulletinWithArticles, locale: Locale, token: string | null): BulletinMailData {
	const path = bulletinPath(b.year, b.number);
	return {
		title: bulletinTitle(b, locale),
		editorial: pick(locale, b.editorialUk, b.editorialEn),
		items: b.items.map(({ article: a }) => ({
			title: pick(locale, a.titleUk, a.titleEn),
			summary: pick(locale, a.summaryUk, a.summaryEn),
			url: absoluteUrl(articlePath(a.slug), locale)
		})),
		webUrl: absoluteUrl(path, locale),
		pdfUrl: absoluteUrl(`${path}/pdf`, locale),
		preferencesUrl: token ? preferencesUrl(token, locale) : absoluteUrl('/subscriptions', locale),
		unsubscribeUrl: token ? unsubscribeUrl(token, locale) : absoluteUrl('/subscriptions', locale)
	};
}

