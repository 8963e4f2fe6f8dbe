/**
 * npm run bench:campaign — the figure of the publishing part (issue 9): a bulletin campaign to
 * BENCH_SUBSCRIBERS (default 50,000) confirmed subscribers, sent through the real path (campaign
 * ticks hand batches to the mail outbox with their dedupe keys, the outbox's claim sends each message
 * over SMTP) to a local SMTP server started in this process (smtp-server, which counts and discards:
 * keeping 50,000 parsed messages, as tests/support/smtp.ts does, would measure the test server's
 * memory, not the portal's). Prints duration, messages/s and peak memory (RSS) and checks that every
 * subscriber got exactly one message.
 * Database: BENCH_DATABASE_URL, or a scratch database on the local PostgreSQL server
 * (BENCH_PG_SERVER, default postgresql://postgres@127.0.0.1:5432/postgres), dropped at the end unless
 * BENCH_KEEP=1.  BENCH_BATCH=500 (messages a tick)  BENCH_CONCURRENCY=8 (SMTP sends at once)
 */
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { database, db, closeDatabase } from '../../src/lib/server/db/index.ts';
import { applyMigrations } from '../../src/lib/server/db/migrations.ts';
import { resetConfig } from '../../src/lib/server/config/index.ts';

const N = Number(process.env.BENCH_SUBSCRIBERS ?? 50_000);
const BATCH = Number(process.env.BENCH_BATCH ?? 500);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);
const run = Date.now().toString(36);
process.env.JOBS = 'off';

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;

// A real SMTP server that accepts, counts per recipient and discards.
const received = new Map<string, number>();
const smtp = new SMTPServer({
	authOptional: true,
	disabledCommands: ['STARTTLS'],
	logger: false,
	onData(stream, session, cb) {
		stream.resume();
		stream.on('end', () => {
			for (const r of session.envelope.rcptTo) received.set(r.address, (received.get(r.address) ?? 0) + 1);
			cb();
		});
	}
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
process.env.ORIGIN ??= 'https://maisternia.example.org';
resetConfig();

let databaseUrl = process.env.BENCH_DATABASE_URL;
let drop: (() => Promise<void>) | undefined;
if (!databaseUrl) {
	const server = process.env.BENCH_PG_SERVER ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
	const name = `maisternia_bench_campaign_${run}`;
	const admin = new pg.Client({ connectionString: server });
	await admin.connect();
	await admin.query(`CREATE DATABASE ${name}`);
	await admin.end();
	const url = new URL(server);
	url.pathname = `/${name}`;
	databaseUrl = url.toString();
	await applyMigrations(databaseUrl);
	drop = async () => {
		const a = new pg.Client({ connectionString: server });
		await a.connect();
		await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
		await a.end();
	};
}
await database({ databaseUrl, migrate: false, poolSize: CONCURRENCY + 4 });
const { configureCampaigns, tickCampaign, writeRecipients, campaignProgress } = await import('../../src/lib/server/publishing/sending.ts');

console.log(`bench:campaign — ${N} subscribers, batch ${BATCH}, ${CONCURRENCY} SMTP sends at once, database ${databaseUrl.replace(/\/\/[^@]*@/, '//')}`);
// Subscribers (half Ukrainian, half English), an issue with three published articles, a running campaign.
await db().$executeRawUnsafe(
	`INSERT INTO "Subscriber" ("id", "email", "locale", "lists", "status", "token", "confirmedAt", "createdAt", "updatedAt")
	 SELECT 'bs${run}' || g, 'bench-${run}-' || g || '@bench.maisternia.ua', CASE WHEN g % 2 = 0 THEN 'uk' ELSE 'en' END,
	        ARRAY['bulletin']::"SubscriptionList"[], 'confirmed', 'tok${run}' || g || md5(g::text), now(), now(), now()
	 FROM generate_series(1, ${N}) g`
);
const articles = await Promise.all(
	[1, 2, 3].map((i) =>
		db().article.create({
			data: {
				slug: `bench-${run}-${i}`,
				kind: 'analytical',
				status: 'published',
				publishedAt: new Date(),
				titleUk: `Стаття ${i}: е-демократія в громадах`,
				titleEn: `Article ${i}: e-democracy in communities`,
				summaryUk: 'Короткий опис статті для листа.',
				bodyUk: 'Текст.'.repeat(200)
			}
		})
	)
);
const bulletin = await db().bulletin.create({
	data: {
		year: 2099,
		number: 1 + (Date.now() % 4),
		titleUk: `Електронна демократія в Україні (bench ${run})`,
		editorialUk: 'Шановні читачі!\n\n' + 'Слово редактора. '.repeat(40),
		status: 'published',
		publishedAt: new Date(),
		items: { create: articles.map((a, position) => ({ articleId: a.id, position })) }
	}
});
const campaign = await db().campaign.create({ data: { bulletinId: bulletin.id, status: 'running', startedAt: new Date(), testSentAt: new Date(), ratePerMinute: 100_000, batchSize: BATCH } });
configureCampaigns({ tickSeconds: 60, sendConcurrency: CONCURRENCY });

const started = performance.now();
const recipients = await db().$transaction((tx) => writeRecipients(tx, campaign.id));
let last = started;
let handMs = 0;
let sendMs = 0;
for (;;) {
	const r = await tickCampaign(campaign.id);
	handMs += r.handMs;
	sendMs += r.sendMs;
	if (performance.now() - last > 5000) {
		last = performance.now();
		const p = (await campaignProgress(campaign.id))!;
		console.log(`  ${((last - started) / 1000).toFixed(0)} s: ${p.sent} sent, ${p.waiting} waiting, ${p.inFlight} in flight, rss ${mb(process.memoryUsage().rss)}`);
	}
	if (r.completed || !r.running) break;
}
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
const p = (await campaignProgress(campaign.id))!;
const twice = [...received.values()].filter((n) => n > 1).length;
console.log(`recipients ${recipients}, sent ${p.sent}, failed ${p.failed}, received by SMTP ${[...received.values()].reduce((a, b) => a + b, 0)} (${received.size} addresses, ${twice} got more than one)`);
console.log(`time handing batches to the outbox ${(handMs / 1000).toFixed(1)} s, sending them over SMTP ${(sendMs / 1000).toFixed(1)} s`);
console.log(`duration ${seconds.toFixed(1)} s, ${(p.sent / seconds).toFixed(0)} messages/s, peak RSS ${mb(peakRss)} (maxRSS ${mb(process.resourceUsage().maxRSS * 1024)})`);

if (process.env.BENCH_KEEP !== '1') {
	await db().campaign.delete({ where: { id: campaign.id } });
}
await closeDatabase();
if (drop && process.env.BENCH_KEEP !== '1') await drop();
await new Promise<void>((resolve) => smtp.close(() => resolve()));
if (p.sent !== N || twice > 0) process.exitCode = 1;
