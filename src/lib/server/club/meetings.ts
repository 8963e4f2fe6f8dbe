import { db, type Prisma } from '../db/index.ts';
import { ClubError } from './errors.ts';
import { syncCitations } from './citations.ts';
import { plainLine, renderUserText } from './text.ts';

/**
 * Quarterly meetings: an agenda whose items may point at a discussion or a draft resolution, minutes
 * (sanitized Markdown, citations of acts and courses found in them), attendees, decisions, materials.
 * A meeting may be an event of the events domain (eventId) for registration and reminders.
 */

export interface AgendaItem {
	title: string;
	discussionId?: string | null;
	resolutionId?: string | null;
}
export interface Material {
	title: string;
	url: string;
}

export const quarterOf = (d: Date) => Math.floor(d.getUTCMonth() / 3) + 1;

/** Agenda lines as typed: "Title | discussion:<id>" or "Title | resolution:<id>". */
export function parseAgenda(text: string): AgendaItem[] {
	return text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean)
		.slice(0, 40)
		.map((line) => {
			const [title, ref] = line.split('|').map((s) => s.trim());
			const item: AgendaItem = { title: plainLine(title ?? '', 300) };
			const m = /^(discussion|resolution):([a-z0-9]+)$/i.exec(ref ?? '');
			if (m) item[m[1]!.toLowerCase() === 'discussion' ? 'discussionId' : 'resolutionId'] = m[2]!;
			return item;
		})
		.filter((i) => i.title);
}

export function parseMaterials(text: string): Material[] {
	return text
		.split(/\r?\n/)
		.map((l) => l.trim())
		.filter(Boolean)
		.map((line) => {
			const [title, url] = line.split('|').map((s) => s.trim());
			return { title: plainLine(title ?? '', 300), url: url ?? '' };
		})
		.filter((x) => x.title && /^https?:\/\/|^\//.test(x.url));
}

export async function createMeeting(input: { title: string; startsAt: Date; place?: string | null; agenda: AgendaItem[]; eventId?: string | null; materials?: Material[] }) {
	const title = plainLine(input.title, 300);
	if (!title) throw new ClubError('invalid');
	return db().clubMeeting.create({
		data: {
			title,
			startsAt: input.startsAt,
			year: input.startsAt.getUTCFullYear(),
			quarter: quarterOf(input.startsAt),
			place: input.place ? plainLine(input.place, 300) : null,
			eventId: input.eventId ?? null,
			agenda: input.agenda as unknown as Prisma.InputJsonValue,
			materials: (input.materials ?? []) as unknown as Prisma.InputJsonValue
		}
	});
}

export async function recordMinutes(meetingId: string, input: { minutes: string; attendees: string[]; decisions: string[] }) {
	return db().$transaction(async (tx) => {
		const m = await tx.clubMeeting.findUnique({ where: { id: meetingId } });
		if (!m) throw new ClubError('not_found');
		const minutes = input.minutes.trim().slice(0, 50_000);
		await syncCitations(tx, { sourceType: 'minutes', sourceId: m.id, meetingId: m.id }, minutes);
		return tx.clubMeeting.update({
			where: { id: m.id },
			data: { minutes, minutesHtml: renderUserText(minutes), attendees: input.attendees, decisions: input.decisions.map((text) => ({ text: plainLine(text, 1000) })).filter((d) => d.text) }
		});
	});
}

export async function listMeetings() {
	return db().clubMeeting.findMany({ orderBy: { startsAt: 'desc' }, take: 50 });
}

export async function meetingPage(id: string) {
	const m = await db().clubMeeting.findUnique({ where: { id } });
	if (!m) return null;
	const agenda = (m.agenda as unknown as AgendaItem[]) ?? [];
	const [discussions, resolutions, attendees] = await Promise.all([
		db().clubDiscussion.findMany({ where: { id: { in: agenda.map((a) => a.discussionId).filter((x): x is string => !!x) } }, select: { id: true, title: true } }),
		db().clubResolution.findMany({ where: { id: { in: agenda.map((a) => a.resolutionId).filter((x): x is string => !!x) } }, select: { id: true, title: true } }),
		db().clubMember.findMany({ where: { userId: { in: m.attendees } }, select: { displayName: true, organizationName: true }, orderBy: { displayName: 'asc' } })
	]);
	return {
		meeting: m,
		agenda: agenda.map((a) => ({
			title: a.title,
			discussion: discussions.find((d) => d.id === a.discussionId) ?? null,
			resolution: resolutions.find((r) => r.id === a.resolutionId) ?? null
		})),
		attendees,
		decisions: (m.decisions as unknown as { text: string }[]) ?? [],
		materials: (m.materials as unknown as Material[]) ?? []
	};
}
