import { describe, expect, it } from 'vitest';
import { db } from '../db/index.ts';
import type { SessionUser } from '../auth/types.ts';
import {
	addCriterion,
	addField,
	addNomination,
	checkEntry,
	closeRound,
	contestSchema,
	createContest,
	criterionSchema,
	fieldSchema,
	moveField,
	moveNomination,
	openRegistration,
	parseForm,
	publishResults,
	registerEntry,
	registrationForm,
	removeCriterion,
	moveCriterion,
	removeJuror,
	removeNomination,
	saveSheet,
	seatJuror,
	setupView,
	startScreening,
	updateContest,
	weightShares
} from './index.ts';

/**
 * The organiser's setup: the forms' validation (zod, translated), weights and their shares, opening
 * registration only when every nomination can be scored, and the contest's mail queued once per event.
 */
const run = Date.now().toString(36) + Math.random().toString(36).slice(2, 5);
let yearSeq = 2100 + Math.floor(Math.random() * 850);

async function person(name: string, locale = 'uk'): Promise<SessionUser> {
	const u = await db().user.create({ data: { email: `${name}-${run}@test.maisternia.ua`, name, locale } });
	return { id: u.id, email: u.email, name, locale, roles: ['learner'], emailVerified: true, memberships: [] };
}

const outbox = (to: string, template: string) => db().outboxMessage.findMany({ where: { to, template } });

const details = (year: number, over: Record<string, string> = {}) => ({
	year: String(year),
	titleUk: `Конкурс ${year}`,
	titleEn: `Contest ${year}`,
	descriptionUk: '',
	descriptionEn: '',
	registrationOpensAt: '2026-01-01T09:00',
	registrationClosesAt: `${year}-12-31T18:00`,
	finalistsPerNomination: '1',
	...over
});

function valid<T>(r: { ok: true; data: T } | { ok: false; errors: Record<string, string> }): T {
	if (!r.ok) throw new Error(JSON.stringify(r.errors));
	return r.data;
}

/** A draft with one nomination of two criteria (weights 3 and 1). */
async function draft() {
	const year = yearSeq++;
	await createContest(valid(parseForm(contestSchema, details(year))));
	await addNomination(year, { code: 'services', titleUk: 'Послуги', titleEn: 'Services', descriptionUk: '', descriptionEn: '' });
	await addCriterion(year, 'services', valid(parseForm(criterionSchema, { titleUk: 'Інноваційність', titleEn: 'Innovation', weight: '3', maxScore: '10' })));
	await addCriterion(year, 'services', valid(parseForm(criterionSchema, { titleUk: 'Результати', titleEn: 'Results', weight: '1', maxScore: '5' })));
	await addField(year, valid(parseForm(fieldSchema, { key: 'users', type: 'number', required: 'on', uk: 'Користувачів за рік', en: 'Users a year' })));
	return year;
}

