/**
 * Demo content of the workshop portal "Майстерня е-урядування" from the project's sources
 * (../shared/seeds: 001 the Vinnytsia municipal-public e-government centre and its portal with
 * analytical and publicistic articles, research results, mini-cases and the quarterly bulletin
 * "Електронна демократія в Україні"; 000 the Mykolaiv e-government programme; 002 the Voznesensk
 * city programme 2011–2015; 003 the depository of best practices; 004 the "100 cities" monitoring
 * recommendations). Articles are found by slug, issues by (year, number): a second run changes nothing.
 * A contributor account (contributor@demo.maisternia.ua) shows the workflow from the author's side.
 */
import type { PrismaClient } from '../db/index.ts';
import { hashPassword } from '../auth/password.ts';
import { newToken } from './subscriptions.ts';
import type { ArticleKind } from './types.ts';

interface SeedArticle {
	slug: string;
	kind: ArticleKind;
	titleUk: string;
	titleEn: string;
	summaryUk: string;
	summaryEn: string;
	bodyUk: string;
	bodyEn?: string;
	authors: string[];
	topics: string[];
	/** Days before today it was published. */
	daysAgo: number;
}

const ARTICLES: SeedArticle[] = [
	{
		slug: 'normatyvno-pravove-zabezpechennia-e-uriaduvannia',
		kind: 'analytical',
		titleUk: 'Нормативно-правове забезпечення електронного урядування в Україні',
		titleEn: 'The legal framework of e-government in Ukraine',
		summaryUk: 'Огляд вітчизняного законодавства у сфері е-урядування: що вже врегульовано і де прогалини для органів місцевого самоврядування.',
		summaryEn: 'A review of Ukrainian e-government legislation: what is regulated and where local governments meet gaps.',
		bodyUk: `Фахівці Муніципально-громадського центру е-урядування разом із партнерами здійснили ґрунтовний аналіз вітчизняного законодавства у сфері електронного урядування.

## Що врегульовано

- електронний документообіг і електронний цифровий підпис;
- доступ до публічної інформації та оприлюднення наборів даних;
- надання адміністративних послуг, зокрема в електронній формі.

## Де прогалини

Органам місцевого самоврядування бракує типових рішень: програм інформатизації, регламентів електронних сервісів, стандартів взаємодії з громадськістю.

> Рекомендація: ухвалювати місцеві програми е-урядування з чіткими індикаторами і щорічним звітом.`,
		bodyEn: `Experts of the municipal-public e-government centre and partners analysed Ukrainian e-government legislation.

## What is regulated

- electronic document flow and digital signatures;
- access to public information and open data;
- administrative services, including electronic ones.

## Gaps

Local governments lack model decisions: informatisation programmes, rules for e-services, standards of public participation.`,
		authors: ['Муніципально-громадський центр е-урядування'],
		topics: ['legislation', 'local-government'],
		daysAgo: 170
	},
	{
		slug: 'shkola-e-uriaduvannia-200-vypusknykiv',
		kind: 'news',
		titleUk: 'Школа «Е-урядування»: понад 200 випускників',
		titleEn: 'The e-government school: more than 200 graduates',
		summaryUk: 'Журналісти, студенти, представники НУО та міської ради пройшли навчання у Школі «Е-урядування».',
		summaryEn: 'Journalists, students, NGO members and city council staff completed the e-government school.',
		bodyUk: `Понад 200 представників громади Вінниці — журналісти, студенти, представники неурядових організацій та Вінницької міської ради — пройшли навчання у Школі «Е-урядування».

Учасники ознайомилися з теоретичними основами е-урядування та е-демократії в Україні й світі та отримали практичні навички роботи з електронними сервісами міста.`,
		authors: ['Редакція'],
		topics: ['education', 'e-democracy'],
		daysAgo: 150
	},
	{
		slug: 'mini-keis-terminaly-dostupu-vinnytsia',
		kind: 'mini_case',
		titleUk: 'Міні-кейс: термінали доступу до електронних ресурсів міста (Вінниця)',
		titleEn: 'Mini-case: public access terminals to city e-resources (Vinnytsia)',
		summaryUk: 'Як перший етап публічного компонента e-government у Вінницькій міській раді почався з терміналів і порталу.',
		summaryEn: 'How the public side of e-government in Vinnytsia started with terminals and a portal.',
		bodyUk: `**Проблема.** Мешканці не мали простого доступу до електронної інформації міської ради.

**Рішення.** У 2006 році ГО «Ініціатива» за підтримки Міжнародного фонду «Відродження» встановила термінали доступу до електронних ресурсів міста, створила публічний портал і посилила електронний документообіг ВМР.

**Результат.** Перший етап розвитку публічного компонента e-government у Вінницькій міській раді; досвід став основою подальших проєктів.

**Що перейняти.** Починати з точок доступу для тих, хто не має інтернету вдома, і водночас — з внутрішнього документообігу.`,
		authors: ['ГО «Подільська агенція регіонального розвитку»'],
		topics: ['e-services', 'local-government'],
		daysAgo: 120
	},
	{
		slug: 'mykolaiv-e-uriaduvannia-na-poriadok-dennyi',
		kind: 'publicistic',
		titleUk: 'Як винести е-урядування та е-демократію на порядок денний реформи',
		titleEn: 'How to put e-government and e-democracy on the reform agenda',
		summaryUk: 'Досвід Миколаєва: громадська організація, міська влада і спільна програма просування технологій е-урядування.',
		summaryEn: 'Mykolaiv\u2019s experience: an NGO, the city and a joint programme to promote e-government.',
		bodyUk: `Проєкт «Просування технологій електронного урядування та електронної демократії в м. Миколаєві» ММГО «Фонд розвитку м. Миколаєва» показав: реформа починається з порядку денного.

## Три кроки

1. Публічне обговорення з громадою, що саме має стати електронним.
2. Спільна з міською радою програма з відповідальними і строками.
3. Регулярний моніторинг і відкриті звіти.`,
		authors: ['Фонд розвитку м. Миколаєва'],
		topics: ['e-democracy', 'local-government'],
		daysAgo: 100
	},
	{
		slug: 'monitorynh-100-mist-rekomendatsii',
		kind: 'research',
		titleUk: 'Моніторинг «100 міст — крок вперед»: рекомендації містам',
		titleEn: '"100 cities — a step forward" monitoring: recommendations to cities',
		summaryUk: 'Рекомендації щодо розвитку інструментів е-урядування, сформовані за результатами дослідження 100 міст.',
		summaryEn: 'Recommendations on e-government tools drawn from the study of 100 cities.',
		bodyUk: `Дослідження «100 міст — крок вперед» оцінило впровадження інструментів електронного урядування як основи надання адміністративних послуг в електронному вигляді.

## Рекомендації загальні

- розвивати партнерства щодо обміну інформацією між органами місцевого самоврядування, органами державної влади, громадянським суспільством та приватним сектором;
- оприлюднювати проєкти рішень і відкриті дані на офіційних сайтах;
- запроваджувати електронні звернення та петиції з відкритим статусом розгляду.`,
		authors: ['Коаліція неурядових організацій'],
		topics: ['monitoring', 'e-services', 'open-data'],
		daysAgo: 60
	},
	{
		slug: 'depozytarii-krashchykh-praktyk',
		kind: 'analytical',
		titleUk: 'Депозитарій кращих практик електронного врядування на регіональному рівні',
		titleEn: 'A depository of best e-governance practices at the regional level',
		summaryUk: 'Навіщо систематизувати регіональні розробки і як міста можуть ділитися рішеннями.',
		summaryEn: 'Why regional solutions should be collected, and how cities can share them.',
		bodyUk: `Асоціація «Міста електронного врядування України» за підтримки Міжнародного фонду «Відродження» створює депозитарій кращих практик.

Мета — систематизувати регіональні розробки, програми та інформаційно-комунікаційні технології для ефективного управління, електронних сервісів і розвитку е-демократії.`,
		authors: ['Асоціація «Міста електронного врядування України»'],
		topics: ['e-democracy', 'local-government'],
		daysAgo: 40
	},
	{
		slug: 'voznesensk-prohrama-efektyvna-vlada',
		kind: 'mini_case',
		titleUk: 'Міні-кейс: міська програма «Електронне урядування — ефективна влада для мешканців» (Вознесенськ)',
		titleEn: 'Mini-case: the city programme "E-government: effective power for residents" (Voznesensk)',
		summaryUk: 'Програма на 2011–2015 роки як перший крок до демократизації управління через інформатизацію.',
		summaryEn: 'A 2011–2015 programme as a first step towards democratic management through informatisation.',
		bodyUk: `Рішенням сесії Вознесенської міської ради затверджено програму «Електронне урядування у виконавчих органах — ефективна влада для мешканців» на 2011–2015 роки.

Програма визначає політику міської влади в галузі розробки, ведення і використання інформаційних ресурсів місцевого самоврядування та принципи побудови єдиного інформаційного простору.`,
		authors: ['Редакція'],
		topics: ['local-government', 'legislation'],
		daysAgo: 20
	}
];

