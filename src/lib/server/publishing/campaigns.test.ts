import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, beforeEach, describe, expect, it, inject } from 'vitest';
import { SMTPServer } from 'smtp-server';
import { startTestSmtp, type TestSmtp, type ReceivedMail } from '../../../../tests/support/smtp.ts';
import { db } from '../db/index.ts';
import { resetConfig } from '../config/index.ts';
import { configureMailDelivery, deliverDue } from '../mail/index.ts';
import { deliverPendingTo } from '../../../../tests/support/outbox.ts';
import {
	campaignFor,
	campaignProgress,
	configureCampaigns,
	pauseCampaign,
	resumeCampaign,
	sendTest,
	startCampaign,
	tickCampaign,
	updateCampaignSettings
} from './campaigns.ts';
import { PublishingError } from './errors.ts';
import { clearBulletinList, person, publishedIssue, subscribers } from './test-helpers.ts';

const kind = inject('databaseKind');
const here = path.dirname(fileURLToPath(import.meta.url));
let smtp: TestSmtp;
/** Everything every SMTP server of this file accepted (a restarted server starts a new list). */
const received: ReceivedMail[] = [];
const saved = process.env.SMTP_URL;
const editor = person(['editor', 'learner']);

function useSmtp(url: string) {
	process.env.SMTP_URL = url;
	resetConfig();
}

beforeAll(async () => {
	smtp = await startTestSmtp();
	useSmtp(smtp.url);
	configureMailDelivery({ retryBaseMs: 50, retryMaxMs: 200, claimTimeoutMs: 1500 });
	// One tick hands ratePerMinute messages (the tests tick by hand, not every few seconds).
	configureCampaigns({ tickSeconds: 60, sendConcurrency: 4 });
});

afterAll(async () => {
	await smtp.stop().catch(() => undefined);
	if (saved === undefined) delete process.env.SMTP_URL;
	else process.env.SMTP_URL = saved;
	resetConfig();
	configureMailDelivery({ retryBaseMs: 60_000, retryMaxMs: 6 * 60 * 60_000, claimTimeoutMs: 10 * 60_000 });
});

beforeEach(async () => {
	await clearBulletinList();
});

function collect() {
	for (const m of smtp.messages.splice(0)) received.push(m);
}

const header = (m: ReceivedMail, name: string) => m.parsed.headerLines.find((h) => h.key === name)?.line.replace(/^[^:]+:\s*/, '') ?? null;

/** Messages of one issue per recipient: raw copies and distinct Message-IDs. */
function copies(title: string) {
	collect();
	const byTo = new Map<string, { raw: number; ids: Set<string> }>();
	for (const m of received.filter((r) => r.subject.includes(title) && !r.subject.startsWith('[Тест]'))) {
		for (const to of m.to) {
			const e = byTo.get(to) ?? { raw: 0, ids: new Set<string>() };
			e.raw++;
			e.ids.add(m.parsed.messageId ?? '');
			byTo.set(to, e);
		}
	}
	return byTo;
}

async function runToEnd(campaignId: string, max = 200) {
	for (let i = 0; i < max; i++) {
		const r = await tickCampaign(campaignId);
		await deliverDue(500);
		if (r.completed || !r.running) return r;
		await new Promise((resolve) => setTimeout(resolve, 30));
	}
	throw new Error('campaign did not complete');
}

async function recipientsOf(campaignId: string): Promise<string[]> {
	const rows = await db().campaignDelivery.findMany({ where: { campaignId }, include: { subscriber: { select: { email: true } } } });
	return rows.map((r) => r.subscriber.email);
}

