/**
 * Quarterly bulletins "Електронна демократія в Україні": one issue per quarter (year, number 1–4),
 * composed by an editor from articles in an order, with an editorial; published at once or on a
 * schedule (the every-minute job), shown in the web archive, as the e-mail, and as a PDF.
 */
import { db } from '../db/index.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { renderMail } from '../mail/index.ts';
import type { Bulletin } from '../db/generated/client.ts';
import { bulletinMailData, getBulletin, type BulletinWithArticles } from './issue.ts';

export { bulletinMailData, bulletinTitle, getBulletin, getBulletinById, type BulletinWithArticles } from './issue.ts';
import { PublishingError } from './errors.ts';
import type { Locale } from './types.ts';
import type { Actor } from './articles.ts';

export interface BulletinInput {
	year: number;
	number: number;
	titleUk: string;
	titleEn?: string | null;
	editorialUk?: string;
	editorialEn?: string | null;
	/** Article ids in the order they appear. */
	articleIds: string[];
}

function requireEditor(actor: Actor) {
	if (!can(actor as SessionUser, 'bulletin:manage')) throw new PublishingError('forbidden');
}

function clean(input: BulletinInput) {
	const year = Math.trunc(input.year);
	const number = Math.trunc(input.number);
	if (!(year >= 2000 && year <= 2100) || !(number >= 1 && number <= 4)) throw new PublishingError('invalid', 'year/number');
	if (!input.titleUk?.trim()) throw new PublishingError('invalid', 'title');
	const ids = [...new Set(input.articleIds.filter(Boolean))];
	return {
		year,
		number,
		titleUk: input.titleUk.trim(),
		titleEn: input.titleEn?.trim() || null,
		editorialUk: (input.editorialUk ?? '').replace(/\r\n?/g, '\n').trim(),
		editorialEn: input.editorialEn?.trim() ? input.editorialEn.replace(/\r\n?/g, '\n').trim() : null,
		ids
	};
}

async function checkArticles(ids: string[]) {
	if (ids.length === 0) return;
	const found = await db().article.findMany({ where: { id: { in: ids }, status: { in: ['published', 'scheduled', 'in_review', 'draft'] } }, select: { id: true } });
	if (found.length !== ids.length) throw new PublishingError('invalid', 'articles');
}

export async function createBulletin(actor: Actor, input: BulletinInput): Promise<Bulletin> {
	requireEditor(actor);
	const { ids, ...data } = clean(input);
	await checkArticles(ids);
	const taken = await db().bulletin.findUnique({ where: { year_number: { year: data.year, number: data.number } } });
	if (taken) throw new PublishingError('issue_taken');
	return db().bulletin.create({
		data: { ...data, createdById: actor.id, items: { create: ids.map((articleId, position) => ({ articleId, position })) } }
	});
}

export async function updateBulletin(actor: Actor, id: string, input: Omit<BulletinInput, 'year' | 'number'>): Promise<Bulletin> {
	requireEditor(actor);
	const current = await db().bulletin.findUnique({ where: { id } });
	if (!current) throw new PublishingError('not_found');
	const { ids, year: _y, number: _n, ...data } = clean({ ...input, year: current.year, number: current.number });
	await checkArticles(ids);
	return db().$transaction(async (tx) => {
		await tx.bulletinArticle.deleteMany({ where: { bulletinId: id } });
		if (ids.length) await tx.bulletinArticle.createMany({ data: ids.map((articleId, position) => ({ bulletinId: id, articleId, position })) });
		return tx.bulletin.update({ where: { id }, data });
	});
}

