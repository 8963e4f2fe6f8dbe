/**
 * Demo events from the project's sources (../shared/seeds/001: the Vinnytsia municipal-public
 * e-government centre (МГЦЕУ at PARR): the "Школа е-урядування", one-day internships "Технології
 * електронного урядування на прикладі Вінницької міської ради" for local governments and NGOs of
 * other cities (25 cities took part), the expert club's meetings, the "100 cities" monitoring, offline
 * webinars). Dates are set relative to the day of seeding on first creation, so a fresh portal always
 * has upcoming and past events; a second run finds every event by its slug and changes nothing.
 */
import type { PrismaClient, Prisma } from '../db/index.ts';
import { kyivWallTimeToUtc, utcToKyivWallTime } from '../../i18n/datetime.ts';
import { newCheckinCode } from './events.ts';
import type { ExtraQuestion, Material, ProgrammeItem, Speaker } from './types.ts';

interface SeedEvent {
	slug: string;
	kind: 'webinar' | 'internship' | 'study_visit' | 'workshop' | 'club_meeting';
	format: 'online' | 'in_person' | 'hybrid';
	/** Days from today (Kyiv) and the Kyiv wall time of start and end. */
	day: number;
	from: [number, number];
	to: [number, number];
	titleUk: string;
	titleEn: string;
	summaryUk: string;
	summaryEn: string;
	descriptionUk: string;
	descriptionEn: string;
	topics: string[];
	placeUk?: string;
	placeEn?: string;
	address?: string;
	joinUrl?: string;
	capacity?: number;
	credits: number;
	competencies?: string[];
	speakers?: Speaker[];
	materials?: Material[];
	programme?: ProgrammeItem[];
	questions?: ExtraQuestion[];
	groupMax?: number;
	recording?: { titleUk: string; titleEn: string; url: string; durationMinutes: number; countsAsAttendance: boolean };
}

const CENTRE_UK = 'Муніципально-громадський центр «Е-урядування» (ГО «Подільська агенція регіонального розвитку»)';
const CENTRE_EN = 'Municipal-Public E-Government Centre (Podillia Regional Development Agency)';
const CENTRE_ADDRESS = 'м. Вінниця';

const positionQuestion: ExtraQuestion = {
	id: 'position',
	type: 'text',
	required: false,
	uk: 'Посада та підрозділ',
	en: 'Position and unit'
};

