import { db, type Prisma } from '../db/index.ts';
import type { ClubVoteChoice } from '../db/generated/enums.ts';
import { toKyivDateInputValue } from '../../i18n/datetime.ts';
import { queueIndex } from '../search/index.ts';
import { ClubError } from './errors.ts';
import { auditHidden } from './audit.ts';
import { votingMemberCount } from './members.ts';
import { syncCitations } from './citations.ts';
import { alignParagraphs, canonicalText, normalizeParagraph, plainLine, renderUserText, sha256Hex, splitParagraphs, type Paragraph } from './text.ts';

/**
 * Resolutions drafted together: versions of paragraphs with stable ids, comments and amendments on a
 * paragraph or a quoted span, the drafter's decisions, voting with a quorum and a threshold, adoption
 * (number, date, signatories, canonical text and its SHA-256), and the addressed bodies' replies.
 * Permission checks are the routes' (permissions.ts, club:*); this module checks states.
 */

type Tx = Prisma.TransactionClient;
export interface Actor {
	id: string;
	name: string | null;
	email?: string;
}

export const readParagraphs = (json: unknown): Paragraph[] => (Array.isArray(json) ? (json as Paragraph[]) : []);

export interface ResolutionInput {
	title: string;
	summary?: string | null;
	kind?: 'resolution' | 'recommendations';
	text: string;
	quorumPercent?: number;
	thresholdPercent?: number;
}

export async function createResolution(actor: Actor, input: ResolutionInput) {
	const texts = splitParagraphs(input.text);
	if (!texts.length || !plainLine(input.title)) throw new ClubError('invalid');
	const paragraphs = alignParagraphs([], texts);
	return db().$transaction(async (tx) => {
		const r = await tx.clubResolution.create({
			data: {
				title: plainLine(input.title, 300),
				summary: input.summary ? plainLine(input.summary, 1000) : null,
				kind: input.kind ?? 'resolution',
				drafterId: actor.id,
				quorumPercent: clampPercent(input.quorumPercent ?? 50),
				thresholdPercent: clampPercent(input.thresholdPercent ?? 50),
				versions: { create: { number: 1, paragraphs: paragraphs as unknown as Prisma.InputJsonValue, authorId: actor.id, note: null } }
			}
		});
		await syncCitations(tx, { sourceType: 'resolution', sourceId: r.id, resolutionId: r.id }, texts.join('\n'));
		return r;
	});
}

const clampPercent = (n: number) => Math.min(100, Math.max(0, Math.round(n)));

export async function getResolution(id: string) {
	return db().clubResolution.findUnique({ where: { id } });
}

/** What a permission check needs of a resolution. */
export async function getResolutionMeta(id: string) {
	return db().clubResolution.findUnique({ where: { id }, select: { id: true, drafterId: true, status: true, title: true, currentVersion: true } });
}

async function draftForUpdate(tx: Tx, id: string) {
	// Row lock: versions, decisions and votes of one resolution happen one at a time.
	await tx.$queryRaw`SELECT id FROM "ClubResolution" WHERE id = ${id} FOR UPDATE`;
	const r = await tx.clubResolution.findUnique({ where: { id } });
	if (!r) throw new ClubError('not_found');
	return r;
}

async function currentParagraphs(tx: Tx, resolutionId: string, number: number): Promise<Paragraph[]> {
	const v = await tx.clubResolutionVersion.findUnique({ where: { resolutionId_number: { resolutionId, number } }, select: { paragraphs: true } });
	return readParagraphs(v?.paragraphs);
}

async function writeVersion(tx: Tx, r: { id: string; currentVersion: number }, paragraphs: Paragraph[], actorId: string, note: string | null) {
	const number = r.currentVersion + 1;
	await tx.clubResolutionVersion.create({ data: { resolutionId: r.id, number, paragraphs: paragraphs as unknown as Prisma.InputJsonValue, authorId: actorId, note } });
	await tx.clubResolution.update({ where: { id: r.id }, data: { currentVersion: number } });
	await syncCitations(tx, { sourceType: 'resolution', sourceId: r.id, resolutionId: r.id }, paragraphs.map((p) => p.text).join('\n'));
	return number;
}

/** The paragraphs of a resolution's current version (or of version `number`). */
export async function paragraphsOf(resolutionId: string, number?: number): Promise<Paragraph[]> {
	const r = await db().clubResolution.findUnique({ where: { id: resolutionId }, select: { currentVersion: true } });
	if (!r) throw new ClubError('not_found');
	return currentParagraphs(db(), resolutionId, number ?? r.currentVersion);
}

/** A new version from the whole text as the drafter typed it: paragraphs keep their ids (text.ts). */
export async function saveVersion(actor: Actor, resolutionId: string, text: string, note?: string | null): Promise<number> {
	const texts = splitParagraphs(text);
	if (!texts.length) throw new ClubError('invalid');
	return db().$transaction(async (tx) => {
		const r = await draftForUpdate(tx, resolutionId);
		if (r.status !== 'draft') throw new ClubError('not_draft');
		const previous = await currentParagraphs(tx, r.id, r.currentVersion);
		const next = alignParagraphs(previous, texts);
		if (next.length === previous.length && next.every((p, i) => p.id === previous[i]!.id && p.text === previous[i]!.text)) return r.currentVersion;
		return writeVersion(tx, r, next, actor.id, note ? plainLine(note, 300) : null);
	});
}

