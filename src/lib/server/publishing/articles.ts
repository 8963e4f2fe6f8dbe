/**
 * Articles: kinds, authors, topics, Markdown in Ukrainian with optional English, and the editorial
 * workflow draft → in review → scheduled → published → archived. Every save and every step writes a
 * revision (a full snapshot), so the history shows who changed what, with a diff between any two.
 * Who may do what is decided by ../auth/permissions.ts (article:*); these functions check it again,
 * so no route can skip it.
 */
import { db, type Prisma } from '../db/index.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { queueIndex } from '../search/index.ts';
import type { Article, ArticleRevision } from '../db/generated/client.ts';
import { PublishingError } from './errors.ts';
import { ARTICLE_KINDS, type ArticleKind, type ArticleStatus } from './types.ts';
import { diffLines, diffStats, type DiffLine } from './diff.ts';

export interface ArticleInput {
	slug: string;
	kind: ArticleKind;
	titleUk: string;
	titleEn?: string | null;
	summaryUk?: string;
	summaryEn?: string | null;
	bodyUk: string;
	bodyEn?: string | null;
	authors?: string[];
	topics?: string[];
}

export type Actor = Pick<SessionUser, 'id' | 'roles' | 'memberships'> & Partial<SessionUser>;

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function clean(input: ArticleInput) {
	const t = (v: string | null | undefined) => (v ?? '').trim();
	const opt = (v: string | null | undefined) => t(v) || null;
	const slug = t(input.slug).toLowerCase();
	// 'desk', 'new' and 'images' are pages of their own under /articles.
	if (!SLUG.test(slug) || slug.length > 120 || ['desk', 'new', 'images'].includes(slug)) throw new PublishingError('invalid', 'slug');
	if (!ARTICLE_KINDS.includes(input.kind)) throw new PublishingError('invalid', 'kind');
	if (!t(input.titleUk) || !t(input.bodyUk)) throw new PublishingError('invalid', 'title/body');
	const list = (v: string[] | undefined) => [...new Set((v ?? []).map((s) => s.trim()).filter(Boolean))].slice(0, 20);
	return {
		slug,
		kind: input.kind,
		titleUk: t(input.titleUk),
		titleEn: opt(input.titleEn),
		summaryUk: t(input.summaryUk),
		summaryEn: opt(input.summaryEn),
		bodyUk: input.bodyUk.replace(/\r\n?/g, '\n').trim(),
		bodyEn: input.bodyEn?.trim() ? input.bodyEn.replace(/\r\n?/g, '\n').trim() : null,
		authors: list(input.authors),
		topics: list(input.topics)
	};
}

function snapshot(a: Article, editorId: string | null, event: string, note: string | null = null) {
	return {
		articleId: a.id,
		number: a.revision,
		status: a.status,
		titleUk: a.titleUk,
		titleEn: a.titleEn,
		summaryUk: a.summaryUk,
		summaryEn: a.summaryEn,
		bodyUk: a.bodyUk,
		bodyEn: a.bodyEn,
		authors: a.authors,
		topics: a.topics,
		editorId,
		event,
		note
	};
}

/** Search follows published articles; queued in the same transaction as the change. */
async function reindex(tx: Prisma.TransactionClient, id: string) {
	await queueIndex(tx, 'article', id);
}

function isUniqueViolation(err: unknown): boolean {
	return typeof err === 'object' && err !== null && (err as { code?: string }).code === 'P2002';
}

export async function createArticle(actor: Actor, input: ArticleInput): Promise<Article> {
	if (!can(actor as SessionUser, 'article:write')) throw new PublishingError('forbidden');
	const data = clean(input);
	try {
		return await db().$transaction(async (tx) => {
			const a = await tx.article.create({ data: { ...data, createdById: actor.id } });
			await tx.articleRevision.create({ data: snapshot(a, actor.id, 'created') });
			return a;
		});
	} catch (err) {
		if (isUniqueViolation(err)) throw new PublishingError('slug_taken');
		throw err;
	}
}

function target(a: Pick<Article, 'createdById' | 'status'>) {
	return { userId: a.createdById, articleStatus: a.status };
}

