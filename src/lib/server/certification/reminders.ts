/**
 * The daily certification job: per organization with assignments it syncs who is assigned, records
 * certifications the evidence gives, writes status changes to the history, and sends reminders
 * through the outbox: to the person at the programme's offsets (days) before a due date or an
 * expiry, once when overdue, and one digest per manager and organization. Each reminder has a unique
 * key in CertificationReminder (inserted in the same transaction as the message) and the outbox's
 * dedupe key is the same key, so a retry, a second instance or a rerun never sends one twice.
 */
import { db } from '../db/index.ts';
import { enqueueMail, absoluteUrl } from '../mail/index.ts';
import { defineJob, schedule } from '../jobs/index.ts';
import { syncSubjects } from './assignments.ts';
import { loadFacts } from './facts.ts';
import { recordEarned, recordStatusChanges } from './status.ts';
import { refreshSummaries } from './summary.ts';
import './summary-jobs.ts';
import { statusAt } from './engine.ts';
import type { ReminderKind } from './mail.ts';
import './mail.ts';

export const REMINDERS_JOB = 'certification.daily';
const DAY = 86_400_000;

/** The offset bucket a date `daysLeft` away falls in: the smallest offset not below it. */
export function reminderBucket(daysLeft: number, offsets: number[]): number | null {
	const sorted = [...offsets].sort((a, b) => a - b);
	for (const o of sorted) if (daysLeft <= o) return o;
	return null;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);
