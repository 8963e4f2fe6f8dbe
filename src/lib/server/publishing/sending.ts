/**
 * Sending a bulletin campaign (ADR 0017): the tick that hands batches of delivery rows to the mail
 * outbox and sends them through its claim, bounces, completion, progress, the jobs. No permission
 * checks here (the editor's actions are in campaigns.ts): this module also runs in a plain worker
 * process (the crash test) and in the bench, outside a web request.
 */
import { db } from '../db/index.ts';
import type { Prisma } from '../db/index.ts';
import { defineJob, schedule, sendJob, JobsNotRunningError } from '../jobs/index.ts';
import { deliverMessage, enqueueMail } from '../mail/index.ts';
import type { Campaign } from '../db/generated/client.ts';
import { bulletinMailData, getBulletinById } from './issue.ts';
import { markBounced, preferencesUrl, unsubscribeUrl } from './subscriptions.ts';
import { toLocale, type Locale } from './types.ts';
import './mail.ts';

export const TICK_JOB = 'publishing.campaign-tick';
export const SWEEP_JOB = 'publishing.campaign-sweep';

export interface CampaignSettings {
	/** Seconds between two ticks of a running campaign. */
	tickSeconds: number;
	/** Messages a tick sends itself at the same time (the outbox's claim still decides who sends). */
	sendConcurrency: number;
	/** Whether a tick sends its batch itself (true) or leaves it to the outbox's own jobs. */
	sendInline: boolean;
}

const settings: CampaignSettings = { tickSeconds: 5, sendConcurrency: 4, sendInline: true };

export function configureCampaigns(patch: Partial<CampaignSettings>): CampaignSettings {
	Object.assign(settings, patch);
	return { ...settings };
}

export function dedupeKey(campaignId: string, subscriberId: string): string {
	return `pub:${campaignId}:${subscriberId}`;
}

export async function queueTick(campaignId: string, options: { tx?: Prisma.TransactionClient; startAfter?: number } = {}): Promise<void> {
	try {
		await sendJob(TICK_JOB, { campaignId }, { tx: options.tx, startAfter: options.startAfter, singletonKey: campaignId });
	} catch (err) {
		// Without a runner in this process the sweep of any instance ticks running campaigns.
		if (!(err instanceof JobsNotRunningError)) throw err;
	}
}

/**
 * The recipient list of a campaign, written once when it starts: one row per confirmed subscriber of
 * the bulletin list; the unique (campaign, subscriber) pair makes a repeated call write nothing.
 */
export function writeRecipients(tx: Prisma.TransactionClient, campaignId: string): Promise<number> {
	return tx.$executeRaw`
		INSERT INTO "CampaignDelivery" ("id", "campaignId", "subscriberId", "status", "createdAt")
		SELECT 'cd' || replace(gen_random_uuid()::text, '-', ''), ${campaignId}, s."id", 'pending', now()
		FROM "Subscriber" s
		WHERE s."status" = 'confirmed' AND 'bulletin'::"SubscriptionList" = ANY (s."lists")
		ON CONFLICT ("campaignId", "subscriberId") DO NOTHING`;
}

interface PendingRow {
	id: string;
	subscriberId: string;
	email: string;
	locale: string;
	token: string;
	status: string;
	inList: boolean;
}

export interface TickResult {
	handed: number;
	skipped: number;
	sent: number;
	bounced: number;
	completed: boolean;
	running: boolean;
	/** Milliseconds spent handing the batch to the outbox, and sending it (the bench prints them). */
	handMs: number;
	sendMs: number;
}

/**
 * One step of a running campaign: hand the next batch to the outbox (and, by default, send it right
 * away through the outbox's claim), turn hard failures into bounces, complete when nothing is left.
 * Safe to run at the same time in several workers (SKIP LOCKED, the dedupe key, the outbox claim).
 */
