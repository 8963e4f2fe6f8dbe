import { db } from '../db/index.ts';
import type { Prisma } from '../db/index.ts';
import { queueIndex } from '../search/queue.ts';
import type { SearchDocumentInput } from '../search/types.ts';
import type { SearchSource } from '../search/sources.ts';
import { kyivCalendarDate, paragraphs } from '../search/text.ts';
import { readProgramme, readSpeakers } from './types.ts';

/**
 * How an event appears in the portal-wide search: public, not cancelled events only (past ones too:
 * they keep their recordings). Titles in both languages (the English one is shown in the English
 * interface); speakers are headings; summaries, descriptions, place and programme in both languages the body; the date is
 * the Kyiv day of the start. Any change of an event queues its reindexing (queueEventIndex).
 */

export function eventPath(slug: string): string {
	return `/events/${slug}`;
}

export async function loadEventDocuments(ids: string[]): Promise<Map<string, SearchDocumentInput>> {
	const events = await db().event.findMany({ where: { id: { in: ids }, isPublic: true, status: 'scheduled' } });
	const out = new Map<string, SearchDocumentInput>();
	for (const e of events) {
		const speakers = readSpeakers(e.speakers);
		const programme = readProgramme(e.programme);
		out.set(e.id, {
			kind: 'event',
			refId: e.id,
			url: eventPath(e.slug),
			title: e.titleUk,
			titleEn: e.titleEn && e.titleEn !== e.titleUk ? e.titleEn : null,
			subtitle: null,
			headings: [...new Set(speakers.map((s) => s.name).filter(Boolean))],
			body: paragraphs([
				e.summaryUk,
				e.descriptionUk,
				e.placeUk,
				...programme.map((p) => p.uk),
				...speakers.map((s) => s.roleUk),
				e.summaryEn,
				e.descriptionEn,
				e.placeEn,
				...programme.map((p) => p.en),
				...speakers.map((s) => s.roleEn),
				e.address,
				e.organizerName
			]),
			types: [],
			issuers: [],
			status: null,
			date: kyivCalendarDate(e.startsAt)
		});
	}
	return out;
}

/** Queues the event's reindexing inside the transaction of its change (a no-op without a job runner). */
export function queueEventIndex(tx: Prisma.TransactionClient, eventId: string): Promise<boolean> {
	return queueIndex(tx, 'event', eventId);
}

export const eventSearchSource: SearchSource = {
	kind: 'event',
	load: loadEventDocuments,
	async ids(after, limit) {
		const rows = await db().event.findMany({ where: after ? { id: { gt: after } } : {}, select: { id: true }, orderBy: { id: 'asc' }, take: limit });
		return rows.map((r) => r.id);
	}
};
