import { createHash } from 'node:crypto';
import { config } from '../config/index.ts';
import { isObject, type JsonObject } from './validate.ts';

/**
 * Agents and their inverse functional identifiers (Data 2.4.2.3). An IFI is kept as one string,
 * the key of every agent filter, document and scope:
 *   mbox:mailto:name@host            (the host part lowercased: it is case-insensitive)
 *   mbox_sha1sum:<40 hex, lowercase>
 *   openid:<uri>
 *   account:["<homePage>","<name>"]  (JSON, so that no homePage or name can fake another)
 */

export interface Agent {
	objectType?: 'Agent' | 'Group';
	name?: string;
	mbox?: string;
	mbox_sha1sum?: string;
	openid?: string;
	account?: { homePage: string; name: string };
	member?: Agent[];
}

function normalizeMbox(mbox: string): string {
	const at = mbox.lastIndexOf('@');
	return at < 0 ? mbox : mbox.slice(0, at) + mbox.slice(at).toLowerCase();
}

/** The IFI string of an agent or identified group; null for an anonymous group. */
export function ifi(agent: unknown): string | null {
	if (!isObject(agent)) return null;
	if (typeof agent.mbox === 'string') return `mbox:${normalizeMbox(agent.mbox)}`;
	if (typeof agent.mbox_sha1sum === 'string') return `mbox_sha1sum:${agent.mbox_sha1sum.toLowerCase()}`;
	if (typeof agent.openid === 'string') return `openid:${agent.openid}`;
	if (isObject(agent.account)) return `account:${JSON.stringify([agent.account.homePage, agent.account.name])}`;
	return null;
}

/** An agent object made back from an IFI string (the `ids` format and the Person object use it). */
export function agentFromIfi(value: string): Agent {
	const i = value.indexOf(':');
	const kind = value.slice(0, i);
	const rest = value.slice(i + 1);
	if (kind === 'mbox') return { mbox: rest };
	if (kind === 'mbox_sha1sum') return { mbox_sha1sum: rest };
	if (kind === 'openid') return { openid: rest };
	const [homePage, name] = JSON.parse(rest) as [string, string];
	return { account: { homePage, name } };
}

export function sha1Mbox(email: string): string {
	return createHash('sha1').update(`mailto:${email}`).digest('hex');
}

// ---------------------------------------------------------------- the portal actor

/** The system all portal accounts live on: the portal's own origin. */
export function portalHomePage(): string {
	return (config().ORIGIN ?? 'http://localhost:3000').replace(/\/+$/, '');
}

export interface PortalPerson {
	id: string;
	email: string;
	name?: string | null;
}

/**
 * The xAPI agent of a signed-in person, as the portal's own player sends it: an account on the
 * portal (homePage = ORIGIN, name = the user's id). The same person may also be written with
 * `mbox: mailto:<their e-mail>` (or its SHA-1); `isPortalActor` accepts all three.
 */
export function portalActor(user: PortalPerson): Agent & { objectType: 'Agent' } {
	return {
		objectType: 'Agent',
		...(user.name ? { name: user.name } : {}),
		account: { homePage: portalHomePage(), name: user.id }
	};
}

/** Every IFI under which statements about this person may be stored. */
export function portalActorIfis(user: PortalPerson): string[] {
	const email = user.email.toLowerCase();
	return [
		ifi(portalActor(user))!,
		`mbox:${normalizeMbox(`mailto:${user.email}`)}`,
		...(email !== user.email ? [`mbox:mailto:${email}`] : []),
		`mbox_sha1sum:${sha1Mbox(user.email)}`,
		...(email !== user.email ? [`mbox_sha1sum:${sha1Mbox(email)}`] : [])
	].filter((v, i, all) => all.indexOf(v) === i);
}

/** Is `agent` (an Agent object) the signed-in person? */
export function isPortalActor(agent: unknown, user: PortalPerson): boolean {
	if (!isObject(agent) || (agent.objectType !== undefined && agent.objectType !== 'Agent')) return false;
	const id = ifi(agent);
	return id !== null && portalActorIfis(user).includes(id);
}

