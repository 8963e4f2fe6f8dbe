/**
 * Subscribers: double opt-in with a consent record (when, what text, from which address), lists
 * (bulletin, news, events), the language of the mailing, a preference page reached by a secret link,
 * one-click unsubscribe (RFC 8058), hard bounces, and the import of existing subscribers with the
 * dates they consented on. An address is stored in lower case, once.
 */
import { randomBytes } from 'node:crypto';
import { db, type Prisma } from '../db/index.ts';
import { absoluteUrl, enqueueMail } from '../mail/index.ts';
import type { Subscriber } from '../db/generated/client.ts';
import { m } from '../../paraglide/messages.js';
import { PublishingError } from './errors.ts';
import { SUBSCRIPTION_LISTS, toLocale, type Locale, type SubscriptionList } from './types.ts';
import './mail.ts';

const EMAIL = /^[^\s@<>()[\],;:"\\]+@[^\s@<>()[\],;:"\\]+\.[^\s@<>()[\],;:"\\]+$/;
/** A new confirmation message at most this often per address (a form cannot flood someone's inbox). */
const CONFIRM_RESEND_MS = 5 * 60_000;

export function newToken(): string {
	return randomBytes(24).toString('base64url');
}

export function normaliseEmail(value: string): string | null {
	const email = value.trim().toLowerCase();
	return EMAIL.test(email) && email.length <= 254 ? email : null;
}

export function normaliseLists(values: readonly string[]): SubscriptionList[] {
	return SUBSCRIPTION_LISTS.filter((l) => values.includes(l));
}

export interface RequestInfo {
	ip?: string | null;
	userAgent?: string | null;
}

/** The consent text the subscribe form shows, in the form's language: stored with the consent. */
export function consentText(locale: Locale): string {
	return m.pub_subscribe_consent({}, { locale });
}

export function listNames(lists: readonly SubscriptionList[], locale: Locale): string {
	const o = { locale };
	const name = (l: SubscriptionList) => (l === 'bulletin' ? m.pub_list_bulletin({}, o) : l === 'news' ? m.pub_list_news({}, o) : m.pub_list_events({}, o));
	return lists.map(name).join(', ');
}

export function preferencesUrl(token: string, locale: Locale): string {
	return absoluteUrl(`/subscriptions/${encodeURIComponent(token)}`, locale);
}

export function unsubscribeUrl(token: string, locale: Locale): string {
	return absoluteUrl(`/unsubscribe/${encodeURIComponent(token)}`, locale);
}

function consent(tx: Prisma.TransactionClient, s: Pick<Subscriber, 'id' | 'lists' | 'locale'>, action: string, text: string, info: RequestInfo = {}, at?: Date) {
	return tx.subscriberConsent.create({
		data: {
			subscriberId: s.id,
			action,
			text,
			lists: s.lists,
			locale: s.locale,
			ip: info.ip?.slice(0, 64) ?? null,
			userAgent: info.userAgent?.slice(0, 300) ?? null,
			...(at ? { at } : {})
		}
	});
}

export interface SubscribeInput {
	email: string;
	lists: string[];
	locale: Locale;
	consent: boolean;
}

/**
 * The subscribe form. Whatever the address's state, the answer is the same ("check your mail"), so
 * the form does not tell strangers who is subscribed. A confirmed subscriber's lists are not changed
 * here (that needs the preference link); everyone else gets a confirmation link.
 */
export async function subscribe(input: SubscribeInput, info: RequestInfo = {}, now = new Date()): Promise<{ sent: boolean }> {
	const email = normaliseEmail(input.email);
	const lists = normaliseLists(input.lists);
	if (!email || lists.length === 0 || !input.consent) throw new PublishingError('invalid');
	const locale = toLocale(input.locale);
	return db().$transaction(async (tx) => {
		const existing = await tx.subscriber.findUnique({ where: { email } });
		if (existing?.status === 'confirmed') return { sent: false };
		if (existing?.confirmSentAt && now.getTime() - existing.confirmSentAt.getTime() < CONFIRM_RESEND_MS) return { sent: false };
		const confirmToken = newToken();
		const s = existing
			? await tx.subscriber.update({ where: { id: existing.id }, data: { lists, locale, status: 'pending', confirmToken, confirmSentAt: now } })
			: await tx.subscriber.create({ data: { email, lists, locale, status: 'pending', token: newToken(), confirmToken, confirmSentAt: now } });
		await consent(tx, s, 'subscribe', consentText(locale), info);
		await enqueueMail(
			{
				to: email,
				template: 'pub_confirm',
				locale,
				data: { url: absoluteUrl(`/subscriptions/confirm/${confirmToken}`, locale), lists: listNames(lists, locale) }
			},
			tx
		);
		return { sent: true };
	});
}

export function subscriberByConfirmToken(token: string) {
	return db().subscriber.findUnique({ where: { confirmToken: token } });
}

/** The second step of the double opt-in (a button on the page the link opens, not the GET itself). */
export async function confirmSubscription(token: string, info: RequestInfo = {}, now = new Date()): Promise<Subscriber> {
	return db().$transaction(async (tx) => {
		const s = await tx.subscriber.findUnique({ where: { confirmToken: token } });
		if (!s) throw new PublishingError('bad_token');
		const confirmed = await tx.subscriber.update({
			where: { id: s.id },
			data: { status: 'confirmed', confirmedAt: now, confirmToken: null, unsubscribedAt: null, bouncedAt: null, bounceReason: null }
		});
		await consent(tx, confirmed, 'confirm', consentText(toLocale(s.locale)), info);
		return confirmed;
	});
}

export function subscriberByToken(token: string) {
	if (!token || token.length > 100) return Promise.resolve(null);
	return db().subscriber.findUnique({ where: { token } });
}

/** The preference page: lists and language. No list left means unsubscribed. */
export async function updatePreferences(token: string, input: { lists: string[]; locale: Locale }, info: RequestInfo = {}): Promise<Subscriber> {
	const lists = normaliseLists(input.lists);
	const locale = toLocale(input.locale);
	return db().$transaction(async (tx) => {
		const s = await tx.subscriber.findUnique({ where: { token } });
		if (!s || s.status === 'pending') throw new PublishingError('bad_token');
		const data: Prisma.SubscriberUpdateInput = { lists, locale };
		if (lists.length === 0) Object.assign(data, { status: 'unsubscribed', unsubscribedAt: new Date() });
		else if (s.status === 'unsubscribed') Object.assign(data, { status: 'confirmed', unsubscribedAt: null });
		const updated = await tx.subscriber.update({ where: { id: s.id }, data });
		await consent(tx, updated, lists.length ? 'change' : 'unsubscribe', m.pub_preferences_consent({}, { locale }), info);
		return updated;
	});
}

/**
 * Unsubscribes from every list: the one-click POST (RFC 8058) and the page's button. Idempotent; an
 * unknown token is refused. Campaign messages not yet handed to the outbox are skipped from now on.
 */
export async function unsubscribe(token: string, method: 'one-click' | 'page', info: RequestInfo = {}): Promise<Subscriber> {
	return db().$transaction(async (tx) => {
		const s = await tx.subscriber.findUnique({ where: { token } });
		if (!s) throw new PublishingError('bad_token');
		if (s.status === 'unsubscribed') return s;
		const updated = await tx.subscriber.update({ where: { id: s.id }, data: { status: 'unsubscribed', unsubscribedAt: new Date() } });
		await consent(tx, updated, `unsubscribe:${method}`, m.pub_unsubscribe_consent({}, { locale: toLocale(s.locale) }), info);
		return updated;
	});
}

/** A hard bounce (5xx at sending, or reported by the bounce webhook): no more mail to the address. */
export async function markBounced(email: string, reason: string, now = new Date()): Promise<boolean> {
	const address = normaliseEmail(email);
	if (!address) return false;
	const updated = await db().subscriber.updateMany({
		where: { email: address, status: { in: ['pending', 'confirmed'] } },
		data: { status: 'bounced', bouncedAt: now, bounceReason: reason.slice(0, 500) }
	});
	return updated.count > 0;
}

// ---- import

export interface ImportIssue {
	/** 1-based line of the CSV file. */
	line: number;
	field: string;
	code: 'missing' | 'invalid' | 'duplicate' | 'header';
	value?: string;
}

export interface ImportResult {
	created: number;
	updated: number;
	skipped: number;
	issues: ImportIssue[];
}

/** RFC 4180 fields (quotes, doubled quotes, commas and line breaks inside quotes); line numbers kept. */
export function parseCsv(text: string): Array<{ line: number; cells: string[] }> {
	const rows: Array<{ line: number; cells: string[] }> = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let rowLine = 1;
	const s = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < s.length; i++) {
		const c = s[i]!;
		if (quoted) {
			if (c === '"' && s[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else {
				if (c === '\n') line++;
				cell += c;
			}
		} else if (c === '"' && cell === '') quoted = true;
		else if (c === ',' || c === ';') {
			cells.push(cell);
			cell = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && s[i + 1] === '\n') i++;
			cells.push(cell);
			if (cells.some((v) => v.trim() !== '')) rows.push({ line: rowLine, cells });
			cells = [];
			cell = '';
			line++;
			rowLine = line;
		} else cell += c;
	}
	cells.push(cell);
	if (cells.some((v) => v.trim() !== '')) rows.push({ line: rowLine, cells });
	return rows;
}

const IMPORT_COLUMNS = ['email', 'lists', 'locale', 'consented_at', 'consent_text', 'ip'] as const;

/**
 * Existing subscribers from a CSV file with a header row: email, lists (separated by spaces or |),
 * locale (uk/en, optional), consented_at (ISO date, required: when they agreed), consent_text and ip
 * (optional). Nothing is imported when any line has an error; every error names its line and field.
 * People who unsubscribed or bounced are never subscribed again by an import.
 */
export async function importSubscribers(csv: string, importedBy: string): Promise<ImportResult> {
	const rows = parseCsv(csv);
	const issues: ImportIssue[] = [];
	const header = rows.shift();
	const cols = (header?.cells ?? []).map((c) => c.trim().toLowerCase());
	for (const required of ['email', 'lists', 'consented_at']) {
		if (!cols.includes(required)) issues.push({ line: header?.line ?? 1, field: required, code: 'header' });
	}
	if (issues.length) return { created: 0, updated: 0, skipped: 0, issues };
	const at = (name: (typeof IMPORT_COLUMNS)[number], cells: string[]) => (cols.indexOf(name) >= 0 ? (cells[cols.indexOf(name)] ?? '').trim() : '');
	const seen = new Set<string>();
	const valid: Array<{ email: string; lists: SubscriptionList[]; locale: Locale; consentedAt: Date; text: string; ip: string | null }> = [];
	for (const { line, cells } of rows) {
		const rawEmail = at('email', cells);
		const email = normaliseEmail(rawEmail);
		if (!rawEmail) issues.push({ line, field: 'email', code: 'missing' });
		else if (!email) issues.push({ line, field: 'email', code: 'invalid', value: rawEmail });
		else if (seen.has(email)) issues.push({ line, field: 'email', code: 'duplicate', value: rawEmail });
		const rawLists = at('lists', cells).split(/[\s|]+/).filter(Boolean);
		const lists = normaliseLists(rawLists);
		if (rawLists.length === 0) issues.push({ line, field: 'lists', code: 'missing' });
		else if (lists.length !== rawLists.length) issues.push({ line, field: 'lists', code: 'invalid', value: at('lists', cells) });
		const rawLocale = at('locale', cells);
		if (rawLocale && rawLocale !== 'uk' && rawLocale !== 'en') issues.push({ line, field: 'locale', code: 'invalid', value: rawLocale });
		const rawDate = at('consented_at', cells);
		const consentedAt = new Date(rawDate);
		if (!rawDate) issues.push({ line, field: 'consented_at', code: 'missing' });
		else if (!/^\d{4}-\d{2}-\d{2}/.test(rawDate) || Number.isNaN(consentedAt.getTime()) || consentedAt.getTime() > Date.now())
			issues.push({ line, field: 'consented_at', code: 'invalid', value: rawDate });
		if (email) seen.add(email);
		if (email && lists.length === rawLists.length && rawLists.length && !Number.isNaN(consentedAt.getTime())) {
			valid.push({ email, lists, locale: toLocale(rawLocale), consentedAt, text: at('consent_text', cells), ip: at('ip', cells) || null });
		}
	}
	if (issues.length) return { created: 0, updated: 0, skipped: 0, issues };
	let created = 0;
	let updated = 0;
	let skipped = 0;
	// Chunks keep each transaction short (the embedded database serialises everything behind one).
	for (let i = 0; i < valid.length; i += 200) {
		const chunk = valid.slice(i, i + 200);
		await db().$transaction(async (tx) => {
			const existing = new Map((await tx.subscriber.findMany({ where: { email: { in: chunk.map((r) => r.email) } } })).map((s) => [s.email, s]));
			for (const r of chunk) {
				const text = r.text || m.pub_import_consent({ by: importedBy }, { locale: r.locale });
				const e = existing.get(r.email);
				if (e && (e.status === 'unsubscribed' || e.status === 'bounced' || e.status === 'confirmed')) {
					skipped++;
					continue;
				}
				const s = e
					? await tx.subscriber.update({ where: { id: e.id }, data: { lists: r.lists, locale: r.locale, status: 'confirmed', confirmedAt: r.consentedAt, confirmToken: null } })
					: await tx.subscriber.create({ data: { email: r.email, lists: r.lists, locale: r.locale, status: 'confirmed', confirmedAt: r.consentedAt, token: newToken() } });
				if (e) updated++;
				else created++;
				await consent(tx, s, 'import', text, { ip: r.ip }, r.consentedAt);
			}
		});
	}
	return { created, updated, skipped, issues };
}

export async function subscriberCounts() {
	const rows = await db().subscriber.groupBy({ by: ['status'], _count: { _all: true } });
	const out: Record<string, number> = { pending: 0, confirmed: 0, unsubscribed: 0, bounced: 0 };
	for (const r of rows) out[r.status] = r._count._all;
	return out;
}