export function canEditArticle(actor: Actor | null | undefined, a: Pick<Article, 'createdById' | 'status'>): boolean {
	return can(actor as SessionUser | null, 'article:edit', target(a));
}

/** Saves a new text (a new revision). The slug may change while the article was never published. */
export async function updateArticle(actor: Actor, id: string, input: ArticleInput, note: string | null = null): Promise<Article> {
	try {
		return await db().$transaction(async (tx) => {
			const current = await tx.article.findUnique({ where: { id } });
			if (!current) throw new PublishingError('not_found');
			if (!canEditArticle(actor, current)) throw new PublishingError('forbidden');
			const data = clean(input);
			if (current.publishedAt && data.slug !== current.slug) data.slug = current.slug; // published links stay
			const a = await tx.article.update({ where: { id }, data: { ...data, revision: { increment: 1 } } });
			await tx.articleRevision.create({ data: snapshot(a, actor.id, 'edited', note?.trim() || null) });
			if (a.status === 'published') await reindex(tx, a.id);
			return a;
		});
	} catch (err) {
		if (isUniqueViolation(err)) throw new PublishingError('slug_taken');
		throw err;
	}
}

export type WorkflowStep = 'submit' | 'return' | 'schedule' | 'publish' | 'archive' | 'restore';

/** The steps and the states they start from. `submit` is the author's; the rest are the editor's. */
const STEPS: Record<WorkflowStep, { from: ArticleStatus[]; to: ArticleStatus }> = {
	submit: { from: ['draft'], to: 'in_review' },
	return: { from: ['in_review', 'scheduled'], to: 'draft' },
	schedule: { from: ['draft', 'in_review'], to: 'scheduled' },
	publish: { from: ['draft', 'in_review', 'scheduled'], to: 'published' },
	archive: { from: ['published'], to: 'archived' },
	restore: { from: ['archived'], to: 'published' }
};

export function availableSteps(actor: Actor | null | undefined, a: Pick<Article, 'createdById' | 'status'>): WorkflowStep[] {
	const out: WorkflowStep[] = [];
	for (const [step, rule] of Object.entries(STEPS) as Array<[WorkflowStep, (typeof STEPS)[WorkflowStep]]>) {
		if (!rule.from.includes(a.status)) continue;
		const allowed = step === 'submit' ? canEditArticle(actor, a) : can(actor as SessionUser | null, 'article:publish');
		if (allowed) out.push(step);
	}
	return out;
}

export async function moveArticle(
	actor: Actor,
	id: string,
	step: WorkflowStep,
	options: { scheduledAt?: Date | null; note?: string | null; now?: Date } = {}
): Promise<Article> {
	const rule = STEPS[step];
	if (!rule) throw new PublishingError('invalid');
	return db().$transaction(async (tx) => {
		const current = await tx.article.findUnique({ where: { id } });
		if (!current) throw new PublishingError('not_found');
		if (!availableSteps(actor, current).includes(step)) {
			throw new PublishingError(rule.from.includes(current.status) ? 'forbidden' : 'bad_transition');
		}
		const now = options.now ?? new Date();
		const data: Prisma.ArticleUpdateInput = { status: rule.to, revision: { increment: 1 } };
		if (step === 'schedule') {
			if (!options.scheduledAt || options.scheduledAt.getTime() <= now.getTime()) throw new PublishingError('invalid', 'scheduledAt');
			data.scheduledAt = options.scheduledAt;
		}
		if (step === 'publish') {
			data.publishedAt = current.publishedAt ?? now;
			data.scheduledAt = null;
		}
		if (step === 'archive') data.archivedAt = now;
		if (step === 'restore') data.archivedAt = null;
		if (step === 'return') {
			data.reviewNote = options.note?.trim() || null;
			data.scheduledAt = null;
		}
		if (step === 'submit') data.reviewNote = null;
		// The state is checked again in the update: two editors pressing at once move it once.
		const moved = await tx.article.updateMany({ where: { id, status: current.status, revision: current.revision }, data: data as Prisma.ArticleUpdateManyMutationInput });
		if (moved.count !== 1) throw new PublishingError('bad_transition');
		const a = await tx.article.findUniqueOrThrow({ where: { id } });
		await tx.articleRevision.create({ data: snapshot(a, actor.id, step, options.note?.trim() || null) });
		await reindex(tx, a.id);
		return a;
	});
}