describe('setup forms (zod)', () => {
	it('keeps what was typed and gives one translated error per field', () => {
		const bad = parseForm(contestSchema, details(2100, { year: '99', titleUk: '  ', registrationOpensAt: 'завтра', finalistsPerNomination: '0' }));
		expect(bad.ok).toBe(false);
		if (bad.ok) return;
		expect(bad.values.year).toBe('99');
		expect(Object.keys(bad.errors).sort()).toEqual(['finalistsPerNomination', 'registrationOpensAt', 'titleUk', 'year']);
		expect(bad.errors.year).toMatch(/чотири цифри/);
		const late = parseForm(contestSchema, details(2100, { registrationOpensAt: '2100-05-01T10:00', registrationClosesAt: '2100-05-01T10:00' }));
		expect(late.ok ? null : late.errors).toEqual({ registrationClosesAt: expect.stringMatching(/пізніше/) });
		const fine = valid(parseForm(contestSchema, details(2100, { publicVote: 'on' })));
		expect(fine.publicVote).toBe(true);
	});

	it('weights must be positive; a comma is a decimal point; the highest mark is 1..100', () => {
		const w = (weight: string, maxScore = '10') => parseForm(criterionSchema, { titleUk: 'К', titleEn: 'C', weight, maxScore });
		for (const bad of ['0', '-1', 'abc', '', '1001']) expect(w(bad).ok ? null : (w(bad) as { errors: Record<string, string> }).errors.weight).toMatch(/додатне число/);
		expect(valid(w('2,5')).weight).toBe(2.5);
		expect(w('1', '0').ok).toBe(false);
		expect(w('1', '101').ok).toBe(false);
	});

	it('a choice field needs two options; keys are Latin', () => {
		const f = (o: Record<string, string>) => parseForm(fieldSchema, { key: 'size', type: 'choice', uk: 'Розмір', en: 'Size', ...o });
		expect(f({ options: 'Мале | Small' }).ok).toBe(false);
		const ok = valid(f({ options: 'Мале | Small\nВелике' }));
		expect(ok.options).toEqual([{ value: 'o1', uk: 'Мале', en: 'Small' }, { value: 'o2', uk: 'Велике', en: 'Велике' }]);
		expect(f({ key: 'розмір', options: 'a\nb' }).ok).toBe(false);
		expect(valid(parseForm(fieldSchema, { key: 'site', type: 'url', uk: 'Сайт', en: 'Site' })).required).toBe(false);
	});

	it('normalises weights into shares of 100 %', () => {
		expect(weightShares([3, 1])).toEqual([75, 25]);
		expect(weightShares([1, 1, 1])).toEqual([33.3, 33.3, 33.3]);
		expect(weightShares([])).toEqual([]);
	});
});

