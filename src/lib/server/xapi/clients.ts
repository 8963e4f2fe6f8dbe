import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { db } from '../db/index.ts';
import { agentPatternToLike, ifi, ifiMatchesPatterns, isPortalActor, portalActor, portalActorIfis, portalHomePage, type Agent, type PortalPerson } from './agents.ts';
import { XAPI_BASE } from './constants.ts';
import { isIri } from './validate.ts';

/**
 * Who is calling the LRS, and what they may do (Communication 4.0, 4.2).
 *
 * External clients use HTTP Basic with a key and a secret created by an admin. The secret is 32
 * random bytes shown once; the database keeps its SHA-256 only. A slow hash (argon2, as for
 * passwords) protects guessable secrets; these are not guessable, and every request checks one, so
 * a fast hash compared in constant time is the right tool (ADR 0012).
 *
 * The portal's own player uses the person's session: it may write statements only as the
 * signed-in person (the "portal actor", see agents.ts) and read what concerns them.
 */

export const SCOPES = [
	'all',
	'all/read',
	'statements/write',
	'statements/read',
	'statements/read/mine',
	'state',
	'profile',
	'define'
] as const;
export type Scope = (typeof SCOPES)[number];
/** What a client gets when no scope is chosen (Communication 4.2.s6.b2). */
export const DEFAULT_SCOPES: Scope[] = ['statements/write', 'statements/read/mine'];

export interface ClientPrincipal {
	kind: 'client';
	clientId: string;
	key: string;
	name: string;
	scopes: Scope[];
	activityPrefixes: string[];
	agentPatterns: string[];
	authority: Agent;
}

export interface UserPrincipal {
	kind: 'user';
	user: PortalPerson;
	authority: Agent;
}

export type Principal = ClientPrincipal | UserPrincipal;

