/**
 * Recordings after the event ("offline webinars"): the video and its materials. Where the host has
 * said so, watching counts as attendance: the person opens the recording through the portal, and may
 * confirm "watched" once at least minWatchRatio of its duration has passed since they opened it (the
 * portal cannot see inside another site's player; the waiting time is the honest check it can make).
 */
import { db } from '../db/index.ts';
import type { Prisma } from '../db/index.ts';
import { EventError } from './errors.ts';
import { isHttpUrl, readMaterials, type Material } from './types.ts';
import type { Person } from './registration.ts';

export interface RecordingInput {
	titleUk: string;
	titleEn: string;
	url: string;
	durationMinutes: number | null;
	materials: Material[];
	countsAsAttendance: boolean;
	minWatchRatio?: number;
	publishedAt?: Date;
}

export async function addRecording(eventId: string, input: RecordingInput) {
	if (!isHttpUrl(input.url)) throw new EventError('invalid', 'url');
	if (input.durationMinutes != null && (!Number.isInteger(input.durationMinutes) || input.durationMinutes < 1)) throw new EventError('invalid', 'duration');
	return db().recording.create({
		data: {
			eventId,
			titleUk: input.titleUk,
			titleEn: input.titleEn || input.titleUk,
			url: input.url,
			durationMinutes: input.durationMinutes,
			materials: input.materials as unknown as Prisma.InputJsonValue,
			countsAsAttendance: input.countsAsAttendance,
			minWatchRatio: Math.min(1, Math.max(0, input.minWatchRatio ?? 0.5)),
			publishedAt: input.publishedAt ?? new Date()
		}
	});
}

export async function deleteRecording(eventId: string, recordingId: string): Promise<void> {
	await db().recording.deleteMany({ where: { id: recordingId, eventId } });
}

/** Published recordings of an event, with the person's viewing state. */
export async function recordingsOf(eventId: string, userId: string | null, now = new Date()) {
	const rows = await db().recording.findMany({
		where: { eventId, publishedAt: { lte: now } },
		orderBy: { publishedAt: 'asc' },
		include: userId ? { views: { where: { userId } } } : undefined
	});
	return rows.map((r) => {
		const view = 'views' in r && Array.isArray(r.views) ? (r.views[0] as { openedAt: Date; completedAt: Date | null } | undefined) : undefined;
		const { views: _views, ...rest } = r as typeof r & { views?: unknown };
		return {
			...rest,
			materials: readMaterials(r.materials),
			openedAt: view?.openedAt ?? null,
			completedAt: view?.completedAt ?? null,
			/** When "watched" may be confirmed. */
			confirmableAt: view ? confirmableAt(r, view.openedAt) : null
		};
	});
}

function confirmableAt(r: { durationMinutes: number | null; minWatchRatio: number }, openedAt: Date): Date {
	const minutes = (r.durationMinutes ?? 0) * r.minWatchRatio;
	return new Date(openedAt.getTime() + minutes * 60_000);
}

/** The person opens the recording through the portal: the first opening is remembered. Returns its URL. */
export async function openRecording(recordingId: string, person: Person, now = new Date()): Promise<string> {
	const r = await db().recording.findUnique({ where: { id: recordingId } });
	if (!r || r.publishedAt > now) throw new EventError('not_found');
	await db().recordingView.upsert({ where: { recordingId_userId: { recordingId, userId: person.id } }, create: { recordingId, userId: person.id, openedAt: now }, update: {} });
	return r.url;
}

/**
 * "I have watched it": completes the view and, when the recording counts as attendance, records the
 * person's attendance (unless they attended live already).
 */
export async function confirmWatched(recordingId: string, person: Person, now = new Date()): Promise<{ attendance: boolean }> {
	const r = await db().recording.findUnique({ where: { id: recordingId }, include: { event: true } });
	if (!r || r.publishedAt > now) throw new EventError('not_found');
	const view = await db().recordingView.findUnique({ where: { recordingId_userId: { recordingId, userId: person.id } } });
	if (!view) throw new EventError('not_started');
	if (now < confirmableAt(r, view.openedAt)) throw new EventError('too_early');
	return db().$transaction(async (tx) => {
		await tx.recordingView.update({ where: { id: view.id }, data: { completedAt: view.completedAt ?? now } });
		if (!r.countsAsAttendance || r.event.status === 'cancelled') return { attendance: false };
		const existing = await tx.attendance.findUnique({ where: { eventId_userId: { eventId: r.eventId, userId: person.id } } });
		if (existing) return { attendance: true };
		// Their registration (if any, not yet checked in) carries the attendance; otherwise the account does.
		const reg = await tx.registration.findFirst({ where: { eventId: r.eventId, status: { not: 'cancelled' }, attendance: null, OR: [{ userId: person.id }, { email: person.email.toLowerCase() }] } });
		await tx.attendance.create({ data: { eventId: r.eventId, registrationId: reg?.id ?? null, userId: person.id, source: 'recording', attendedAt: now } });
		return { attendance: true };
	});
}
