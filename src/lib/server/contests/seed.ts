import type { PrismaClient } from '../db/index.ts';
import { prng } from '../ratings/seed.ts';
import { closeRound, publishResults } from './jury.ts';
import type { FormField } from './contests.ts';

/**
 * Demo contests. 2013: the national contest «Кращі практики впровадження електронного врядування на
 * регіональному рівні» the depository project planned (at least 25 cases, results at the conference):
 * its entries and marks are generated demo data; the contest runs through both rounds and publishes
 * its results, so its winners become cases. 2026: in the screening round, with a public vote and a
 * recusal (the juror pages' demo). 2027: open for registration.
 */
export const FORM_FIELDS: FormField[] = [
	{ id: 'problem', type: 'textarea', required: true, uk: 'Проблема, яку розв’язує практика', en: 'The problem the practice solves' },
	{ id: 'solution', type: 'textarea', required: true, uk: 'Рішення та інструменти', en: 'The solution and tools' },
	{ id: 'results', type: 'textarea', required: true, uk: 'Результати (з цифрами)', en: 'Results (with figures)' },
	{ id: 'costs', type: 'text', required: false, uk: 'Витрати', en: 'Costs' },
	{ id: 'replicability', type: 'textarea', required: false, uk: 'Чи можна повторити в іншому місті', en: 'Can another city repeat it' },
	{ id: 'contacts', type: 'text', required: true, uk: 'Контактна особа', en: 'Contact person' },
	{ id: 'website', type: 'url', required: false, uk: 'Посилання на практику', en: 'Link to the practice' },
	{ id: 'users', type: 'number', required: false, uk: 'Кількість користувачів за рік', en: 'Users per year' }
];

const NOMINATIONS = [
	{ code: 'e-services', uk: 'Електронні послуги', en: 'E-services', criteria: [['innovation', 'Інноваційність', 'Innovation', 3], ['results', 'Результати для мешканців', 'Results for residents', 4], ['replicability', 'Можливість поширення', 'Replicability', 2], ['cost', 'Економічність', 'Cost-effectiveness', 1]] },
	{ code: 'e-democracy', uk: 'Електронна демократія', en: 'E-democracy', criteria: [['participation', 'Залучення громадян', 'Citizen participation', 4], ['openness', 'Відкритість', 'Openness', 3], ['replicability', 'Можливість поширення', 'Replicability', 2]] },
	{ code: 'e-administration', uk: 'Електронне управління', en: 'E-administration', criteria: [['efficiency', 'Ефективність управління', 'Administrative efficiency', 4], ['integration', 'Інтеграція систем', 'Integration of systems', 3], ['security', 'Захист інформації', 'Information security', 2], ['replicability', 'Можливість поширення', 'Replicability', 1]] },
	{ code: 'openness', uk: 'Відкритість і прозорість', en: 'Openness and transparency', criteria: [['data', 'Відкриті дані', 'Open data', 3], ['budget', 'Прозорість бюджету', 'Budget transparency', 3], ['replicability', 'Можливість поширення', 'Replicability', 2]] }
] as const;

const CITIES: Array<[string, string]> = [
	['Вінниця', 'UA-05'], ['Миколаїв', 'UA-48'], ['Вознесенськ', 'UA-48'], ['Львів', 'UA-46'], ['Івано-Франківськ', 'UA-26'], ['Луцьк', 'UA-07'], ['Житомир', 'UA-18'],
	['Полтава', 'UA-53'], ['Херсон', 'UA-65'], ['Черкаси', 'UA-71'], ['Тернопіль', 'UA-61'], ['Хмельницький', 'UA-68'], ['Суми', 'UA-59'], ['Рівне', 'UA-56']
];
const THEMES: Record<string, string[]> = {
	'e-services': ['Онлайн-запис до ЦНАП', 'Електронна черга в ЦНАП', 'Комунальні платежі онлайн', 'Термінали самообслуговування', 'Адмінпослуги онлайн', 'Мобільний застосунок міста', 'Відстеження документів'],
	'e-democracy': ['Електронні петиції', 'Бюджет участі', 'Онлайн-приймальня міського голови', 'Онлайн-опитування мешканців', 'Трансляції сесій ради', 'Громадське обговорення проєктів рішень', 'Карта звернень'],
	'e-administration': ['Система електронного документообігу', 'ГІС міста', 'Внутрішній портал виконкому', 'Електронний облік майна', 'Обмін документами з ОДА', 'Електронний підпис у виконкомі', 'Захищена мережа установ'],
	openness: ['Портал відкритих даних', 'Відкритий бюджет', 'Прозорі закупівлі', 'Реєстр рішень ради', 'Відкриті засідання виконкому', 'Публічні звіти депутатів', 'Відкриті дані про транспорт']
};