export async function tickCampaign(campaignId: string): Promise<TickResult> {
	const result: TickResult = { handed: 0, skipped: 0, sent: 0, bounced: 0, completed: false, running: false, handMs: 0, sendMs: 0 };
	const t0 = performance.now();
	const c = await db().campaign.findUnique({ where: { id: campaignId } });
	if (!c || c.status !== 'running') return result;
	result.running = true;
	const limit = Math.max(1, Math.min(c.batchSize, Math.ceil((c.ratePerMinute * settings.tickSeconds) / 60)));
	const bulletin = await getBulletinById(c.bulletinId);
	if (!bulletin) return result;
	// The text once per language; each subscriber's own links on top.
	const content = new Map<Locale, ReturnType<typeof bulletinMailData>>();
	const dataFor = (locale: Locale, token: string) => {
		if (!content.has(locale)) content.set(locale, bulletinMailData(bulletin, locale, null));
		return { ...content.get(locale)!, preferencesUrl: preferencesUrl(token, locale), unsubscribeUrl: unsubscribeUrl(token, locale) };
	};
	const handed: string[] = [];
	await db().$transaction(
		async (tx) => {
			const rows = await tx.$queryRaw<PendingRow[]>`
				SELECT d."id", d."subscriberId", s."email", s."locale", s."token", s."status"::text AS "status",
					('bulletin'::"SubscriptionList" = ANY (s."lists")) AS "inList"
				FROM "CampaignDelivery" d JOIN "Subscriber" s ON s."id" = d."subscriberId"
				WHERE d."campaignId" = ${c.id} AND d."status" = 'pending'
				ORDER BY d."id"
				LIMIT ${limit}
				FOR UPDATE OF d SKIP LOCKED`;
			const skip: string[] = [];
			const queued: Array<[string, string]> = [];
			for (const r of rows) {
				// Unsubscribed, bounced or off the list since the start: never mailed.
				if (r.status !== 'confirmed' || !r.inList) {
					skip.push(r.id);
					continue;
				}
				const locale = toLocale(r.locale);
				const unsubscribe = unsubscribeUrl(r.token, locale);
				// RFC 8058: an https URL in List-Unsubscribe and the one-click POST marker, on every message.
				const { id } = await enqueueMail(
					{
						to: r.email,
						template: 'pub_bulletin',
						locale,
						data: dataFor(locale, r.token) as unknown as Record<string, unknown>,
						dedupeKey: dedupeKey(c.id, r.subscriberId),
						headers: {
							'List-Unsubscribe': `<${unsubscribe}>`,
							'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
							'List-Id': `<bulletin.${listIdDomain()}>`,
							Precedence: 'bulk'
						}
					},
					tx
				);
				queued.push([r.id, id]);
				handed.push(id);
			}
			// One statement marks the whole batch queued with its outbox ids.
			if (queued.length) {
				await tx.$executeRaw`
					UPDATE "CampaignDelivery" d SET "status" = 'queued', "outboxId" = q."outboxId", "queuedAt" = now()
					FROM unnest(${queued.map((q) => q[0])}::text[], ${queued.map((q) => q[1])}::text[]) AS q("id", "outboxId")
					WHERE d."id" = q."id"`;
			}
			if (skip.length) await tx.campaignDelivery.updateMany({ where: { id: { in: skip } }, data: { status: 'skipped' } });
			result.skipped = skip.length;
		},
		{ timeout: 60_000, maxWait: 30_000 }
	);
	result.handed = handed.length;
	const t1 = performance.now();
	result.handMs = t1 - t0;
	if (settings.sendInline && handed.length) {
		let next = 0;
		const worker = async () => {
			while (next < handed.length) {
				const id = handed[next++]!;
				if ((await deliverMessage(id)) === 'sent') result.sent++;
			}
		};
		await Promise.all(Array.from({ length: Math.min(settings.sendConcurrency, handed.length) }, worker));
	}
	result.sendMs = performance.now() - t1;
	result.bounced = await recordBounces(c.id);
	result.completed = await completeIfDone(c.id);
	return result;
}

function listIdDomain(): string {
	try {
		return new URL(process.env.ORIGIN ?? 'http://localhost').hostname;
	} catch {
		return 'localhost';
	}
}

/** Permanent SMTP failures (5xx) of this campaign's messages: the subscriber is marked bounced. */
async function recordBounces(campaignId: string): Promise<number> {
	const rows = await db().$queryRaw<Array<{ email: string; lastError: string | null }>>`
		SELECT s."email", o."lastError"
		FROM "CampaignDelivery" d
		JOIN "OutboxMessage" o ON o."id" = d."outboxId"
		JOIN "Subscriber" s ON s."id" = d."subscriberId"
		WHERE d."campaignId" = ${campaignId} AND o."status" = 'failed' AND o."lastError" ~ '^5[0-9][0-9]' AND s."status" = 'confirmed'`;
	let n = 0;
	for (const r of rows) if (await markBounced(r.email, r.lastError ?? 'bounce')) n++;
	return n;
}

