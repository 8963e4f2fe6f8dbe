import type { PGlite } from '@electric-sql/pglite';

/**
 * The order in which the embedded database's socket server (pglite-socket) hands the messages of its
 * connections to PGlite, which is ONE backend shared by every connection.
 *
 * pglite-socket's own queue passes messages one by one, first come first served, and keeps one
 * connection only while an explicit transaction is open. An extended-protocol query is several
 * messages (Parse, Bind, Describe, Execute, then Sync), so two connections querying at once could
 * interleave them on the shared backend: "bind message supplies 5 parameters, but prepared statement
 * "" requires 4", or rows read as null. This queue gives the backend to one connection (its owner)
 * from the first message of a cycle up to the Sync or simple Query that ends it, and for as long as a
 * transaction that connection opened is still open; the other connections' messages wait their turn.
 * That is what one PostgreSQL backend per connection guarantees on a server.
 *
 * It has the shape of pglite-socket's QueryQueueManager (enqueue, getQueueLength,
 * clearQueueForHandler, clearTransactionIfNeeded), which PGLiteSocketHandler calls.
 */
interface Item {
	handlerId: number;
	message: Uint8Array;
	onData: (data: Uint8Array) => void;
	resolve: (bytes: number) => void;
	reject: (error: Error) => void;
}

/** Frontend messages that continue an extended-protocol cycle: the backend stays with their sender. */
const CONTINUES_CYCLE = new Set(['P', 'B', 'D', 'E', 'C', 'H', 'd', 'c', 'f'].map((c) => c.charCodeAt(0)));

export class SessionQueue {
	private queue: Item[] = [];
	private processing = false;
	private owner: number | null = null;

	constructor(private readonly db: PGlite) {}

	/** Runs one frontend message of a connection, in turn; resolves with the bytes answered. */
	enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> {
		return new Promise((resolve, reject) => {
			this.queue.push({ handlerId, message, onData, resolve, reject });
			void this.process();
		});
	}

	getQueueLength(): number {
		return this.queue.length;
	}

	/** A connection went away: its waiting messages are dropped. */
	clearQueueForHandler(handlerId: number): void {
		this.queue = this.queue.filter((item) => {
			if (item.handlerId !== handlerId) return true;
			item.reject(new Error('Handler disconnected'));
			return false;
		});
	}

	/** A connection went away while it owned the backend: roll its transaction back, free the backend. */
	async clearTransactionIfNeeded(handlerId: number): Promise<void> {
		if (this.owner !== handlerId) return;
		await this.db.runExclusive(async () => {
			// Ends an unfinished extended-protocol cycle, then the transaction if one is open.
			await this.db.execProtocolRaw(sync());
			if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
		});
		this.owner = null;
		void this.process();
	}

	private next(): Item | undefined {
		if (this.owner === null) return this.queue.shift();
		const i = this.queue.findIndex((item) => item.handlerId === this.owner);
		return i === -1 ? undefined : this.queue.splice(i, 1)[0];
	}

	private async process(): Promise<void> {
		if (this.processing) return;
		this.processing = true;
		try {
			for (let item = this.next(); item; item = this.next()) {
				this.owner = item.handlerId;
				let bytes = 0;
				try {
					await this.db.runExclusive(() =>
						this.db.execProtocolRawStream(item.message, {
							onRawData: (data) => {
								bytes += data.length;
								item.onData(data);
							}
						})
					);
				} catch (error) {
					this.owner = null;
					item.reject(error instanceof Error ? error : new Error(String(error)));
					continue;
				}
				if (!CONTINUES_CYCLE.has(item.message[0]) && !this.db.isInTransaction()) this.owner = null;
				item.resolve(bytes);
			}
		} finally {
			this.processing = false;
		}
	}
}

/** A Sync message ('S', length 4). */
function sync(): Uint8Array {
	return new Uint8Array([0x53, 0, 0, 0, 4]);
}