describe('setting up a contest', () => {
	it('creates a draft, refuses a taken year, shows criteria with their shares, reorders and removes', async () => {
		const year = await draft();
		await expect(createContest(valid(parseForm(contestSchema, details(year))))).rejects.toMatchObject({ code: 'year_taken' });
		await expect(addNomination(year, { code: 'services', titleUk: 'x', titleEn: 'x', descriptionUk: '', descriptionEn: '' })).rejects.toMatchObject({ code: 'code_taken' });
		await addNomination(year, { code: 'democracy', titleUk: 'Демократія', titleEn: 'Democracy', descriptionUk: '', descriptionEn: '' });
		await moveNomination(year, 'democracy', -1);
		const view = (await setupView(year, 'en'))!;
		expect(view.status).toBe('draft');
		expect(view.nominations.map((n) => n.code)).toEqual(['democracy', 'services']);
		expect(view.nominations[1]!.criteria.map((c) => [c.title, c.weight, c.share, c.maxScore])).toEqual([['Innovation', 3, 75, 10], ['Results', 1, 25, 5]]);
		const [innovation, results] = view.nominations[1]!.criteria.map((c) => c.id);
		await moveCriterion(year, 'services', results!, -1);
		await moveCriterion(year, 'services', results!, -1); // already first: nothing changes
		expect((await setupView(year, 'en'))!.nominations[1]!.criteria.map((c) => [c.title, c.share])).toEqual([['Results', 25], ['Innovation', 75]]);
		await expect(moveCriterion(year, 'democracy', innovation!, 1)).rejects.toMatchObject({ code: 'not_found' });
		await moveCriterion(year, 'services', results!, 1);
		expect((await setupView(year, 'en'))!.nominations[1]!.criteria.map((c) => c.title)).toEqual(['Innovation', 'Results']);
		await removeCriterion(year, 'services', results!);
		expect((await setupView(year, 'uk'))!.nominations[1]!.criteria.map((c) => c.share)).toEqual([100]);
		await removeNomination(year, 'democracy');
		await addField(year, valid(parseForm(fieldSchema, { key: 'site', type: 'url', uk: 'Сайт', en: 'Site' })));
		await expect(addField(year, valid(parseForm(fieldSchema, { key: 'site', type: 'text', uk: 'x', en: 'x' })))).rejects.toMatchObject({ code: 'key_taken' });
		await moveField(year, 'site', -1);
		expect((await setupView(year, 'uk'))!.fields.map((f) => f.id)).toEqual(['site', 'users']);
	});

	it('opens registration only when every nomination has criteria and a screening jury', async () => {
		const year = yearSeq++;
		await createContest(valid(parseForm(contestSchema, details(year))));
		await expect(openRegistration(year)).rejects.toMatchObject({ code: 'no_nominations' });
		await addNomination(year, { code: 'services', titleUk: 'Послуги', titleEn: 'Services', descriptionUk: '', descriptionEn: '' });
		await expect(openRegistration(year)).rejects.toMatchObject({ code: 'no_criteria', detail: 'Послуги' });
		await addCriterion(year, 'services', { titleUk: 'К', titleEn: 'C', weight: 1, maxScore: 10 });
		await expect(openRegistration(year)).rejects.toMatchObject({ code: 'no_jurors', detail: 'Послуги' });
		const juror = await person('final-only');
		await seatJuror(year, 'services', juror.email, 'final');
		await expect(openRegistration(year)).rejects.toMatchObject({ code: 'no_jurors' });
		await expect(seatJuror(year, 'services', `nobody-${run}@test.maisternia.ua`, 'screening')).rejects.toMatchObject({ code: 'no_user' });
		await seatJuror(year, 'services', juror.email, 'screening');
		await openRegistration(year);
		expect((await registrationForm(year, 'uk'))!.open).toBe(true);
		await expect(openRegistration(year)).rejects.toMatchObject({ code: 'locked' });
	});

	it('a nomination with entries is not removed; after registration the setup is locked', async () => {
		const year = await draft();
		const juror = await person('screen');
		await seatJuror(year, 'services', juror.email, 'screening');
		await openRegistration(year);
		const entrant = await person('entrant');
		const r = await registerEntry(year, entrant, { nominationCode: 'services', organizationName: 'Рада', region: 'UA-05', city: 'Вінниця', title: 'Практика', summary: 'Опис', answers: { users: '1200' } });
		expect(r.ok).toBe(true);
		await expect(removeNomination(year, 'services')).rejects.toMatchObject({ code: 'has_entries', detail: 'Послуги' });
		await startScreening(year);
		await expect(updateContest(year, valid(parseForm(contestSchema, details(year))))).rejects.toMatchObject({ code: 'locked' });
		await expect(addNomination(year, { code: 'late', titleUk: 'x', titleEn: 'x', descriptionUk: '', descriptionEn: '' })).rejects.toMatchObject({ code: 'locked' });
	});
});

describe('the registration form’s own fields', () => {
	const fields = [
		{ id: 'users', type: 'number' as const, required: true, uk: 'К', en: 'U' },
		{ id: 'site', type: 'url' as const, required: false, uk: 'С', en: 'S' },
		{ id: 'agree', type: 'boolean' as const, required: true, uk: 'З', en: 'A' },
		{ id: 'size', type: 'choice' as const, required: false, uk: 'Р', en: 'S', options: [{ value: 'o1', uk: 'М', en: 'S' }] }
	];
	const base = { nominationCode: 'n', organizationName: 'Рада', region: 'UA-05', city: 'Вінниця', title: 'Т', summary: 'С' };
	it('checks required, number, url and choice on the server', () => {
		expect(checkEntry({ ...base, answers: {} }, fields, ['n'])).toEqual({ q_users: 'required', q_agree: 'required' });
		expect(checkEntry({ ...base, answers: { users: 'багато', site: 'example.org', agree: 'on', size: 'o9' } }, fields, ['n'])).toEqual({ q_users: 'invalid', q_site: 'invalid', q_size: 'invalid' });
		expect(checkEntry({ ...base, answers: { users: '3,5', site: 'https://example.org/x', agree: 'on', size: 'o1' } }, fields, ['n'])).toEqual({});
	});
});

