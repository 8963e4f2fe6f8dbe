/**
 * The organiser's setup of a contest (permission contest:manage, checked by the routes): the contest
 * itself, its nominations with weighted criteria, the registration form's own fields, and opening
 * registration. Setup changes only while the contest is a draft or open for registration; a
 * nomination goes only while it has no entries. Refusals are ContestErrors with a code the pages
 * translate. Data come already checked by the zod schemas of forms.ts.
 */
import { db } from '../db/index.ts';
import { fromKyivInputValue, toKyivInputValue } from '../../i18n/datetime.ts';
import { ContestError, readFormFields, type FormField } from './contests.ts';
import { optionsText, type ContestForm, type CriterionForm, type FieldForm, type NominationForm } from './forms.ts';
import { sendJurorAssigned } from './mail.ts';
import { weightShares } from './scoring.ts';

type Locale = string;
const pick = (locale: Locale, uk: string, en: string) => (locale === 'en' ? en || uk : uk || en);
const EDITABLE = new Set(['draft', 'registration']);

async function contestOf(year: number) {
	const c = await db().contest.findUnique({ where: { year } });
	if (!c) throw new ContestError('not_found');
	return c;
}

async function editable(year: number) {
	const c = await contestOf(year);
	if (!EDITABLE.has(c.status)) throw new ContestError('locked');
	return c;
}

async function nominationOf(contestId: string, code: string) {
	const n = await db().contestNomination.findUnique({ where: { contestId_code: { contestId, code } } });
	if (!n) throw new ContestError('not_found');
	return n;
}

function contestData(f: ContestForm) {
	return {
		titleUk: f.titleUk,
		titleEn: f.titleEn,
		descriptionUk: f.descriptionUk,
		descriptionEn: f.descriptionEn,
		registrationOpensAt: fromKyivInputValue(f.registrationOpensAt),
		registrationClosesAt: fromKyivInputValue(f.registrationClosesAt),
		finalistsPerNomination: Number(f.finalistsPerNomination),
		publicVote: f.publicVote
	};
}

/** A new contest, as a draft. */
export async function createContest(f: ContestForm): Promise<number> {
	const year = Number(f.year);
	if (await db().contest.findUnique({ where: { year }, select: { id: true } })) throw new ContestError('year_taken');
	await db().contest.create({ data: { year, ...contestData(f) } });
	return year;
}

/** Changes a contest's details (its year stays: it is the contest's address). */
export async function updateContest(year: number, f: ContestForm): Promise<void> {
	const c = await editable(year);
	await db().contest.update({ where: { id: c.id }, data: contestData(f) });
}

/** Everything the setup pages show, with the texts in both languages for the forms. */
export async function setupView(year: number, locale: Locale) {
	const c = await db().contest.findUnique({
		where: { year },
		include: {
			nominations: {
				orderBy: { position: 'asc' },
				include: { criteria: { orderBy: { position: 'asc' } }, jurors: { select: { round: true } }, _count: { select: { entries: true } } }
			}
		}
	});
	if (!c) return null;
	return {
		year: c.year,
		status: c.status,
		editable: EDITABLE.has(c.status),
		title: pick(locale, c.titleUk, c.titleEn),
		details: {
			year: String(c.year),
			titleUk: c.titleUk,
			titleEn: c.titleEn,
			descriptionUk: c.descriptionUk,
			descriptionEn: c.descriptionEn,
			registrationOpensAt: c.registrationOpensAt ? toKyivInputValue(c.registrationOpensAt) : '',
			registrationClosesAt: c.registrationClosesAt ? toKyivInputValue(c.registrationClosesAt) : '',
			finalistsPerNomination: String(c.finalistsPerNomination),
			publicVote: c.publicVote ? 'on' : ''
		},
		nominations: c.nominations.map((n) => {
			const shares = weightShares(n.criteria.map((x) => x.weight));
			return {
				code: n.code,
				title: pick(locale, n.titleUk, n.titleEn),
				values: { code: n.code, titleUk: n.titleUk, titleEn: n.titleEn, descriptionUk: n.descriptionUk, descriptionEn: n.descriptionEn },
				entries: n._count.entries,
				screeningJurors: n.jurors.filter((j) => j.round === 'screening').length,
				finalJurors: n.jurors.filter((j) => j.round === 'final').length,
				criteria: n.criteria.map((x, i) => ({ id: x.id, title: pick(locale, x.titleUk, x.titleEn), weight: x.weight, maxScore: x.maxScore, share: shares[i]!, values: { titleUk: x.titleUk, titleEn: x.titleEn, weight: String(x.weight), maxScore: String(x.maxScore) } }))
			};
		}),
		fields: readFormFields(c.formFields).map((f) => ({ ...f, label: pick(locale, f.uk, f.en), values: { key: f.id, type: f.type, required: f.required ? 'on' : '', uk: f.uk, en: f.en, options: optionsText(f.options) } }))
	};
}

