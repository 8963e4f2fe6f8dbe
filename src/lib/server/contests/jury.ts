/**
 * The jury's side. A juror sees a nomination's entries only while on its panel for the current round
 * and not recused from it (permission contest:judge); a juror sees only their own marks until the
 * round closes; after it closes, the round's places with scores. Recusal is logged with its reason
 * and covers the whole nomination (both rounds); only an organiser can withdraw it, with a reason,
 * while a round is open (audited).
 */
import { db } from '../db/index.ts';
import type { SessionUser } from '../auth/types.ts';
import { can } from '../auth/permissions.ts';
import { m } from '../../paraglide/messages.js';
import { ContestError, answerText, currentRound, readFormFields, type ContestRound } from './contests.ts';
import { contestResults } from './results.ts';
import { finalists } from './scoring.ts';
import { recordAudit } from '../identity/audit.ts';
import { publishCaseFromEntry } from '../cases/cases.ts';
import type { Prisma } from '../db/index.ts';
import { sendResultsPublished, sendRoundOpened } from './mail.ts';

type Locale = string;
const pick = (locale: Locale, uk: string, en: string) => (locale === 'en' ? en || uk : uk || en);

/** The nominations where a person sits on a panel of a contest, with their recusals. */
export async function jurorHome(year: number, user: SessionUser, locale: Locale) {
	const c = await db().contest.findUnique({ where: { year }, select: { id: true, status: true, titleUk: true, titleEn: true, screeningClosedAt: true, finalClosedAt: true } });
	if (!c) return null;
	const seats = await db().contestJuror.findMany({
		where: { userId: user.id, nomination: { contestId: c.id } },
		select: { round: true, nomination: { select: { id: true, code: true, titleUk: true, titleEn: true, position: true } } },
		orderBy: { nomination: { position: 'asc' } }
	});
	const recusals = await db().contestRecusal.findMany({ where: { userId: user.id, nomination: { contestId: c.id } }, select: { nominationId: true, reason: true, createdAt: true } });
	const round = currentRound(c.status);
	return {
		year,
		title: pick(locale, c.titleUk, c.titleEn),
		status: c.status,
		round,
		seats: seats.map((s) => {
			const r = recusals.find((x) => x.nominationId === s.nomination.id);
			return { code: s.nomination.code, title: pick(locale, s.nomination.titleUk, s.nomination.titleEn), round: s.round, current: s.round === round, recused: !!r, reason: r?.reason ?? null };
		})
	};
}

async function seat(year: number, code: string, userId: string) {
	const c = await db().contest.findUnique({ where: { year }, select: { id: true, status: true, screeningClosedAt: true, finalClosedAt: true } });
	if (!c) throw new ContestError('not_found');
	const n = await db().contestNomination.findUnique({
		where: { contestId_code: { contestId: c.id, code } },
		select: { id: true, titleUk: true, titleEn: true, criteria: { orderBy: { position: 'asc' }, select: { id: true, titleUk: true, titleEn: true, weight: true, maxScore: true } } }
	});
	if (!n) throw new ContestError('not_found');
	const seats = await db().contestJuror.findMany({ where: { nominationId: n.id, userId }, select: { round: true } });
	const recused = !!(await db().contestRecusal.findUnique({ where: { nominationId_userId: { nominationId: n.id, userId } }, select: { id: true } }));
	return { c, n, rounds: seats.map((s) => s.round as ContestRound), recused };
}

/**
 * A nomination as one juror sees it: in the current round, the entries to score with the juror's own
 * marks only; once a round is closed, its places and scores. Refused (ContestError 'forbidden') when
 * not on the panel, 'recused' after a recusal.
 */
