/**
 * Mailing a bulletin issue to its subscribers (ADR 0017). A campaign writes ONE CampaignDelivery row
 * per (campaign, subscriber) when it starts (unique; a second start writes nothing). A tick hands a
 * batch of pending rows to the mail outbox, in one transaction that locks the rows (SKIP LOCKED),
 * stores each message with the dedupe key "pub:<campaign>:<subscriber>" and marks the row queued:
 * a row is handed over once, and its message exists once. The outbox then sends each message with
 * its atomic claim (ADR 0004): temporary SMTP failures are retried, 5xx fail at once; a tick turns
 * those hard failures into bounced subscribers. Ticks run as a job every few seconds (the rate limit:
 * at most ratePerMinute/60 × TICK messages a tick), and a sweep restarts any running campaign whose
 * tick was lost, so a crash or restart loses nothing.
 */
import { db } from '../db/index.ts';
import { can } from '../auth/permissions.ts';
import type { SessionUser } from '../auth/types.ts';
import { enqueueMail } from '../mail/index.ts';
import type { Campaign } from '../db/generated/client.ts';
import { PublishingError } from './errors.ts';
import { bulletinMailData, getBulletinById } from './issue.ts';
import { queueTick, writeRecipients } from './sending.ts';
import type { Locale } from './types.ts';
import type { Actor } from './articles.ts';

export * from './sending.ts';

function requireEditor(actor: Actor) {
	if (!can(actor as SessionUser, 'bulletin:manage')) throw new PublishingError('forbidden');
}

/** The campaign of an issue, created (as a draft) on first use. */
export async function campaignFor(actor: Actor, bulletinId: string): Promise<Campaign> {
	requireEditor(actor);
	const existing = await db().campaign.findUnique({ where: { bulletinId } });
	if (existing) return existing;
	return db().campaign.upsert({ where: { bulletinId }, create: { bulletinId, createdById: actor.id }, update: {} });
}

export async function updateCampaignSettings(actor: Actor, id: string, input: { ratePerMinute: number; batchSize: number }): Promise<Campaign> {
	requireEditor(actor);
	const rate = Math.trunc(input.ratePerMinute);
	const batch = Math.trunc(input.batchSize);
	if (!(rate >= 1 && rate <= 100_000) || !(batch >= 1 && batch <= 5_000)) throw new PublishingError('invalid');
	return db().campaign.update({ where: { id }, data: { ratePerMinute: rate, batchSize: batch } });
}

/** The issue to the editor first, marked as a test in the subject. A campaign starts only after one. */
export async function sendTest(actor: Actor & { email: string }, campaignId: string, locale: Locale): Promise<void> {
	requireEditor(actor);
	const c = await db().campaign.findUnique({ where: { id: campaignId } });
	if (!c) throw new PublishingError('not_found');
	const b = await getBulletinById(c.bulletinId);
	if (!b) throw new PublishingError('not_found');
	if (b.items.length === 0) throw new PublishingError('no_articles');
	await db().$transaction(async (tx) => {
		await enqueueMail({ to: actor.email, template: 'pub_bulletin', locale, data: { ...bulletinMailData(b, locale, null), test: true } }, tx);
		await tx.campaign.update({ where: { id: c.id }, data: { testSentAt: new Date(), testSentTo: actor.email } });
	});
}

/**
 * Starts the mailing: writes one delivery row per confirmed subscriber of the bulletin list (a
 * snapshot: who subscribes later gets the next issue) and queues the first tick.
 */
export async function startCampaign(actor: Actor, campaignId: string, now = new Date()): Promise<{ recipients: number }> {
	requireEditor(actor);
	return db().$transaction(async (tx) => {
		const c = await tx.campaign.findUnique({ where: { id: campaignId }, include: { bulletin: true } });
		if (!c) throw new PublishingError('not_found');
		if (c.status !== 'draft') throw new PublishingError('campaign_state');
		if (!c.testSentAt) throw new PublishingError('test_first');
		if (c.bulletin.status !== 'published') throw new PublishingError('not_published');
		const moved = await tx.campaign.updateMany({ where: { id: c.id, status: 'draft' }, data: { status: 'running', startedAt: now } });
		if (moved.count !== 1) throw new PublishingError('campaign_state');
		const recipients = await writeRecipients(tx, c.id);
		await queueTick(c.id, { tx });
		return { recipients };
	});
}

export async function pauseCampaign(actor: Actor, campaignId: string): Promise<void> {
	requireEditor(actor);
	const moved = await db().campaign.updateMany({ where: { id: campaignId, status: 'running' }, data: { status: 'paused' } });
	if (moved.count !== 1) throw new PublishingError('campaign_state');
}

export async function resumeCampaign(actor: Actor, campaignId: string): Promise<void> {
	requireEditor(actor);
	await db().$transaction(async (tx) => {
		const moved = await tx.campaign.updateMany({ where: { id: campaignId, status: 'paused' }, data: { status: 'running' } });
		if (moved.count !== 1) throw new PublishingError('campaign_state');
		await queueTick(campaignId, { tx });
	});
}