const kyivDay = (d: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Kyiv', year: 'numeric', month: '2-digit', day: '2-digit' }).format(d);

interface Due {
	key: string;
	userId: string;
	programmeId: string;
	kind: ReminderKind;
	date: Date;
}

export interface DailyRunResult {
	organizations: number;
	certified: number;
	statusChanges: number;
	personMessages: number;
	digests: number;
}

/** One run of the daily job for every organization (or one), at `now`. */
export async function runDaily(now = new Date(), onlyOrganizationId?: string): Promise<DailyRunResult> {
	const orgs = onlyOrganizationId
		? [onlyOrganizationId]
		: (await db().certificationAssignment.findMany({ where: { revokedAt: null }, distinct: ['organizationId'], select: { organizationId: true } })).map((a) => a.organizationId);
	const total: DailyRunResult = { organizations: orgs.length, certified: 0, statusChanges: 0, personMessages: 0, digests: 0 };
	for (const organizationId of orgs) {
		const r = await runForOrganization(organizationId, now);
		total.certified += r.certified;
		total.statusChanges += r.statusChanges;
		total.personMessages += r.personMessages;
		total.digests += r.digests;
	}
	return total;
}

async function runForOrganization(organizationId: string, now: Date) {
	await syncSubjects(organizationId, now);
	const loaded = await loadFacts({ organizationId });
	const certified = (await recordEarned(loaded, now, { exceptOrganizationId: organizationId })).length;
	// The whole organization's summary from the facts just loaded (repairs anything a change missed).
	await refreshSummaries(organizationId, undefined, now, loaded);
	const due: Due[] = [];
	const statuses: Array<{ userId: string; programmeId: string; status: ReturnType<typeof statusAt>['status'] }> = [];
	for (const p of loaded.pairs) {
		const r = statusAt(p.facts, now);
		statuses.push({ userId: p.userId, programmeId: p.programmeId, status: r.status });
		if (!p.facts.assigned) continue;
		const offsets = loaded.programmes.get(p.programmeId)?.reminderDays ?? [];
		if ((r.status === 'not_started' || r.status === 'in_progress') && r.dueAt) {
			const bucket = reminderBucket(Math.ceil((r.dueAt.getTime() - now.getTime()) / DAY), offsets);
			if (bucket !== null) due.push({ key: `certn:due:${p.userId}:${p.programmeId}:${isoDay(r.dueAt)}:${bucket}`, userId: p.userId, programmeId: p.programmeId, kind: 'due', date: r.dueAt });
		} else if (r.status === 'overdue' && r.dueAt) {
			due.push({ key: `certn:overdue:${p.userId}:${p.programmeId}:${isoDay(r.dueAt)}`, userId: p.userId, programmeId: p.programmeId, kind: 'overdue', date: r.dueAt });
		} else if ((r.status === 'certified' || r.status === 'expiring') && r.expiresAt) {
			const bucket = reminderBucket(Math.ceil((r.expiresAt.getTime() - now.getTime()) / DAY), offsets);
			if (bucket !== null) due.push({ key: `certn:expiry:${p.userId}:${p.programmeId}:${isoDay(r.expiresAt)}:${bucket}`, userId: p.userId, programmeId: p.programmeId, kind: 'expiry', date: r.expiresAt });
		}
	}
	const statusChanges = await recordStatusChanges(statuses, now);

	// Leave out what was sent before (the unique key would refuse it anyway).
	const sent = new Set<string>();
	for (let i = 0; i < due.length; i += 1000) {
		const rows = await db().certificationReminder.findMany({ where: { key: { in: due.slice(i, i + 1000).map((d) => d.key) } }, select: { key: true } });
		rows.forEach((r) => sent.add(r.key));
	}
	const fresh = due.filter((d) => !sent.has(d.key));
	const managers = await db().membership.findMany({ where: { organizationId, role: 'manager' }, select: { userId: true } });
	if (fresh.length === 0) return { certified, statusChanges, personMessages: 0, digests: 0 };

	const people = new Map<string, { name: string | null; email: string; locale: string }>();
	const ids = [...new Set([...fresh.map((d) => d.userId), ...managers.map((x) => x.userId)])];
	for (let i = 0; i < ids.length; i += 1000) {
		const rows = await db().user.findMany({ where: { id: { in: ids.slice(i, i + 1000) } }, select: { id: true, name: true, email: true, locale: true } });
		rows.forEach((u) => people.set(u.id, u));
	}
	const org = await db().organization.findUnique({ where: { id: organizationId }, select: { slug: true, nameUk: true, nameEn: true } });
	const title = (programmeId: string, locale: string) => {
		const p = loaded.programmes.get(programmeId);
		return p ? (locale === 'en' ? p.titleEn : p.titleUk) : '';
	};
	let personMessages = 0;
	const chunk = 200;
	for (let i = 0; i < fresh.length; i += chunk) {
		const part = fresh.slice(i, i + chunk);
		personMessages += await db().$transaction(async (tx) => {
			await tx.certificationReminder.createMany({ data: part.map((d) => ({ key: d.key, userId: d.userId, sentAt: now })), skipDuplicates: true });
			let n = 0;
			for (const d of part) {
				const u = people.get(d.userId);
				if (!u) continue;
				const locale = u.locale === 'en' ? 'en' : 'uk';
				await enqueueMail(
					{ to: u.email, template: 'certn_reminder', locale, dedupeKey: d.key, data: { name: u.name, programme: title(d.programmeId, locale), kind: d.kind, date: d.date.toISOString(), url: absoluteUrl('/certification', locale) } },
					tx
				);
				n++;
			}
			return n;
		}, { timeout: 60_000 });
	}
	let digests = 0;
	for (const mgr of managers) {
		const u = people.get(mgr.userId);
		if (!u || !org) continue;
		const locale = u.locale === 'en' ? 'en' : 'uk';
		const key = `certn:digest:${mgr.userId}:${organizationId}:${kyivDay(now)}`;
		const items = fresh.slice(0, 200).map((d) => {
			const p = people.get(d.userId);
			return { person: p?.name || p?.email || '', programme: title(d.programmeId, locale), kind: d.kind, date: d.date.toISOString() };
		});
		const ok = await db().$transaction(async (tx) => {
			const inserted = await tx.certificationReminder.createMany({ data: [{ key, userId: mgr.userId, sentAt: now }], skipDuplicates: true });
			if (inserted.count !== 1) return false;
			await enqueueMail(
				{
					to: u.email,
					template: 'certn_manager_digest',
					locale,
					dedupeKey: key,
					data: { name: u.name, organization: locale === 'en' ? org.nameEn : org.nameUk, items, url: absoluteUrl(`/manage/${org.slug}/compliance`, locale) }
				},
				tx
			);
			return true;
		});
		if (ok) digests++;
	}
	return { certified, statusChanges, personMessages, digests };
}

defineJob<Record<string, never>>(REMINDERS_JOB, async () => void (await runDaily()), {
	retryLimit: 2,
	expireInSeconds: 60 * 60,
	deleteAfterSeconds: 7 * 24 * 3600,
	policy: 'singleton'
});

// Every day at 07:00 Kyiv time.
schedule(REMINDERS_JOB, '0 7 * * *');