export interface CommentInput {
	paragraphId: string;
	body: string;
	quote?: string | null;
	kind: 'comment' | 'amendment' | 'public';
	proposedText?: string | null;
}

/** A comment, an amendment or a citizen's comment on one paragraph of the current version. */
export async function addComment(actor: Actor, resolutionId: string, input: CommentInput) {
	const body = input.body.trim().slice(0, 10_000);
	const proposed = input.proposedText ? normalizeParagraph(input.proposedText).slice(0, 10_000) : null;
	if (input.kind === 'amendment' ? !proposed : !body) throw new ClubError('invalid');
	const r = await db().clubResolution.findUnique({ where: { id: resolutionId }, select: { id: true, status: true, currentVersion: true } });
	if (!r) throw new ClubError('not_found');
	if (input.kind !== 'public' && r.status !== 'draft') throw new ClubError('not_draft');
	const paragraph = (await currentParagraphs(db(), r.id, r.currentVersion)).find((p) => p.id === input.paragraphId);
	if (!paragraph) throw new ClubError('no_paragraph');
	const quote = input.quote ? normalizeParagraph(input.quote) : null;
	if (quote && !paragraph.text.includes(quote)) throw new ClubError('quote_not_found');
	return db().$transaction(async (tx) => {
		const c = await tx.clubComment.create({
			data: {
				resolutionId: r.id,
				paragraphId: paragraph.id,
				versionNumber: r.currentVersion,
				kind: input.kind,
				authorId: actor.id,
				authorName: plainLine(actor.name ?? actor.email?.split('@')[0] ?? '—', 120),
				quote,
				body,
				bodyHtml: renderUserText(body),
				proposedText: input.kind === 'amendment' ? proposed : null
			}
		});
		await syncCitations(tx, { sourceType: 'comment', sourceId: c.id, resolutionId: r.id }, body);
		return c;
	});
}

/**
 * The drafter accepts or rejects an amendment with a reason. Accepting writes a new version in which
 * the paragraph (or the quoted span, when it is still there) reads as proposed; the paragraph keeps
 * its id, so the discussion stays with it.
 */
export async function decideAmendment(actor: Actor, commentId: string, decision: 'accepted' | 'rejected', reason: string) {
	const why = plainLine(reason, 2000);
	if (!why) throw new ClubError('invalid');
	return db().$transaction(async (tx) => {
		const c = await tx.clubComment.findUnique({ where: { id: commentId } });
		if (!c || c.kind !== 'amendment') throw new ClubError('not_found');
		const r = await draftForUpdate(tx, c.resolutionId);
		if (r.status !== 'draft') throw new ClubError('not_draft');
		if (c.decision !== 'open') throw new ClubError('already_decided');
		let appliedVersion: number | null = null;
		if (decision === 'accepted') {
			const paragraphs = await currentParagraphs(tx, r.id, r.currentVersion);
			const at = paragraphs.findIndex((p) => p.id === c.paragraphId);
			if (at < 0) throw new ClubError('no_paragraph');
			const old = paragraphs[at]!.text;
			const text = c.quote && old.includes(c.quote) ? old.replace(c.quote, c.proposedText ?? '') : (c.proposedText ?? old);
			const next = paragraphs.map((p, i) => (i === at ? { id: p.id, text: normalizeParagraph(text) } : p)).filter((p) => p.text);
			appliedVersion = await writeVersion(tx, r, next, actor.id, null);
		}
		return tx.clubComment.update({
			where: { id: c.id },
			data: { decision, decisionReason: why, decidedById: actor.id, decidedAt: new Date(), appliedVersion }
		});
	});
}

/** Moderation: a comment is hidden (never deleted) with a reason; the audit log keeps who and why. */
export async function hideComment(actor: Actor, commentId: string, reason: string) {
	const why = plainLine(reason, 500);
	if (!why) throw new ClubError('invalid');
	await db().$transaction(async (tx) => {
		const c = await tx.clubComment.findUnique({ where: { id: commentId }, select: { id: true, authorId: true } });
		if (!c) throw new ClubError('not_found');
		await tx.clubComment.update({ where: { id: c.id }, data: { hiddenAt: new Date(), hiddenReason: why, hiddenById: actor.id } });
		await auditHidden(tx, { actorId: actor.id, targetType: 'club_comment', targetId: c.id, subjectUserId: c.authorId, reason: why });
	});
}

export async function openVoting(resolutionId: string) {
	await db().$transaction(async (tx) => {
		const r = await draftForUpdate(tx, resolutionId);
		if (r.status !== 'draft') throw new ClubError('not_draft');
		await tx.clubResolution.update({ where: { id: r.id }, data: { status: 'voting', votingOpenedAt: new Date() } });
	});
}

