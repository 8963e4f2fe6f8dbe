import { db, type Prisma } from '../db/index.ts';

/**
 * Runs `fn` in a transaction that holds the event's row lock (SELECT … FOR UPDATE). Every change of
 * seats (register, cancel, promote, capacity) goes through here, so two requests for the last seat
 * are decided one after the other, also across app instances on one PostgreSQL server. Under READ
 * COMMITTED each later statement sees what the previous lock holder committed.
 *
 * The waits are generous: hundreds of people may queue for one popular event, each holding the lock
 * for a few milliseconds.
 */
export async function withEventLock<T>(eventId: string, fn: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
	return db().$transaction(
		async (tx) => {
			const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "Event" WHERE id = ${eventId} FOR UPDATE`;
			if (rows.length === 0) {
				const { EventError } = await import('./errors.ts');
				throw new EventError('not_found');
			}
			return fn(tx);
		},
		{ maxWait: 60_000, timeout: 60_000 }
	);
}