const BULLETINS = [
	{
		year: 2026,
		number: 1,
		titleUk: 'Електронна демократія в Україні. Випуск 1, 2026',
		titleEn: 'E-democracy in Ukraine. Issue 1, 2026',
		editorialUk: `Шановні читачі!

У першому випуску року — аналіз законодавства, новини Школи «Е-урядування» та міні-кейс Вінниці про перші кроки публічного е-урядування.`,
		editorialEn: `Dear readers,

The first issue of the year: the legal framework, news of the e-government school and the Vinnytsia mini-case.`,
		slugs: ['normatyvno-pravove-zabezpechennia-e-uriaduvannia', 'shkola-e-uriaduvannia-200-vypusknykiv', 'mini-keis-terminaly-dostupu-vinnytsia'],
		daysAgo: 110
	},
	{
		year: 2026,
		number: 2,
		titleUk: 'Електронна демократія в Україні. Випуск 2, 2026',
		titleEn: 'E-democracy in Ukraine. Issue 2, 2026',
		editorialUk: `Шановні читачі!

Другий випуск присвячено тому, як міста виносять е-урядування на порядок денний: досвід Миколаєва, рекомендації моніторингу «100 міст» і депозитарій кращих практик.`,
		editorialEn: `Dear readers,

The second issue is about putting e-government on cities\u2019 agenda: Mykolaiv, the "100 cities" recommendations and the best-practice depository.`,
		slugs: ['mykolaiv-e-uriaduvannia-na-poriadok-dennyi', 'monitorynh-100-mist-rekomendatsii', 'depozytarii-krashchykh-praktyk'],
		daysAgo: 30
	}
];