async function makeContest(prisma: PrismaClient, data: { year: number; titleUk: string; titleEn: string; descriptionUk: string; descriptionEn: string; status: 'registration' | 'screening'; publicVote: boolean; finalistsPerNomination: number; registrationClosesAt: Date }, nominations: ReadonlyArray<(typeof NOMINATIONS)[number]>) {
	const contest = await prisma.contest.create({ data: { ...data, formFields: FORM_FIELDS as unknown as object, registrationOpensAt: new Date(Date.UTC(data.year - 1, 10, 1)) } });
	const noms = [];
	for (const [i, n] of nominations.entries()) {
		const nom = await prisma.contestNomination.create({ data: { contestId: contest.id, code: n.code, titleUk: n.uk, titleEn: n.en, position: i } });
		const criteria = [];
		for (const [j, [code, uk, en, weight]] of n.criteria.entries()) criteria.push(await prisma.contestCriterion.create({ data: { nominationId: nom.id, code, titleUk: uk, titleEn: en, weight, maxScore: 10, position: j } }));
		noms.push({ ...nom, criteria });
	}
	return { contest, noms };
}

async function addEntries(prisma: PrismaClient, contestId: string, noms: Array<{ id: string; code: string }>, perNomination: number, submittedById: string, year: number) {
	const entries: Array<{ id: string; nominationId: string }> = [];
	let k = 0;
	for (const n of noms) {
		for (let i = 0; i < perNomination; i++, k++) {
			const [city, region] = CITIES[(k * 5 + year) % CITIES.length]!;
			const theme = THEMES[n.code]![i % THEMES[n.code]!.length]!;
			const e = await prisma.contestEntry.create({
				data: {
					contestId, nominationId: n.id, submittedById, organizationName: `Міська рада м. ${city}`, region, city,
					title: `${theme}: ${city}`,
					summary: `Демонстраційна заявка: ${theme.toLowerCase()} у місті ${city}.`,
					answers: { problem: `Потреба мешканців міста ${city} у зручнішому інструменті: ${theme.toLowerCase()}.`, solution: `${theme} впроваджено виконавчими органами міської ради.`, results: 'Демонстраційні дані: кількість користувачів зросла.', contacts: 'Відділ інформатизації міської ради', replicability: 'Практику можуть повторити інші міста.' }
				}
			});
			entries.push(e);
		}
	}
	return entries;
}

async function markAll(prisma: PrismaClient, entries: Array<{ id: string; nominationId: string }>, noms: Array<{ id: string; criteria: Array<{ id: string }> }>, jurors: string[], round: 'screening' | 'final', seed: string) {
	const data = [];
	for (const e of entries) {
		const n = noms.find((x) => x.id === e.nominationId)!;
		const quality = prng(`${seed}:${e.id}`)();
		for (const userId of jurors) {
			const rnd = prng(`${seed}:${e.id}:${userId}:${round}`);
			for (const c of n.criteria) data.push({ entryId: e.id, criterionId: c.id, userId, round, value: Math.max(0, Math.min(10, Math.round(3 + quality * 6 + (rnd() - 0.5) * 3))) });
		}
	}
	await prisma.contestScore.createMany({ data });
}