export async function addNomination(year: number, f: NominationForm): Promise<void> {
	const c = await editable(year);
	if (await db().contestNomination.findUnique({ where: { contestId_code: { contestId: c.id, code: f.code } }, select: { id: true } })) throw new ContestError('code_taken');
	const last = await db().contestNomination.aggregate({ where: { contestId: c.id }, _max: { position: true } });
	await db().contestNomination.create({ data: { contestId: c.id, ...f, position: (last._max.position ?? -1) + 1 } });
}

/** Changes a nomination's titles and descriptions (its code stays: jurors' addresses use it). */
export async function updateNomination(year: number, code: string, f: NominationForm): Promise<void> {
	const c = await editable(year);
	const n = await nominationOf(c.id, code);
	await db().contestNomination.update({ where: { id: n.id }, data: { titleUk: f.titleUk, titleEn: f.titleEn, descriptionUk: f.descriptionUk, descriptionEn: f.descriptionEn } });
}

/**
 * The list with the item at `i` swapped with its neighbour in direction `dir`; null when there is
 * nothing to do (already first or last). Not found (i < 0) is the caller's 404.
 */
function moved<T>(list: T[], i: number, dir: -1 | 1): T[] | null {
	if (i < 0) throw new ContestError('not_found');
	const j = i + dir;
	if (j < 0 || j >= list.length) return null;
	const out = [...list];
	[out[i], out[j]] = [out[j]!, out[i]!];
	return out;
}

/** Moves a nomination one place up (-1) or down (+1). */
export async function moveNomination(year: number, code: string, dir: -1 | 1): Promise<void> {
	const c = await editable(year);
	const all = await db().contestNomination.findMany({ where: { contestId: c.id }, orderBy: { position: 'asc' }, select: { id: true, code: true } });
	const order = moved(all, all.findIndex((n) => n.code === code), dir);
	if (order) await db().$transaction(order.map((n, k) => db().contestNomination.update({ where: { id: n.id }, data: { position: k } })));
}

/** Removes a nomination with its criteria and panels; refused once it has entries. */
export async function removeNomination(year: number, code: string): Promise<void> {
	const c = await editable(year);
	const n = await nominationOf(c.id, code);
	if (await db().contestEntry.count({ where: { nominationId: n.id } })) throw new ContestError('has_entries', pick('uk', n.titleUk, n.titleEn));
	await db().contestNomination.delete({ where: { id: n.id } });
}

export async function addCriterion(year: number, code: string, f: CriterionForm): Promise<void> {
	const c = await editable(year);
	const n = await nominationOf(c.id, code);
	const existing = await db().contestCriterion.findMany({ where: { nominationId: n.id }, select: { code: true, position: true } });
	let k = existing.length + 1;
	while (existing.some((x) => x.code === `k${k}`)) k++;
	await db().contestCriterion.create({ data: { nominationId: n.id, code: `k${k}`, titleUk: f.titleUk, titleEn: f.titleEn, weight: f.weight, maxScore: f.maxScore, position: Math.max(-1, ...existing.map((x) => x.position)) + 1 } });
}

async function criterionOf(year: number, code: string, id: string) {
	const c = await editable(year);
	const n = await nominationOf(c.id, code);
	const x = await db().contestCriterion.findFirst({ where: { id, nominationId: n.id }, select: { id: true, nominationId: true } });
	if (!x) throw new ContestError('not_found');
	return x;
}

export async function updateCriterion(year: number, code: string, id: string, f: CriterionForm): Promise<void> {
	const x = await criterionOf(year, code, id);
	await db().contestCriterion.update({ where: { id: x.id }, data: { titleUk: f.titleUk, titleEn: f.titleEn, weight: f.weight, maxScore: f.maxScore } });
}

/** Moves a criterion one place up (-1) or down (+1) in its nomination (the order jurors' sheets follow). */
export async function moveCriterion(year: number, code: string, id: string, dir: -1 | 1): Promise<void> {
	const x = await criterionOf(year, code, id);
	const all = await db().contestCriterion.findMany({ where: { nominationId: x.nominationId }, orderBy: [{ position: 'asc' }, { code: 'asc' }], select: { id: true } });
	const order = moved(all, all.findIndex((c) => c.id === x.id), dir);
	if (order) await db().$transaction(order.map((c, k) => db().contestCriterion.update({ where: { id: c.id }, data: { position: k } })));
}

export async function removeCriterion(year: number, code: string, id: string): Promise<void> {
	const x = await criterionOf(year, code, id);
	await db().contestCriterion.delete({ where: { id: x.id } });
}

function fieldOf(f: FieldForm): FormField {
	return { id: f.key, type: f.type, required: f.required, uk: f.uk, en: f.en, ...(f.type === 'choice' ? { options: f.options } : {}) };
}