const SUBSCRIBERS = [
	{ email: 'reader1@demo.maisternia.ua', locale: 'uk', lists: ['bulletin', 'news'] as const },
	{ email: 'reader2@demo.maisternia.ua', locale: 'en', lists: ['bulletin'] as const },
	{ email: 'editor@demo.maisternia.ua', locale: 'uk', lists: ['bulletin', 'events'] as const }
];

export async function seedPublishing(prisma: PrismaClient): Promise<string> {
	let created = 0;
	const email = 'contributor@demo.maisternia.ua';
	let contributor = await prisma.user.findUnique({ where: { email } });
	if (!contributor) {
		contributor = await prisma.user.upsert({
			where: { email },
			create: { email, name: 'Марина Ткаченко', roles: ['contributor', 'learner'], passwordHash: await hashPassword('Demo-2026!'), emailVerified: new Date(), locale: 'uk' },
			update: {}
		});
		created++;
	}
	const editor = await prisma.user.findUnique({ where: { email: 'editor@demo.maisternia.ua' }, select: { id: true } });
	const day = 86_400_000;
	const ids = new Map<string, string>();
	for (const a of ARTICLES) {
		let row = await prisma.article.findUnique({ where: { slug: a.slug } });
		if (!row) {
			const publishedAt = new Date(Date.now() - a.daysAgo * day);
			const { daysAgo: _d, ...fields } = a;
			row = await prisma.article.upsert({
				where: { slug: a.slug },
				create: { ...fields, bodyEn: a.bodyEn ?? null, status: 'published', publishedAt, createdById: editor?.id ?? null, createdAt: publishedAt },
				update: {}
			});
			await prisma.articleRevision.upsert({
				where: { articleId_number: { articleId: row.id, number: 1 } },
				create: {
					articleId: row.id,
					number: 1,
					status: 'published',
					titleUk: row.titleUk,
					titleEn: row.titleEn,
					summaryUk: row.summaryUk,
					summaryEn: row.summaryEn,
					bodyUk: row.bodyUk,
					bodyEn: row.bodyEn,
					authors: row.authors,
					topics: row.topics,
					editorId: editor?.id ?? null,
					event: 'publish',
					createdAt: publishedAt
				},
				update: {}
			});
			created++;
		}
		ids.set(a.slug, row.id);
	}
	// A contributor's draft waiting for review.
	const draftSlug = 'chernetka-elektronni-petytsii';
	if (!(await prisma.article.findUnique({ where: { slug: draftSlug } }))) {
		const row = await prisma.article.upsert({
			where: { slug: draftSlug },
			create: {
				slug: draftSlug,
				kind: 'publicistic',
				status: 'in_review',
				titleUk: 'Електронні петиції: чому відповіді важливіші за підписи',
				summaryUk: 'Чернетка колонки про зворотний зв\u2019язок влади з авторами петицій.',
				bodyUk: 'Петиція — це початок розмови, а не її кінець.\n\nГромада чекає на відповідь по суті й у строк.',
				authors: ['Марина Ткаченко'],
				topics: ['e-democracy'],
				createdById: contributor.id
			},
			update: {}
		});
		await prisma.articleRevision.createMany({
			data: [1].map((number) => ({ articleId: row.id, number, status: 'in_review' as const, titleUk: row.titleUk, summaryUk: row.summaryUk, bodyUk: row.bodyUk, authors: row.authors, topics: row.topics, editorId: contributor!.id, event: 'submit' })),
			skipDuplicates: true
		});
		created++;
	}
	for (const b of BULLETINS) {
		if (await prisma.bulletin.findUnique({ where: { year_number: { year: b.year, number: b.number } } })) continue;
		const { slugs, daysAgo, ...fields } = b;
		await prisma.bulletin.upsert({
			where: { year_number: { year: b.year, number: b.number } },
			create: {
				...fields,
				status: 'published',
				publishedAt: new Date(Date.now() - daysAgo * day),
				createdById: editor?.id ?? null,
				items: { create: slugs.map((slug, position) => ({ articleId: ids.get(slug)!, position })) }
			},
			update: {}
		});
		created++;
	}
	for (const s of SUBSCRIBERS) {
		if (await prisma.subscriber.findUnique({ where: { email: s.email } })) continue;
		const at = new Date(Date.now() - 200 * day);
		await prisma.subscriber.upsert({
			where: { email: s.email },
			create: {
				email: s.email,
				locale: s.locale,
				lists: [...s.lists],
				status: 'confirmed',
				token: newToken(),
				confirmedAt: at,
				consents: { create: { action: 'import', text: 'Демо: згода на розсилку бюлетеня (імпорт).', lists: [...s.lists], locale: s.locale, at } }
			},
			update: {}
		});
		created++;
	}
	// The seed runs before the job runner starts: the search index is brought up to date directly.
	const search = await import('../search/index.ts');
	const indexed = created || (await search.searchEngine().count('article')) === 0 ? await search.reindexAll('article') : 0;
	const [articles, bulletins, subscribers] = await Promise.all([prisma.article.count(), prisma.bulletin.count(), prisma.subscriber.count()]);
	return `publishing: ${articles} articles, ${bulletins} bulletins, ${subscribers} subscribers (${created} created, ${indexed} indexed)`;
}
