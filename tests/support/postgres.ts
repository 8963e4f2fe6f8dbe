import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort } from './ports.ts';

/**
 * A real PostgreSQL server for tests: a throwaway cluster of Debian's PostgreSQL started on a free
 * loopback port (initdb + pg_ctl), or the server named by TEST_PG_URL. Each run gets its own
 * database, dropped at the end.
 */
export interface TestPostgres {
	url: string;
	serverUrl: string;
	stop(): Promise<void>;
}

function findBinDir(): string | undefined {
	if (process.env.PG_BIN_DIR) return process.env.PG_BIN_DIR;
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const versions = fs
		.readdirSync(root)
		.filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		.sort((a, b) => Number(b) - Number(a));
	return versions[0] ? path.join(root, versions[0], 'bin') : undefined;
}

function asPostgresUser(cmd: string, args: string[]): string[] {
	// initdb refuses to run as root: run the cluster as the system's postgres user then.
	return process.getuid?.() === 0 ? ['runuser', '-u', 'postgres', '--', cmd, ...args] : [cmd, ...args];
}

function run(cmd: string, args: string[]) {
	const [bin, ...rest] = asPostgresUser(cmd, args);
	execFileSync(bin!, rest, { stdio: 'pipe' });
}

async function waitForServer(url: string, timeoutMs = 20_000): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const client = new pg.Client({ connectionString: url });
		try {
			await client.connect();
			await client.end();
			return;
		} catch (err) {
			await client.end().catch(() => undefined);
			if (Date.now() > deadline) throw err;
			await new Promise((r) => setTimeout(r, 200));
		}
	}
}

async function startCluster(binDir: string): Promise<{ serverUrl: string; stop(): Promise<void> }> {
	const base = fs.mkdtempSync(path.join(os.tmpdir(), 'maisternia-testpg-'));
	const dataDir = path.join(base, 'data');
	const sockDir = path.join(base, 'sock');
	fs.mkdirSync(sockDir);
	if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres', base]);
	run(path.join(binDir, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
	const port = await freePort();
	const args = [
		'-D', dataDir, '-p', String(port), '-k', sockDir, '-c', 'listen_addresses=127.0.0.1',
		'-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off', '-c', 'max_connections=200'
	];
	const [bin, ...rest] = asPostgresUser(path.join(binDir, 'postgres'), args);
	const child: ChildProcess = spawn(bin!, rest, { stdio: 'ignore', detached: false });
	const serverUrl = `postgresql://postgres@127.0.0.1:${port}/postgres`;
	await waitForServer(serverUrl);
	return {
		serverUrl,
		async stop() {
			// As root the server runs under runuser, which does not pass signals on: ask pg_ctl to stop the
			// server itself, then wait (bounded) for the wrapper to exit.
			const exited = child.exitCode !== null ? Promise.resolve() : new Promise((r) => child.once('exit', r));
			try {
				run(path.join(binDir, 'pg_ctl'), ['-D', dataDir, '-m', 'fast', '-w', '-t', '20', 'stop']);
			} catch {
				child.kill('SIGKILL');
			}
			await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000).unref())]);
			fs.rmSync(base, { recursive: true, force: true });
		}
	};
}

export async function startTestPostgres(): Promise<TestPostgres> {
	let serverUrl = process.env.TEST_PG_URL;
	let stopServer = async () => {};
	if (!serverUrl) {
		const binDir = findBinDir();
		if (!binDir) {
			throw new Error(
				'No PostgreSQL server for the tests: install Debian\'s postgresql package (initdb is looked up in ' +
					'/usr/lib/postgresql/<version>/bin, or set PG_BIN_DIR), or set TEST_PG_URL to a server the tests may create databases on.'
			);
		}
		const cluster = await startCluster(binDir);
		serverUrl = cluster.serverUrl;
		stopServer = cluster.stop;
	}
	const dbName = `maisternia_test_${process.pid}_${Date.now().toString(36)}`;
	const admin = new pg.Client({ connectionString: serverUrl });
	await admin.connect();
	await admin.query(`CREATE DATABASE "${dbName}"`);
	await admin.end();
	const u = new URL(serverUrl);
	u.pathname = `/${dbName}`;
	return {
		url: u.toString(),
		serverUrl,
		async stop() {
			const c = new pg.Client({ connectionString: serverUrl });
			await c.connect();
			await c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
			await c.end();
			await stopServer();
		}
	};
}