async function completeIfDone(campaignId: string): Promise<boolean> {
	const [left] = await db().$queryRaw<Array<{ pending: bigint; inflight: bigint }>>`
		SELECT
			count(*) FILTER (WHERE d."status" = 'pending') AS "pending",
			count(*) FILTER (WHERE d."status" = 'queued' AND o."status" IN ('pending', 'sending')) AS "inflight"
		FROM "CampaignDelivery" d LEFT JOIN "OutboxMessage" o ON o."id" = d."outboxId"
		WHERE d."campaignId" = ${campaignId}`;
	if (!left || Number(left.pending) > 0 || Number(left.inflight) > 0) return false;
	const moved = await db().campaign.updateMany({ where: { id: campaignId, status: 'running' }, data: { status: 'completed', completedAt: new Date() } });
	return moved.count === 1;
}

export interface CampaignProgress {
	status: Campaign['status'];
	total: number;
	/** Not yet handed to the outbox. */
	waiting: number;
	/** In the outbox, not sent yet (including retries after temporary failures). */
	inFlight: number;
	sent: number;
	failed: number;
	skipped: number;
	/** Messages retried at least once (temporary SMTP failures). */
	retried: number;
	startedAt: Date | null;
	completedAt: Date | null;
	testSentAt: Date | null;
	testSentTo: string | null;
	ratePerMinute: number;
	batchSize: number;
}

export async function campaignProgress(campaignId: string): Promise<CampaignProgress | null> {
	const c = await db().campaign.findUnique({ where: { id: campaignId } });
	if (!c) return null;
	const [row] = await db().$queryRaw<Array<Record<string, bigint>>>`
		SELECT
			count(*) AS "total",
			count(*) FILTER (WHERE d."status" = 'pending') AS "waiting",
			count(*) FILTER (WHERE d."status" = 'skipped') AS "skipped",
			count(*) FILTER (WHERE o."status" IN ('pending', 'sending')) AS "inFlight",
			count(*) FILTER (WHERE o."status" = 'sent') AS "sent",
			count(*) FILTER (WHERE o."status" = 'failed') AS "failed",
			count(*) FILTER (WHERE o."attempts" > 1) AS "retried"
		FROM "CampaignDelivery" d LEFT JOIN "OutboxMessage" o ON o."id" = d."outboxId"
		WHERE d."campaignId" = ${campaignId}`;
	const n = (k: string) => Number(row?.[k] ?? 0);
	return {
		status: c.status,
		total: n('total'),
		waiting: n('waiting'),
		inFlight: n('inFlight'),
		sent: n('sent'),
		failed: n('failed'),
		skipped: n('skipped'),
		retried: n('retried'),
		startedAt: c.startedAt,
		completedAt: c.completedAt,
		testSentAt: c.testSentAt,
		testSentTo: c.testSentTo,
		ratePerMinute: c.ratePerMinute,
		batchSize: c.batchSize
	};
}

/** Every running campaign gets a tick (a lost tick job, a restart, an instance with JOBS=off). */
export async function sweepCampaigns(): Promise<number> {
	const running = await db().campaign.findMany({ where: { status: 'running' }, select: { id: true } });
	for (const { id } of running) await queueTick(id);
	return running.length;
}

// ---- jobs

defineJob<{ campaignId: string }>(
	TICK_JOB,
	async ({ campaignId }) => {
		const r = await tickCampaign(campaignId);
		if (r.running && !r.completed) await queueTick(campaignId, { startAfter: settings.tickSeconds });
	},
	{
		retryLimit: 5,
		retryBackoff: true,
		retryDelay: 5,
		expireInSeconds: 10 * 60,
		localConcurrency: 1,
		pollingIntervalSeconds: 1,
		deleteAfterSeconds: 6 * 60 * 60,
		// At most one queued tick per campaign (the key): a resume pressed twice queues one.
		policy: 'stately'
	}
);

defineJob<Record<string, never>>(SWEEP_JOB, async () => void (await sweepCampaigns()), {
	retryLimit: 0,
	expireInSeconds: 5 * 60,
	deleteAfterSeconds: 60 * 60,
	policy: 'singleton'
});

schedule(SWEEP_JOB, '* * * * *');