async function saveFields(contestId: string, fields: FormField[]) {
	await db().contest.update({ where: { id: contestId }, data: { formFields: fields as unknown as object[] } });
}

export async function addField(year: number, f: FieldForm): Promise<void> {
	const c = await editable(year);
	const fields = readFormFields(c.formFields);
	if (fields.some((x) => x.id === f.key)) throw new ContestError('key_taken');
	await saveFields(c.id, [...fields, fieldOf(f)]);
}

/** Changes a field's type, labels, options or whether it is required (its key stays: answers use it). */
export async function updateField(year: number, key: string, f: FieldForm): Promise<void> {
	const c = await editable(year);
	const fields = readFormFields(c.formFields);
	const i = fields.findIndex((x) => x.id === key);
	if (i < 0) throw new ContestError('not_found');
	fields[i] = fieldOf({ ...f, key });
	await saveFields(c.id, fields);
}

export async function moveField(year: number, key: string, dir: -1 | 1): Promise<void> {
	const c = await editable(year);
	const fields = readFormFields(c.formFields);
	const order = moved(fields, fields.findIndex((x) => x.id === key), dir);
	if (order) await saveFields(c.id, order);
}

export async function removeField(year: number, key: string): Promise<void> {
	const c = await editable(year);
	const fields = readFormFields(c.formFields);
	if (!fields.some((x) => x.id === key)) throw new ContestError('not_found');
	await saveFields(c.id, fields.filter((x) => x.id !== key));
}

/**
 * Opens a draft for registration. Refused without nominations, when a nomination has no criteria
 * (jurors could not score it) or no screening panel (nobody would), or without both dates.
 */
export async function openRegistration(year: number): Promise<void> {
	const c = await db().contest.findUnique({ where: { year }, include: { nominations: { orderBy: { position: 'asc' }, include: { _count: { select: { criteria: true } }, jurors: { where: { round: 'screening' }, select: { id: true } } } } } });
	if (!c) throw new ContestError('not_found');
	if (c.status !== 'draft') throw new ContestError('locked');
	if (!c.registrationOpensAt || !c.registrationClosesAt || c.registrationClosesAt <= c.registrationOpensAt) throw new ContestError('no_dates');
	if (c.nominations.length === 0) throw new ContestError('no_nominations');
	for (const n of c.nominations) if (n._count.criteria === 0) throw new ContestError('no_criteria', n.titleUk);
	for (const n of c.nominations) if (n.jurors.length === 0) throw new ContestError('no_jurors', n.titleUk);
	await db().contest.update({ where: { id: c.id }, data: { status: 'registration' } });
}

/**
 * Adds a person (by e-mail) to a nomination's panel for a round and mails them, once per seat.
 * Refused for a round that has closed.
 */
export async function seatJuror(year: number, code: string, email: string, round: 'screening' | 'final'): Promise<void> {
	const c = await contestOf(year);
	if (c.status === 'published' || (round === 'screening' && c.screeningClosedAt) || (round === 'final' && c.finalClosedAt)) throw new ContestError('round_closed');
	const n = await nominationOf(c.id, code);
	const u = await db().user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, email: true, name: true, locale: true } });
	if (!u) throw new ContestError('no_user');
	await db().$transaction(async (tx) => {
		const seat =
			(await tx.contestJuror.findUnique({ where: { nominationId_userId_round: { nominationId: n.id, userId: u.id, round } }, select: { id: true } })) ??
			(await tx.contestJuror.create({ data: { nominationId: n.id, userId: u.id, round }, select: { id: true } }));
		await sendJurorAssigned(tx, { seatId: seat.id, to: u, year: c.year, contest: { uk: c.titleUk, en: c.titleEn }, nomination: { uk: n.titleUk, en: n.titleEn }, round });
	});
}

/** Takes a person off a panel; refused once the round has closed (its places rest on that panel). */
export async function removeJuror(year: number, code: string, userId: string, round: 'screening' | 'final'): Promise<void> {
	const c = await contestOf(year);
	if (c.status === 'published' || (round === 'screening' && c.screeningClosedAt) || (round === 'final' && c.finalClosedAt)) throw new ContestError('round_closed');
	const n = await nominationOf(c.id, code);
	const { count } = await db().contestJuror.deleteMany({ where: { nominationId: n.id, userId, round } });
	if (!count) throw new ContestError('not_found');
}

/** People whose e-mail or name contains the text, for the jury picker (at most 10). */
export async function findPeople(q: string): Promise<Array<{ email: string; name: string | null }>> {
	const text = q.trim();
	if (text.length < 2) return [];
	return db().user.findMany({
		where: { OR: [{ email: { contains: text, mode: 'insensitive' } }, { name: { contains: text, mode: 'insensitive' } }] },
		orderBy: { email: 'asc' },
		take: 10,
		select: { email: true, name: true }
	});
}
