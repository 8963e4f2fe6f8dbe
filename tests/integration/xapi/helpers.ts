import { randomUUID } from 'node:crypto';
import { createClient } from '../../../src/lib/server/xapi/index.ts';
import { startLrs, type TestLrs } from './server.ts';

/** Unique per run: the PostgreSQL variant may share a server with other runs. */
export const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 6);
export const ACT = `http://example.com/${run}/activities`;

export interface Call {
	method?: string;
	query?: Record<string, unknown>;
	body?: unknown;
	/** Raw body (string or bytes) sent as is. */
	raw?: string | Buffer;
	headers?: Record<string, string | undefined>;
	auth?: string | null;
}

export interface Reply {
	status: number;
	headers: Headers;
	text: string;
	json: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- test answers are free-form JSON
	bytes: Buffer;
}

export class Lrs {
	constructor(
		readonly server: TestLrs,
		readonly auth: string
	) {}

	static async start(scopes: string[] = ['all']): Promise<Lrs> {
		const server = await startLrs();
		const { key, secret } = await createClient({ name: `test ${run}`, scopes });
		return new Lrs(server, basic(key, secret));
	}

	url(path: string, query?: Call['query']): string {
		const q = new URLSearchParams();
		for (const [k, v] of Object.entries(query ?? {})) if (v !== undefined) q.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
		const qs = q.toString();
		return `${this.server.origin}/xapi/${path}${qs ? `?${qs}` : ''}`;
	}

	async call(path: string, c: Call = {}): Promise<Reply> {
		const headers: Record<string, string> = { 'X-Experience-API-Version': '1.0.3' };
		if (c.auth !== null) headers.Authorization = c.auth ?? this.auth;
		let body: BodyInit | undefined;
		if (c.raw !== undefined) body = typeof c.raw === 'string' ? c.raw : new Uint8Array(c.raw);
		else if (c.body !== undefined) {
			body = JSON.stringify(c.body);
			headers['Content-Type'] = 'application/json';
		}
		for (const [k, v] of Object.entries(c.headers ?? {})) {
			if (v === undefined) delete headers[k];
			else headers[k] = v;
		}
		const res = await fetch(this.url(path, c.query), { method: c.method ?? (body === undefined ? 'GET' : 'POST'), headers, body });
		const bytes = Buffer.from(await res.arrayBuffer());
		const text = bytes.toString('utf8');
		let json: unknown = undefined;
		try {
			json = text ? JSON.parse(text) : undefined;
		} catch {
			/* not JSON */
		}
		return { status: res.status, headers: res.headers, text, json, bytes };
	}

	close() {
		return this.server.close();
	}
}

export function basic(key: string, secret: string): string {
	return `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
}

export function agent(name = randomUUID().slice(0, 8)) {
	return { objectType: 'Agent', name: `Learner ${name}`, mbox: `mailto:${name}.${run}@example.com` };
}

export function statement(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		actor: agent('default'),
		verb: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced', uk: 'переглянув' } },
		object: { objectType: 'Activity', id: `${ACT}/default`, definition: { name: { 'en-US': 'Default activity', uk: 'Типова активність' } } },
		...overrides
	};
}

export { randomUUID };