export async function jurorNomination(year: number, code: string, user: SessionUser, locale: Locale) {
	const { c, n, rounds, recused } = await seat(year, code, user.id);
	if (rounds.length === 0 || !can(user, 'contest:judge', { jury: { member: true, recused } })) throw new ContestError(recused ? 'recused' : 'forbidden');
	const fields = new Map(readFormFields((await db().contest.findUnique({ where: { id: c.id }, select: { formFields: true } }))?.formFields).map((f) => [f.id, f]));
	const yes = m.contest_answer_yes({}, { locale: locale === 'en' ? 'en' : 'uk' });
	const round = currentRound(c.status);
	const scoring = round !== null && rounds.includes(round);
	const entries = await db().contestEntry.findMany({
		where: { nominationId: n.id, status: 'submitted', ...(round === 'final' ? { finalist: true } : {}) },
		orderBy: { createdAt: 'asc' },
		select: { id: true, title: true, summary: true, organizationName: true, city: true, region: true, answers: true }
	});
	const mine = scoring ? await db().contestScore.findMany({ where: { userId: user.id, round: round!, entryId: { in: entries.map((e) => e.id) } }, select: { entryId: true, criterionId: true, value: true } }) : [];
	// Results of rounds that have closed, only for rounds this juror sat on.
	const closed: ContestRound[] = [];
	if (c.screeningClosedAt && rounds.includes('screening')) closed.push('screening');
	if (c.finalClosedAt && rounds.includes('final')) closed.push('final');
	let closedResults: Array<{ round: ContestRound; rows: Array<{ entryId: string; title: string; score: number | null; place: number | null; sheets: number }> }> = [];
	if (closed.length) {
		const all = (await contestResults(c.id)).get(n.id)!;
		const titles = new Map((await db().contestEntry.findMany({ where: { nominationId: n.id }, select: { id: true, title: true } })).map((e) => [e.id, e.title]));
		closedResults = closed.map((r) => ({ round: r, rows: all[r].map((x) => ({ entryId: x.entryId, title: titles.get(x.entryId) ?? '', score: x.score, place: x.place, sheets: x.sheets })) }));
	}
	return {
		year,
		code,
		title: pick(locale, n.titleUk, n.titleEn),
		round,
		scoring,
		criteria: n.criteria.map((x) => ({ id: x.id, title: pick(locale, x.titleUk, x.titleEn), weight: x.weight, maxScore: x.maxScore })),
		entries: scoring
			? entries.map((e) => ({
					id: e.id,
					title: e.title,
					summary: e.summary,
					organizationName: e.organizationName,
					city: e.city,
					answers: Object.entries(e.answers as Record<string, string>).map(([id, value]) => {
						const f = fields.get(id);
						return { label: f ? pick(locale, f.uk, f.en) : id, value: answerText(f, value, locale, yes) };
					}),
					myMarks: Object.fromEntries(mine.filter((mk) => mk.entryId === e.id).map((mk) => [mk.criterionId, mk.value]))
				}))
			: [],
		closedResults
	};
}

/** Saves one juror's marks for one entry in the current round. */
export async function saveSheet(year: number, code: string, entryId: string, user: SessionUser, marks: Record<string, string>): Promise<{ ok: true } | { ok: false; bad: string[] }> {
	const { c, n, rounds, recused } = await seat(year, code, user.id);
	if (!can(user, 'contest:judge', { jury: { member: rounds.length > 0, recused } })) throw new ContestError(recused ? 'recused' : 'forbidden');
	const round = currentRound(c.status);
	if (!round || !rounds.includes(round)) throw new ContestError('closed');
	const entry = await db().contestEntry.findFirst({ where: { id: entryId, nominationId: n.id, status: 'submitted', ...(round === 'final' ? { finalist: true } : {}) }, select: { id: true } });
	if (!entry) throw new ContestError('not_found');
	const bad: string[] = [];
	const values = new Map<string, number>();
	for (const cr of n.criteria) {
		const raw = (marks[cr.id] ?? '').trim();
		if (raw === '') continue;
		const v = Number(raw);
		if (!Number.isInteger(v) || v < 0 || v > cr.maxScore) bad.push(cr.id);
		else values.set(cr.id, v);
	}
	if (bad.length) return { ok: false, bad };
	await db().$transaction(async (tx) => {
		for (const [criterionId, value] of values) {
			await tx.contestScore.upsert({
				where: { entryId_criterionId_userId_round: { entryId, criterionId, userId: user.id, round } },
				create: { entryId, criterionId, userId: user.id, round, value },
				update: { value }
			});
		}
	});
	return { ok: true };
}

/** Declares a conflict of interest: logged with its reason; the juror's marks in the nomination stop counting. */
export async function recuse(year: number, code: string, user: SessionUser, reason: string): Promise<void> {
	const { n, rounds } = await seat(year, code, user.id);
	if (rounds.length === 0) throw new ContestError('forbidden');
	const text = reason.trim();
	if (text.length < 3 || text.length > 1000) throw new ContestError('invalid');
	await db().contestRecusal.upsert({ where: { nominationId_userId: { nominationId: n.id, userId: user.id } }, create: { nominationId: n.id, userId: user.id, reason: text }, update: {} });
}

