import { db } from '../db/index.ts';
import type { ClubRole } from '../db/generated/enums.ts';
import { currentTally, readParagraphs, type Signatory, type Tally } from './resolutions.ts';
import { versionDiff, type ParagraphDiff } from './text.ts';

/**
 * What the resolution pages show, in as few queries as the page needs (a draft of 200 paragraphs with
 * 2,000 comments is the benchmark): the version's paragraphs, each with its visible comments and
 * amendments, the versions list, the tally and the adoption record.
 */

export interface CommentView {
	id: string;
	paragraphId: string;
	versionNumber: number;
	kind: 'comment' | 'amendment' | 'public';
	authorName: string;
	quote: string | null;
	bodyHtml: string;
	proposedText: string | null;
	decision: 'open' | 'accepted' | 'rejected';
	decisionReason: string | null;
	appliedVersion: number | null;
	createdAt: Date;
	hidden: boolean;
	hiddenReason: string | null;
	mine: boolean;
}

export interface ParagraphView {
	id: string;
	number: number;
	text: string;
	comments: CommentView[];
}

export async function listResolutions(filter: { status?: 'draft' | 'voting' | 'adopted' | 'rejected'; publicOnly?: boolean } = {}) {
	return db().clubResolution.findMany({
		where: filter.status ? { status: filter.status } : filter.publicOnly ? { status: 'adopted' } : {},
		orderBy: [{ adoptedAt: 'desc' }, { updatedAt: 'desc' }],
		select: { id: true, title: true, summary: true, status: true, kind: true, number: true, year: true, adoptedAt: true, currentVersion: true, updatedAt: true, fingerprint: true }
	});
}

const COMMENT_SELECT = {
	id: true,
	paragraphId: true,
	versionNumber: true,
	kind: true,
	authorId: true,
	authorName: true,
	quote: true,
	bodyHtml: true,
	proposedText: true,
	decision: true,
	decisionReason: true,
	appliedVersion: true,
	createdAt: true,
	hiddenAt: true,
	hiddenReason: true
} as const;

type CommentRow = { [K in keyof typeof COMMENT_SELECT]: unknown } & { authorId: string; hiddenAt: Date | null };

export function commentView(c: CommentRow, viewerId: string | null, moderator: boolean): CommentView {
	const hidden = !!c.hiddenAt;
	return {
		id: c.id as string,
		paragraphId: c.paragraphId as string,
		versionNumber: c.versionNumber as number,
		kind: c.kind as CommentView['kind'],
		authorName: c.authorName as string,
		quote: hidden && !moderator ? null : (c.quote as string | null),
		// A hidden comment's text is kept for the record but shown only to moderators.
		bodyHtml: hidden && !moderator ? '' : (c.bodyHtml as string),
		proposedText: hidden && !moderator ? null : (c.proposedText as string | null),
		decision: c.decision as CommentView['decision'],
		decisionReason: c.decisionReason as string | null,
		appliedVersion: c.appliedVersion as number | null,
		createdAt: c.createdAt as Date,
		hidden,
		hiddenReason: c.hiddenReason as string | null,
		mine: !!viewerId && c.authorId === viewerId
	};
}

export interface ResolutionPage {
	resolution: {
		id: string;
		title: string;
		summary: string | null;
		kind: 'resolution' | 'recommendations';
		status: 'draft' | 'voting' | 'adopted' | 'rejected';
		drafterId: string;
		currentVersion: number;
		quorumPercent: number;
		thresholdPercent: number;
		number: number | null;
		year: number | null;
		adoptedAt: Date | null;
		fingerprint: string | null;
		signatories: Signatory[];
	};
	version: number;
	paragraphs: ParagraphView[];
	/** Comments on paragraphs that the shown version no longer has. */
	orphans: CommentView[];
	versions: { number: number; createdAt: Date; note: string | null }[];
	tally: Tally;
	myVote: string | null;
	addressees: { id: string; bodyName: string; sentAt: Date | null; reviewOn: Date | null; answeredAt: Date | null; answerHtml: string | null }[];
	consultation: { id: string; status: string; closesAt: Date } | null;
}

