import nodemailer, { type Transporter } from 'nodemailer';
import { db, type Prisma } from '../db/index.ts';
import { config } from '../config/index.ts';
import { defineJob, schedule, sendJob, JobsNotRunningError } from '../jobs/index.ts';
import type { OutboxMessage } from '../db/generated/client.ts';

/**
 * Sending the outbox (ADR 0004). A message is claimed by one atomic update (pending -> sending), so
 * two workers (two jobs, two app instances, the sweep and a job) never both send it. Temporary SMTP
 * failures (4xx, network) are retried with exponential backoff; permanent ones (5xx) fail at once.
 * A row left in `sending` by a crashed process is claimed again only after `claimTimeoutMs`.
 */
export const MAIL_STATUSES = ['pending', 'sending', 'sent', 'failed', 'kept'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

export interface MailDeliverySettings {
	/** Delay before the first retry; doubles with every further attempt. */
	retryBaseMs: number;
	retryMaxMs: number;
	/** Attempts in all (the first one included) before a message is marked failed. */
	maxAttempts: number;
	/** A `sending` row older than this is considered abandoned by a crashed worker. */
	claimTimeoutMs: number;
}

const settings: MailDeliverySettings = {
	retryBaseMs: 60_000,
	retryMaxMs: 6 * 60 * 60_000,
	maxAttempts: 8,
	claimTimeoutMs: 10 * 60_000
};

/** Tests shorten the delays; the defaults suit production. */
export function configureMailDelivery(patch: Partial<MailDeliverySettings>): MailDeliverySettings {
	Object.assign(settings, patch);
	return { ...settings };
}

export const SEND_JOB = 'mail.send';
export const SWEEP_JOB = 'mail.sweep';

/**
 * Asks a worker to send the message now (or at `startAfter`). Without a running job runner in this
 * process nothing is lost: the row stays `pending` and the every-minute sweep of any instance sends it.
 */
export async function queueDelivery(id: string, options: { tx?: Prisma.TransactionClient; startAfter?: Date } = {}): Promise<void> {
	try {
		await sendJob(SEND_JOB, { id }, { tx: options.tx, startAfter: options.startAfter });
	} catch (err) {
		if (!(err instanceof JobsNotRunningError)) throw err;
	}
}

let transport: { url: string; transporter: Transporter } | undefined;

function transporter(url: string): Transporter {
	if (transport?.url !== url) {
		transport?.transporter.close();
		transport = {
			url,
			// Short timeouts: a hung server must not hold a claimed message for long.
			transporter: nodemailer.createTransport(url, { connectionTimeout: 30_000, greetingTimeout: 30_000, socketTimeout: 60_000 })
		};
	}
	return transport.transporter;
}

/** The headers a message is sent with, also shown on the admin mail page. */
export function messageHeaders(row: Pick<OutboxMessage, 'to' | 'subject' | 'messageId' | 'locale' | 'headers' | 'createdAt'>): Array<[string, string]> {
	const extra = (row.headers && typeof row.headers === 'object' && !Array.isArray(row.headers) ? row.headers : {}) as Record<string, unknown>;
	return [
		['From', config().MAIL_FROM],
		['To', row.to],
		['Subject', row.subject],
		['Date', row.createdAt.toUTCString()],
		['Message-ID', row.messageId],
		['Content-Language', row.locale],
		['Auto-Submitted', 'auto-generated'],
		...Object.entries(extra).map(([k, v]) => [k, String(v)] as [string, string])
	];
}

/** The stored invitation (see enqueueMail), as nodemailer takes it. */
function icalEventOf(value: unknown): { method: string; filename: string; content: string } | undefined {
	if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
	const v = value as Record<string, unknown>;
	if (typeof v.method !== 'string' || typeof v.content !== 'string') return undefined;
	return { method: v.method, filename: typeof v.filename === 'string' ? v.filename : 'invite.ics', content: v.content };
}

interface SmtpError {
	responseCode?: number;
	code?: string;
	message?: string;
	response?: string;
}

/** 5xx replies are permanent; 4xx, timeouts and connection errors are worth another try. */
function isPermanent(err: SmtpError): boolean {
	return typeof err.responseCode === 'number' && err.responseCode >= 500;
}

function describe(err: unknown): string {
	const e = err as SmtpError;
	const text = e?.response || e?.message || String(err);
	return (e?.responseCode ? `${e.responseCode} ` : '') + text.slice(0, 1000);
}

function backoff(attempts: number): number {
	return Math.min(settings.retryBaseMs * 2 ** Math.max(0, attempts - 1), settings.retryMaxMs);
}

export type DeliveryResult = 'sent' | 'retry' | 'failed' | 'kept' | 'skipped';

/**
 * Sends one outbox message if it is due and nobody else holds it. Returns what happened; 'skipped'
 * when the message was not claimable (already sent, held by another worker, not due yet).
 */
export async function deliverMessage(id: string): Promise<DeliveryResult> {
	const now = new Date();
	const claimedAt = now;
	const claimed = await db().outboxMessage.updateMany({
		where: {
			id,
			OR: [
				{ status: 'pending', nextAttemptAt: { lte: now } },
				{ status: 'sending', claimedAt: { lt: new Date(now.getTime() - settings.claimTimeoutMs) } }
			]
		},
		data: { status: 'sending', claimedAt, attempts: { increment: 1 } }
	});
	if (claimed.count !== 1) return 'skipped';
	const row = await db().outboxMessage.findUniqueOrThrow({ where: { id } });
	// Every later update checks the claim is still ours (a timed-out claim may have been taken over).
	const ours = { id, status: 'sending' as const, claimedAt };

	const url = config().SMTP_URL;
	if (!url) {
		await db().outboxMessage.updateMany({ where: ours, data: { status: 'kept', claimedAt: null } });
		return 'kept';
	}
	try {
		const extra = Object.fromEntries(messageHeaders(row).filter(([k]) => !['From', 'To', 'Subject', 'Date', 'Message-ID'].includes(k)));
		await transporter(url).sendMail({
			from: config().MAIL_FROM,
			to: row.to,
			subject: row.subject,
			text: row.text,
			html: row.html,
			messageId: row.messageId,
			date: row.createdAt,
			headers: extra,
			icalEvent: icalEventOf(row.icalEvent)
		});
	} catch (err) {
		const lastError = describe(err);
		if (isPermanent(err as SmtpError) || row.attempts >= settings.maxAttempts) {
			await db().outboxMessage.updateMany({ where: ours, data: { status: 'failed', lastError, claimedAt: null } });
			return 'failed';
		}
		const nextAttemptAt = new Date(Date.now() + backoff(row.attempts));
		const updated = await db().outboxMessage.updateMany({ where: ours, data: { status: 'pending', lastError, nextAttemptAt, claimedAt: null } });
		if (updated.count === 1) await queueDelivery(id, { startAfter: nextAttemptAt });
		return 'retry';
	}
	await db().outboxMessage.updateMany({ where: ours, data: { status: 'sent', sentAt: new Date(), claimedAt: null } });
	return 'sent';
}

/**
 * Sends every message that is due (pending past its time, or abandoned in `sending`). The sweep job
 * runs it every minute, so a message is sent even when its own job was never written (JOBS=off on
 * the instance that stored it) or was lost.
 */
export async function deliverDue(limit = 100): Promise<Record<DeliveryResult, number>> {
	const now = new Date();
	const due = await db().outboxMessage.findMany({
		where: {
			OR: [
				{ status: 'pending', nextAttemptAt: { lte: now } },
				{ status: 'sending', claimedAt: { lt: new Date(now.getTime() - settings.claimTimeoutMs) } }
			]
		},
		orderBy: { nextAttemptAt: 'asc' },
		take: limit,
		select: { id: true }
	});
	const counts: Record<DeliveryResult, number> = { sent: 0, retry: 0, failed: 0, kept: 0, skipped: 0 };
	for (const { id } of due) counts[await deliverMessage(id)]++;
	return counts;
}

/** Puts a failed (or kept) message back in the queue with a fresh set of attempts. */
export async function retryMessage(id: string): Promise<boolean> {
	const status = config().SMTP_URL ? 'pending' : 'kept';
	const updated = await db().outboxMessage.updateMany({
		where: { id, status: { in: ['failed', 'kept'] } },
		data: { status, attempts: 0, nextAttemptAt: new Date(), claimedAt: null }
	});
	if (updated.count === 1 && status === 'pending') await queueDelivery(id);
	return updated.count === 1;
}

export interface MailListFilter {
	status?: MailStatus;
	/** Part of the recipient's address, case-insensitive. */
	to?: string;
	page?: number;
	pageSize?: number;
}

export async function listMessages(filter: MailListFilter = {}) {
	const pageSize = Math.min(Math.max(filter.pageSize ?? 25, 1), 100);
	const where: Prisma.OutboxMessageWhereInput = {};
	if (filter.status) where.status = filter.status;
	if (filter.to?.trim()) where.to = { contains: filter.to.trim(), mode: 'insensitive' };
	const total = await db().outboxMessage.count({ where });
	const pages = Math.max(1, Math.ceil(total / pageSize));
	const page = Math.min(Math.max(filter.page ?? 1, 1), pages);
	const items = await db().outboxMessage.findMany({
		where,
		orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
		skip: (page - 1) * pageSize,
		take: pageSize,
		select: { id: true, to: true, subject: true, template: true, locale: true, status: true, attempts: true, lastError: true, createdAt: true, sentAt: true }
	});
	return { items, total, page, pages, pageSize };
}

export function getMessage(id: string) {
	return db().outboxMessage.findUnique({ where: { id } });
}

// ---- jobs

defineJob<{ id: string }>(SEND_JOB, async ({ id }) => void (await deliverMessage(id)), {
	// SMTP failures are retried by the outbox itself (above); pg-boss retries cover a crash or a
	// database error in the handler.
	retryLimit: 5,
	retryBackoff: true,
	retryDelay: 30,
	expireInSeconds: 15 * 60,
	localConcurrency: 2,
	pollingIntervalSeconds: 1
});

defineJob<Record<string, never>>(SWEEP_JOB, async () => void (await deliverDue()), {
	retryLimit: 0,
	expireInSeconds: 15 * 60,
	// One finished job a minute: keep an hour of them, not pg-boss's default week.
	deleteAfterSeconds: 60 * 60,
	policy: 'singleton'
});

schedule(SWEEP_JOB, '* * * * *');
