import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleXapi } from '../../../src/lib/server/xapi/index.ts';
import type { PortalPerson } from '../../../src/lib/server/xapi/agents.ts';

/**
 * The LRS served over real HTTP for the tests: node:http in front of the same `handleXapi` the
 * SvelteKit route calls. A test stands for a signed-in portal session by registering the person
 * under a token and sending it as the `x-test-session` header (the portal's hooks would set
 * locals.user from the session cookie instead).
 */
export interface TestLrs {
	origin: string;
	endpoint: string;
	sessions: Map<string, PortalPerson>;
	close(): Promise<void>;
}

export async function startLrs(): Promise<TestLrs> {
	const sessions = new Map<string, PortalPerson>();
	const server = http.createServer(async (req, res) => {
		try {
			const chunks: Buffer[] = [];
			for await (const chunk of req) chunks.push(chunk as Buffer);
			const body = Buffer.concat(chunks);
			const headers = new Headers();
			for (const [k, v] of Object.entries(req.headers)) {
				if (v === undefined || k === 'x-test-session') continue;
				headers.set(k, Array.isArray(v) ? v.join(', ') : v);
			}
			const request = new Request(`http://${req.headers.host}${req.url}`, {
				method: req.method,
				headers,
				body: req.method === 'GET' || req.method === 'HEAD' || body.length === 0 ? undefined : body
			});
			const token = req.headers['x-test-session'];
			const session = typeof token === 'string' ? (sessions.get(token) ?? null) : null;
			const response = await handleXapi(request, { session });
			const out: Record<string, string> = {};
			response.headers.forEach((v, k) => (out[k] = v));
			res.writeHead(response.status, out);
			res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
		} catch (err) {
			res.writeHead(500, { 'content-type': 'text/plain' });
			res.end(String(err));
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	const origin = `http://127.0.0.1:${port}`;
	return {
		origin,
		endpoint: `${origin}/xapi/`,
		sessions,
		close: () => new Promise<void>((resolve) => server.close(() => resolve()))
	};
}
