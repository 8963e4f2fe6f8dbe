/**
 * The real peers of an end-to-end run, in one process beside the portal: an SMTP server (smtp-server,
 * messages parsed with mailparser) and an OpenID Connect provider (oidc-provider). Playwright starts it
 * as a web server; tests read the mailbox through a small HTTP API on E2E_PEERS_PORT:
 *   GET  /health
 *   GET  /messages?to=<address>&subject=<regex>&timeout=<ms>   waits for the first match (404 on timeout)
 *   GET  /messages?to=<address>&all=1                          every message to that address
 *   POST /smtp/fail?n=<count>                                  the next n deliveries fail with 451
 * Started from playwright.config.ts with the ports it chose.
 */
import http from 'node:http';
import { startTestSmtp, type ReceivedMail } from './smtp.ts';
import { startTestOidc } from './oidc.ts';

const env = (name: string) => {
	const v = process.env[name];
	if (!v) throw new Error(`${name} is not set`);
	return v;
};

const smtp = await startTestSmtp(Number(env('E2E_SMTP_PORT')));
const appOrigin = env('E2E_APP_ORIGIN');
const oidc = await startTestOidc({
	port: Number(env('E2E_OIDC_PORT')),
	redirectUris: [`${appOrigin}/auth/callback/oidc`]
});

const view = (m: ReceivedMail) => ({
	from: m.from,
	to: m.to,
	subject: m.subject,
	text: m.text,
	html: m.html,
	headers: Object.fromEntries(
		[...m.parsed.headers].map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])
	),
	attachments: m.parsed.attachments.map((a) => ({
		filename: a.filename,
		contentType: a.contentType,
		content: a.content.toString('utf8')
	}))
});

const server = http.createServer(async (req, res) => {
	const url = new URL(req.url ?? '/', 'http://peers');
	const send = (status: number, body: unknown) => {
		res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
		res.end(JSON.stringify(body));
	};
	try {
		if (url.pathname === '/health') return send(200, { smtp: smtp.url, oidc: oidc.issuer });
		if (url.pathname === '/smtp/fail' && req.method === 'POST') {
			smtp.failNext(Number(url.searchParams.get('n') ?? '1'));
			return send(200, { ok: true });
		}
		if (url.pathname === '/messages') {
			const to = url.searchParams.get('to') ?? '';
			if (url.searchParams.get('all')) {
				return send(200, smtp.messages.filter((m) => m.to.includes(to.toLowerCase())).map(view));
			}
			const subject = url.searchParams.get('subject');
			const timeout = Number(url.searchParams.get('timeout') ?? '15000');
			try {
				const m = await smtp.waitFor(to, subject ? new RegExp(subject) : undefined, timeout);
				return send(200, view(m));
			} catch (err) {
				return send(404, { error: err instanceof Error ? err.message : String(err) });
			}
		}
		send(404, { error: 'not found' });
	} catch (err) {
		send(500, { error: err instanceof Error ? err.message : String(err) });
	}
});
server.listen(Number(env('E2E_PEERS_PORT')), '127.0.0.1', () => {
	console.log(`[peers] SMTP ${smtp.url}, OIDC ${oidc.issuer}, API http://127.0.0.1:${env('E2E_PEERS_PORT')}`);
});

const stop = async () => {
	server.close();
	await Promise.allSettled([smtp.stop(), oidc.stop()]);
	process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