export function sha256(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** The authority of statements a client stores: an Agent with an account on the LRS (Data 2.4.9). */
export function clientAuthority(key: string, name: string): Agent {
	return { objectType: 'Agent', name, account: { homePage: `${portalHomePage()}${XAPI_BASE}`, name: key } };
}

export function userPrincipal(user: PortalPerson): UserPrincipal {
	return { kind: 'user', user, authority: portalActor(user) };
}

// A client is read on every request; lastUsedAt is written at most once a minute per client.
const lastUseWritten = new Map<string, number>();

/** The principal of `key:secret`, or null when the credentials are unknown, wrong or revoked. */
export async function authenticateClient(key: string, secret: string): Promise<ClientPrincipal | null> {
	if (!key || !secret || key.length > 200 || secret.length > 500) return null;
	const client = await db().xapiClient.findUnique({ where: { key } });
	const expected = Buffer.from(client?.secretHash ?? sha256('no such client'), 'hex');
	const given = Buffer.from(sha256(secret), 'hex');
	const ok = timingSafeEqual(expected, given) && !!client && !client.revokedAt;
	if (!ok || !client) return null;
	const now = Date.now();
	if ((lastUseWritten.get(client.id) ?? 0) < now - 60_000) {
		lastUseWritten.set(client.id, now);
		await db().xapiClient.update({ where: { id: client.id }, data: { lastUsedAt: new Date(now) } });
	}
	return {
		kind: 'client',
		clientId: client.id,
		key: client.key,
		name: client.name,
		scopes: client.scopes.filter((s): s is Scope => (SCOPES as readonly string[]).includes(s)),
		activityPrefixes: client.activityPrefixes,
		agentPatterns: client.agentPatterns,
		authority: clientAuthority(client.key, client.name)
	};
}

// ---------------------------------------------------------------- permissions

export type Capability =
	| 'statements:write'
	| 'statements:read'
	| 'state:read'
	| 'state:write'
	| 'profile:read'
	| 'profile:write'
	| 'define'
	| 'metadata:read';

/** May the principal use this part of the API at all (before activity/agent limits)? */
export function allows(p: Principal, cap: Capability): boolean {
	// The player may do everything for its own person; the limits are in agentAllowed/userIfis.
	if (p.kind === 'user') return true;
	const s = new Set(p.scopes);
	if (s.has('all')) return true;
	const read = s.has('all/read');
	switch (cap) {
		case 'statements:write':
			return s.has('statements/write');
		case 'statements:read':
			return read || s.has('statements/read') || s.has('statements/read/mine');
		case 'state:read':
			return read || s.has('state');
		case 'state:write':
			return s.has('state');
		case 'profile:read':
			return read || s.has('profile');
		case 'profile:write':
			return s.has('profile');
		case 'define':
			return s.has('define');
		case 'metadata:read':
			// The Activities and Agents resources: any client with some access may read definitions.
			return s.size > 0;
	}
}

/** A client with statements/read/mine only sees the statements it stored itself. */
export function readsOnlyOwn(p: Principal): boolean {
	if (p.kind === 'user') return false;
	const s = new Set(p.scopes);
	return !s.has('all') && !s.has('all/read') && !s.has('statements/read') && s.has('statements/read/mine');
}

export function activityAllowed(p: Principal, activityId: string): boolean {
	if (p.kind === 'user') return true;
	return p.activityPrefixes.length === 0 || p.activityPrefixes.some((prefix) => activityId.startsWith(prefix));
}

/** May the principal act on documents and statements of this agent? */
export function agentAllowed(p: Principal, agent: unknown): boolean {
	if (p.kind === 'user') return isPortalActor(agent, p.user);
	if (p.agentPatterns.length === 0) return true;
	const key = ifi(agent);
	return key !== null && ifiMatchesPatterns(key, p.agentPatterns);
}

/** IFIs whose statements a user principal may read (their own). */
export function userIfis(p: UserPrincipal): string[] {
	return portalActorIfis(p.user);
}

// ---------------------------------------------------------------- administration

export interface ClientInput {
	name: string;
	scopes?: string[];
	activityPrefixes?: string[];
	agentPatterns?: string[];
	createdById?: string | null;
}

export class ClientInputError extends Error {
	constructor(
		readonly field: 'name' | 'scopes' | 'activityPrefixes' | 'agentPatterns',
		readonly value: string
	) {
		super(`${field}: ${value}`);
	}
}

function cleanList(values: string[] | undefined): string[] {
	return [...new Set((values ?? []).map((v) => v.trim()).filter(Boolean))];
}

/** Creates credentials; the secret is returned here and never again. */
export async function createClient(input: ClientInput): Promise<{ id: string; key: string; secret: string }> {
	const name = input.name.trim();
	if (!name || name.length > 120) throw new ClientInputError('name', input.name);
	const scopes = cleanList(input.scopes);
	for (const s of scopes) if (!(SCOPES as readonly string[]).includes(s)) throw new ClientInputError('scopes', s);
	const activityPrefixes = cleanList(input.activityPrefixes);
	for (const a of activityPrefixes) if (!isIri(a)) throw new ClientInputError('activityPrefixes', a);
	const agentPatterns = cleanList(input.agentPatterns);
	for (const a of agentPatterns) if (!agentPatternToLike(a)) throw new ClientInputError('agentPatterns', a);
	const key = `lrs_${randomBytes(9).toString('base64url')}`;
	const secret = randomBytes(32).toString('base64url');
	const client = await db().xapiClient.create({
		data: {
			name,
			key,
			secretHash: sha256(secret),
			scopes: scopes.length ? scopes : DEFAULT_SCOPES,
			activityPrefixes,
			agentPatterns,
			createdById: input.createdById ?? null
		}
	});
	return { id: client.id, key, secret };
}

/** Revokes by key or id; false when there is no such active client. */
export async function revokeClient(keyOrId: string): Promise<boolean> {
	const r = await db().xapiClient.updateMany({
		where: { OR: [{ key: keyOrId }, { id: keyOrId }], revokedAt: null },
		data: { revokedAt: new Date() }
	});
	return r.count > 0;
}

export async function listClients() {
	return db().xapiClient.findMany({
		orderBy: [{ revokedAt: { sort: 'desc', nulls: 'first' } }, { createdAt: 'desc' }],
		select: {
			id: true,
			name: true,
			key: true,
			scopes: true,
			activityPrefixes: true,
			agentPatterns: true,
			createdAt: true,
			lastUsedAt: true,
			revokedAt: true
		}
	});
}
