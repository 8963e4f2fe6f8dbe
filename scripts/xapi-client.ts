/**
 * xAPI client credentials (HTTP Basic) from the command line, the same as /admin/xapi/clients:
 *   npm run xapi:client -- create <name> [--scope <scope>]... [--activity <IRI prefix>]... [--agent <pattern>]...
 *   npm run xapi:client -- revoke <key>
 *   npm run xapi:client -- list
 * Scopes (Communication 4.2): all, all/read, statements/write, statements/read, statements/read/mine,
 * state, profile, define; default statements/write + statements/read/mine. --read-scope is a synonym of
 * --scope. --activity limits the client to activity IRIs starting with the prefix; --agent to agents
 * matching mailto:name@host, mailto:*@host, openid:<uri> or an account homePage. The secret is printed
 * once and stored only as a SHA-256. Uses DATABASE_URL, or the embedded database in DATA_DIR (stop a dev
 * server on that folder first).
 */
import { database, closeDatabase } from '../src/lib/server/db/index.ts';
import { ClientInputError, createClient, listClients, portalHomePage, revokeClient, SCOPES } from '../src/lib/server/xapi/index.ts';

const USAGE = `Usage:
  npm run xapi:client -- create <name> [--scope <scope>]... [--activity <IRI prefix>]... [--agent <pattern>]...
  npm run xapi:client -- revoke <key>
  npm run xapi:client -- list
Scopes: ${SCOPES.join(', ')}`;

function options(args: string[]): { positional: string[]; values: Map<string, string[]> } {
	const positional: string[] = [];
	const values = new Map<string, string[]>();
	for (let i = 0; i < args.length; i++) {
		const a = args[i]!;
		if (!a.startsWith('--')) {
			positional.push(a);
			continue;
		}
		const [flag, inline] = a.slice(2).split('=', 2) as [string, string | undefined];
		const value = inline ?? args[++i];
		if (value === undefined) throw new Error(`--${flag} needs a value`);
		const name = flag === 'read-scope' ? 'scope' : flag;
		if (!['scope', 'activity', 'agent'].includes(name)) throw new Error(`Unknown option --${flag}`);
		values.set(name, [...(values.get(name) ?? []), ...value.split(',').map((v) => v.trim()).filter(Boolean)]);
	}
	return { positional, values };
}

async function main(): Promise<number> {
	const [command, ...rest] = process.argv.slice(2);
	if (!command || !['create', 'revoke', 'list'].includes(command)) {
		console.error(USAGE);
		return 2;
	}
	const { positional, values } = options(rest);
	await database();
	if (command === 'list') {
		for (const c of await listClients()) {
			const state = c.revokedAt ? `revoked ${c.revokedAt.toISOString()}` : 'active';
			console.log(`${c.key}\t${state}\t${c.name}\tscopes=${c.scopes.join(' ')}${c.activityPrefixes.length ? `\tactivities=${c.activityPrefixes.join(' ')}` : ''}${c.agentPatterns.length ? `\tagents=${c.agentPatterns.join(' ')}` : ''}`);
		}
		return 0;
	}
	if (command === 'revoke') {
		const key = positional[0];
		if (!key) {
			console.error(USAGE);
			return 2;
		}
		const done = await revokeClient(key);
		console.log(done ? `Revoked ${key}: its requests now get 401.` : `No active client with key ${key}.`);
		return done ? 0 : 1;
	}
	const name = positional.join(' ').trim();
	if (!name) {
		console.error(USAGE);
		return 2;
	}
	try {
		const created = await createClient({
			name,
			scopes: values.get('scope'),
			activityPrefixes: values.get('activity'),
			agentPatterns: values.get('agent')
		});
		const endpoint = `${portalHomePage()}/xapi/`;
		console.log(`Created xAPI client "${name}"`);
		console.log(`  endpoint: ${endpoint}`);
		console.log(`  key:      ${created.key}`);
		console.log(`  secret:   ${created.secret}   (shown once; only its SHA-256 is stored)`);
		console.log(`  try:      curl -u '${created.key}:${created.secret}' -H 'X-Experience-API-Version: 1.0.3' ${endpoint}statements?limit=1`);
		return 0;
	} catch (err) {
		if (err instanceof ClientInputError) {
			console.error(`Invalid ${err.field}: "${err.value}"\n${USAGE}`);
			return 2;
		}
		throw err;
	}
}

main()
	.then(async (code) => {
		await closeDatabase();
		process.exit(code);
	})
	.catch(async (err) => {
		console.error(err instanceof Error ? err.message : err);
		await closeDatabase().catch(() => undefined);
		process.exit(1);
	});
