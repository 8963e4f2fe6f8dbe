/**
 * The depository of best practices: mini-cases with a fixed structure (problem, solution, tools,
 * results with figures, costs, replicability, contacts, attachments), a classifier, region and city.
 * Organisations write a draft, submit it; editors comment, ask for changes or publish.
 */
import { db } from '../db/index.ts';
import type { Prisma } from '../db/index.ts';
import type { SessionUser } from '../auth/types.ts';
import { can } from '../auth/permissions.ts';
import { indexDocuments, queueIndex } from '../search/index.ts';
import { CLASSIFIER, TOOLS, classifierTitle, toolTitle } from './classifier.ts';
import { isRegion, regionName } from './regions.ts';
import { checkFiles, readStoredFile, removeUnreferencedFiles, writeFiles, type FileIssue, type UploadedFile } from './attachments.ts';
import { mailReviewed, mailSubmitted } from './mail.ts';
import { cleanSlugs, relatedBySlugs } from './related.ts';

export const CASE_PAGE_SIZE = 20;

export class CaseError extends Error {
	constructor(readonly code: 'not_found' | 'forbidden' | 'state') {
		super(code);
	}
}

export interface CaseFilters {
	q?: string | null;
	classifier?: string | null;
	region?: string | null;
	tool?: string | null;
	year?: number | null;
	page?: number;
}

export function filtersFromUrl(params: URLSearchParams): CaseFilters {
	const year = Number(params.get('year'));
	const page = Number(params.get('page'));
	const classifier = params.get('classifier');
	const region = params.get('region');
	const tool = params.get('tool');
	return {
		q: params.get('q')?.trim().slice(0, 200) || null,
		classifier: classifier && CLASSIFIER.some((c) => c.code === classifier) ? classifier : null,
		region: region && isRegion(region) ? region : null,
		tool: tool && TOOLS.some((t) => t.code === tool) ? tool : null,
		year: Number.isInteger(year) && year > 1990 && year < 2100 ? year : null,
		page: Number.isInteger(page) && page > 1 ? page : 1
	};
}

function whereOf(f: CaseFilters): Prisma.PracticeCaseWhereInput {
	const and: Prisma.PracticeCaseWhereInput[] = [{ status: 'published' }];
	if (f.q) and.push({ OR: ['title', 'problem', 'solution', 'results', 'city', 'organizationName'].map((k) => ({ [k]: { contains: f.q!, mode: 'insensitive' } })) });
	if (f.classifier) {
		const codes = CLASSIFIER.filter((c) => c.code === f.classifier || c.code.startsWith(`${f.classifier}.`)).map((c) => c.code);
		and.push({ classifierCodes: { hasSome: codes } });
	}
	if (f.region) and.push({ region: f.region });
	if (f.tool) and.push({ tools: { has: f.tool } });
	if (f.year) and.push({ year: f.year });
	return { AND: and };
}

export async function listCases(f: CaseFilters, locale: string) {
	const where = whereOf(f);
	const page = f.page ?? 1;
	const [total, rows, years] = await Promise.all([
		db().practiceCase.count({ where }),
		db().practiceCase.findMany({
			where,
			orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
			skip: (page - 1) * CASE_PAGE_SIZE,
			take: CASE_PAGE_SIZE,
			select: { slug: true, title: true, lang: true, problem: true, region: true, city: true, year: true, tools: true, classifierCodes: true, organizationName: true }
		}),
		db().practiceCase.findMany({ where: { status: 'published' }, distinct: ['year'], select: { year: true }, orderBy: { year: 'desc' } })
	]);
	return {
		total,
		page,
		pages: Math.max(1, Math.ceil(total / CASE_PAGE_SIZE)),
		years: years.map((y) => y.year),
		cases: rows.map((r) => ({
			slug: r.slug,
			title: r.title,
			lang: r.lang,
			summary: r.problem.length > 240 ? `${r.problem.slice(0, 239)}…` : r.problem,
			place: `${r.city}, ${regionName(r.region, locale)}`,
			year: r.year,
			organizationName: r.organizationName,
			tools: r.tools.map((t) => toolTitle(t, locale)),
			classifier: r.classifierCodes.map((c) => classifierTitle(c, locale))
		}))
	};
}

