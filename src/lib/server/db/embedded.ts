import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { PGLiteSocketHandler } from '@electric-sql/pglite-socket';
import { SessionQueue } from './session-queue.ts';

/**
 * The embedded database: PGlite (PostgreSQL compiled to WebAssembly) kept in a data folder and served
 * inside this process on a private Unix socket, so that Prisma, pg-boss and everything else connect
 * to it with an ordinary PostgreSQL URL, exactly as they would to a server.
 */
export interface EmbeddedDatabase {
	url: string;
	dataDir: string;
	db: PGlite;
	stop(): Promise<void>;
}

/** The sum of every pool that connects (Prisma, jobs, migrations) must stay below this. */
const MAX_CONNECTIONS = 64;

function socketDirFor(dataDir: string): string {
	// Unix socket paths are limited to ~107 bytes, so the socket lives in a short private folder.
	const hash = crypto.createHash('sha256').update(dataDir).digest('hex').slice(0, 12);
	return path.join(os.tmpdir(), `maisternia-pg-${hash}`);
}

function socketAnswers(socketPath: string): Promise<boolean> {
	return new Promise((resolve) => {
		const sock = net.createConnection(socketPath);
		sock.once('connect', () => {
			sock.destroy();
			resolve(true);
		});
		sock.once('error', () => resolve(false));
	});
}

export async function startEmbedded(dataDir: string): Promise<EmbeddedDatabase> {
	const pgDir = path.join(dataDir, 'pg');
	fs.mkdirSync(dataDir, { recursive: true });
	const socketDir = socketDirFor(path.resolve(pgDir));
	fs.mkdirSync(socketDir, { recursive: true, mode: 0o700 });
	fs.chmodSync(socketDir, 0o700);
	const socketPath = path.join(socketDir, '.s.PGSQL.5432');

	// PGlite does not lock its folder: a second opener would silently lose committed rows.
	if (fs.existsSync(socketPath)) {
		if (await socketAnswers(socketPath)) {
			throw new Error(
				`The embedded database in ${pgDir} is already open in another process (socket ${socketPath}). ` +
					'Stop that process first, or set DATABASE_URL to use a PostgreSQL server.'
			);
		}
		fs.rmSync(socketPath, { force: true });
	}

	// Extensions must be passed at every open, not only when they are created.
	const db = await PGlite.create({ dataDir: pgDir, extensions: { pg_trgm, unaccent } });
	const server = await serve(db, socketPath);

	const url = `postgresql://postgres@localhost/postgres?host=${encodeURIComponent(socketDir)}`;
	return {
		url,
		dataDir: pgDir,
		db,
		async stop() {
			await server.close();
			await db.close();
			fs.rmSync(socketPath, { force: true });
		}
	};
}

/**
 * Serves PGlite on a Unix socket: pglite-socket's connection handler (startup, SSL refusal, message
 * framing) with our SessionQueue, which keeps each connection's protocol cycles and transactions
 * whole on the one shared backend (see session-queue.ts).
 */
async function serve(db: PGlite, socketPath: string): Promise<{ close(): Promise<void> }> {
	await db.waitReady;
	const queue = new SessionQueue(db);
	const handlers = new Set<PGLiteSocketHandler>();
	const server = net.createServer((socket) => {
		if (handlers.size >= MAX_CONNECTIONS) {
			socket.end('Too many connections\n');
			return;
		}
		// SessionQueue has the shape of pglite-socket's (unexported) QueryQueueManager; its class
		// type has private members, so TypeScript cannot match the two structurally.
		const handler = new PGLiteSocketHandler({ queryQueue: queue as never, closeOnDetach: true });
		handlers.add(handler);
		const forget = () => handlers.delete(handler);
		handler.addEventListener('close', forget);
		handler.addEventListener('error', forget);
		handler.attach(socket).catch(() => {
			forget();
			socket.destroy();
		});
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(socketPath, () => resolve());
	});
	return {
		close: async () => {
			await Promise.all([...handlers].map((h) => h.detach(true)));
			handlers.clear();
			await new Promise<void>((resolve) => server.close(() => resolve()));
		}
	};
}
