/**
 * The contest of best-practice cases: registration, jury work (blind scoring, recusals), rounds,
 * results, the public vote, and winners published as cases. The arithmetic is in scoring.ts.
 */
import { db } from '../db/index.ts';
import type { SessionUser } from '../auth/types.ts';
import { can } from '../auth/permissions.ts';
import { isRegion, regionName } from '../cases/regions.ts';
import { contestResults } from './results.ts';
import { FIELD_TYPES, type ChoiceOption, type FieldType } from './forms.ts';
import { sendEntryRegistered } from './mail.ts';
import { weightShares } from './scoring.ts';

type Locale = string;
const pick = (locale: Locale, uk: string, en: string) => (locale === 'en' ? en || uk : uk || en);

export type { ContestRound } from './results.ts';
import type { ContestRound } from './results.ts';

export interface FormField {
	id: string;
	type: FieldType;
	required: boolean;
	uk: string;
	en: string;
	/** Choice fields only. */
	options?: ChoiceOption[];
}

export type ContestErrorCode =
	| 'not_found' | 'closed' | 'forbidden' | 'recused' | 'invalid' | 'round_open' | 'vote_closed' | 'already_voted'
	// The organiser's setup (setup.ts):
	| 'locked' | 'year_taken' | 'code_taken' | 'key_taken' | 'has_entries' | 'no_nominations' | 'no_criteria' | 'no_jurors' | 'no_dates' | 'round_closed' | 'no_user';

export class ContestError extends Error {
	/** `detail` names what the refusal is about (e.g. the nomination without criteria). */
	constructor(readonly code: ContestErrorCode, readonly detail = '') {
		super(detail ? `${code}: ${detail}` : code);
	}
}

export function readFormFields(json: unknown): FormField[] {
	if (!Array.isArray(json)) return [];
	return json.filter((f): f is FormField => !!f && typeof f === 'object' && typeof (f as FormField).id === 'string' && (FIELD_TYPES as readonly string[]).includes((f as FormField).type));
}

/** The round jurors work in now, from the contest's state. */
export function currentRound(status: string): ContestRound | null {
	return status === 'screening' ? 'screening' : status === 'final' ? 'final' : null;
}

/** Contests for the list page; drafts only for organisers (`drafts`). */
export async function listContests(locale: Locale, drafts = false) {
	const rows = await db().contest.findMany({
		where: drafts ? {} : { status: { not: 'draft' } },
		orderBy: { year: 'desc' },
		select: { year: true, titleUk: true, titleEn: true, descriptionUk: true, descriptionEn: true, status: true, registrationClosesAt: true, _count: { select: { entries: true, nominations: true } } }
	});
	return rows.map((c) => ({ year: c.year, title: pick(locale, c.titleUk, c.titleEn), description: pick(locale, c.descriptionUk, c.descriptionEn), status: c.status, registrationClosesAt: c.registrationClosesAt, entries: c._count.entries, nominations: c._count.nominations }));
}

async function contestByYear(year: number) {
	return db().contest.findUnique({ where: { year }, include: { nominations: { orderBy: { position: 'asc' }, include: { criteria: { orderBy: { position: 'asc' } } } } } });
}

export function registrationOpen(c: { status: string; registrationOpensAt: Date | null; registrationClosesAt: Date | null }, now = new Date()): boolean {
	return c.status === 'registration' && (!c.registrationOpensAt || c.registrationOpensAt <= now) && (!c.registrationClosesAt || now < c.registrationClosesAt);
}

