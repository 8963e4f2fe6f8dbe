/**
 * Demo content of the Expert Club from the project's sources (../shared/seeds/001: since 2012
 * representatives of local governments and NGOs meet four times a year, analyse the legal base and
 * adopt a resolution with concrete proposals to state bodies; seeds/004: the centre invites the public
 * to comment on the recommendations of the "100 cities" monitoring study before a deadline).
 * Idempotent: a second run finds the club's demo rows by their titles and changes nothing.
 */
import type { PrismaClient } from '../db/index.ts';
import { kyivWallTimeToUtc, utcToKyivWallTime } from '../../i18n/datetime.ts';
import { closeVoting, castVote, createResolution, openVoting, addComment, decideAmendment, addAddressee, markSent, saveVersion, paragraphsOf } from './resolutions.ts';
import { openConsultation } from './consultations.ts';
import { startDiscussion, reply } from './discussions.ts';
import { createMeeting } from './meetings.ts';

const DOMAIN = 'demo.maisternia.ua';
const CLUB_MEETING_EVENT = 'zasidannia-klubu-ekspertiv-e-uriaduvannia';

const MEMBERS: { local: string; role: 'coordinator' | 'member' | 'observer'; handle: string; organizationName: string; position: string; bio: string }[] = [
	{ local: 'expert', role: 'coordinator', handle: 'v.polishchuk', organizationName: 'Вінницький міський громадський центр електронного урядування', position: 'координатор Клубу експертів', bio: 'Аналіз нормативно-правової бази е-урядування, стандарти впровадження у містах.' },
	{ local: 'manager.vinnytsia', role: 'member', handle: 's.moroz', organizationName: 'Вінницька міська рада', position: 'начальник відділу електронного урядування', bio: 'Електронний документообіг, ЦНАП, онлайн-сервіси міста.' },
	{ local: 'manager.mykolaiv', role: 'member', handle: 'mykolaiv.expert', organizationName: 'Миколаївська міська рада', position: 'керівник програми е-урядування', bio: 'Міська програма е-урядування, відкриті дані.' },
	{ local: 'instructor', role: 'member', handle: 'n.honcharenko', organizationName: 'Школа е-урядування', position: 'викладачка', bio: 'Навчання службовців ОМС, е-демократія.' },
	{ local: 'staff.vinnytsia', role: 'observer', handle: 'observer.vinnytsia', organizationName: 'Вінницька міська рада', position: 'спеціаліст', bio: '' }
];

const RESOLUTION_TITLE = 'Резолюція Клубу експертів е-урядування щодо ефективнішого впровадження електронного урядування в містах України';
const RESOLUTION_V1 = [
	'Представники органів місцевого самоврядування та неурядових організацій, учасники Клубу експертів е-урядування, за підсумками чотирьох експертних зустрічей та аналізу нормативно-правової бази звертаються до органів державної влади з такими пропозиціями.',
	'Кабінету Міністрів України розробити державну політику щодо управління інформаційними ресурсами, у межах якої врегулювати внутрішній та зовнішній електронний документообіг органів місцевого самоврядування.',
	'Розробити загальні стандарти впровадження е-урядування в органах місцевого самоврядування з урахуванням практики міст, див. /library/zakon/2017/2155-19.',
	'Передбачити навчання службовців органів місцевого самоврядування з питань е-урядування, зокрема через курс /courses/e-gov-basics.',
	'Забезпечити інтеграцію систем електронного документообігу органів місцевого самоврядування з державними реєстрами.'
];

const RECOMMENDATIONS_TITLE = 'Рекомендації щодо розвитку інструментів електронного урядування за результатами дослідження «100 міст – крок вперед»';
const RECOMMENDATIONS = [
	'Розвивати партнерства щодо обміну інформацією між органами місцевого самоврядування, органами державної влади, громадянським суспільством та приватним сектором з метою задоволення інформаційних потреб споживачів.',
	'Проводити діагностику навчальних потреб та періодично підвищувати кваліфікацію службовців ОМС з метою формування необхідних компетенцій у сфері електронного врядування.',
	'Активізувати використання інструментів зворотного зв’язку з громадськістю: запроваджувати та популяризувати систему електронних звернень, створювати онлайн-приймальні міського голови.',
	'Забезпечувати інтеграцію систем електронного документообігу з геоінформаційними системами, базами даних, внутрішнім порталом та іншими інформаційними ресурсами міста.',
	'Розвивати електронні інструменти в ЦНАП: інформаційні термінали самообслуговування, систему електронної черги, попередній запис через електронні засоби комунікації.',
	'Уряду України розробити та реалізовувати державну політику у сфері кібербезпеки та здійснювати активну політику щодо побудови інфраструктури ІКТ.'
];