export async function seedContests(prisma: PrismaClient): Promise<string> {
	const users = new Map((await prisma.user.findMany({ where: { email: { endsWith: '@demo.maisternia.ua' } }, select: { id: true, email: true } })).map((u) => [u.email.split('@')[0]!, u.id]));
	const expert = users.get('expert');
	const editor = users.get('editor');
	const instructor = users.get('instructor');
	const admin = users.get('admin');
	const staff = users.get('staff.vinnytsia') ?? admin;
	if (!expert || !editor || !instructor || !admin || !staff) return 'contests: demo users missing, skipped';
	const made: number[] = [];

	if (!(await prisma.contest.findUnique({ where: { year: 2013 }, select: { id: true } }))) {
		const { contest, noms } = await makeContest(prisma, {
			year: 2013, status: 'screening', publicVote: true, finalistsPerNomination: 3, registrationClosesAt: new Date(Date.UTC(2013, 4, 1)),
			titleUk: 'Національний конкурс кейсів «Кращі практики впровадження електронного врядування на регіональному рівні»',
			titleEn: 'National contest of cases “Best practices of e-government at regional level”',
			descriptionUk: 'Конкурс проєкту «Створення депозитарію кращих практик електронного врядування на регіональному рівні України» (Асоціація «Міста електронного врядування України», МФ «Відродження»). Результати оголошено на Всеукраїнській конференції «Електронне врядування в Україні – шлях до відкритості». Заявки й оцінки в демо — згенеровані дані.',
			descriptionEn: 'The contest of the project “A depository of best e-government practices at regional level” (Association “E-government Cities of Ukraine”, International Renaissance Foundation). Results were announced at the national conference “E-government in Ukraine – the way to openness”. Entries and marks in the demo are generated data.'
		}, NOMINATIONS);
		for (const n of noms) {
			for (const u of [expert, editor, instructor]) await prisma.contestJuror.create({ data: { nominationId: n.id, userId: u, round: 'screening' } });
			for (const u of [expert, editor, admin]) await prisma.contestJuror.create({ data: { nominationId: n.id, userId: u, round: 'final' } });
		}
		const entries = await addEntries(prisma, contest.id, noms, 7, staff, 2013);
		await markAll(prisma, entries, noms, [expert, editor, instructor], 'screening', '2013');
		await closeRound(2013, { mail: false });
		const finals = await prisma.contestEntry.findMany({ where: { contestId: contest.id, finalist: true }, select: { id: true, nominationId: true } });
		await markAll(prisma, finals, noms, [expert, editor, admin], 'final', '2013f');
		const voters = [...users.values()];
		for (const [i, n] of noms.entries()) {
			const nEntries = entries.filter((e) => e.nominationId === n.id);
			for (const [j, v] of voters.entries()) await prisma.contestVote.create({ data: { entryId: nEntries[(i + j * 3) % nEntries.length]!.id, nominationId: n.id, userId: v } });
		}
		await closeRound(2013, { mail: false });
		await publishResults(2013, { mail: false });
		made.push(2013);
	}

	if (!(await prisma.contest.findUnique({ where: { year: 2026 }, select: { id: true } }))) {
		const { contest, noms } = await makeContest(prisma, {
			year: 2026, status: 'screening', publicVote: true, finalistsPerNomination: 2, registrationClosesAt: new Date(Date.UTC(2026, 9, 1)),
			titleUk: 'Конкурс кейсів кращих практик е-урядування 2026', titleEn: 'Best e-government practice cases contest 2026',
			descriptionUk: 'Відбірковий тур триває: журі оцінює заявки, відкрито громадське голосування. Демонстраційні заявки.',
			descriptionEn: 'The screening round is under way: the jury scores the entries, and the public vote is open. Demo entries.'
		}, NOMINATIONS.slice(0, 3));
		for (const n of noms) {
			for (const u of [expert, instructor, editor]) await prisma.contestJuror.create({ data: { nominationId: n.id, userId: u, round: 'screening' } });
			await prisma.contestJuror.create({ data: { nominationId: n.id, userId: admin, round: 'final' } });
		}
		const adm = noms.find((n) => n.code === 'e-administration')!;
		await prisma.contestRecusal.create({ data: { nominationId: adm.id, userId: expert, reason: 'Консультував одного з учасників номінації під час впровадження системи (конфлікт інтересів).' } });
		const entries = await addEntries(prisma, contest.id, noms, 3, staff, 2026);
		await markAll(prisma, entries, noms, [instructor], 'screening', '2026');
		made.push(2026);
	}

	if (!(await prisma.contest.findUnique({ where: { year: 2027 }, select: { id: true } }))) {
		await makeContest(prisma, {
			year: 2027, status: 'registration', publicVote: false, finalistsPerNomination: 3, registrationClosesAt: new Date(Date.UTC(2027, 4, 1)),
			titleUk: 'Конкурс кейсів кращих практик е-урядування 2027', titleEn: 'Best e-government practice cases contest 2027',
			descriptionUk: 'Реєстрацію відкрито: органи місцевого самоврядування та громадські організації подають свої практики.',
			descriptionEn: 'Registration is open: local governments and NGOs submit their practices.'
		}, NOMINATIONS);
		made.push(2027);
	}
	return `contests: ${made.length ? made.join(', ') + ' created' : 'nothing new'}`;
}