/** The public page of a contest: nominations with their weighted criteria, entries, and results once published. */
export async function contestPage(year: number, locale: Locale, user: SessionUser | null) {
	const c = await contestByYear(year);
	if (!c || c.status === 'draft') return null;
	const published = c.status === 'published';
	const entries = await db().contestEntry.findMany({
		where: { contestId: c.id, status: 'submitted' },
		orderBy: { createdAt: 'asc' },
		select: { id: true, nominationId: true, title: true, organizationName: true, city: true, region: true, finalist: true, caseId: true }
	});
	const myJury = user ? await db().contestJuror.findMany({ where: { userId: user.id, nomination: { contestId: c.id } }, select: { nominationId: true } }) : [];
	const voting = c.publicVote && (c.status === 'screening' || c.status === 'final');
	const myVotes = user && voting ? await db().contestVote.findMany({ where: { userId: user.id, nominationId: { in: c.nominations.map((n) => n.id) } }, select: { nominationId: true, entryId: true } }) : [];
	const results = published ? await contestResults(c.id) : null;
	const caseSlugs = new Map((await db().practiceCase.findMany({ where: { id: { in: entries.map((e) => e.caseId).filter((x): x is string => !!x) } }, select: { id: true, slug: true } })).map((x) => [x.id, x.slug]));
	return {
		contest: {
			year: c.year,
			title: pick(locale, c.titleUk, c.titleEn),
			description: pick(locale, c.descriptionUk, c.descriptionEn),
			status: c.status,
			registrationOpen: registrationOpen(c),
			registrationClosesAt: c.registrationClosesAt,
			publicVote: c.publicVote,
			voting,
			finalistsPerNomination: c.finalistsPerNomination
		},
		isJuror: myJury.length > 0,
		canManage: can(user, 'contest:manage'),
		nominations: c.nominations.map((n) => {
			const shares = weightShares(n.criteria.map((x) => x.weight));
			const res = results?.get(n.id);
			return {
				id: n.id,
				code: n.code,
				title: pick(locale, n.titleUk, n.titleEn),
				description: pick(locale, n.descriptionUk, n.descriptionEn),
				criteria: n.criteria.map((x, i) => ({ title: pick(locale, x.titleUk, x.titleEn), share: shares[i]!, maxScore: x.maxScore })),
				myVote: myVotes.find((v) => v.nominationId === n.id)?.entryId ?? null,
				entries: entries
					.filter((e) => e.nominationId === n.id)
					.map((e) => ({ id: e.id, title: e.title, organizationName: e.organizationName, city: e.city, region: regionName(e.region, locale), finalist: e.finalist, caseSlug: e.caseId ? (caseSlugs.get(e.caseId) ?? null) : null })),
				results: res ?? null
			};
		})
	};
}

export interface EntryInput {
	nominationCode: string;
	organizationName: string;
	region: string;
	city: string;
	title: string;
	summary: string;
	answers: Record<string, string>;
}

export type EntryErrors = Partial<Record<string, 'required' | 'invalid' | 'too_long'>>;

function isHttpUrl(v: string): boolean {
	if (/\s/.test(v)) return false;
	try {
		const u = new URL(v);
		return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.');
	} catch {
		return false;
	}
}

/** An answer as stored: a ticked box is "yes", numbers keep a dot. */
function storedAnswer(f: FormField, v: string): string {
	return f.type === 'boolean' ? 'yes' : f.type === 'number' ? v.replace(',', '.') : v;
}

/** An answer as a reader sees it (choice labels, yes for a ticked box). */
export function answerText(f: FormField | undefined, v: string, locale: Locale, yes: string): string {
	if (f?.type === 'boolean') return yes;
	if (f?.type === 'choice') {
		const o = f.options?.find((x) => x.value === v);
		return o ? pick(locale, o.uk, o.en) : v;
	}
	return v;
}

/** Checks a registration form against the contest's own fields. */
export function checkEntry(input: EntryInput, fields: FormField[], nominationCodes: string[]): EntryErrors {
	const errors: EntryErrors = {};
	const need = (k: keyof EntryInput, max = 300) => {
		const v = String(input[k] ?? '').trim();
		if (!v) errors[k] = 'required';
		else if (v.length > max) errors[k] = 'too_long';
	};
	need('organizationName');
	need('city', 100);
	need('title');
	need('summary', 5000);
	if (!nominationCodes.includes(input.nominationCode)) errors.nominationCode = 'required';
	if (!isRegion(input.region)) errors.region = 'required';
	for (const f of fields) {
		const v = (input.answers[f.id] ?? '').trim();
		if (!v) {
			if (f.required) errors[`q_${f.id}`] = 'required';
			continue;
		}
		if (v.length > 5000) errors[`q_${f.id}`] = 'too_long';
		else if (f.type === 'number' && !/^-?\d+([.,]\d+)?$/.test(v)) errors[`q_${f.id}`] = 'invalid';
		else if (f.type === 'url' && !isHttpUrl(v)) errors[`q_${f.id}`] = 'invalid';
		else if (f.type === 'boolean' && v !== 'on' && v !== 'yes') errors[`q_${f.id}`] = 'invalid';
		else if (f.type === 'choice' && !(f.options ?? []).some((o) => o.value === v)) errors[`q_${f.id}`] = 'invalid';
	}
	return errors;
}