/**
 * An organiser withdraws a juror's recusal (declared by mistake, or the conflict has gone) while a
 * round is open: the juror sees and scores the nomination again and their marks count. The
 * declaration, its date and reason, and the organiser's reason stay in the audit log.
 */
export async function withdrawRecusal(year: number, code: string, userId: string, actorId: string | null, reason: string): Promise<void> {
	const c = await db().contest.findUnique({ where: { year }, select: { id: true, status: true } });
	if (!c) throw new ContestError('not_found');
	if (!currentRound(c.status)) throw new ContestError('round_closed');
	const n = await db().contestNomination.findUnique({ where: { contestId_code: { contestId: c.id, code } }, select: { id: true } });
	if (!n) throw new ContestError('not_found');
	const text = reason.trim();
	if (text.length < 3 || text.length > 1000) throw new ContestError('invalid');
	await db().$transaction(async (tx) => {
		const r = await tx.contestRecusal.findUnique({ where: { nominationId_userId: { nominationId: n.id, userId } }, select: { id: true, reason: true, createdAt: true } });
		if (!r) throw new ContestError('not_found');
		await tx.contestRecusal.delete({ where: { id: r.id } });
		await recordAudit(tx, {
			actorId,
			action: 'contest.recusal_withdrawn',
			targetType: 'contest_nomination',
			targetId: n.id,
			subjectUserId: userId,
			before: { reason: r.reason, declaredAt: r.createdAt.toISOString() },
			data: { year, code, reason: text }
		});
	});
}

/**
 * Closes the current round: after screening, the first `finalistsPerNomination` of each nomination
 * (and all sharing the last place) become finalists and the final opens (its jurors are mailed);
 * after the final, the contest waits for publication. `mail: false` is for the demo seed's history.
 */
export async function closeRound(year: number, opts: { mail?: boolean } = {}): Promise<ContestRound> {
	const c = await db().contest.findUnique({ where: { year }, select: { id: true, status: true, finalistsPerNomination: true } });
	if (!c) throw new ContestError('not_found');
	const round = currentRound(c.status);
	if (!round) throw new ContestError('closed');
	if (round === 'screening') {
		const results = await contestResults(c.id);
		const ids = [...results.values()].flatMap((r) => finalists(r.screening, c.finalistsPerNomination));
		await db().$transaction(async (tx) => {
			await tx.contestEntry.updateMany({ where: { contestId: c.id }, data: { finalist: false } });
			await tx.contestEntry.updateMany({ where: { id: { in: ids } }, data: { finalist: true } });
			await tx.contest.update({ where: { id: c.id }, data: { status: 'final', screeningClosedAt: new Date() } });
			if (opts.mail !== false) await mailRoundOpened(tx, c.id, 'final');
		});
	} else {
		await db().contest.update({ where: { id: c.id }, data: { status: 'closed', finalClosedAt: new Date() } });
	}
	return round;
}

/** Opens screening after registration (no new entries from then on). */
export async function startScreening(year: number): Promise<void> {
	const c = await db().contest.findUnique({ where: { year }, select: { id: true, status: true } });
	if (!c || c.status !== 'registration') throw new ContestError('closed');
	await db().$transaction(async (tx) => {
		await tx.contest.update({ where: { id: c.id }, data: { status: 'screening' } });
		await mailRoundOpened(tx, c.id, 'screening');
	});
}

/** Tells each juror of a round (not recused) that it has opened: one message per person, naming their nominations. */
async function mailRoundOpened(tx: Prisma.TransactionClient, contestId: string, round: ContestRound): Promise<void> {
	const c = await tx.contest.findUniqueOrThrow({ where: { id: contestId }, select: { id: true, year: true, titleUk: true, titleEn: true } });
	const seats = await tx.contestJuror.findMany({
		where: { round, nomination: { contestId } },
		orderBy: { nomination: { position: 'asc' } },
		select: { userId: true, nomination: { select: { titleUk: true, titleEn: true, recusals: { select: { userId: true } } } } }
	});
	const byUser = new Map<string, Array<{ uk: string; en: string }>>();
	for (const s of seats) {
		if (s.nomination.recusals.some((r) => r.userId === s.userId)) continue;
		byUser.set(s.userId, [...(byUser.get(s.userId) ?? []), { uk: s.nomination.titleUk, en: s.nomination.titleEn }]);
	}
	const people = await tx.user.findMany({ where: { id: { in: [...byUser.keys()] } }, select: { id: true, email: true, name: true, locale: true } });
	for (const p of people) await sendRoundOpened(tx, { contestId: c.id, to: p, year: c.year, contest: { uk: c.titleUk, en: c.titleEn }, nominations: byUser.get(p.id)!, round });
}