export const SEED_EVENTS: SeedEvent[] = [
	{
		slug: 'vebinar-oficiinyi-veb-sait-gromady',
		kind: 'webinar',
		format: 'online',
		day: 9,
		from: [11, 0],
		to: [12, 30],
		titleUk: 'Вебінар «Офіційний вебсайт громади: що перевіряє моніторинг “100 міст”»',
		titleEn: 'Webinar "The community\'s official website: what the "100 cities" monitoring checks"',
		summaryUk: 'Базові інструменти е-урядування міста: офіційний вебсайт і доступ до публічної інформації — за результатами моніторингу 100 найбільших міст України.',
		summaryEn: 'A city\'s basic e-government tools: the official website and access to public information, from the monitoring of Ukraine\'s 100 largest cities.',
		descriptionUk:
			'Коаліція громадських організацій (ПАРР, Асоціація міст України, Transparency International Україна, ОПОРА, Асоціація «Міста електронного врядування України») дослідила якість офіційних вебсайтів і систем електронного документообігу 100 найбільших міст України станом на 15 січня 2013 року.\n\nНа вебінарі розберемо, що саме перевіряв моніторинг, типові проблеми сайтів органів місцевого самоврядування, кращі приклади та рекомендації щодо розвитку цих інструментів.',
		descriptionEn:
			'A coalition of NGOs (PARR, the Association of Ukrainian Cities, Transparency International Ukraine, OPORA, the E-Governance Cities of Ukraine association) studied the quality of the official websites and the electronic document systems of Ukraine\'s 100 largest cities as of 15 January 2013.\n\nThe webinar explains what the monitoring checked, the usual problems of local government websites, good examples and the recommendations for developing these tools.',
		topics: ['websites', 'e-services'],
		joinUrl: 'https://meet.jit.si/maisternia-100-mist-websites',
		capacity: 100,
		credits: 1.5,
		competencies: ['EG-WEB', 'EG-PUBINFO'],
		speakers: [{ name: 'Експерт МГЦЕУ', roleUk: 'Муніципально-громадський центр «Е-урядування», Вінниця', roleEn: 'Municipal-Public E-Government Centre, Vinnytsia' }],
		questions: [positionQuestion, { id: 'city', type: 'text', required: true, uk: 'Місто або громада', en: 'City or community' }]
	},
	{
		slug: 'vebinar-elektronnyi-dokumentoobig-oms',
		kind: 'webinar',
		format: 'online',
		day: 16,
		from: [10, 0],
		to: [11, 30],
		titleUk: 'Вебінар «Електронний документообіг в органах місцевого самоврядування»',
		titleEn: 'Webinar "Electronic document management in local self-government"',
		summaryUk: 'Система електронного документообігу як другий базовий інструмент е-урядування міста: досвід Вінницької міської ради і висновки моніторингу.',
		summaryEn: 'The electronic document management system, a city\'s second basic e-government tool: the Vinnytsia City Council\'s experience and the monitoring\'s findings.',
		descriptionUk:
			'Вінниця посилила структуру електронного документообігу міської ради ще в проекті 2006 року «Розвиток та промоція практики електронного урядування у Вінницькій територіальній громаді».\n\nПоговоримо про впровадження, об\'єднання розрізнених баз даних документів і звернень громадян та про те, як оцінювали документообіг міст під час моніторингу.',
		descriptionEn:
			'Vinnytsia strengthened its city council\'s electronic document management as early as the 2006 project "Development and promotion of e-government practice in the Vinnytsia community".\n\nWe discuss implementation, merging separate databases of documents and citizens\' requests, and how the monitoring assessed cities\' document management.',
		topics: ['e-documents'],
		joinUrl: 'https://meet.jit.si/maisternia-edocs',
		capacity: 80,
		credits: 1.5,
		competencies: ['EG-EDMS'],
		questions: [positionQuestion]
	},
	{
		slug: 'stazhuvannia-tekhnologii-e-uriaduvannia-vinnytsia',
		kind: 'internship',
		format: 'in_person',
		day: 23,
		from: [9, 30],
		to: [17, 0],
		titleUk: 'Одноденне стажування «Технології електронного урядування на прикладі Вінницької міської ради»',
		titleEn: 'One-day internship "E-government technologies: the Vinnytsia City Council\'s example"',
		summaryUk: 'Для делегацій органів місцевого самоврядування та громадських організацій інших міст: теорія і практика е-урядування у Вінниці.',
		summaryEn: 'For delegations of local governments and NGOs of other cities: e-government theory and practice in Vinnytsia.',
		descriptionUk:
			'Представники ОМС та НУО 25 міст України вже взяли участь в одноденних стажуваннях. Учасники досліджують теоретичні засади розвитку системи електронного урядування та на прикладі Вінницької міської ради знайомляться з практичним використанням окремих інструментів е-урядування.\n\nРеєструйте делегацію свого міста: одна людина може зареєструвати кількох учасників.',
		descriptionEn:
			'Local governments and NGOs of 25 Ukrainian cities have taken part in the one-day internships. Participants study the foundations of e-government and see how individual e-government tools are used in practice at the Vinnytsia City Council.\n\nRegister your city\'s delegation: one person may register several participants.',
		topics: ['e-services', 'e-documents', 'websites'],
		placeUk: CENTRE_UK,
		placeEn: CENTRE_EN,
		address: CENTRE_ADDRESS,
		capacity: 25,
		groupMax: 8,
		credits: 6,
		competencies: ['EG-WEB', 'EG-EDMS', 'EG-SERVICES'],
		programme: [
			{ time: '09:30', uk: 'Реєстрація учасників, знайомство', en: 'Registration, introductions' },
			{ time: '10:00', uk: 'Теоретичні засади розвитку е-урядування та е-демократії', en: 'Foundations of e-government and e-democracy' },
			{ time: '11:30', uk: 'Електронний документообіг Вінницької міської ради', en: 'The Vinnytsia City Council\'s electronic document management' },
			{ time: '13:00', uk: 'Обідня перерва', en: 'Lunch break' },
			{ time: '14:00', uk: 'Візит до центру адміністративних послуг «Прозорий офіс»', en: 'Visit to the "Transparent Office" administrative service centre' },
			{ time: '15:30', uk: 'ГІС-компоненти управління містом, портал доступу до електронної інформації', en: 'GIS components of city management, the public information portal' },
			{ time: '16:30', uk: 'Підсумки, сертифікати учасників', en: 'Wrap-up, participants\' certificates' }
		],
		questions: [positionQuestion, { id: 'needs', type: 'choice', required: true, uk: 'Що найважливіше для вашої громади', en: 'What matters most to your community', options: [
			{ value: 'services', uk: 'Адміністративні послуги', en: 'Administrative services' },
			{ value: 'documents', uk: 'Документообіг', en: 'Document management' },
			{ value: 'website', uk: 'Вебсайт і відкритість', en: 'Website and openness' }
		] }]
	},
	{
		slug: 'navchalnyi-vizyt-prozoryi-ofis',
		kind: 'study_visit',
		format: 'in_person',
		day: 37,
		from: [10, 0],
		to: [15, 0],
		titleUk: 'Навчальний візит до ЦНАП «Прозорий офіс» Вінницької міської ради',
		titleEn: 'Study visit to the Vinnytsia City Council\'s "Transparent Office" service centre',
		summaryUk: 'Як працює центр надання адміністративних послуг, сертифікований за ISO: маршрут відвідувача, електронна черга, зв\'язок з документообігом.',
		summaryEn: 'How an ISO-certified administrative service centre works: the visitor\'s route, the electronic queue, the link to document management.',
		descriptionUk:
			'Відкриття «Прозорого офісу» та сертифікація ISO були закладені в «Стратегічному плані економічного розвитку Вінницької міської ради» (2006–2007). Візит для делегацій міст, які створюють або модернізують свої ЦНАП.',
		descriptionEn:
			'Opening the "Transparent Office" and ISO certification were planned in the Vinnytsia City Council\'s "Strategic plan of economic development" (2006-2007). A visit for delegations of cities building or modernising their service centres.',
		topics: ['e-services'],
		placeUk: 'ЦНАП «Прозорий офіс» Вінницької міської ради',
		placeEn: 'Vinnytsia City Council "Transparent Office" service centre',
		address: 'м. Вінниця',
		capacity: 20,
		groupMax: 6,
		credits: 4,
		competencies: ['EG-SERVICES'],
		programme: [
			{ time: '10:00', uk: 'Зустріч делегацій, маршрут візиту', en: 'Meeting the delegations, the route of the visit' },
			{ time: '10:30', uk: 'Фронт-офіс і бек-офіс: як рухається заява', en: 'Front office and back office: how an application moves' },
			{ time: '12:30', uk: 'Обідня перерва', en: 'Lunch break' },
			{ time: '13:30', uk: 'Розмова з керівництвом центру, запитання', en: 'Talk with the centre\'s managers, questions' }
		],
		questions: [positionQuestion]
	},
	{
		slug: 'maisternia-instrumenty-e-demokratii',
		kind: 'workshop',
		format: 'hybrid',
		day: 30,
		from: [14, 0],
		to: [17, 0],
		titleUk: 'Майстерня «Інструменти е-демократії для громади: петиції, консультації, звернення»',
		titleEn: 'Workshop "E-democracy tools for a community: petitions, consultations, requests"',
		summaryUk: 'Практична майстерня для представників ОМС і НУО: як залучати громадян до прийняття рішень за допомогою електронних інструментів.',
		summaryEn: 'A hands-on workshop for local governments and NGOs: involving citizens in decisions with electronic tools.',
		descriptionUk:
			'Мета центру — посилити комунікацію між громадськістю та місцевим самоврядуванням і залучити громадян до прийняття рішень. На майстерні в малих групах розробимо сценарій запуску одного інструменту е-демократії для своєї громади.',
		descriptionEn:
			'The centre\'s aim is to strengthen communication between the public and local government and to involve citizens in decisions. In small groups, participants draft a plan to launch one e-democracy tool in their community.',
		topics: ['e-democracy'],
		placeUk: CENTRE_UK,
		placeEn: CENTRE_EN,
		address: CENTRE_ADDRESS,
		joinUrl: 'https://meet.jit.si/maisternia-e-democracy-workshop',
		capacity: 30,
		credits: 3,
		competencies: ['EG-EDEM'],
		questions: [positionQuestion, { id: 'laptop', type: 'boolean', required: false, uk: 'Візьму власний ноутбук', en: 'I will bring my own laptop' }]
	},
	{
		slug: 'vebinar-vstup-do-novykh-media',
		kind: 'webinar',
		format: 'online',
		day: -60,
		from: [15, 0],
		to: [16, 30],
		titleUk: 'Офлайн-вебінар «Вступ до нових медіа. Навички, потрібні журналістам»',
		titleEn: 'Offline webinar "Introduction to new media. Skills journalists need"',
		summaryUk: 'Вебінар, проведений у МГЦЕУ за підтримки Фонду розвитку українських ЗМІ Посольства США в Україні. Запис доступний після заходу.',
		summaryEn: 'A webinar held at the centre with the support of the U.S. Embassy\'s Ukrainian Media Development Fund. The recording is available after the event.',
		descriptionUk: 'Для журналістів, студентів і громадських активістів: нові медіа, робота з цифровими мультимедійними даними, пошук публічної інформації онлайн.',
		descriptionEn: 'For journalists, students and civic activists: new media, working with digital multimedia data, finding public information online.',
		topics: ['digital-skills'],
		joinUrl: 'https://meet.jit.si/maisternia-new-media',
		capacity: 100,
		credits: 1,
		recording: { titleUk: 'Запис вебінару', titleEn: 'Recording of the webinar', url: 'https://www.e-gov.in.ua/', durationMinutes: 90, countsAsAttendance: true }
	},
	{
		slug: 'zasidannia-klubu-ekspertiv-e-uriaduvannia',
		kind: 'club_meeting',
		format: 'hybrid',
		day: 44,
		from: [11, 0],
		to: [14, 0],
		titleUk: 'Експертна зустріч Клубу експертів Е-урядування',
		titleEn: 'Expert meeting of the E-Government Experts Club',
		summaryUk: 'Щоквартальна зустріч представників ОМС і НУО: стандарти впровадження е-урядування, аналіз нормативної бази, проект резолюції.',
		summaryEn: 'The quarterly meeting of local governments and NGOs: standards for e-government, review of the legal framework, a draft resolution.',
		descriptionUk: 'Клуб експертів Е-урядування сформовано у 2012 році; за рік відбулося 4 експертні зустрічі, підготовлено резолюцію з пропозиціями до державних органів влади.',
		descriptionEn: 'The E-Government Experts Club was formed in 2012; it met four times that year and prepared a resolution with proposals to the state authorities.',
		topics: ['e-democracy', 'e-services'],
		placeUk: CENTRE_UK,
		placeEn: CENTRE_EN,
		address: CENTRE_ADDRESS,
		joinUrl: 'https://meet.jit.si/maisternia-expert-club',
		capacity: 40,
		credits: 2
	}
];