describe('mail through the outbox, once per event', () => {
	it('confirms an entry, tells jurors of their seat and of each round, and entrants of the results', async () => {
		const year = await draft();
		const a = await person('juror-a');
		const fin = await person('juror-fin', 'en');
		await seatJuror(year, 'services', a.email, 'screening');
		await seatJuror(year, 'services', a.email, 'screening'); // the same seat again: no second message
		await seatJuror(year, 'services', fin.email, 'final');
		expect(await outbox(a.email, 'contest_juror_assigned')).toHaveLength(1);
		const [seatMail] = await outbox(fin.email, 'contest_juror_assigned');
		expect(seatMail!.subject).toBe(`Cases contest ${year}: you are on the jury`);
		expect(seatMail!.text).toContain('final round');

		await openRegistration(year);
		const entrant = await person('entrant-m');
		const other = await person('entrant-o', 'en');
		const e1 = await registerEntry(year, entrant, { nominationCode: 'services', organizationName: 'Рада', region: 'UA-05', city: 'Вінниця', title: 'Перша', summary: 'Опис', answers: { users: '10' } });
		const e2 = await registerEntry(year, other, { nominationCode: 'services', organizationName: 'Council', region: 'UA-48', city: 'Миколаїв', title: 'Second', summary: 'About', answers: { users: '20' } });
		const [confirm] = await outbox(entrant.email, 'contest_entry_registered');
		expect(confirm!.subject).toBe(`Конкурс кейсів ${year}: заявку зареєстровано`);
		expect(confirm!.text).toContain('«Перша»');
		expect(confirm!.dedupeKey).toBe(`contest:entry:${e1.ok && e1.id}:registered`);
		expect(await outbox(other.email, 'contest_entry_registered')).toHaveLength(1);

		await startScreening(year);
		await expect(startScreening(year)).rejects.toMatchObject({ code: 'closed' });
		expect(await outbox(a.email, 'contest_round_opened')).toHaveLength(1);
		expect(await outbox(fin.email, 'contest_round_opened')).toHaveLength(0);

		const view = (await setupView(year, 'uk'))!;
		const [k1, k2] = view.nominations[0]!.criteria;
		const ids = [e1, e2].map((e) => (e.ok ? e.id : ''));
		await saveSheet(year, 'services', ids[0]!, a, { [k1!.id]: '9', [k2!.id]: '5' });
		await saveSheet(year, 'services', ids[1]!, a, { [k1!.id]: '2', [k2!.id]: '1' });
		await closeRound(year);
		const [roundMail] = await outbox(fin.email, 'contest_round_opened');
		expect(roundMail!.subject).toBe(`Cases contest ${year}: the final round has begun`);
		expect(await outbox(a.email, 'contest_round_opened')).toHaveLength(1);
		// A closed round's panel no longer changes.
		await expect(removeJuror(year, 'services', a.id, 'screening')).rejects.toMatchObject({ code: 'round_closed' });
		await expect(seatJuror(year, 'services', fin.email, 'screening')).rejects.toMatchObject({ code: 'round_closed' });

		await saveSheet(year, 'services', ids[0]!, fin, { [k1!.id]: '8', [k2!.id]: '4' });
		await closeRound(year);
		await publishResults(year);
		await expect(publishResults(year)).rejects.toMatchObject({ code: 'round_open' });
		const [won] = await outbox(entrant.email, 'contest_results_published');
		expect(won!.text).toContain('посіла 1 місце');
		const [lost] = await outbox(other.email, 'contest_results_published');
		expect(lost!.text).toContain('did not reach the final');
		expect(await outbox(entrant.email, 'contest_results_published')).toHaveLength(1);
	});

	it('a juror can be taken off an open round’s panel', async () => {
		const year = await draft();
		const a = await person('juror-off');
		await seatJuror(year, 'services', a.email, 'screening');
		await removeJuror(year, 'services', a.id, 'screening');
		expect((await setupView(year, 'uk'))!.nominations[0]!.screeningJurors).toBe(0);
		await expect(removeJuror(year, 'services', a.id, 'screening')).rejects.toMatchObject({ code: 'not_found' });
	});
});