export async function seedClub(prisma: PrismaClient): Promise<string> {
	const users = await prisma.user.findMany({ where: { email: { in: MEMBERS.map((m) => `${m.local}@${DOMAIN}`) } }, select: { id: true, email: true, name: true } });
	const byLocal = new Map(users.map((u) => [u.email.split('@')[0]!, u]));
	let members = 0;
	for (const m of MEMBERS) {
		const u = byLocal.get(m.local);
		if (!u) continue;
		const existing = await prisma.clubMember.findUnique({ where: { userId: u.id } });
		if (existing) continue;
		await prisma.clubMember.create({
			data: { userId: u.id, role: m.role, status: 'active', displayName: u.name ?? m.local, organizationName: m.organizationName, position: m.position, bio: m.bio || null, handle: m.handle, approvedAt: new Date() }
		});
		members++;
	}
	const coordinator = byLocal.get('expert');
	if (!coordinator) return 'club: no demo people';
	const actor = { id: coordinator.id, name: coordinator.name };
	const voters = MEMBERS.filter((m) => m.role !== 'observer').map((m) => byLocal.get(m.local)).filter((u): u is NonNullable<typeof u> => !!u);

	let created = 0;
	if (!(await prisma.clubResolution.findFirst({ where: { title: RESOLUTION_TITLE }, select: { id: true } }))) {
		const r = await createResolution(actor, { title: RESOLUTION_TITLE, summary: 'Пропозиції органам державної влади щодо ефективнішого впровадження е-урядування.', text: RESOLUTION_V1.join('\n\n') });
		const member = voters[1] ?? voters[0]!;
		const text = await paragraphsOf(r.id);
		const amendment = await addComment({ id: member.id, name: member.name }, r.id, {
			kind: 'amendment',
			paragraphId: text[4]!.id,
			quote: 'з державними реєстрами',
			proposedText: 'з державними реєстрами та системою електронної взаємодії органів виконавчої влади',
			body: 'Без системи електронної взаємодії інтеграція лише з реєстрами не дасть обміну документами.'
		});
		await decideAmendment(actor, amendment.id, 'accepted', 'Пропозиція уточнює мету інтеграції; прийнято.');
		await addComment({ id: member.id, name: member.name }, r.id, { kind: 'comment', paragraphId: text[2]!.id, body: 'Варто послатися на досвід Вінниці та Миколаєва.' });
		const current = await paragraphsOf(r.id);
		await saveVersion(actor, r.id, [...current.map((p) => p.text), 'Запровадити моніторинг впровадження інструментів е-урядування в містах на постійній основі.'].join('\n\n'), 'Додано пункт про моніторинг');
		await openVoting(r.id);
		for (const v of voters) await castVote({ id: v.id, name: v.name }, r.id, 'for');
		await closeVoting(r.id);
		const a1 = await addAddressee(r.id, { bodyName: 'Кабінет Міністрів України' });
		await markSent(a1.id, new Date(), new Date(Date.now() + 30 * 86_400_000));
		const a2 = await addAddressee(r.id, { bodyName: 'Державне агентство з питань електронного урядування України' });
		await markSent(a2.id, new Date(), new Date(Date.now() + 30 * 86_400_000));
		created++;
	}
	if (!(await prisma.clubResolution.findFirst({ where: { title: RECOMMENDATIONS_TITLE }, select: { id: true } }))) {
		const r = await createResolution(actor, { title: RECOMMENDATIONS_TITLE, kind: 'recommendations', summary: 'Проєкт публічних рекомендацій за результатами моніторингу «100 міст».', text: RECOMMENDATIONS.join('\n\n') });
		// Deadline: 24:00 (Kyiv) three weeks from today, as the centre's call set "до 24:00".
		const wall = utcToKyivWallTime(new Date(Date.now() + 21 * 86_400_000));
		const closesAt = kyivWallTimeToUtc({ year: wall.year, month: wall.month, day: wall.day, hour: 23, minute: 59 });
		await openConsultation(r.id, closesAt, 'Запрошуємо до участі у формуванні публічних рекомендацій щодо розвитку е-урядування в Україні! Залиште коментар до пункту, з яким ви погоджуєтесь чи ні.');
		created++;
	}
	if (!(await prisma.clubDiscussion.findFirst({ where: { title: 'Стандарти впровадження е-урядування в ОМС' }, select: { id: true } }))) {
		const d = await startDiscussion(actor, { title: 'Стандарти впровадження е-урядування в ОМС', topic: 'legal', body: 'Пропоную обговорити, які загальні стандарти варто запропонувати державним органам. @s.moroz, поділіться досвідом Вінниці?' });
		const m = voters[1];
		if (m) await reply({ id: m.id, name: m.name }, d.id, 'У Вінниці почали з єдиного реєстру сервісів і електронної черги в ЦНАП.');
		const resolution = await prisma.clubResolution.findFirst({ where: { title: RESOLUTION_TITLE }, select: { id: true } });
		const start = utcToKyivWallTime(new Date(Date.now() + 44 * 86_400_000));
		await createMeeting({
			title: 'Засідання Клубу експертів е-урядування',
			startsAt: kyivWallTimeToUtc({ year: start.year, month: start.month, day: start.day, hour: 11, minute: 0 }),
			place: 'Вінниця, МГЦЕУ',
			agenda: [
				{ title: 'Стандарти впровадження е-урядування в ОМС', discussionId: d.id },
				...(resolution ? [{ title: 'Звіт про відповіді державних органів на резолюцію', resolutionId: resolution.id }] : [])
			],
			// The events domain's demo has this meeting as an event (registration, reminders, calendar).
			eventId: (await prisma.event.findUnique({ where: { slug: CLUB_MEETING_EVENT }, select: { id: true } }))?.id ?? null,
			materials: [
				{ title: 'Реєстрація на засідання', url: `/events/${CLUB_MEETING_EVENT}` },
				{ title: 'Рекомендації «100 міст – крок вперед»', url: '/consultations' }
			]
		});
		created++;
	}
	return `club: ${members} members, ${created} new items`;
}
