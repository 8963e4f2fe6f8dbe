/**
 * The contest's mail (texts in messages/contests, contest_mail_*), through the outbox: the entrant's
 * confirmation, a juror's seat and the opening of their round, and the entrants' notice of results.
 * Every message carries a dedupe key naming its event, so a retried step never mails twice; callers
 * pass their transaction, so a message exists exactly when the change that caused it commits.
 */
import { m } from '../../paraglide/messages.js';
import type { Prisma } from '../db/index.ts';
import { absoluteUrl, defineMailTemplate, enqueueMail, safeUrl, type MailLocale } from '../mail/index.ts';

type Pair = { uk: string; en: string };
type Person = { email: string; name: string | null; locale: string };

declare module '../mail/templates.ts' {
	interface MailTemplateData {
		contest_entry_registered: { name?: string | null; year: number; contest: string; nomination: string; title: string; url: string };
		contest_juror_assigned: { name?: string | null; year: number; contest: string; nomination: string; round: string; url: string };
		contest_round_opened: { name?: string | null; year: number; contest: string; nominations: string; round: string; url: string };
		contest_results_published: { name?: string | null; year: number; contest: string; title: string; place: number | null; url: string };
	}
}

const line = (v: unknown, max = 300) => (typeof v === 'string' ? v : v == null ? '' : String(v)).replace(/\s+/g, ' ').trim().slice(0, max);
const greet = (d: Record<string, unknown>, locale: MailLocale) => (line(d.name) ? m.mail_greeting({ name: line(d.name) }, { locale }) : m.mail_greeting_anonymous({}, { locale }));
const localeOf = (p: Person): MailLocale => (p.locale === 'en' ? 'en' : 'uk');
const pick = (p: Pair, locale: MailLocale) => (locale === 'en' ? p.en || p.uk : p.uk || p.en);
const roundName = (round: string, locale: MailLocale) => (round === 'final' ? m.contest_round_final({}, { locale }) : m.contest_round_screening({}, { locale }));

defineMailTemplate('contest_entry_registered', (d, locale) => {
	const o = { locale };
	return {
		subject: m.contest_mail_registered_subject({ year: line(d.year, 4) }, o),
		greeting: greet(d, locale),
		paragraphs: [m.contest_mail_registered_intro({ title: line(d.title), nomination: line(d.nomination), contest: line(d.contest) }, o)],
		action: { label: m.contest_mail_open_contest({}, o), url: safeUrl(d.url) },
		after: [m.contest_mail_registered_after({}, o)]
	};
});

defineMailTemplate('contest_juror_assigned', (d, locale) => {
	const o = { locale };
	return {
		subject: m.contest_mail_juror_subject({ year: line(d.year, 4) }, o),
		greeting: greet(d, locale),
		paragraphs: [m.contest_mail_juror_intro({ nomination: line(d.nomination), round: line(d.round, 60), contest: line(d.contest) }, o), m.contest_jury_blind_hint({}, o)],
		action: { label: m.contest_mail_open_jury({}, o), url: safeUrl(d.url) }
	};
});

defineMailTemplate('contest_round_opened', (d, locale) => {
	const o = { locale };
	return {
		subject: m.contest_mail_round_subject({ year: line(d.year, 4), round: line(d.round, 60) }, o),
		greeting: greet(d, locale),
		paragraphs: [m.contest_mail_round_intro({ round: line(d.round, 60), contest: line(d.contest), nominations: line(d.nominations, 1000) }, o)],
		action: { label: m.contest_mail_open_jury({}, o), url: safeUrl(d.url) }
	};
});

defineMailTemplate('contest_results_published', (d, locale) => {
	const o = { locale };
	const place = typeof d.place === 'number' ? d.place : null;
	return {
		subject: m.contest_mail_results_subject({ year: line(d.year, 4) }, o),
		greeting: greet(d, locale),
		paragraphs: [
			m.contest_mail_results_intro({ contest: line(d.contest) }, o),
			place ? m.contest_mail_results_place({ title: line(d.title), place: String(place) }, o) : m.contest_mail_results_entry({ title: line(d.title) }, o)
		],
		action: { label: m.contest_mail_open_results({}, o), url: safeUrl(d.url) }
	};
});

/** The entrant's confirmation (once per entry). */
export async function sendEntryRegistered(tx: Prisma.TransactionClient, e: { entryId: string; to: Person; year: number; contest: Pair; nomination: Pair; title: string }) {
	const locale = localeOf(e.to);
	await enqueueMail(
		{ to: e.to.email, template: 'contest_entry_registered', locale, dedupeKey: `contest:entry:${e.entryId}:registered`, data: { name: e.to.name, year: e.year, contest: pick(e.contest, locale), nomination: pick(e.nomination, locale), title: e.title, url: absoluteUrl(`/contests/${e.year}`, locale) } },
		tx
	);
}

/** A juror's seat on a panel (once per seat: the seat's row id). */
export async function sendJurorAssigned(tx: Prisma.TransactionClient, s: { seatId: string; to: Person; year: number; contest: Pair; nomination: Pair; round: string }) {
	const locale = localeOf(s.to);
	await enqueueMail(
		{ to: s.to.email, template: 'contest_juror_assigned', locale, dedupeKey: `contest:seat:${s.seatId}:assigned`, data: { name: s.to.name, year: s.year, contest: pick(s.contest, locale), nomination: pick(s.nomination, locale), round: roundName(s.round, locale), url: absoluteUrl(`/contests/${s.year}/jury`, locale) } },
		tx
	);
}

/** A round has opened: one message per juror of that round, naming their nominations (once per contest, round and person). */
export async function sendRoundOpened(tx: Prisma.TransactionClient, r: { contestId: string; to: Person & { id: string }; year: number; contest: Pair; nominations: Pair[]; round: string }) {
	const locale = localeOf(r.to);
	await enqueueMail(
		{ to: r.to.email, template: 'contest_round_opened', locale, dedupeKey: `contest:${r.contestId}:round:${r.round}:${r.to.id}`, data: { name: r.to.name, year: r.year, contest: pick(r.contest, locale), nominations: r.nominations.map((n) => pick(n, locale)).join('; '), round: roundName(r.round, locale), url: absoluteUrl(`/contests/${r.year}/jury`, locale) } },
		tx
	);
}

/** Results are out: one message per entry to the person who registered it (once per entry). */
export async function sendResultsPublished(tx: Prisma.TransactionClient, r: { entryId: string; to: Person; year: number; contest: Pair; title: string; place: number | null }) {
	const locale = localeOf(r.to);
	await enqueueMail(
		{ to: r.to.email, template: 'contest_results_published', locale, dedupeKey: `contest:entry:${r.entryId}:results`, data: { name: r.to.name, year: r.year, contest: pick(r.contest, locale), title: r.title, place: r.place, url: absoluteUrl(`/contests/${r.year}`, locale) } },
		tx
	);
}