export async function resolutionPage(
	id: string,
	viewer: { id: string; clubRole: ClubRole | null } | null,
	options: { version?: number; publicComments?: boolean } = {}
): Promise<ResolutionPage | null> {
	const r = await db().clubResolution.findUnique({
		where: { id },
		include: {
			versions: { select: { number: true, createdAt: true, note: true }, orderBy: { number: 'asc' } },
			addressees: { orderBy: { createdAt: 'asc' } },
			consultation: { select: { id: true, status: true, closesAt: true } }
		}
	});
	if (!r) return null;
	const number = options.version && options.version >= 1 && options.version <= r.currentVersion ? options.version : r.currentVersion;
	const moderator = viewer?.clubRole === 'coordinator';
	const [version, comments, tally, myVote] = await Promise.all([
		db().clubResolutionVersion.findUnique({ where: { resolutionId_number: { resolutionId: id, number } }, select: { paragraphs: true } }),
		db().clubComment.findMany({
			where: { resolutionId: id, kind: options.publicComments ? 'public' : { in: ['comment', 'amendment'] } },
			orderBy: { createdAt: 'asc' },
			select: COMMENT_SELECT
		}),
		currentTally(id),
		viewer ? db().clubVote.findUnique({ where: { resolutionId_userId: { resolutionId: id, userId: viewer.id } }, select: { choice: true } }) : null
	]);
	const paragraphs = readParagraphs(version?.paragraphs);
	const byParagraph = new Map<string, CommentView[]>();
	for (const c of comments) {
		const view = commentView(c, viewer?.id ?? null, moderator);
		const list = byParagraph.get(view.paragraphId);
		if (list) list.push(view);
		else byParagraph.set(view.paragraphId, [view]);
	}
	const shown = new Set(paragraphs.map((p) => p.id));
	return {
		resolution: {
			id: r.id,
			title: r.title,
			summary: r.summary,
			kind: r.kind,
			status: r.status,
			drafterId: r.drafterId,
			currentVersion: r.currentVersion,
			quorumPercent: r.quorumPercent,
			thresholdPercent: r.thresholdPercent,
			number: r.number,
			year: r.year,
			adoptedAt: r.adoptedAt,
			fingerprint: r.fingerprint,
			signatories: (r.signatories as unknown as Signatory[] | null) ?? []
		},
		version: number,
		paragraphs: paragraphs.map((p, i) => ({ id: p.id, number: i + 1, text: p.text, comments: byParagraph.get(p.id) ?? [] })),
		orphans: [...byParagraph.entries()].filter(([pid]) => !shown.has(pid)).flatMap(([, list]) => list),
		versions: r.versions,
		tally,
		myVote: myVote?.choice ?? null,
		addressees: r.addressees.map((a) => ({ id: a.id, bodyName: a.bodyName, sentAt: a.sentAt, reviewOn: a.reviewOn, answeredAt: a.answeredAt, answerHtml: a.answerHtml })),
		consultation: r.consultation
	};
}

export async function versionsDiff(id: string, from: number, to: number): Promise<{ from: number; to: number; diff: ParagraphDiff[] } | null> {
	const versions = await db().clubResolutionVersion.findMany({ where: { resolutionId: id, number: { in: [from, to] } }, select: { number: true, paragraphs: true } });
	const a = versions.find((v) => v.number === from);
	const b = versions.find((v) => v.number === to);
	if (!a || !b) return null;
	return { from, to, diff: versionDiff(readParagraphs(a.paragraphs), readParagraphs(b.paragraphs)) };
}

/** The adopted record as the public page shows it (and the bytes the fingerprint is taken of). */
export async function adoptedRecord(id: string) {
	const r = await db().clubResolution.findUnique({
		where: { id },
		select: { id: true, title: true, number: true, year: true, adoptedAt: true, adoptedText: true, fingerprint: true, signatories: true, tally: true, status: true, addressees: { orderBy: { createdAt: 'asc' } } }
	});
	if (!r || r.status !== 'adopted' || !r.adoptedText) return null;
	return { ...r, adoptedText: r.adoptedText, signatories: (r.signatories as unknown as Signatory[] | null) ?? [], tally: r.tally as unknown as Tally };
}
