import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import type { SessionUser } from '../auth/types.ts';
import { ContestError, closeRound, contestPage, jurorNomination, publishResults, recuse, registerEntry, saveSheet, vote, withdrawRecusal } from './index.ts';

const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 5);
let yearSeq = 3000 + Math.floor(Math.random() * 5000);

function person(name: string): SessionUser {
	return { id: `${name}-${run}`, email: `${name}-${run}@test.maisternia.ua`, name, locale: 'uk', roles: ['learner'], emailVerified: true, memberships: [] };
}

/** A contest in screening: one nomination with two criteria (weights 3 and 1), three entries, a panel of two. */
async function contest(status: 'registration' | 'screening' = 'screening') {
	const year = yearSeq++;
	const c = await db().contest.create({ data: { year, titleUk: `Конкурс ${year}`, titleEn: `Contest ${year}`, status, finalistsPerNomination: 2, publicVote: true, registrationOpensAt: new Date(Date.now() - 86_400_000), registrationClosesAt: new Date(Date.now() + 86_400_000), formFields: [{ id: 'problem', type: 'textarea', required: true, uk: 'Проблема', en: 'Problem' }] } });
	const n = await db().contestNomination.create({ data: { contestId: c.id, code: 'services', titleUk: 'Послуги', titleEn: 'Services' } });
	const other = await db().contestNomination.create({ data: { contestId: c.id, code: 'democracy', titleUk: 'Демократія', titleEn: 'Democracy', position: 1 } });
	const k1 = await db().contestCriterion.create({ data: { nominationId: n.id, code: 'k1', titleUk: 'К1', titleEn: 'C1', weight: 3, maxScore: 10 } });
	const k2 = await db().contestCriterion.create({ data: { nominationId: n.id, code: 'k2', titleUk: 'К2', titleEn: 'C2', weight: 1, maxScore: 10, position: 1 } });
	await db().contestCriterion.create({ data: { nominationId: other.id, code: 'k1', titleUk: 'К1', titleEn: 'C1', weight: 1 } });
	const entries = [];
	for (const t of ['Альфа', 'Бета', 'Гамма']) entries.push(await db().contestEntry.create({ data: { contestId: c.id, nominationId: n.id, submittedById: 'org', organizationName: 'Рада', region: 'UA-05', city: 'Вінниця', title: t, summary: t, answers: { problem: t } } }));
	const otherEntry = await db().contestEntry.create({ data: { contestId: c.id, nominationId: other.id, submittedById: 'org', organizationName: 'Рада', region: 'UA-05', city: 'Вінниця', title: 'Дельта', summary: 'Дельта' } });
	const a = person('juror-a');
	const b = person('juror-b');
	const fin = person('juror-final');
	for (const u of [a, b]) {
		await db().contestJuror.create({ data: { nominationId: n.id, userId: u.id, round: 'screening' } });
		await db().contestJuror.create({ data: { nominationId: other.id, userId: u.id, round: 'screening' } });
	}
	await db().contestJuror.create({ data: { nominationId: n.id, userId: fin.id, round: 'final' } });
	return { year, c, n, other, k1, k2, entries, otherEntry, a, b, fin };
}