/** The portal user id behind an IFI, when it is a portal account (not an e-mail address). */
export function portalUserIdOf(value: string): string | null {
	if (!value.startsWith('account:')) return null;
	const [homePage, name] = JSON.parse(value.slice('account:'.length)) as [string, string];
	return homePage === portalHomePage() ? name : null;
}

// ---------------------------------------------------------------- agents a statement mentions

export interface AgentRow {
	ifi: string;
	direct: boolean;
	agent: JsonObject;
}

function collect(agent: unknown, direct: boolean, into: Map<string, AgentRow>): void {
	if (!isObject(agent)) return;
	const id = ifi(agent);
	if (id) {
		const prev = into.get(id);
		if (!prev) into.set(id, { ifi: id, direct, agent: withoutMembers(agent) });
		else if (direct) prev.direct = true;
	}
	// Groups match the agent filter through their members (Communication 2.1.3, agent parameter).
	if (Array.isArray(agent.member)) for (const m of agent.member) collect(m, direct, into);
}

function withoutMembers(agent: JsonObject): JsonObject {
	const { member: _m, objectType: _t, ...rest } = agent;
	return rest;
}

/**
 * Agents of a statement, keyed by IFI: actor and object (with their members) are direct, matched by
 * the `agent` filter; authority, instructor, team and everything in a SubStatement are found only
 * with related_agents=true.
 */
export function statementAgents(stmt: JsonObject): AgentRow[] {
	const into = new Map<string, AgentRow>();
	collect(stmt.actor, true, into);
	const obj = stmt.object;
	if (isObject(obj) && (obj.objectType === 'Agent' || obj.objectType === 'Group')) collect(obj, true, into);
	collect(stmt.authority, false, into);
	const ctx = stmt.context;
	if (isObject(ctx)) {
		collect(ctx.instructor, false, into);
		collect(ctx.team, false, into);
	}
	if (isObject(obj) && obj.objectType === 'SubStatement') {
		collect(obj.actor, false, into);
		if (isObject(obj.object) && (obj.object.objectType === 'Agent' || obj.object.objectType === 'Group')) {
			collect(obj.object, false, into);
		}
		if (isObject(obj.context)) {
			collect(obj.context.instructor, false, into);
			collect(obj.context.team, false, into);
		}
	}
	return [...into.values()];
}

// ---------------------------------------------------------------- agent scope patterns

/**
 * A client's agent limit as a SQL LIKE pattern over IFI strings (or null when not understood):
 *   mailto:name@host  one address      mailto:*@host  every address at host
 *   openid:<uri>      one OpenID       <homePage IRL> every account on that system
 */
export function agentPatternToLike(pattern: string): string | null {
	const esc = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
	const p = pattern.trim();
	if (p.startsWith('mailto:*@')) return `mbox:mailto:%@${esc(p.slice('mailto:*@'.length).toLowerCase())}`;
	if (p.startsWith('mailto:')) return `mbox:${esc(normalizeMbox(p))}`;
	if (p.startsWith('openid:')) return `openid:${esc(p.slice('openid:'.length))}`;
	if (/^[a-z][a-z0-9+.-]*:\/\//i.test(p)) return `account:${esc(JSON.stringify([p]).slice(0, -1))},%`;
	return null;
}

/** Does an IFI string match one of the patterns (same meaning as the SQL LIKE)? */
export function ifiMatchesPatterns(value: string, patterns: string[]): boolean {
	return patterns.some((p) => {
		const like = agentPatternToLike(p);
		if (!like) return false;
		const re = new RegExp(
			'^' +
				like
					.replace(/\\([\\%_])|([.*+?^${}()|[\]\\])|(%)|(_)/g, (_m, escaped, special, pct, us) =>
						escaped ? `\\${escaped}` : special ? `\\${special}` : pct ? '.*' : us ? '.' : ''
					) +
				'$',
			's'
		);
		return re.test(value);
	});
}
