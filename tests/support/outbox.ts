/**
 * Delivering a test's own mail. Test files share one database, and its outbox holds what other files
 * left behind: hundreds of messages, more of them due the longer a run takes. `deliverDue()` takes
 * the oldest 100 due messages, which need not include this test's, so a test that called it and then
 * waited for its mail failed on a slow or busy machine only. These deliver by id instead.
 */
import { db } from '../../src/lib/server/db/index.ts';
import { deliverMessage } from '../../src/lib/server/mail/index.ts';

/** Sends every pending message to these addresses (any letter case), now; returns how many were sent. */
export async function deliverPendingTo(...addresses: string[]): Promise<number> {
	const rows = await db().outboxMessage.findMany({
		where: { status: 'pending', OR: addresses.map((a) => ({ to: { equals: a, mode: 'insensitive' as const } })) },
		orderBy: { createdAt: 'asc' },
		select: { id: true }
	});
	let sent = 0;
	for (const r of rows) if ((await deliverMessage(r.id)) === 'sent') sent++;
	return sent;
}

/** Puts these messages first in the outbox's due order (for tests of `deliverDue` itself). */
export async function dueFirst(ids: string[]): Promise<void> {
	await db().outboxMessage.updateMany({ where: { id: { in: ids } }, data: { nextAttemptAt: new Date(0) } });
}