describe(`campaigns over real SMTP (${kind})`, () => {
	it('test send first; then every subscriber once, with RFC 8058 headers, under the rate, retrying 4xx', async () => {
		const { bulletin, title } = await publishedIssue(editor);
		const emails = await subscribers(12);
		const c = await campaignFor(editor, bulletin.id);
		await expect(startCampaign(editor, c.id)).rejects.toMatchObject({ code: 'test_first' });
		await expect(campaignFor(person(['contributor']), bulletin.id)).rejects.toBeInstanceOf(PublishingError);

		await sendTest(editor, c.id, 'uk');
		await deliverPendingTo(editor.email);
		const test = await smtp.waitFor(editor.email, /^\[Тест\]/);
		expect(test.subject).toContain(title);

		await updateCampaignSettings(editor, c.id, { ratePerMinute: 5, batchSize: 100 });
		const { recipients } = await startCampaign(editor, c.id);
		expect(recipients).toBe(12);
		await expect(startCampaign(editor, c.id)).rejects.toMatchObject({ code: 'campaign_state' });

		smtp.failNext(3); // temporary failures: retried by the outbox, sent once
		const first = await tickCampaign(c.id);
		expect(first.handed).toBe(5); // the rate: 5 a minute, one tick a minute
		const r = await runToEnd(c.id);
		expect(r.completed).toBe(true);

		const got = copies(title);
		for (const e of emails) expect(got.get(e), e).toEqual({ raw: 1, ids: expect.any(Set) });
		expect(got.size).toBe(12);
		const one = received.find((m) => m.to.includes(emails[0]!) && m.subject.includes(title))!;
		expect(header(one, 'list-unsubscribe')).toMatch(/^<https?:\/\/[^>]+\/unsubscribe\/[A-Za-z0-9_-]+>$/);
		expect(header(one, 'list-unsubscribe-post')).toBe('List-Unsubscribe=One-Click');
		expect(one.text).toContain('/unsubscribe/');

		const p = await campaignProgress(c.id);
		expect(p).toMatchObject({ status: 'completed', total: 12, sent: 12, waiting: 0, inFlight: 0, failed: 0 });
		expect(p!.retried).toBeGreaterThanOrEqual(1);
	});

	it('an unsubscribed subscriber is skipped; pause stops handing out, resume continues', async () => {
		const { bulletin, title } = await publishedIssue(editor);
		const emails = await subscribers(10);
		const c = await campaignFor(editor, bulletin.id);
		await sendTest(editor, c.id, 'en');
		await updateCampaignSettings(editor, c.id, { ratePerMinute: 4, batchSize: 100 });
		await startCampaign(editor, c.id);
		await db().subscriber.update({ where: { email: emails[9]! }, data: { status: 'unsubscribed' } });
		await tickCampaign(c.id);
		await pauseCampaign(editor, c.id);
		const paused = await tickCampaign(c.id);
		expect(paused).toMatchObject({ running: false, handed: 0 });
		expect((await campaignProgress(c.id))!.waiting).toBe(6);
		await resumeCampaign(editor, c.id);
		await expect(resumeCampaign(editor, c.id)).rejects.toMatchObject({ code: 'campaign_state' });
		await runToEnd(c.id);
		const got = copies(title);
		for (const e of emails.slice(0, 9)) expect(got.get(e)?.raw, e).toBe(1);
		expect(got.has(emails[9]!)).toBe(false);
		expect(await campaignProgress(c.id)).toMatchObject({ status: 'completed', sent: 9, skipped: 1 });
	});

	it('an SMTP outage midway: the server stops, messages wait and retry, the server returns; each subscriber once', async () => {
		const { bulletin, title } = await publishedIssue(editor);
		const emails = await subscribers(30);
		const c = await campaignFor(editor, bulletin.id);
		await sendTest(editor, c.id, 'uk');
		await updateCampaignSettings(editor, c.id, { ratePerMinute: 8, batchSize: 100 });
		await startCampaign(editor, c.id);
		await tickCampaign(c.id);
		collect();
		const port = smtp.port;
		await smtp.stop();
		// Down: two more ticks hand messages over; sending fails with a connection error and is retried.
		for (let i = 0; i < 2; i++) {
			await tickCampaign(c.id);
			await deliverDue(500);
		}
		const during = await campaignProgress(c.id);
		expect(during!.inFlight).toBeGreaterThan(0);
		expect(during!.sent).toBe(8);
		smtp = await startTestSmtp(port);
		await runToEnd(c.id);
		const got = copies(title);
		for (const e of emails) expect(got.get(e)?.raw, e).toBe(1);
		expect(await campaignProgress(c.id)).toMatchObject({ status: 'completed', sent: 30, failed: 0 });
	});

	it('a hard bounce (5xx) stops mail to that address: bounced, and skipped by the next campaign', async () => {
		// A real SMTP server that refuses one mailbox with 550, as a receiving server would.
		const accepted: string[] = [];
		const server = new SMTPServer({
			authOptional: true,
			disabledCommands: ['STARTTLS'],
			logger: false,
			onRcptTo(address, _session, cb) {
				if (address.address.startsWith('gone-')) {
					const err = new Error('5.1.1 mailbox does not exist') as Error & { responseCode: number };
					err.responseCode = 550;
					return cb(err);
				}
				cb();
			},
			onData(stream, session, cb) {
				stream.resume();
				stream.on('end', () => {
					accepted.push(...session.envelope.rcptTo.map((r) => r.address));
					cb();
				});
			}
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		const port = (server.server.address() as { port: number }).port;
		useSmtp(`smtp://127.0.0.1:${port}`);
		try {
			const emails = await subscribers(3);
			const [gone] = await subscribers(1, 'gone');
			const first = await publishedIssue(editor);
			const c = await campaignFor(editor, first.bulletin.id);
			await sendTest(editor, c.id, 'uk');
			await startCampaign(editor, c.id);
			await runToEnd(c.id);
			const s = await db().subscriber.findUniqueOrThrow({ where: { email: gone! } });
			expect(s.status).toBe('bounced');
			expect(s.bounceReason).toMatch(/^550/);
			expect(await campaignProgress(c.id)).toMatchObject({ sent: 3, failed: 1 });

			const second = await publishedIssue(editor);
			const c2 = await campaignFor(editor, second.bulletin.id);
			await sendTest(editor, c2.id, 'uk');
			await startCampaign(editor, c2.id);
			expect((await recipientsOf(c2.id)).sort()).toEqual([...emails].sort());
		} finally {
			await new Promise<void>((resolve) => server.close(() => resolve()));
			useSmtp(smtp.url);
		}
	});

	it('two workers ticking the same campaign at once never hand a subscriber twice', async () => {
		const { bulletin, title } = await publishedIssue(editor);
		const emails = await subscribers(40);
		const c = await campaignFor(editor, bulletin.id);
		await sendTest(editor, c.id, 'uk');
		await updateCampaignSettings(editor, c.id, { ratePerMinute: 15, batchSize: 100 });
		await startCampaign(editor, c.id);
		for (let i = 0; i < 10; i++) {
			const rs = kind === 'postgres' ? await Promise.all([tickCampaign(c.id), tickCampaign(c.id)]) : [await tickCampaign(c.id), await tickCampaign(c.id)];
			await deliverDue(500);
			if (rs.some((r) => r.completed)) break;
		}
		await runToEnd(c.id);
		const got = copies(title);
		for (const e of emails) expect(got.get(e)?.raw, e).toBe(1);
		expect(await db().outboxMessage.count({ where: { dedupeKey: { startsWith: `pub:${c.id}:` } } })).toBe(40);
	});

	it.skipIf(kind !== 'postgres')(
		'the worker process killed with SIGKILL midway and restarted: every subscriber gets the issue, one Message-ID each',
		async () => {
			const { bulletin, title } = await publishedIssue(editor);
			const emails = await subscribers(150);
			const c = await campaignFor(editor, bulletin.id);
			await sendTest(editor, c.id, 'uk');
			await updateCampaignSettings(editor, c.id, { ratePerMinute: 10, batchSize: 100 });
			await startCampaign(editor, c.id);
			const url = inject('databaseUrl');
			const worker = () =>
				spawn(process.execPath, ['--import', 'tsx', path.join(here, 'crash-worker.ts'), url, c.id], {
					env: { ...process.env, SMTP_URL: smtp.url, JOBS: 'off' },
					stdio: ['ignore', 'pipe', 'pipe']
				});
			const first = worker();
			let stderr = '';
			first.stderr.on('data', (d) => (stderr += d));
			const exited = new Promise<number | null>((resolve) => first.on('exit', (code) => resolve(code)));
			// Kill it once about a third has arrived.
			const deadline = Date.now() + 60_000;
			while (smtp.messages.filter((m) => m.subject.includes(title)).length < 50) {
				if (Date.now() > deadline) throw new Error(`worker made no progress: ${stderr}`);
				await new Promise((resolve) => setTimeout(resolve, 20));
			}
			first.kill('SIGKILL');
			await exited;
			// Only a message the dead worker held in `sending` can be sent again (same Message-ID, ADR 0017).
			const held = await db().outboxMessage.count({ where: { dedupeKey: { startsWith: `pub:${c.id}:` }, status: 'sending' } });
			const before = (await campaignProgress(c.id))!;
			expect(before.status).toBe('running');
			expect(before.sent).toBeLessThan(150);

			const second = worker();
			let out = '';
			second.stdout.on('data', (d) => (out += d));
			second.stderr.on('data', (d) => (stderr += d));
			const code = await new Promise<number | null>((resolve) => second.on('exit', (c2) => resolve(c2)));
			expect(code, stderr).toBe(0);
			expect(out).toContain('done');

			const got = copies(title);
			expect(got.size).toBe(150);
			let extra = 0;
			for (const e of emails) {
				const g = got.get(e)!;
				expect(g.ids.size, e).toBe(1);
				extra += g.raw - 1;
			}
			expect(extra).toBeLessThanOrEqual(held);
			expect(await campaignProgress(c.id)).toMatchObject({ status: 'completed', sent: 150, failed: 0, waiting: 0 });
		},
		120_000
	);
});
