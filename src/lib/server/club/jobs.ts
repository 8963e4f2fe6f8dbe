import { db } from '../db/index.ts';
import { defineJob, schedule } from '../jobs/index.ts';
import { enqueueMail } from '../mail/index.ts';
import { toKyivDateInputValue } from '../../i18n/datetime.ts';
import { closeDueConsultations } from './consultations.ts';
import { clubUrl, type DigestItem } from './mail.ts';
import { activeCoordinators } from './members.ts';

/**
 * The club's jobs: consultations close at their deadline (every minute), addressed bodies that have
 * not answered by their review date are brought to the coordinators (daily), and discussion digests
 * go out daily or weekly, one message per person with everything since their last digest.
 */

export const CLOSE_CONSULTATIONS_JOB = 'club.close-consultations';
export const ADDRESSEE_REMINDERS_JOB = 'club.addressee-reminders';
export const DIGEST_JOB = 'club.digest-daily';
export const WEEKLY_DIGEST_JOB = 'club.digest-weekly';

const PERIOD_MS = { daily: 86_400_000, weekly: 7 * 86_400_000 } as const;

/** One digest per member with that frequency who has something new; returns how many were queued. */
export async function sendDigests(frequency: 'daily' | 'weekly', now: Date = new Date()): Promise<number> {
	const members = await db().clubMember.findMany({ where: { status: 'active', digest: frequency }, select: { id: true, userId: true, digestSentAt: true } });
	let sent = 0;
	for (const member of members) {
		const since = member.digestSentAt ?? new Date(now.getTime() - PERIOD_MS[frequency]);
		const follows = await db().clubFollow.findMany({ where: { userId: member.userId }, select: { discussionId: true } });
		const posts = await db().clubPost.findMany({
			where: {
				createdAt: { gt: since, lte: now },
				hiddenAt: null,
				authorId: { not: member.userId },
				OR: [{ discussionId: { in: follows.map((f) => f.discussionId) } }, { mentions: { has: member.userId } }]
			},
			orderBy: { createdAt: 'asc' },
			take: 200,
			select: { body: true, authorName: true, mentions: true, discussion: { select: { title: true, hiddenAt: true } } }
		});
		const items: DigestItem[] = posts
			.filter((p) => !p.discussion.hiddenAt)
			.map((p) => ({ discussion: p.discussion.title, author: p.authorName, excerpt: p.body.slice(0, 240), mention: p.mentions.includes(member.userId) }));
		const user = await db().user.findUnique({ where: { id: member.userId }, select: { email: true, name: true, locale: true } });
		await db().$transaction(async (tx) => {
			if (items.length && user) {
				await enqueueMail(
					{
						to: user.email,
						template: 'club_digest',
						locale: user.locale === 'en' ? 'en' : 'uk',
						data: { name: user.name, items, url: clubUrl('/club/discussions', user.locale), weekly: frequency === 'weekly' },
						dedupeKey: `club-digest:${member.userId}:${frequency}:${toKyivDateInputValue(now)}`
					},
					tx
				);
				sent++;
			}
			await tx.clubMember.update({ where: { id: member.id }, data: { digestSentAt: now } });
		});
	}
	return sent;
}

/** Addressed bodies past their review date without an answer: one reminder to each coordinator. */
export async function sendAddresseeReminders(now: Date = new Date()): Promise<number> {
	const due = await db().clubAddressee.findMany({
		where: { reviewOn: { lte: now }, answeredAt: null, remindedAt: null, sentAt: { not: null } },
		include: { resolution: { select: { id: true, title: true, number: true, year: true } } }
	});
	if (!due.length) return 0;
	const coordinators = await activeCoordinators();
	const people = await db().user.findMany({ where: { id: { in: coordinators.map((c) => c.userId) } }, select: { id: true, email: true, name: true, locale: true } });
	for (const a of due) {
		await db().$transaction(async (tx) => {
			for (const p of people) {
				await enqueueMail(
					{
						to: p.email,
						template: 'club_addressee_reminder',
						locale: p.locale === 'en' ? 'en' : 'uk',
						data: { name: p.name, resolution: a.resolution.title, body: a.bodyName, reviewOn: a.reviewOn ? toKyivDateInputValue(a.reviewOn) : '', url: clubUrl(`/club/resolutions/${a.resolution.id}`, p.locale) },
						dedupeKey: `club-addressee:${a.id}:${p.id}`
					},
					tx
				);
			}
			await tx.clubAddressee.update({ where: { id: a.id }, data: { remindedAt: now } });
		});
	}
	return due.length;
}

defineJob<Record<string, never>>(CLOSE_CONSULTATIONS_JOB, async () => void (await closeDueConsultations()), { retryLimit: 2, deleteAfterSeconds: 3600 });
schedule(CLOSE_CONSULTATIONS_JOB, '* * * * *');

defineJob<Record<string, never>>(ADDRESSEE_REMINDERS_JOB, async () => void (await sendAddresseeReminders()), { retryLimit: 3, retryBackoff: true });
schedule(ADDRESSEE_REMINDERS_JOB, '0 9 * * *');

// A schedule is named by its queue, so the weekly digest has a queue of its own.
defineJob<Record<string, never>>(DIGEST_JOB, async () => void (await sendDigests('daily')), { retryLimit: 3, retryBackoff: true });
schedule(DIGEST_JOB, '0 8 * * *');
defineJob<Record<string, never>>(WEEKLY_DIGEST_JOB, async () => void (await sendDigests('weekly')), { retryLimit: 3, retryBackoff: true });
schedule(WEEKLY_DIGEST_JOB, '0 8 * * 1');