describe('blind scoring and recusal', () => {
	it('a juror sees only their own marks while the round is open', async () => {
		const t = await contest();
		await saveSheet(t.year, 'services', t.entries[0]!.id, t.a, { [t.k1.id]: '9', [t.k2.id]: '5' });
		await saveSheet(t.year, 'services', t.entries[0]!.id, t.b, { [t.k1.id]: '2', [t.k2.id]: '2' });
		const view = await jurorNomination(t.year, 'services', t.a, 'uk');
		expect(view.scoring).toBe(true);
		expect(view.entries).toHaveLength(3);
		expect(view.entries[0]!.myMarks).toEqual({ [t.k1.id]: 9, [t.k2.id]: 5 });
		expect(view.closedResults).toEqual([]);
		expect(JSON.stringify(view)).not.toContain(t.b.id);
		const other = await jurorNomination(t.year, 'services', t.b, 'uk');
		expect(other.entries[0]!.myMarks).toEqual({ [t.k1.id]: 2, [t.k2.id]: 2 });
	});

	it('refuses marks out of range and people not on the panel', async () => {
		const t = await contest();
		expect(await saveSheet(t.year, 'services', t.entries[0]!.id, t.a, { [t.k1.id]: '11', [t.k2.id]: '2.5' })).toEqual({ ok: false, bad: [t.k1.id, t.k2.id] });
		await expect(jurorNomination(t.year, 'services', person('stranger'), 'uk')).rejects.toMatchObject({ code: 'forbidden' });
		await expect(saveSheet(t.year, 'services', t.entries[0]!.id, person('stranger'), { [t.k1.id]: '1' })).rejects.toBeInstanceOf(ContestError);
		// The final panel does not score in screening.
		await expect(saveSheet(t.year, 'services', t.entries[0]!.id, t.fin, { [t.k1.id]: '1' })).rejects.toMatchObject({ code: 'closed' });
	});

	it('after a recusal the juror sees none of the nomination’s entries, cannot score, and earlier marks stop counting', async () => {
		const t = await contest();
		await saveSheet(t.year, 'services', t.entries[0]!.id, t.a, { [t.k1.id]: '0', [t.k2.id]: '0' });
		await expect(recuse(t.year, 'services', t.a, ' ')).rejects.toMatchObject({ code: 'invalid' });
		await recuse(t.year, 'services', t.a, 'Працював у міській раді-учасниці');
		const logged = await db().contestRecusal.findMany({ where: { userId: t.a.id } });
		expect(logged.map((r) => r.reason)).toEqual(['Працював у міській раді-учасниці']);
		await expect(jurorNomination(t.year, 'services', t.a, 'uk')).rejects.toMatchObject({ code: 'recused' });
		await expect(saveSheet(t.year, 'services', t.entries[1]!.id, t.a, { [t.k1.id]: '1', [t.k2.id]: '1' })).rejects.toMatchObject({ code: 'recused' });
		// The other nomination is unaffected.
		expect((await jurorNomination(t.year, 'democracy', t.a, 'uk')).entries.map((e) => e.title)).toEqual(['Дельта']);

		await saveSheet(t.year, 'services', t.entries[0]!.id, t.b, { [t.k1.id]: '10', [t.k2.id]: '10' });
		await closeRound(t.year);
		const results = (await jurorNomination(t.year, 'democracy', t.b, 'uk')).closedResults;
		expect(results[0]!.round).toBe('screening');
		const services = await db().contestEntry.findUnique({ where: { id: t.entries[0]!.id } });
		expect(services!.finalist).toBe(true);
	});

	it('an organiser withdraws a recusal while the round is open, with a reason kept in the audit log; never after it closes', async () => {
		const t = await contest();
		await recuse(t.year, 'services', t.a, 'Консультував учасника');
		await expect(withdrawRecusal(t.year, 'services', t.a.id, 'organiser', ' x ')).rejects.toMatchObject({ code: 'invalid' });
		await expect(withdrawRecusal(t.year, 'services', t.b.id, 'organiser', 'Немає самовідводу')).rejects.toMatchObject({ code: 'not_found' });
		await expect(withdrawRecusal(t.year, 'nope', t.a.id, 'organiser', 'Немає номінації')).rejects.toMatchObject({ code: 'not_found' });
		await withdrawRecusal(t.year, 'services', t.a.id, 'organiser', 'Консультація була до конкурсу, конфлікту немає');
		expect(await db().contestRecusal.count({ where: { userId: t.a.id, nominationId: t.n.id } })).toBe(0);
		const audit = await db().auditLog.findFirstOrThrow({ where: { action: 'contest.recusal_withdrawn', targetId: t.n.id } });
		expect(audit).toMatchObject({ actorId: 'organiser', targetType: 'contest_nomination', targetId: t.n.id, before: { reason: 'Консультував учасника' }, data: { year: t.year, code: 'services', reason: 'Консультація була до конкурсу, конфлікту немає' } });
		// The juror sees and scores the nomination again, and the marks count.
		expect((await jurorNomination(t.year, 'services', t.a, 'uk')).entries).toHaveLength(3);
		expect(await saveSheet(t.year, 'services', t.entries[2]!.id, t.a, { [t.k1.id]: '10', [t.k2.id]: '10' })).toEqual({ ok: true });
		await saveSheet(t.year, 'services', t.entries[2]!.id, t.b, { [t.k1.id]: '10', [t.k2.id]: '10' });
		await recuse(t.year, 'services', t.b, 'Родинні зв’язки з учасником');
		await closeRound(t.year);
		expect((await db().contestEntry.findUniqueOrThrow({ where: { id: t.entries[2]!.id } })).finalist).toBe(true);
		// After the round closed, the results stand: no withdrawal.
		await db().contest.update({ where: { id: t.c.id }, data: { status: 'closed' } });
		await expect(withdrawRecusal(t.year, 'services', t.b.id, 'organiser', 'Запізно')).rejects.toMatchObject({ code: 'round_closed' });
		expect(await db().contestRecusal.count({ where: { userId: t.b.id, nominationId: t.n.id } })).toBe(1);
	});
});

