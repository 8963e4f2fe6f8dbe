/**
 * Attendance: check-in by a host (a list of registrations) or by the participant with the code shown
 * during the event; the host's CSV export; and what other domains may ask: the events a person
 * attended and the credits they earned (learning and certification count them where configured).
 */
import { timingSafeEqual } from 'node:crypto';
import { db } from '../db/index.ts';
import type { Event } from '../db/generated/client.ts';
import { formatDateTime } from '../../i18n/datetime.ts';
import { EventError } from './errors.ts';
import { readQuestions, pick, type Locale } from './types.ts';
import type { Person } from './registration.ts';

/** Check-in by code is open from this long before the start … */
export const CHECKIN_BEFORE_MINUTES = 15;
/** … until this long after the end. */
export const CHECKIN_AFTER_MINUTES = 30;

export function checkinOpen(e: Pick<Event, 'startsAt' | 'endsAt' | 'status'>, now = new Date()): boolean {
	return e.status !== 'cancelled' && now.getTime() >= e.startsAt.getTime() - CHECKIN_BEFORE_MINUTES * 60_000 && now.getTime() <= e.endsAt.getTime() + CHECKIN_AFTER_MINUTES * 60_000;
}

function sameCode(a: string, b: string): boolean {
	const x = Buffer.from(a.trim().toUpperCase().replace(/[\s-]/g, ''));
	const y = Buffer.from(b.toUpperCase());
	return x.length === y.length && timingSafeEqual(x, y);
}

/** The participant types the code the host shows during the event. */
export async function checkInWithCode(eventId: string, person: Person, code: string, now = new Date()) {
	const e = await db().event.findUnique({ where: { id: eventId } });
	if (!e) throw new EventError('not_found');
	if (!checkinOpen(e, now)) throw new EventError('checkin_closed');
	const r = await db().registration.findFirst({ where: { eventId, status: 'registered', OR: [{ userId: person.id }, { email: person.email.toLowerCase() }] } });
	if (!r) throw new EventError('not_registered');
	if (!sameCode(code, e.checkinCode)) throw new EventError('bad_code');
	return db().attendance.upsert({
		where: { registrationId: r.id },
		create: { eventId, registrationId: r.id, userId: r.userId ?? person.id, source: 'code', attendedAt: now },
		update: {}
	});
}

/**
 * A host marks who is present: `present` are the checked registration ids among `shown` (the rows of
 * the form); rows shown but not checked lose their attendance.
 */
export async function setAttendance(eventId: string, hostId: string, shown: string[], present: string[], now = new Date()): Promise<{ added: number; removed: number }> {
	const presentSet = new Set(present.filter((id) => shown.includes(id)));
	return db().$transaction(async (tx) => {
		const regs = await tx.registration.findMany({ where: { eventId, id: { in: shown }, status: 'registered' }, include: { attendance: true } });
		let added = 0;
		let removed = 0;
		for (const r of regs) {
			if (presentSet.has(r.id) && !r.attendance) {
				// A recording-based row of the same account would collide on (event, user): reuse it.
				const byUser = r.userId ? await tx.attendance.findUnique({ where: { eventId_userId: { eventId, userId: r.userId } } }) : null;
				if (byUser) await tx.attendance.update({ where: { id: byUser.id }, data: { registrationId: r.id, source: 'host', recordedById: hostId, attendedAt: now } });
				else await tx.attendance.create({ data: { eventId, registrationId: r.id, userId: r.userId, source: 'host', recordedById: hostId, attendedAt: now } });
				added++;
			} else if (!presentSet.has(r.id) && r.attendance) {
				await tx.attendance.delete({ where: { id: r.attendance.id } });
				removed++;
			}
		}
		return { added, removed };
	});
}

/** Registrations with attendance for the host's page. */
export function attendanceList(eventId: string) {
	return db().registration.findMany({
		where: { eventId, status: { in: ['registered', 'waitlisted'] } },
		orderBy: [{ status: 'asc' }, { position: 'asc' }, { name: 'asc' }],
		include: { attendance: true, group: { select: { name: true } } }
	});
}

export async function attendanceStats(eventId: string) {
	const [registered, waitlisted, attended, byCode, byHost, byRecording] = await Promise.all([
		db().registration.count({ where: { eventId, status: 'registered' } }),
		db().registration.count({ where: { eventId, status: 'waitlisted' } }),
		db().attendance.count({ where: { eventId } }),
		db().attendance.count({ where: { eventId, source: 'code' } }),
		db().attendance.count({ where: { eventId, source: 'host' } }),
		db().attendance.count({ where: { eventId, source: 'recording' } })
	]);
	return { registered, waitlisted, attended, byCode, byHost, byRecording };
}

