/**
 * Calendar feeds: all public events (/events.ics) and a person's own events through a private address
 * with a secret token (/events/feed/<token>.ics), for calendar programs that subscribe without signing
 * in. The token is shown again on the person's page (so it is stored as is) and can be reset.
 */
import { randomBytes } from 'node:crypto';
import { db } from '../db/index.ts';
import { feedIcs, type CalendarEvent } from './ical.ts';
import type { Locale } from './types.ts';

const TOKEN = /^[A-Za-z0-9_-]{32,64}$/;

/** Public events from a year back to all future ones. */
export async function publicFeed(locale: Locale, name: string, now = new Date()): Promise<string> {
	const events = await db().event.findMany({
		where: { isPublic: true, endsAt: { gte: new Date(now.getTime() - 365 * 86_400_000) } },
		orderBy: { startsAt: 'asc' },
		take: 5000
	});
	return feedIcs(events, { name, locale });
}

/** One event as a calendar file ("add to calendar"). */
export function eventIcs(e: CalendarEvent, locale: Locale, name: string): string {
	return feedIcs([e], { name, locale });
}

export async function feedToken(userId: string): Promise<string | null> {
	return (await db().eventFeedToken.findUnique({ where: { userId } }))?.token ?? null;
}

/** Creates the person's token, or a new one (the old address stops working). */
export async function resetFeedToken(userId: string): Promise<string> {
	const token = randomBytes(24).toString('base64url');
	await db().eventFeedToken.upsert({ where: { userId }, create: { userId, token }, update: { token, createdAt: new Date() } });
	return token;
}

/**
 * The person's events (a seat, or attended) as a calendar, or null for an unknown token. Cancelled
 * events stay in it with STATUS:CANCELLED so subscribed calendars remove or strike them.
 */
export async function personalFeed(token: string, name: string): Promise<string | null> {
	if (!TOKEN.test(token)) return null;
	const row = await db().eventFeedToken.findUnique({ where: { token } });
	if (!row) return null;
	const user = await db().user.findUnique({ where: { id: row.userId }, select: { email: true, locale: true } });
	if (!user) return null;
	const events = await db().event.findMany({
		where: { registrations: { some: { status: 'registered', OR: [{ userId: row.userId }, { email: user.email.toLowerCase() }] } } },
		orderBy: { startsAt: 'asc' },
		take: 2000
	});
	return feedIcs(events, { name, locale: user.locale === 'en' ? 'en' : 'uk' });
}