describe('rounds, results, public vote', () => {
	it('screening picks finalists, the final panel scores them, results publish and the winner becomes a case', async () => {
		const t = await contest();
		const [alfa, beta, gamma] = t.entries as unknown as [{ id: string }, { id: string }, { id: string }];
		// Screening: alfa (9,9)/(8,8) -> 85; beta (7,7)/(7,7) -> 70; gamma (3,3)/(2,2) -> 25.
		await saveSheet(t.year, 'services', alfa.id, t.a, { [t.k1.id]: '9', [t.k2.id]: '9' });
		await saveSheet(t.year, 'services', alfa.id, t.b, { [t.k1.id]: '8', [t.k2.id]: '8' });
		await saveSheet(t.year, 'services', beta.id, t.a, { [t.k1.id]: '7', [t.k2.id]: '7' });
		await saveSheet(t.year, 'services', beta.id, t.b, { [t.k1.id]: '7', [t.k2.id]: '7' });
		await saveSheet(t.year, 'services', gamma.id, t.a, { [t.k1.id]: '3', [t.k2.id]: '3' });
		await saveSheet(t.year, 'services', gamma.id, t.b, { [t.k1.id]: '2', [t.k2.id]: '2' });
		const voter = person('voter');
		await vote(t.year, gamma.id, voter);
		await expect(vote(t.year, beta.id, voter)).rejects.toMatchObject({ code: 'already_voted' });

		expect(await closeRound(t.year)).toBe('screening');
		const fins = await db().contestEntry.findMany({ where: { contestId: t.c.id, finalist: true }, select: { title: true }, orderBy: { title: 'asc' } });
		expect(fins.map((f) => f.title)).toEqual(['Альфа', 'Бета']);
		// The screening jurors no longer score; the final juror sees only finalists, and beta wins the final.
		await expect(saveSheet(t.year, 'services', alfa.id, t.a, { [t.k1.id]: '1', [t.k2.id]: '1' })).rejects.toMatchObject({ code: 'closed' });
		const finalView = await jurorNomination(t.year, 'services', t.fin, 'uk');
		expect(finalView.entries.map((e) => e.title)).toEqual(['Альфа', 'Бета']);
		await expect(saveSheet(t.year, 'services', gamma.id, t.fin, { [t.k1.id]: '10', [t.k2.id]: '10' })).rejects.toMatchObject({ code: 'not_found' });
		await saveSheet(t.year, 'services', alfa.id, t.fin, { [t.k1.id]: '6', [t.k2.id]: '10' }); // 70
		await saveSheet(t.year, 'services', beta.id, t.fin, { [t.k1.id]: '8', [t.k2.id]: '4' }); // 70: tie, broken by k1 (weight 3)
		await expect(publishResults(t.year)).rejects.toMatchObject({ code: 'round_open' });
		expect(await closeRound(t.year)).toBe('final');
		expect(await publishResults(t.year)).toBe(1);

		const page = await contestPage(t.year, 'uk', null);
		const services = page!.nominations.find((x) => x.code === 'services')!;
		expect(services.results!.final.map((r) => [services.entries.find((e) => e.id === r.entryId)!.title, r.score, r.place, r.decidedBy])).toEqual([
			['Бета', 70, 1, null],
			['Альфа', 70, 2, 2]
		]);
		// The public vote is reported apart and changes no place.
		expect(services.results!.votes[0]).toMatchObject({ entryId: gamma.id, votes: 1, place: 1 });
		const winner = services.entries.find((e) => e.title === 'Бета')!;
		expect(winner.caseSlug).toBeTruthy();
		const made = await db().practiceCase.findUnique({ where: { slug: winner.caseSlug! } });
		expect(made).toMatchObject({ status: 'published', title: 'Бета', problem: 'Бета', region: 'UA-05' });
	});

	it('hides scores from the public page until results are published', async () => {
		const t = await contest();
		await saveSheet(t.year, 'services', t.entries[0]!.id, t.a, { [t.k1.id]: '9', [t.k2.id]: '9' });
		const page = await contestPage(t.year, 'uk', null);
		expect(page!.nominations.every((n) => n.results === null)).toBe(true);
	});

	it('registration checks the contest’s own fields and keeps to the window', async () => {
		const t = await contest('registration');
		const u = person('applicant');
		const bad = await registerEntry(t.year, u, { nominationCode: 'nope', organizationName: '', region: 'UA-99', city: 'Вінниця', title: 'Т', summary: 'С', answers: {} });
		expect(bad).toEqual({ ok: false, errors: { organizationName: 'required', nominationCode: 'required', region: 'required', q_problem: 'required' } });
		const ok = await registerEntry(t.year, u, { nominationCode: 'services', organizationName: 'Рада', region: 'UA-05', city: 'Вінниця', title: 'Т', summary: 'С', answers: { problem: 'П', ignored: 'x' } });
		expect(ok.ok).toBe(true);
		const row = await db().contestEntry.findFirst({ where: { submittedById: u.id } });
		expect(row!.answers).toEqual({ problem: 'П' });
		await db().contest.update({ where: { id: t.c.id }, data: { registrationClosesAt: new Date(Date.now() - 1000) } });
		await expect(registerEntry(t.year, u, { nominationCode: 'services', organizationName: 'Рада', region: 'UA-05', city: 'Вінниця', title: 'Т', summary: 'С', answers: { problem: 'П' } })).rejects.toMatchObject({ code: 'closed' });
	});
});
