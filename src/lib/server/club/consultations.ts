import { db } from '../db/index.ts';
import { ClubError } from './errors.ts';
import { addComment, readParagraphs, type Actor } from './resolutions.ts';
import { plainLine } from './text.ts';

/**
 * Public consultations: a draft (a resolution, or recommendations such as those of the "100 cities"
 * study) open to signed-in citizens until a deadline (an instant; forms take Kyiv wall time). A job
 * closes it at the deadline; comments are refused after it even before the job runs. The coordinator
 * then decides each comment (accepted or not, with a reason) and publishes the report.
 */

export async function openConsultation(resolutionId: string, closesAt: Date, intro?: string | null, now: Date = new Date()) {
	if (closesAt.getTime() <= now.getTime()) throw new ClubError('invalid');
	const r = await db().clubResolution.findUnique({ where: { id: resolutionId }, select: { id: true, consultation: { select: { id: true } } } });
	if (!r) throw new ClubError('not_found');
	if (r.consultation) throw new ClubError('invalid');
	return db().clubConsultation.create({ data: { resolutionId, closesAt, opensAt: now, intro: intro ? intro.trim().slice(0, 5000) : null } });
}

export function isOpen(c: { status: string; closesAt: Date }, now: Date = new Date()): boolean {
	return c.status === 'open' && now.getTime() < c.closesAt.getTime();
}

export async function getConsultation(id: string) {
	return db().clubConsultation.findUnique({ where: { id }, include: { resolution: { select: { id: true, title: true, summary: true, kind: true, currentVersion: true } } } });
}

export async function listConsultations() {
	return db().clubConsultation.findMany({
		orderBy: { closesAt: 'desc' },
		include: { resolution: { select: { id: true, title: true, summary: true } } }
	});
}

/** A citizen's comment on one paragraph while the consultation is open. */
export async function addPublicComment(actor: Actor, consultationId: string, input: { paragraphId: string; body: string; quote?: string | null }, now: Date = new Date()) {
	const c = await db().clubConsultation.findUnique({ where: { id: consultationId } });
	if (!c) throw new ClubError('not_found');
	if (!isOpen(c, now)) throw new ClubError('closed');
	return addComment(actor, c.resolutionId, { ...input, kind: 'public' });
}

/** The job: every consultation whose deadline has passed is closed. Returns how many were closed. */
export async function closeDueConsultations(now: Date = new Date()): Promise<number> {
	const { count } = await db().clubConsultation.updateMany({ where: { status: 'open', closesAt: { lte: now } }, data: { status: 'closed', closedAt: now } });
	return count;
}

/** After the deadline the coordinator answers each public comment: accepted or not, and why. */
export async function decidePublicComment(actor: Actor, commentId: string, decision: 'accepted' | 'rejected', reason: string) {
	const why = plainLine(reason, 2000);
	if (!why) throw new ClubError('invalid');
	const comment = await db().clubComment.findUnique({ where: { id: commentId }, include: { resolution: { select: { consultation: true } } } });
	if (!comment || comment.kind !== 'public' || !comment.resolution.consultation) throw new ClubError('not_found');
	if (comment.resolution.consultation.status === 'open') throw new ClubError('invalid');
	return db().clubComment.update({ where: { id: commentId }, data: { decision, decisionReason: why, decidedById: actor.id, decidedAt: new Date() } });
}

export async function publishReport(consultationId: string, reportIntro: string | null) {
	const c = await db().clubConsultation.findUnique({ where: { id: consultationId } });
	if (!c) throw new ClubError('not_found');
	if (c.status === 'open') throw new ClubError('invalid');
	return db().clubConsultation.update({ where: { id: c.id }, data: { status: 'reported', reportedAt: new Date(), reportIntro: reportIntro ? reportIntro.trim().slice(0, 5000) : null } });
}

export interface ReportRow {
	paragraphId: string;
	number: number;
	text: string;
	total: number;
	accepted: number;
	rejected: number;
	undecided: number;
	hidden: number;
	proposals: { id: string; authorName: string; bodyHtml: string; decision: 'open' | 'accepted' | 'rejected'; reason: string | null }[];
}

/** Counts per paragraph (of the version consulted on) and each visible proposal with its answer. */
export async function consultationReport(consultationId: string) {
	const c = await db().clubConsultation.findUnique({ where: { id: consultationId }, include: { resolution: { select: { id: true, title: true } } } });
	if (!c) return null;
	const comments = await db().clubComment.findMany({
		where: { resolutionId: c.resolutionId, kind: 'public' },
		orderBy: { createdAt: 'asc' },
		select: { id: true, paragraphId: true, versionNumber: true, authorName: true, bodyHtml: true, decision: true, decisionReason: true, hiddenAt: true }
	});
	const consulted = Math.max(1, ...comments.map((x) => x.versionNumber));
	const version = await db().clubResolutionVersion.findUnique({ where: { resolutionId_number: { resolutionId: c.resolutionId, number: consulted } }, select: { paragraphs: true } });
	const paragraphs = readParagraphs(version?.paragraphs);
	const rows: ReportRow[] = paragraphs.map((p, i) => ({ paragraphId: p.id, number: i + 1, text: p.text, total: 0, accepted: 0, rejected: 0, undecided: 0, hidden: 0, proposals: [] }));
	const byId = new Map(rows.map((r) => [r.paragraphId, r]));
	for (const x of comments) {
		const row = byId.get(x.paragraphId);
		if (!row) continue;
		row.total++;
		if (x.hiddenAt) {
			row.hidden++;
			continue;
		}
		if (x.decision === 'accepted') row.accepted++;
		else if (x.decision === 'rejected') row.rejected++;
		else row.undecided++;
		row.proposals.push({ id: x.id, authorName: x.authorName, bodyHtml: x.bodyHtml, decision: x.decision, reason: x.decisionReason });
	}
	const totals = rows.reduce((t, r) => ({ total: t.total + r.total, accepted: t.accepted + r.accepted, rejected: t.rejected + r.rejected, hidden: t.hidden + r.hidden }), { total: 0, accepted: 0, rejected: 0, hidden: 0 });
	return { consultation: c, rows, totals };
}
