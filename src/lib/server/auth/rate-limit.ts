import { createHash } from 'node:crypto';
import { RateLimiterPrisma, RateLimiterRes } from 'rate-limiter-flexible';
import { db, type PrismaClient } from '../db/index.ts';
import { config } from '../config/index.ts';

/**
 * Rate limits of the sign-in flows, counted in the database (rate-limiter-flexible's Prisma store,
 * table RateLimiterFlexible) so that every app instance sharing one PostgreSQL server shares the
 * counts, and so that they work the same on the embedded database. Keys are hashed: the table never
 * holds plain e-mail addresses or IP addresses.
 */
export type LimitName =
	| 'signin_ip'
	| 'signin_account'
	| 'register_ip'
	| 'magic_link_ip'
	| 'reset_ip'
	| 'verify_resend_ip'
	| 'mail_to_address';

interface LimitSpec {
	points: number;
	durationSec: number;
}

function spec(name: LimitName): LimitSpec {
	const c = config();
	switch (name) {
		case 'signin_ip':
			return { points: c.SIGNIN_MAX_ATTEMPTS_PER_IP, durationSec: 15 * 60 };
		case 'signin_account':
			return { points: c.SIGNIN_MAX_ATTEMPTS_PER_ACCOUNT, durationSec: c.SIGNIN_LOCKOUT_MINUTES * 60 };
		case 'register_ip':
			return { points: 10, durationSec: 60 * 60 };
		case 'magic_link_ip':
		case 'reset_ip':
		case 'verify_resend_ip':
			return { points: 20, durationSec: 15 * 60 };
		case 'mail_to_address':
			// Mail bombing one address from many places: at most this many sign-in mails an hour.
			return { points: 6, durationSec: 60 * 60 };
	}
}

interface Cached {
	client: PrismaClient;
	spec: LimitSpec;
	limiter: RateLimiterPrisma;
}
const cache = new Map<LimitName, Cached>();

function limiter(name: LimitName): Cached {
	const client = db();
	const s = spec(name);
	const hit = cache.get(name);
	if (hit && hit.client === client && hit.spec.points === s.points && hit.spec.durationSec === s.durationSec) return hit;
	const created: Cached = {
		client,
		spec: s,
		limiter: new RateLimiterPrisma({
			storeClient: client,
			// The Prisma client names its delegate in camelCase; the library's default is the model name.
			tableName: 'rateLimiterFlexible',
			keyPrefix: name,
			points: s.points,
			duration: s.durationSec
		})
	};
	cache.set(name, created);
	return created;
}

export function limitKey(value: string): string {
	return createHash('sha256').update(value.trim().toLowerCase()).digest('base64url').slice(0, 32);
}

export interface LimitState {
	allowed: boolean;
	/** Points used in the current window (after this call). */
	used: number;
	limit: number;
	/** Milliseconds until the window (or block) ends. */
	retryAfterMs: number;
}

function toState(res: RateLimiterRes | null, limit: number, allowed: boolean): LimitState {
	return {
		allowed,
		used: res?.consumedPoints ?? 0,
		limit,
		retryAfterMs: res ? Math.max(res.msBeforeNext, 0) : 0
	};
}

/** A unique violation when two first hits of one key race: the second try then increments. */
async function withRetry<T>(fn: () => Promise<T>): Promise<T> {
	try {
		return await fn();
	} catch (err) {
		if (err instanceof RateLimiterRes) throw err;
		return await fn();
	}
}

/** Counts one attempt; `allowed` is false once the limit is passed. */
export async function consume(name: LimitName, key: string, points = 1): Promise<LimitState> {
	const { limiter: l, spec: s } = limiter(name);
	try {
		const res = await withRetry(() => l.consume(limitKey(key), points));
		return toState(res, s.points, true);
	} catch (err) {
		if (err instanceof RateLimiterRes) return toState(err, s.points, false);
		throw err;
	}
}

/** The current count without counting (null state = nothing counted). */
export async function peek(name: LimitName, key: string): Promise<LimitState> {
	const { limiter: l, spec: s } = limiter(name);
	const res = await l.get(limitKey(key));
	return toState(res, s.points, !res || res.consumedPoints <= s.points);
}

/** Counts a failure without ever rejecting (used for the per-account failure count). */
export async function penalize(name: LimitName, key: string, points = 1): Promise<LimitState> {
	const { limiter: l, spec: s } = limiter(name);
	const res = await withRetry(() => l.penalty(limitKey(key), points));
	return toState(res, s.points, res.consumedPoints <= s.points);
}

/** Gives a point back (a successful sign-in does not count against the IP). */
export async function reward(name: LimitName, key: string, points = 1): Promise<void> {
	await limiter(name).limiter.reward(limitKey(key), points);
}

/** Blocks the key for `seconds` (the temporary account lockout). */
export async function block(name: LimitName, key: string, seconds: number): Promise<void> {
	await limiter(name).limiter.block(limitKey(key), seconds);
}

export async function clear(name: LimitName, key: string): Promise<void> {
	await limiter(name).limiter.delete(limitKey(key));
}

/** Minutes to tell a person, rounded up, at least 1. */
export function minutesOf(ms: number): number {
	return Math.max(1, Math.ceil(ms / 60_000));
}
