import { db, type Prisma } from '../db/index.ts';

/**
 * Citations of the legal library (down to an article's anchor) and of courses, found in what the club
 * writes: a link such as /library/zakon/2017/2155-19#n45 or /courses/e-services in a paragraph, a
 * comment or minutes. Kept per source (replaced when the source changes) so an act page can show
 * where the club cites it.
 */

export interface Citation {
	targetType: 'act' | 'course';
	targetId: string;
	anchor: string | null;
}

const ACT = /(?:^|[\s(<[\]"'])(?:https?:\/\/[^/\s]+)?(?:\/en)?\/library\/([a-z0-9_-]+\/\d{4}\/[\p{L}\p{N}_.-]+)(?:#([A-Za-z0-9_-]+))?/gu;
const COURSE = /(?:^|[\s(<[\]"'])(?:https?:\/\/[^/\s]+)?(?:\/en)?\/courses\/([a-z0-9][a-z0-9-]*)(?=[\s)\]>.,;"']|$)/g;

export function extractCitations(text: string): Citation[] {
	const out = new Map<string, Citation>();
	for (const m of text.matchAll(ACT)) {
		const c: Citation = { targetType: 'act', targetId: m[1]!, anchor: m[2] ?? null };
		out.set(`act|${c.targetId}|${c.anchor ?? ''}`, c);
	}
	for (const m of text.matchAll(COURSE)) {
		if (m[1] === 'h5p') continue;
		out.set(`course|${m[1]}`, { targetType: 'course', targetId: m[1]!, anchor: null });
	}
	return [...out.values()];
}

export async function syncCitations(
	tx: Prisma.TransactionClient,
	source: { sourceType: 'resolution' | 'comment' | 'minutes'; sourceId: string; resolutionId?: string | null; meetingId?: string | null },
	text: string
): Promise<void> {
	await tx.clubCitation.deleteMany({ where: { sourceType: source.sourceType, sourceId: source.sourceId } });
	const found = extractCitations(text);
	if (!found.length) return;
	await tx.clubCitation.createMany({
		data: found.map((c) => ({ ...c, sourceType: source.sourceType, sourceId: source.sourceId, resolutionId: source.resolutionId ?? null, meetingId: source.meetingId ?? null })),
		skipDuplicates: true
	});
}

export interface CitationBack {
	kind: 'resolution' | 'meeting';
	title: string;
	url: string;
	anchors: string[];
}

/**
 * Where the club cites an act (by its slug, e.g. "zakon/2017/2155-19") or a course: public sources
 * only (adopted resolutions, drafts in public consultation, meetings' minutes).
 */
export async function citationsOf(targetType: 'act' | 'course', targetId: string): Promise<CitationBack[]> {
	const rows = await db().clubCitation.findMany({ where: { targetType, targetId }, select: { resolutionId: true, meetingId: true, anchor: true } });
	const resolutionIds = [...new Set(rows.map((r) => r.resolutionId).filter((x): x is string => !!x))];
	const meetingIds = [...new Set(rows.map((r) => r.meetingId).filter((x): x is string => !!x))];
	const [resolutions, meetings] = await Promise.all([
		db().clubResolution.findMany({
			where: { id: { in: resolutionIds }, OR: [{ status: 'adopted' }, { consultation: { isNot: null } }] },
			select: { id: true, title: true, number: true, year: true, status: true, consultation: { select: { id: true } } }
		}),
		db().clubMeeting.findMany({ where: { id: { in: meetingIds } }, select: { id: true, title: true } })
	]);
	const anchorsOf = (pick: (r: (typeof rows)[number]) => string | null, id: string) =>
		[...new Set(rows.filter((r) => pick(r) === id && r.anchor).map((r) => r.anchor!))].sort();
	return [
		...resolutions.map((r) => ({
			kind: 'resolution' as const,
			title: r.status === 'adopted' && r.number ? `№ ${r.number}/${r.year} ${r.title}` : r.title,
			url: r.status === 'adopted' ? `/club/resolutions/${r.id}` : `/consultations/${r.consultation!.id}`,
			anchors: anchorsOf((x) => x.resolutionId, r.id)
		})),
		...meetings.map((mt) => ({ kind: 'meeting' as const, title: mt.title, url: `/club/meetings/${mt.id}`, anchors: anchorsOf((x) => x.meetingId, mt.id) }))
	];
}