/** Publishes scheduled articles whose time has come (the every-minute job). */
export async function publishDueArticles(now = new Date()): Promise<number> {
	const due = await db().article.findMany({ where: { status: 'scheduled', scheduledAt: { lte: now } }, select: { id: true } });
	let n = 0;
	for (const { id } of due) {
		n += await db().$transaction(async (tx) => {
			const moved = await tx.article.updateMany({
				where: { id, status: 'scheduled', scheduledAt: { lte: now } },
				data: { status: 'published', publishedAt: now, scheduledAt: null, revision: { increment: 1 } }
			});
			if (moved.count !== 1) return 0;
			const a = await tx.article.findUniqueOrThrow({ where: { id } });
			await tx.articleRevision.create({ data: snapshot(a, null, 'publish', 'scheduled') });
			await reindex(tx, id);
			return 1;
		});
	}
	return n;
}

export function getArticleBySlug(slug: string) {
	return db().article.findUnique({ where: { slug } });
}

/** A published article, or one the person may see before it is (its author, editors). */
export async function articleForReader(slug: string, actor: Actor | null | undefined): Promise<Article | null> {
	const a = await getArticleBySlug(slug);
	if (!a) return null;
	if (a.status === 'published' || a.status === 'archived') return a;
	if (canEditArticle(actor, a) || can(actor as SessionUser | null, 'article:publish')) return a;
	return null;
}

export interface ArticleFilter {
	kind?: ArticleKind;
	topic?: string;
	page?: number;
	pageSize?: number;
}

export async function listPublishedArticles(filter: ArticleFilter = {}) {
	const pageSize = Math.min(Math.max(filter.pageSize ?? 20, 1), 100);
	const where: Prisma.ArticleWhereInput = { status: 'published' };
	if (filter.kind) where.kind = filter.kind;
	if (filter.topic) where.topics = { has: filter.topic };
	const total = await db().article.count({ where });
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(Math.max(filter.page ?? 1, 1), pages);
	const items = await db().article.findMany({
		where,
		orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
		skip: (page - 1) * pageSize,
		take: pageSize
	});
	return { items, total, page, pages, pageSize };
}

/** The editor's desk: every article (editors) or one's own (contributors), newest change first. */
export async function listDesk(actor: Actor, status?: ArticleStatus) {
	const where: Prisma.ArticleWhereInput = {};
	if (status) where.status = status;
	if (!can(actor as SessionUser, 'article:publish')) {
		if (!can(actor as SessionUser, 'article:write')) throw new PublishingError('forbidden');
		where.createdById = actor.id;
	}
	return db().article.findMany({ where, orderBy: { updatedAt: 'desc' }, take: 200 });
}

export function listRevisions(articleId: string) {
	return db().articleRevision.findMany({ where: { articleId }, orderBy: { number: 'desc' } });
}

export interface RevisionDiff {
	from: ArticleRevision;
	to: ArticleRevision;
	fields: Array<{ field: 'titleUk' | 'titleEn' | 'summaryUk' | 'summaryEn' | 'bodyUk' | 'bodyEn'; lines: DiffLine[]; added: number; removed: number }>;
}

/** The difference between two revisions of one article, field by field (only changed fields). */
export async function revisionDiff(articleId: string, fromNumber: number, toNumber: number): Promise<RevisionDiff | null> {
	const [from, to] = await Promise.all([
		db().articleRevision.findUnique({ where: { articleId_number: { articleId, number: fromNumber } } }),
		db().articleRevision.findUnique({ where: { articleId_number: { articleId, number: toNumber } } })
	]);
	if (!from || !to) return null;
	const fields = (['titleUk', 'titleEn', 'summaryUk', 'summaryEn', 'bodyUk', 'bodyEn'] as const)
		.filter((f) => (from[f] ?? '') !== (to[f] ?? ''))
		.map((field) => {
			const lines = diffLines(from[field] ?? '', to[field] ?? '');
			return { field, lines, ...diffStats(lines) };
		});
	return { from, to, fields };
}