export async function seedEvents(prisma: PrismaClient, now = new Date()): Promise<string> {
	const host = await prisma.user.findFirst({ where: { email: 'instructor@demo.maisternia.ua' }, select: { id: true } });
	const today = utcToKyivWallTime(now);
	let created = 0;
	for (const s of SEED_EVENTS) {
		const exists = await prisma.event.findUnique({ where: { slug: s.slug }, select: { id: true } });
		if (exists) continue;
		const day = new Date(Date.UTC(today.year, today.month - 1, today.day + s.day));
		const at = ([h, mi]: [number, number]) => kyivWallTimeToUtc({ year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate(), hour: h, minute: mi });
		const json = (v: unknown) => (v ?? []) as Prisma.InputJsonValue;
		const event = await prisma.event.create({
			data: {
				slug: s.slug,
				kind: s.kind,
				format: s.format,
				titleUk: s.titleUk,
				titleEn: s.titleEn,
				summaryUk: s.summaryUk,
				summaryEn: s.summaryEn,
				descriptionUk: s.descriptionUk,
				descriptionEn: s.descriptionEn,
				topics: s.topics,
				startsAt: at(s.from),
				endsAt: at(s.to),
				placeUk: s.placeUk ?? null,
				placeEn: s.placeEn ?? null,
				address: s.address ?? null,
				joinUrl: s.joinUrl ?? null,
				capacity: s.capacity ?? null,
				credits: s.credits,
				competencies: s.competencies ?? [],
				speakers: json(s.speakers),
				materials: json(s.materials),
				programme: json(s.programme),
				questions: json(s.questions),
				groupMax: s.groupMax ?? 10,
				organizerName: 'МГЦЕУ, Вінниця',
				hostIds: host ? [host.id] : [],
				checkinCode: newCheckinCode()
			}
		});
		// Past demo events are not followed up by mail (recording published, feedback invitation).
		const over = event.endsAt <= now;
		if (over) await prisma.event.update({ where: { id: event.id }, data: { feedbackMailedAt: now } });
		if (s.recording) {
			await prisma.recording.create({ data: { eventId: event.id, ...s.recording, publishedAt: event.endsAt, announcedAt: over ? now : null } });
		}
		created++;
	}
	// The seed runs before the job runner starts: the search index is brought up to date directly.
	const search = await import('../search/index.ts');
	const indexed = created || (await search.searchEngine().count('event')) === 0 ? await search.reindexAll('event') : 0;
	return `${created} events created, ${SEED_EVENTS.length - created} existing, ${indexed} indexed`;
}