export async function castVote(actor: Actor, resolutionId: string, choice: ClubVoteChoice) {
	await db().$transaction(async (tx) => {
		const r = await draftForUpdate(tx, resolutionId);
		if (r.status !== 'voting') throw new ClubError('not_voting');
		await tx.clubVote.upsert({
			where: { resolutionId_userId: { resolutionId, userId: actor.id } },
			create: { resolutionId, userId: actor.id, choice },
			update: { choice }
		});
	});
}

export interface Tally {
	for: number;
	against: number;
	abstain: number;
	cast: number;
	eligible: number;
	quorumNeeded: number;
	quorumMet: boolean;
	passed: boolean;
}

/** Quorum: at least quorumPercent of the voting members cast a vote (rounded up, at least one).
 *  Threshold: "for" is strictly more than thresholdPercent of the votes cast (abstentions count). */
export function tallyVotes(votes: { choice: ClubVoteChoice }[], eligible: number, quorumPercent: number, thresholdPercent: number): Tally {
	const t = { for: 0, against: 0, abstain: 0 };
	for (const v of votes) t[v.choice]++;
	const cast = t.for + t.against + t.abstain;
	const quorumNeeded = Math.max(1, Math.ceil((eligible * quorumPercent) / 100));
	const quorumMet = cast >= quorumNeeded;
	return { ...t, cast, eligible, quorumNeeded, quorumMet, passed: quorumMet && t.for * 100 > thresholdPercent * cast };
}

export async function currentTally(resolutionId: string): Promise<Tally> {
	const r = await db().clubResolution.findUnique({ where: { id: resolutionId }, include: { votes: { select: { choice: true } } } });
	if (!r) throw new ClubError('not_found');
	return tallyVotes(r.votes, await votingMemberCount(), r.quorumPercent, r.thresholdPercent);
}

export interface Signatory {
	name: string;
	organizationName: string | null;
	position: string | null;
}

/**
 * Closes the vote. Passed: the resolution is adopted with the next number of the year, today's date
 * (Kyiv), its signatories (the members who voted for it), the canonical text and its SHA-256.
 * Otherwise it is rejected. The tally is kept either way.
 */
export async function closeVoting(resolutionId: string, now: Date = new Date()) {
	return db().$transaction(async (tx) => {
		const r = await draftForUpdate(tx, resolutionId);
		if (r.status !== 'voting') throw new ClubError('not_voting');
		const votes = await tx.clubVote.findMany({ where: { resolutionId }, select: { choice: true, userId: true } });
		const tally = tallyVotes(votes, await votingMemberCount(tx), r.quorumPercent, r.thresholdPercent);
		if (!tally.passed) {
			return tx.clubResolution.update({
				where: { id: r.id },
				data: { status: 'rejected', votingClosedAt: now, tally: tally as unknown as Prisma.InputJsonValue }
			});
		}
		const date = toKyivDateInputValue(now);
		const year = Number(date.slice(0, 4));
		const last = await tx.clubResolution.aggregate({ where: { year }, _max: { number: true } });
		const number = (last._max.number ?? 0) + 1;
		const paragraphs = await currentParagraphs(tx, r.id, r.currentVersion);
		const text = canonicalText({ number, year, date, title: r.title, paragraphs });
		const forIds = votes.filter((v) => v.choice === 'for').map((v) => v.userId);
		const signers = await tx.clubMember.findMany({
			where: { userId: { in: forIds } },
			orderBy: { displayName: 'asc' },
			select: { displayName: true, organizationName: true, position: true }
		});
		const signatories: Signatory[] = signers.map((s) => ({ name: s.displayName, organizationName: s.organizationName, position: s.position }));
		const adopted = await tx.clubResolution.update({
			where: { id: r.id },
			data: {
				status: 'adopted',
				votingClosedAt: now,
				adoptedAt: now,
				number,
				year,
				adoptedVersion: r.currentVersion,
				adoptedText: text,
				fingerprint: sha256Hex(text),
				signatories: signatories as unknown as Prisma.InputJsonValue,
				tally: tally as unknown as Prisma.InputJsonValue
			}
		});
		await queueIndex(tx, 'resolution', r.id);
		return adopted;
	});
}

// ------------------------------------------------------------------ addressees and their replies

export async function addAddressee(resolutionId: string, input: { bodyName: string; reviewOn?: Date | null }) {
	const bodyName = plainLine(input.bodyName, 300);
	if (!bodyName) throw new ClubError('invalid');
	return db().clubAddressee.create({ data: { resolutionId, bodyName, reviewOn: input.reviewOn ?? null } });
}

export async function markSent(addresseeId: string, sentAt: Date = new Date(), reviewOn?: Date | null) {
	return db().clubAddressee.update({ where: { id: addresseeId }, data: { sentAt, ...(reviewOn !== undefined ? { reviewOn } : {}) } });
}

export async function recordAnswer(addresseeId: string, answerText: string, answeredAt: Date = new Date()) {
	const text = answerText.trim().slice(0, 20_000);
	if (!text) throw new ClubError('invalid');
	return db().clubAddressee.update({ where: { id: addresseeId }, data: { answeredAt, answerText: text, answerHtml: renderUserText(text) } });
}