export async function registrationForm(year: number, locale: Locale) {
	const c = await contestByYear(year);
	if (!c || c.status === 'draft') return null;
	return {
		year: c.year,
		title: pick(locale, c.titleUk, c.titleEn),
		open: registrationOpen(c),
		nominations: c.nominations.map((n) => ({ code: n.code, title: pick(locale, n.titleUk, n.titleEn) })),
		fields: localFields(readFormFields(c.formFields), locale)
	};
}

/** The contest's own fields as an entrant sees them (also the organiser's preview). */
export function localFields(fields: FormField[], locale: Locale) {
	return fields.map((f) => ({ id: f.id, type: f.type, required: f.required, label: pick(locale, f.uk, f.en), options: (f.options ?? []).map((o) => ({ value: o.value, label: pick(locale, o.uk, o.en) })) }));
}

export async function registerEntry(year: number, user: SessionUser, input: EntryInput): Promise<{ ok: true; id: string } | { ok: false; errors: EntryErrors }> {
	const c = await contestByYear(year);
	if (!c) throw new ContestError('not_found');
	if (!registrationOpen(c)) throw new ContestError('closed');
	const fields = readFormFields(c.formFields);
	const errors = checkEntry(input, fields, c.nominations.map((n) => n.code));
	if (Object.keys(errors).length) return { ok: false, errors };
	const nomination = c.nominations.find((n) => n.code === input.nominationCode)!;
	const answers: Record<string, string> = {};
	for (const f of fields) if (input.answers[f.id]?.trim()) answers[f.id] = storedAnswer(f, input.answers[f.id]!.trim());
	const entry = await db().$transaction(async (tx) => {
		const row = await tx.contestEntry.create({
			data: {
				contestId: c.id,
				nominationId: nomination.id,
				submittedById: user.id,
				organizationName: input.organizationName.trim(),
				region: input.region,
				city: input.city.trim(),
				title: input.title.trim(),
				summary: input.summary.trim(),
				answers
			}
		});
		// The confirmation is stored with the entry, so it exists exactly when the entry does.
		await sendEntryRegistered(tx, { entryId: row.id, to: user, year: c.year, contest: { uk: c.titleUk, en: c.titleEn }, nomination: { uk: nomination.titleUk, en: nomination.titleEn }, title: row.title });
		return row;
	});
	return { ok: true, id: entry.id };
}

/** Entries a person registered (their own page). */
export async function myEntries(userId: string, locale: Locale) {
	const rows = await db().contestEntry.findMany({
		where: { submittedById: userId },
		orderBy: { createdAt: 'desc' },
		select: { id: true, title: true, status: true, finalist: true, contest: { select: { year: true, titleUk: true, titleEn: true } }, nomination: { select: { titleUk: true, titleEn: true } } }
	});
	return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, finalist: r.finalist, year: r.contest.year, contest: pick(locale, r.contest.titleUk, r.contest.titleEn), nomination: pick(locale, r.nomination.titleUk, r.nomination.titleEn) }));
}

export async function vote(year: number, entryId: string, user: SessionUser): Promise<void> {
	const c = await db().contest.findUnique({ where: { year }, select: { id: true, status: true, publicVote: true } });
	if (!c) throw new ContestError('not_found');
	if (!c.publicVote || (c.status !== 'screening' && c.status !== 'final')) throw new ContestError('vote_closed');
	const entry = await db().contestEntry.findFirst({ where: { id: entryId, contestId: c.id, status: 'submitted' }, select: { id: true, nominationId: true } });
	if (!entry) throw new ContestError('not_found');
	const existing = await db().contestVote.findUnique({ where: { nominationId_userId: { nominationId: entry.nominationId, userId: user.id } }, select: { id: true } });
	if (existing) throw new ContestError('already_voted');
	await db().contestVote.create({ data: { entryId: entry.id, nominationId: entry.nominationId, userId: user.id } });
}