/** What an organiser sees: panels and how far each juror got, recusals with reasons. */
export async function manageView(year: number, locale: Locale) {
	const c = await db().contest.findUnique({
		where: { year },
		select: {
			id: true, year: true, status: true, titleUk: true, titleEn: true, publicVote: true, finalistsPerNomination: true, screeningClosedAt: true, finalClosedAt: true,
			nominations: { orderBy: { position: 'asc' }, select: { id: true, code: true, titleUk: true, titleEn: true, jurors: { select: { userId: true, round: true } }, recusals: { select: { userId: true, reason: true, createdAt: true } }, _count: { select: { entries: true } } } }
		}
	});
	if (!c) return null;
	const userIds = [...new Set(c.nominations.flatMap((n) => [...n.jurors.map((j) => j.userId), ...n.recusals.map((r) => r.userId)]))];
	const people = new Map((await db().user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } })).map((u) => [u.id, u]));
	const users = new Map([...people].map(([id, u]) => [id, u.name || u.email]));
	const sheets = await db().contestScore.groupBy({ by: ['userId', 'round'], where: { entry: { contestId: c.id } }, _count: { _all: true } });
	return {
		year: c.year,
		status: c.status,
		title: pick(locale, c.titleUk, c.titleEn),
		screeningClosed: !!c.screeningClosedAt,
		finalClosed: !!c.finalClosedAt,
		nominations: c.nominations.map((n) => ({
			code: n.code,
			title: pick(locale, n.titleUk, n.titleEn),
			entries: n._count.entries,
			jurors: n.jurors.map((j) => ({ userId: j.userId, email: people.get(j.userId)?.email ?? '', name: users.get(j.userId) ?? j.userId, round: j.round, marks: sheets.find((s) => s.userId === j.userId && s.round === j.round)?._count._all ?? 0 })),
			recusals: n.recusals.map((r) => ({ userId: r.userId, name: users.get(r.userId) ?? r.userId, reason: r.reason, at: r.createdAt }))
		}))
	};
}

/**
 * Publishes the results of a closed contest: places and scores become public, and each nomination's
 * winners (first place of the final; all of them when they share it) become published cases; every
 * entrant is mailed (once per entry). `mail: false` is for the demo seed's history.
 */
export async function publishResults(year: number, opts: { mail?: boolean } = {}): Promise<number> {
	const c = await db().contest.findUnique({ where: { year }, select: { id: true, status: true, year: true, titleUk: true, titleEn: true } });
	if (!c) throw new ContestError('not_found');
	if (c.status !== 'closed') throw new ContestError('round_open');
	const results = await contestResults(c.id);
	const winners = [...results.values()].flatMap((r) => r.final.filter((x) => x.place === 1).map((x) => x.entryId));
	const places = new Map([...results.values()].flatMap((r) => r.final.map((x) => [x.entryId, x.place] as const)));
	const entries = await db().contestEntry.findMany({ where: { id: { in: winners }, caseId: null } });
	const all = await db().contestEntry.findMany({ where: { contestId: c.id, status: 'submitted' }, select: { id: true, title: true, submittedById: true } });
	const people = new Map((await db().user.findMany({ where: { id: { in: [...new Set(all.map((e) => e.submittedById))] } }, select: { id: true, email: true, name: true, locale: true } })).map((u) => [u.id, u]));
	let made = 0;
	await db().$transaction(async (tx) => {
		for (const e of entries) {
			const caseId = await publishCaseFromEntry(tx, { ...e, year: c.year, answers: e.answers as Record<string, string> });
			await tx.contestEntry.update({ where: { id: e.id }, data: { caseId } });
			made++;
		}
		await tx.contest.update({ where: { id: c.id }, data: { status: 'published', publishedAt: new Date() } });
		for (const e of opts.mail === false ? [] : all) {
			const to = people.get(e.submittedById);
			if (to) await sendResultsPublished(tx, { entryId: e.id, to, year: c.year, contest: { uk: c.titleUk, en: c.titleEn }, title: e.title, place: places.get(e.id) ?? null });
		}
	});
	return made;
}