/** Publishes now, or on `scheduledAt` (the job). All its articles must be published by then. */
export async function publishBulletin(actor: Actor, id: string, scheduledAt: Date | null = null, now = new Date()): Promise<Bulletin> {
	requireEditor(actor);
	const b = await db().bulletin.findUnique({ where: { id }, include: { items: { include: { article: true } } } });
	if (!b) throw new PublishingError('not_found');
	if (b.items.length === 0) throw new PublishingError('no_articles');
	if (scheduledAt) {
		if (scheduledAt.getTime() <= now.getTime()) throw new PublishingError('invalid', 'scheduledAt');
		if (b.items.some((i) => i.article.status !== 'published' && i.article.status !== 'scheduled')) throw new PublishingError('not_published');
		return db().bulletin.update({ where: { id }, data: { status: 'scheduled', scheduledAt } });
	}
	if (b.items.some((i) => i.article.status !== 'published')) throw new PublishingError('not_published');
	return db().bulletin.update({ where: { id }, data: { status: 'published', publishedAt: b.publishedAt ?? now, scheduledAt: null } });
}

/** Back to a draft (off the archive); a bulletin already mailed stays published. */
export async function unpublishBulletin(actor: Actor, id: string): Promise<Bulletin> {
	requireEditor(actor);
	const campaign = await db().campaign.findUnique({ where: { bulletinId: id } });
	if (campaign && campaign.status !== 'draft') throw new PublishingError('campaign_state');
	return db().bulletin.update({ where: { id }, data: { status: 'draft', scheduledAt: null } });
}

/** Scheduled issues whose time has come, with their articles published (the every-minute job). */
export async function publishDueBulletins(now = new Date()): Promise<number> {
	const due = await db().bulletin.findMany({ where: { status: 'scheduled', scheduledAt: { lte: now } }, include: { items: { include: { article: { select: { status: true } } } } } });
	let n = 0;
	for (const b of due) {
		// An article scheduled for the same minute is published first by the same job; one not yet
		// published holds the issue back until the next run.
		if (b.items.some((i) => i.article.status !== 'published')) continue;
		const moved = await db().bulletin.updateMany({ where: { id: b.id, status: 'scheduled' }, data: { status: 'published', publishedAt: now, scheduledAt: null } });
		n += moved.count;
	}
	return n;
}

/** A published issue, or any issue for those who compose them. */
export async function bulletinForReader(year: number, number: number, actor: Actor | null | undefined): Promise<BulletinWithArticles | null> {
	const b = await getBulletin(year, number);
	if (!b) return null;
	if (b.status === 'published' || can(actor as SessionUser | null, 'bulletin:manage')) return b;
	return null;
}

export function listPublishedBulletins() {
	return db().bulletin.findMany({
		where: { status: 'published' },
		orderBy: [{ year: 'desc' }, { number: 'desc' }],
		include: { items: { orderBy: { position: 'asc' }, include: { article: { select: { titleUk: true, titleEn: true, slug: true, kind: true } } } } }
	});
}

export function listAllBulletins() {
	return db().bulletin.findMany({ orderBy: [{ year: 'desc' }, { number: 'desc' }], include: { campaign: true, _count: { select: { items: true } } } });
}

/** Articles an editor may put in an issue (not archived), newest first. */
export function composableArticles() {
	return db().article.findMany({
		where: { status: { in: ['published', 'scheduled', 'in_review', 'draft'] } },
		orderBy: [{ publishedAt: 'desc' }, { updatedAt: 'desc' }],
		select: { id: true, titleUk: true, titleEn: true, status: true, kind: true },
		take: 300
	});
}

/** The issue as the e-mail a subscriber receives (subject, text, HTML), for the editor's preview. */
export function previewBulletinMail(b: BulletinWithArticles, locale: Locale) {
	return renderMail('pub_bulletin', bulletinMailData(b, locale, null) as unknown as Record<string, unknown>, locale);
}

/** The published issues an article appeared in. */
export async function bulletinsOfArticle(articleId: string) {
	const rows = await db().bulletinArticle.findMany({
		where: { articleId, bulletin: { status: 'published' } },
		include: { bulletin: { select: { year: true, number: true, titleUk: true, titleEn: true } } }
	});
	return rows.map((r) => r.bulletin);
}