export interface Figure {
	label: string;
	value: string;
	unit: string;
}
export interface Attachment {
	title: string;
	url: string;
}

function readList<T>(json: unknown): T[] {
	return Array.isArray(json) ? (json as T[]) : [];
}

/** Who may read a case (and download its files): anyone once published; before that its author and editors. */
function mayRead(c: { status: string; authorId: string }, user: SessionUser | null): boolean {
	return c.status === 'published' || can(user, 'case:review') || (!!user && user.id === c.authorId);
}

export interface CaseFile {
	id: string;
	fileName: string;
	mediaType: string;
	size: number;
	href: string;
}

function filesOf(slug: string, rows: Array<{ id: string; fileName: string; mediaType: string; size: number }>): CaseFile[] {
	return rows.map((f) => ({ id: f.id, fileName: f.fileName, mediaType: f.mediaType, size: f.size, href: `/cases/${slug}/files/${f.id}` }));
}

/** A case as a page shows it; drafts only to their author and editors. */
export async function casePage(slug: string, user: SessionUser | null, locale: string) {
	const c = await db().practiceCase.findUnique({ where: { slug }, include: { comments: { orderBy: { createdAt: 'asc' } }, files: { orderBy: { createdAt: 'asc' } } } });
	if (!c) return null;
	const mayReview = can(user, 'case:review');
	const isAuthor = !!user && user.id === c.authorId;
	if (!mayRead(c, user)) return null;
	const [acts, courses, articles] = await Promise.all([relatedBySlugs('act', c.actSlugs, locale), relatedBySlugs('course', c.courseSlugs, locale), relatedBySlugs('article', c.articleSlugs, locale)]);
	const authors = new Map((await db().user.findMany({ where: { id: { in: c.comments.map((x) => x.authorId) } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u.name || u.email]));
	return {
		case: {
			id: c.id,
			slug: c.slug,
			status: c.status,
			lang: c.lang,
			title: c.title,
			problem: c.problem,
			solution: c.solution,
			results: c.results,
			figures: readList<Figure>(c.figures),
			costs: c.costs,
			replicability: c.replicability,
			contacts: c.contacts,
			attachments: readList<Attachment>(c.attachments).filter((a) => /^https?:\/\//i.test(a.url)),
			files: filesOf(c.slug, c.files),
			tools: c.tools.map((t) => ({ code: t, title: toolTitle(t, locale) })),
			classifier: c.classifierCodes.map((code) => ({ code, title: classifierTitle(code, locale) })),
			region: regionName(c.region, locale),
			regionCode: c.region,
			city: c.city,
			year: c.year,
			organizationName: c.organizationName,
			publishedAt: c.publishedAt,
			fromContest: !!c.contestEntryId
		},
		related: { acts, courses, articles },
		comments: mayReview || isAuthor ? c.comments.map((x) => ({ author: authors.get(x.authorId) ?? '', body: x.body, kind: x.kind, at: x.createdAt })) : [],
		mayEdit: c.status !== 'published' && can(user, 'case:edit', { userId: c.authorId }),
		mayReview: mayReview && c.status === 'submitted',
		maySubmit: isAuthor && (c.status === 'draft' || c.status === 'changes_requested')
	};
}

export interface CaseInput {
	title: string;
	lang: 'uk' | 'en';
	problem: string;
	solution: string;
	results: string;
	figures: Figure[];
	costs: string;
	replicability: string;
	contacts: string;
	attachments: Attachment[];
	tools: string[];
	classifierCodes: string[];
	region: string;
	city: string;
	year: number;
	organizationName: string;
	actSlugs: string[];
	courseSlugs: string[];
	articleSlugs: string[];
}

export type CaseErrors = Partial<Record<keyof CaseInput, 'required' | 'invalid' | 'too_long'>>;

const LIMITS: Partial<Record<keyof CaseInput, number>> = { title: 200, problem: 5000, solution: 8000, results: 5000, costs: 2000, replicability: 3000, contacts: 1000, city: 100, organizationName: 300 };

/** Checks a case; `forSubmission` also requires the structure's main parts. */
export function checkCase(input: CaseInput, forSubmission: boolean): CaseErrors {
	const e: CaseErrors = {};
	for (const [k, max] of Object.entries(LIMITS) as Array<[keyof CaseInput, number]>) if (String(input[k] ?? '').length > max) e[k] = 'too_long';
	if (!input.title.trim()) e.title = 'required';
	if (!isRegion(input.region)) e.region = 'required';
	if (!input.city.trim()) e.city = 'required';
	if (!Number.isInteger(input.year) || input.year < 1991 || input.year > 2100) e.year = 'invalid';
	if (input.tools.some((t) => !TOOLS.some((x) => x.code === t))) e.tools = 'invalid';
	if (input.classifierCodes.some((t) => !CLASSIFIER.some((x) => x.code === t))) e.classifierCodes = 'invalid';
	if (input.attachments.some((a) => !/^https?:\/\/\S+$/i.test(a.url))) e.attachments = 'invalid';
	if (forSubmission) {
		for (const k of ['problem', 'solution', 'results', 'replicability', 'contacts', 'organizationName'] as const) if (!input[k].trim()) e[k] ??= 'required';
		if (input.classifierCodes.length === 0) e.classifierCodes ??= 'required';
		if (input.tools.length === 0) e.tools ??= 'required';
	}
	return e;
}

function slugify(title: string): string {
	const map: Record<string, string> = { а: 'a', б: 'b', в: 'v', г: 'h', ґ: 'g', д: 'd', е: 'e', є: 'ie', ж: 'zh', з: 'z', и: 'y', і: 'i', ї: 'i', й: 'i', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ь: '', ю: 'iu', я: 'ia' };
	const s = title
		.toLowerCase()
		.split('')
		.map((ch) => map[ch] ?? ch)
		.join('')
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '')
		.slice(0, 60);
	return s || 'case';
}

// Addresses of the section's own pages (/cases/new, /cases/my, /cases/related): never a case's.
const RESERVED_SLUGS = new Set(['new', 'my', 'related']);

/** A free address for a case; inside a transaction pass its client (a query outside it would wait for it). */
async function uniqueSlug(title: string, client: Prisma.TransactionClient = db()): Promise<string> {
	const base = slugify(title);
	for (let i = 1; ; i++) {
		const slug = i === 1 ? base : `${base}-${i}`;
		if (RESERVED_SLUGS.has(slug)) continue;
		if (!(await client.practiceCase.findUnique({ where: { slug }, select: { id: true } }))) return slug;
	}
}

function dataOf(input: CaseInput) {
	return {
		title: input.title.trim(),
		lang: input.lang,
		problem: input.problem.trim(),
		solution: input.solution.trim(),
		results: input.results.trim(),
		figures: input.figures.filter((f) => f.label.trim() && f.value.trim()) as unknown as Prisma.InputJsonValue,
		costs: input.costs.trim(),
		replicability: input.replicability.trim(),
		contacts: input.contacts.trim(),
		attachments: input.attachments.filter((a) => a.url.trim()) as unknown as Prisma.InputJsonValue,
		tools: input.tools,
		classifierCodes: input.classifierCodes,
		region: input.region,
		city: input.city.trim(),
		year: input.year,
		organizationName: input.organizationName.trim(),
		actSlugs: cleanSlugs(input.actSlugs),
		courseSlugs: cleanSlugs(input.courseSlugs),
		articleSlugs: cleanSlugs(input.articleSlugs)
	};
}

/** Files to add (checked here) and ids of stored files to remove, with a save of the form. */
export interface FileChanges {
	add?: UploadedFile[];
	remove?: string[];
}

export type SaveResult = { ok: true; slug: string } | { ok: false; errors: CaseErrors; fileIssues: FileIssue[] };

/**
 * Creates a draft (an organisation's member writes it) or saves changes to one, with its files. Nothing
 * is kept when a field or a file is refused: the form comes back with what was typed and the reasons.
 */
export async function saveDraft(user: SessionUser, input: CaseInput, slug?: string | null, files: FileChanges = {}): Promise<SaveResult> {
	const existing = slug ? await db().practiceCase.findUnique({ where: { slug }, select: { id: true, authorId: true, status: true, files: { select: { id: true, storedName: true } } } }) : null;
	if (slug) {
		if (!existing) throw new CaseError('not_found');
		if (!can(user, 'case:edit', { userId: existing.authorId })) throw new CaseError('forbidden');
		if (existing.status === 'published') throw new CaseError('state');
	} else if (!can(user, 'case:submit')) throw new CaseError('forbidden');
	const removing = (existing?.files ?? []).filter((f) => files.remove?.includes(f.id));
	const errors = checkCase(input, false);
	const checked = await checkFiles(files.add ?? [], (existing?.files.length ?? 0) - removing.length);
	if (Object.keys(errors).length || checked.issues.length) return { ok: false, errors, fileIssues: checked.issues };
	// Files are written first under fresh names; rows point to them only once the transaction commits
	// (a failure leaves unreferenced files, which the sweep removes).
	const stored = await writeFiles(checked.ok);
	const savedSlug = await db().$transaction(async (tx) => {
		let id: string;
		let out: string;
		if (existing) {
			await tx.practiceCase.update({ where: { id: existing.id }, data: dataOf(input) });
			if (removing.length) await tx.caseAttachment.deleteMany({ where: { caseId: existing.id, id: { in: removing.map((f) => f.id) } } });
			id = existing.id;
			out = slug!;
		} else {
			const created = await tx.practiceCase.create({
				data: { ...dataOf(input), slug: await uniqueSlug(input.title, tx), authorId: user.id, organizationId: user.memberships[0]?.organizationId ?? null }
			});
			id = created.id;
			out = created.slug;
		}
		if (stored.length) await tx.caseAttachment.createMany({ data: stored.map((f) => ({ ...f, caseId: id })) });
		return out;
	});
	if (removing.length) await removeUnreferencedFiles(removing.map((f) => f.storedName));
	return { ok: true, slug: savedSlug };
}

/** An attached file for download: published cases' to anyone, others' to their author and editors. */
export async function caseFile(slug: string, fileId: string, user: SessionUser | null): Promise<{ fileName: string; mediaType: string; bytes: Buffer; published: boolean } | null> {
	const f = await db().caseAttachment.findUnique({ where: { id: fileId }, include: { case: { select: { slug: true, status: true, authorId: true } } } });
	if (!f || f.case.slug !== slug || !mayRead(f.case, user)) return null;
	const bytes = await readStoredFile(f.storedName);
	return bytes ? { fileName: f.fileName, mediaType: f.mediaType, bytes, published: f.case.status === 'published' } : null;
}

export async function caseForEdit(slug: string, user: SessionUser) {
	const c = await db().practiceCase.findUnique({ where: { slug } });
	if (!c) return null;
	if (!can(user, 'case:edit', { userId: c.authorId }) || c.status === 'published') throw new CaseError('forbidden');
	const files = await db().caseAttachment.findMany({ where: { caseId: c.id }, orderBy: { createdAt: 'asc' }, select: { id: true, fileName: true, mediaType: true, size: true } });
	return { slug: c.slug, status: c.status, files: filesOf(c.slug, files), input: { ...c, lang: c.lang === 'en' ? ('en' as const) : ('uk' as const), figures: readList<Figure>(c.figures), attachments: readList<Attachment>(c.attachments) } };
}

/** The author submits a draft for editorial review; the structure must be complete. */
export async function submitCase(slug: string, user: SessionUser): Promise<{ ok: true } | { ok: false; errors: CaseErrors }> {
	const c = await db().practiceCase.findUnique({ where: { slug } });
	if (!c) throw new CaseError('not_found');
	if (c.authorId !== user.id && !can(user, 'case:review')) throw new CaseError('forbidden');
	if (c.status !== 'draft' && c.status !== 'changes_requested') throw new CaseError('state');
	const input = { ...dataOf({ ...c, lang: c.lang === 'en' ? 'en' : 'uk', figures: readList<Figure>(c.figures), attachments: readList<Attachment>(c.attachments) }) } as unknown as CaseInput;
	const errors = checkCase(input, true);
	if (Object.keys(errors).length) return { ok: false, errors };
	const submittedAt = new Date();
	await db().$transaction(async (tx) => {
		// The state is checked again by the update itself: of two submissions at once only one passes.
		const moved = await tx.practiceCase.updateMany({ where: { id: c.id, status: { in: ['draft', 'changes_requested'] } }, data: { status: 'submitted', submittedAt } });
		if (moved.count !== 1) throw new CaseError('state');
		await mailSubmitted(tx, c, submittedAt, user.id);
	});
	return { ok: true };
}

/** An editor comments, asks for changes (back to the author) or publishes. */
export async function reviewCase(slug: string, user: SessionUser, decision: 'comment' | 'changes_requested' | 'published', body: string): Promise<void> {
	if (!can(user, 'case:review')) throw new CaseError('forbidden');
	const c = await db().practiceCase.findUnique({ where: { slug }, select: { id: true, slug: true, title: true, organizationName: true, authorId: true, status: true } });
	if (!c) throw new CaseError('not_found');
	if (decision !== 'comment' && c.status !== 'submitted') throw new CaseError('state');
	const text = body.trim().slice(0, 5000);
	const queued = await db().$transaction(async (tx) => {
		if (decision !== 'comment') {
			// Checked again by the update: a second click (or a second editor) finds the case moved on.
			const data = decision === 'published' ? { status: 'published' as const, publishedAt: new Date() } : { status: 'changes_requested' as const };
			const moved = await tx.practiceCase.updateMany({ where: { id: c.id, status: 'submitted' }, data });
			if (moved.count !== 1) throw new CaseError('state');
		}
		if (text || decision !== 'comment') {
			const comment = await tx.caseReviewComment.create({ data: { caseId: c.id, authorId: user.id, body: text, kind: decision } });
			await mailReviewed(tx, c, comment.id, decision, text, user.id);
		}
		return decision === 'published' ? queueIndex(tx, 'case', c.id) : true;
	});
	// Without a job runner (scripts, tests) the index is brought up to date here.
	if (!queued) await indexDocuments('case', [c.id]);
}

/** A person's own cases, and for editors the review queue. */
export async function myCases(user: SessionUser) {
	const mine = await db().practiceCase.findMany({ where: { authorId: user.id }, orderBy: { updatedAt: 'desc' }, select: { slug: true, title: true, status: true, updatedAt: true } });
	const queue = can(user, 'case:review') ? await db().practiceCase.findMany({ where: { status: 'submitted' }, orderBy: { submittedAt: 'asc' }, select: { slug: true, title: true, status: true, updatedAt: true, organizationName: true } }) : [];
	return { mine, queue };
}

/** A published case made from a contest's winning entry (the contests domain calls it). */
export async function publishCaseFromEntry(tx: Prisma.TransactionClient, entry: { id: string; title: string; summary: string; region: string; city: string; organizationName: string; submittedById: string; year: number; answers: Record<string, string> }): Promise<string> {
	const slug = await uniqueSlug(entry.title, tx);
	const a = entry.answers;
	const created = await tx.practiceCase.create({
		data: {
			slug,
			status: 'published',
			title: entry.title,
			problem: a.problem ?? entry.summary,
			solution: a.solution ?? entry.summary,
			results: a.results ?? '',
			costs: a.costs ?? '',
			replicability: a.replicability ?? '',
			contacts: a.contacts ?? entry.organizationName,
			region: entry.region,
			city: entry.city,
			year: entry.year,
			organizationName: entry.organizationName,
			authorId: entry.submittedById,
			contestEntryId: entry.id,
			tools: (a.tools ?? '').split(',').map((t) => t.trim()).filter((t) => TOOLS.some((x) => x.code === t)),
			classifierCodes: (a.classifier ?? '').split(',').map((t) => t.trim()).filter((t) => CLASSIFIER.some((x) => x.code === t)),
			publishedAt: new Date()
		}
	});
	await queueIndex(tx, 'case', created.id);
	return created.id;
}