/** CSV cell: quoted, and a leading = + - @ neutralised so spreadsheets do not run it as a formula. */
function cell(v: unknown): string {
	let s = v == null ? '' : String(v);
	if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
	return `"${s.replace(/"/g, '""')}"`;
}

export interface CsvLabels {
	headers: string[];
	status: Record<string, string>;
	source: Record<string, string>;
	yes: string;
	no: string;
}

/**
 * The attendance export: one row per registration and per recording viewer, times in Kyiv time, the
 * answers to the extra questions as columns. UTF-8 with a BOM so spreadsheet programs read Cyrillic.
 */
export async function attendanceCsv(eventId: string, locale: Locale, labels: CsvLabels): Promise<string> {
	const e = await db().event.findUniqueOrThrow({ where: { id: eventId } });
	const questions = readQuestions(e.questions);
	const regs = await db().registration.findMany({
		where: { eventId },
		orderBy: [{ status: 'asc' }, { position: 'asc' }, { name: 'asc' }],
		include: { attendance: true, group: { select: { name: true } } }
	});
	const viewers = await db().attendance.findMany({ where: { eventId, registrationId: null } });
	const lines = [[...labels.headers, ...questions.map((q) => pick(locale, q.uk, q.en))].map(cell).join(',')];
	for (const r of regs) {
		const answers = (r.answers ?? {}) as Record<string, unknown>;
		lines.push(
			[
				r.name,
				r.email,
				r.organizationName ?? '',
				r.group?.name ?? '',
				labels.status[r.status] ?? r.status,
				formatDateTime(r.registeredAt, locale, { short: true }),
				r.attendance ? labels.yes : labels.no,
				r.attendance ? (labels.source[r.attendance.source] ?? r.attendance.source) : '',
				r.attendance ? formatDateTime(r.attendance.attendedAt, locale, { short: true }) : '',
				...questions.map((q) => {
					const a = answers[q.id];
					if (typeof a === 'boolean') return a ? labels.yes : labels.no;
					const opt = q.options?.find((o) => o.value === a);
					return opt ? pick(locale, opt.uk, opt.en) : (a ?? '');
				})
			]
				.map(cell)
				.join(',')
		);
	}
	if (viewers.length) {
		const users = await db().user.findMany({ where: { id: { in: viewers.map((v) => v.userId!).filter(Boolean) } }, select: { id: true, name: true, email: true } });
		const byId = new Map(users.map((u) => [u.id, u]));
		for (const v of viewers) {
			const u = v.userId ? byId.get(v.userId) : undefined;
			lines.push([u?.name ?? '', u?.email ?? '', '', '', '', '', labels.yes, labels.source[v.source] ?? v.source, formatDateTime(v.attendedAt, locale, { short: true })].map(cell).join(','));
		}
	}
	return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

export interface AttendedEvent {
	eventId: string;
	slug: string;
	kind: string;
	titleUk: string;
	titleEn: string;
	startsAt: Date;
	endsAt: Date;
	credits: number;
	courseIds: string[];
	competencies: string[];
	countsTowardCourses: boolean;
	attendedAt: Date;
	source: 'host' | 'code' | 'recording';
}

/**
 * The events a person attended (live or, where it counts, by watching the recording), newest first.
 * For other domains: learning counts those with countsTowardCourses toward the linked courses;
 * certification adds their credits.
 */
export async function attendedEvents(userId: string, options: { from?: Date; to?: Date } = {}): Promise<AttendedEvent[]> {
	const rows = await db().attendance.findMany({
		where: {
			userId,
			event: { status: 'scheduled', ...(options.from || options.to ? { startsAt: { ...(options.from ? { gte: options.from } : {}), ...(options.to ? { lt: options.to } : {}) } } : {}) }
		},
		include: { event: true },
		orderBy: { event: { startsAt: 'desc' } }
	});
	return rows.map((a) => ({
		eventId: a.eventId,
		slug: a.event.slug,
		kind: a.event.kind,
		titleUk: a.event.titleUk,
		titleEn: a.event.titleEn,
		startsAt: a.event.startsAt,
		endsAt: a.event.endsAt,
		credits: a.event.credits,
		courseIds: a.event.courseIds,
		competencies: a.event.competencies,
		countsTowardCourses: a.event.countsTowardCourses,
		attendedAt: a.attendedAt,
		source: a.source
	}));
}

/** Credits a person earned by attending events (optionally in a period). */
export async function eventCredits(userId: string, options: { from?: Date; to?: Date } = {}): Promise<number> {
	const list = await attendedEvents(userId, options);
	return Math.round(list.reduce((sum, e) => sum + e.credits, 0) * 100) / 100;
}

/** Attended events that count toward completing a course (for the learning domain). */
export async function attendedEventsForCourse(userId: string, courseId: string): Promise<AttendedEvent[]> {
	return (await attendedEvents(userId)).filter((e) => e.countsTowardCourses && e.courseIds.includes(courseId));
}
