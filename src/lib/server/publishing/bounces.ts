import { timingSafeEqual } from 'node:crypto';
import { markBounced } from './subscriptions.ts';

/**
 * The bounce webhook (POST /api/publishing/bounces): a mail provider or the operator's bounce
 * processor reports an address with `Authorization: Bearer <PUBLISHING_BOUNCE_SECRET>`. Without the
 * secret in the environment the webhook is off. A hard bounce stops all mail to that address.
 */
export function verifyBounceSecret(header: string | null, secret = process.env.PUBLISHING_BOUNCE_SECRET): boolean {
	if (!secret || secret.length < 16 || !header) return false;
	const given = Buffer.from(header.replace(/^Bearer\s+/i, ''));
	const want = Buffer.from(secret);
	return given.length === want.length && timingSafeEqual(given, want);
}

export interface BounceReport {
	email?: unknown;
	type?: unknown;
	reason?: unknown;
}

/** 'hard' (or 'permanent') bounces mark the subscriber; soft ones are only acknowledged. */
export async function handleBounce(report: BounceReport): Promise<{ ok: boolean; bounced: boolean }> {
	if (typeof report.email !== 'string') return { ok: false, bounced: false };
	const hard = report.type === 'hard' || report.type === 'permanent';
	if (!hard) return { ok: true, bounced: false };
	const reason = typeof report.reason === 'string' ? report.reason : 'webhook: hard bounce';
	return { ok: true, bounced: await markBounced(report.email, reason) };
}
