/**
 * Demo content of the ratings. The recommendations are the text of the study «100 міст – крок вперед»
 * (monitoring of the official websites and document flow of the 100 largest cities as of 15 January
 * 2013, ../shared/seeds); the English versions are our translations. The seeds describe what was
 * monitored but carry no per-city figures: the indicators below are built from the study's
 * recommendations, and the measurements the seed generates are demo data, marked so on every page.
 */

export interface IndicatorData {
	code: string;
	uk: string;
	en: string;
	kind: 'binary' | 'scale';
	max?: number;
	weight?: number;
}

export interface CriterionData {
	code: string;
	topic: 'websites' | 'edms';
	uk: string;
	en: string;
	weight: number;
	indicators: IndicatorData[];
}

export const METHODOLOGY = {
	slug: 'sto-mist-2013',
	uk: 'Моніторинг інструментів електронного урядування міст',
	en: 'Monitoring of cities’ e-government tools',
	descriptionUk:
		'Методика дослідження «100 міст – крок вперед»: якість двох базових інструментів електронного урядування — офіційних веб-сайтів і системи електронного документообігу органів місцевого самоврядування. Кожен показник має вагу в межах свого критерію, кожен критерій — вагу в індексі міста.',
	descriptionEn:
		'The method of the study “100 cities – a step forward”: the quality of two basic e-government tools — the official websites and the electronic document management of local self-government. Each indicator has a weight within its criterion, each criterion a weight in the city’s index.'
};

export const CRITERIA: CriterionData[] = [
	{
		code: 'web-open', topic: 'websites', weight: 25, uk: 'Відкритість інформації на сайті', en: 'Openness of information on the website',
		indicators: [
			{ code: 'web-decisions', kind: 'binary', uk: 'Рішення ради та виконкому оприлюднюються', en: 'Council and executive committee decisions are published' },
			{ code: 'web-drafts', kind: 'binary', uk: 'Проєкти рішень оприлюднюються до розгляду', en: 'Draft decisions are published before consideration' },
			{ code: 'web-budget', kind: 'binary', uk: 'Бюджет і звіти про його виконання', en: 'The budget and reports on its execution' },
			{ code: 'web-contacts', kind: 'binary', uk: 'Контакти посадових осіб і підрозділів', en: 'Contacts of officials and departments' },
			{ code: 'web-info-requests', kind: 'binary', uk: 'Порядок подання запитів на публічну інформацію', en: 'How to file a request for public information' },
			{ code: 'web-open-data', kind: 'scale', max: 3, weight: 2, uk: 'Набори відкритих даних (0–3)', en: 'Open data sets (0–3)' }
		]
	},
	{
		code: 'web-feedback', topic: 'websites', weight: 20, uk: 'Зворотний зв’язок і участь громадян', en: 'Feedback and citizen participation',
		indicators: [
			{ code: 'web-e-appeals', kind: 'binary', weight: 2, uk: 'Система електронних звернень', en: 'Electronic appeals' },
			{ code: 'web-appeal-tracking', kind: 'binary', uk: 'Відстеження розгляду е-звернень', en: 'Tracking of e-appeals' },
			{ code: 'web-mayor-reception', kind: 'binary', uk: 'Онлайн-приймальня міського голови', en: 'Mayor’s online reception' },
			{ code: 'web-polls', kind: 'binary', uk: 'Онлайн-опитування та обговорення', en: 'Online polls and discussions' },
			{ code: 'web-comments', kind: 'binary', uk: 'Коментування новин і повідомлень', en: 'Comments on news and announcements' },
			{ code: 'web-social', kind: 'scale', max: 3, uk: 'Використання соціальних мереж (0–3)', en: 'Use of social networks (0–3)' }
		]
	},
	{
		code: 'web-services', topic: 'websites', weight: 20, uk: 'Онлайн-сервіси для громадян і бізнесу', en: 'Online services for citizens and business',
		indicators: [
			{ code: 'web-services-list', kind: 'binary', uk: 'Повний перелік адміністративних послуг', en: 'A full list of administrative services' },
			{ code: 'web-target-groups', kind: 'binary', uk: 'Тематичні розділи для цільових груп', en: 'Sections for target groups' },
			{ code: 'web-forms', kind: 'binary', uk: 'Бланки документів для завантаження й друку', en: 'Forms to download and print' },
			{ code: 'web-doc-tracking', kind: 'binary', uk: 'Відстеження руху поданих документів', en: 'Tracking of submitted documents' },
			{ code: 'web-online-level', kind: 'scale', max: 4, weight: 3, uk: 'Рівень надання послуг онлайн (0–4)', en: 'Level of online services (0–4)' }
		]
	},
	{
		code: 'web-tech', topic: 'websites', weight: 10, uk: 'Технічні характеристики сайту', en: 'Technical quality of the website',
		indicators: [
			{ code: 'web-search', kind: 'binary', uk: 'Пошук по сайту', en: 'Site search' },
			{ code: 'web-sitemap', kind: 'binary', uk: 'Мапа сайту', en: 'Site map' },
			{ code: 'web-structure', kind: 'scale', max: 3, uk: 'Логічна структура (0–3)', en: 'Logical structure (0–3)' },
			{ code: 'web-freshness', kind: 'scale', max: 3, uk: 'Оперативність оновлення (0–3)', en: 'Timeliness of updates (0–3)' },
			{ code: 'web-accessibility', kind: 'scale', max: 3, uk: 'Доступність для людей з інвалідністю (0–3)', en: 'Accessibility for people with disabilities (0–3)' }
		]
	},
	{
		code: 'edms-core', topic: 'edms', weight: 15, uk: 'Система електронного документообігу', en: 'Electronic document management',
		indicators: [
			{ code: 'edms-in-use', kind: 'binary', weight: 2, uk: 'СЕД впроваджена у виконавчих органах', en: 'An EDMS is used by the executive bodies' },
			{ code: 'edms-coverage', kind: 'scale', max: 100, weight: 2, uk: 'Частка підрозділів, що працюють у СЕД, %', en: 'Share of departments working in the EDMS, %' },
			{ code: 'edms-signature', kind: 'binary', uk: 'Електронний підпис у документообігу', en: 'Electronic signatures in document flow' },
			{ code: 'edms-training', kind: 'binary', uk: 'Навчання працівників роботі з СЕД', en: 'Staff trained to use the EDMS' }
		]
	},
	{
		code: 'edms-integration', topic: 'edms', weight: 10, uk: 'Інтеграція та захист документообігу', en: 'Integration and protection of document flow',
		indicators: [
			{ code: 'edms-gis', kind: 'binary', uk: 'Інтеграція з ГІС, базами даних, внутрішнім порталом', en: 'Integration with GIS, databases, the intranet' },
			{ code: 'edms-utilities', kind: 'binary', uk: 'Комунальні служби в спільній СЕД', en: 'Municipal services in the shared EDMS' },
			{ code: 'edms-interagency', kind: 'binary', uk: 'Обмін документами з органами влади', en: 'Document exchange with state bodies' },
			{ code: 'edms-security', kind: 'binary', uk: 'Захист від несанкціонованого доступу', en: 'Protection against unauthorised access' }
		]
	}
];

/** slug | Ukrainian | English | region (ISO 3166-2:UA). The largest cities of Ukraine by the 2013 count. */
export const CITIES_TEXT = `kyiv|Київ|Kyiv|UA-30
kharkiv|Харків|Kharkiv|UA-63
odesa|Одеса|Odesa|UA-51
dnipro|Дніпро|Dnipro|UA-12
donetsk|Донецьк|Donetsk|UA-14
zaporizhzhia|Запоріжжя|Zaporizhzhia|UA-23
lviv|Львів|Lviv|UA-46
kryvyi-rih|Кривий Ріг|Kryvyi Rih|UA-12
mykolaiv|Миколаїв|Mykolaiv|UA-48
mariupol|Маріуполь|Mariupol|UA-14
luhansk|Луганськ|Luhansk|UA-09
vinnytsia|Вінниця|Vinnytsia|UA-05
makiivka|Макіївка|Makiivka|UA-14
sevastopol|Севастополь|Sevastopol|UA-40
simferopol|Сімферополь|Simferopol|UA-43
kherson|Херсон|Kherson|UA-65
poltava|Полтава|Poltava|UA-53
chernihiv|Чернігів|Chernihiv|UA-74
cherkasy|Черкаси|Cherkasy|UA-71
khmelnytskyi|Хмельницький|Khmelnytskyi|UA-68
sumy|Суми|Sumy|UA-59
zhytomyr|Житомир|Zhytomyr|UA-18
chernivtsi|Чернівці|Chernivtsi|UA-77
horlivka|Горлівка|Horlivka|UA-14
rivne|Рівне|Rivne|UA-56
kamianske|Кам’янське|Kamianske|UA-12
kropyvnytskyi|Кропивницький|Kropyvnytskyi|UA-35
ivano-frankivsk|Івано-Франківськ|Ivano-Frankivsk|UA-26
kremenchuk|Кременчук|Kremenchuk|UA-53
ternopil|Тернопіль|Ternopil|UA-61
lutsk|Луцьк|Lutsk|UA-07
bila-tserkva|Біла Церква|Bila Tserkva|UA-32
kramatorsk|Краматорськ|Kramatorsk|UA-14
melitopol|Мелітополь|Melitopol|UA-23
kerch|Керч|Kerch|UA-43
nikopol|Нікополь|Nikopol|UA-12
sloviansk|Слов’янськ|Sloviansk|UA-14
uzhhorod|Ужгород|Uzhhorod|UA-21
berdiansk|Бердянськ|Berdiansk|UA-23
alchevsk|Алчевськ|Alchevsk|UA-09
yevpatoriia|Євпаторія|Yevpatoriia|UA-43
pavlohrad|Павлоград|Pavlohrad|UA-12
sievierodonetsk|Сєвєродонецьк|Sievierodonetsk|UA-09
kamianets-podilskyi|Кам’янець-Подільський|Kamianets-Podilskyi|UA-68
lysychansk|Лисичанськ|Lysychansk|UA-09
khrustalnyi|Хрустальний|Khrustalnyi|UA-09
oleksandriia|Олександрія|Oleksandriia|UA-35
yenakiieve|Єнакієве|Yenakiieve|UA-14
konotop|Конотоп|Konotop|UA-59
kadiivka|Кадіївка|Kadiivka|UA-09
uman|Умань|Uman|UA-71
berdychiv|Бердичів|Berdychiv|UA-18
shostka|Шостка|Shostka|UA-59
brovary|Бровари|Brovary|UA-32
mukachevo|Мукачево|Mukachevo|UA-21
bakhmut|Бахмут|Bakhmut|UA-14
izmail|Ізмаїл|Izmail|UA-51
yalta|Ялта|Yalta|UA-43
drohobych|Дрогобич|Drohobych|UA-46
kovel|Ковель|Kovel|UA-07
feodosiia|Феодосія|Feodosiia|UA-43
nizhyn|Ніжин|Nizhyn|UA-74
kostiantynivka|Костянтинівка|Kostiantynivka|UA-14
khartsyzk|Харцизьк|Khartsyzk|UA-14
sheptytskyi|Шептицький|Sheptytskyi|UA-46
pervomaisk|Первомайськ|Pervomaisk|UA-48
kalush|Калуш|Kalush|UA-26
pokrovsk|Покровськ|Pokrovsk|UA-14
stryi|Стрий|Stryi|UA-46
kolomyia|Коломия|Kolomyia|UA-26
zhovti-vody|Жовті Води|Zhovti Vody|UA-12
enerhodar|Енергодар|Enerhodar|UA-23
marhanets|Марганець|Marhanets|UA-12
boryspil|Бориспіль|Boryspil|UA-32
lozova|Лозова|Lozova|UA-63
pokrov|Покров|Pokrov|UA-12
fastiv|Фастів|Fastiv|UA-32
chornomorsk|Чорноморськ|Chornomorsk|UA-51
smila|Сміла|Smila|UA-71
romny|Ромни|Romny|UA-59
myrhorod|Миргород|Myrhorod|UA-53
dzhankoi|Джанкой|Dzhankoi|UA-43
bilhorod-dnistrovskyi|Білгород-Дністровський|Bilhorod-Dnistrovskyi|UA-51
korosten|Коростень|Korosten|UA-18
zviahel|Звягель|Zviahel|UA-18
kupiansk|Куп’янськ|Kupiansk|UA-63
chuhuiv|Чугуїв|Chuhuiv|UA-63
izium|Ізюм|Izium|UA-63
okhtyrka|Охтирка|Okhtyrka|UA-59
lubny|Лубни|Lubny|UA-53
nova-kakhovka|Нова Каховка|Nova Kakhovka|UA-65
podilsk|Подільськ|Podilsk|UA-51
zhmerynka|Жмеринка|Zhmerynka|UA-05
mohyliv-podilskyi|Могилів-Подільський|Mohyliv-Podilskyi|UA-05
vasylkiv|Васильків|Vasylkiv|UA-32
irpin|Ірпінь|Irpin|UA-32
shepetivka|Шепетівка|Shepetivka|UA-68
dubno|Дубно|Dubno|UA-56
varash|Вараш|Varash|UA-56
svitlovodsk|Світловодськ|Svitlovodsk|UA-35`;

export const CITIES = CITIES_TEXT.split('\n').map((line) => {
	const [slug, uk, en, region] = line.split('|') as [string, string, string, string];
	return { slug, uk, en, region };
});

type Rec = { audience: 'cities' | 'scientists' | 'government'; topic: string; uk: string; en: string };

/** The study's recommendations, in its order. */
export const RECOMMENDATIONS: Rec[] = [
	{ audience: 'cities', topic: 'general', uk: 'Розвивати партнерства щодо обміну інформацією між органами місцевого самоврядування, органами державної влади, громадянським суспільством та приватним сектором з метою задоволення інформаційних потреб споживачів та підвищення якості публічних послуг.', en: 'Develop partnerships for exchanging information between local self-government, state bodies, civil society and the private sector to meet users’ information needs and improve public services.' },
	{ audience: 'cities', topic: 'general', uk: 'Проводити діагностику навчальних потреб та періодично підвищувати кваліфікацію службовців ОМС з метою формування необхідних компетенцій у сфері електронного врядування.', en: 'Assess training needs and regularly train local government staff to build the competencies e-government requires.' },
	{ audience: 'cities', topic: 'general', uk: 'Організовувати проведення спільних заходів з вітчизняними та зарубіжними містами-партнерами, які досягнули певних успіхів щодо розвитку інструментів електронного врядування, з метою зменшення опору змінам серед співробітників ОМС.', en: 'Hold joint events with Ukrainian and foreign partner cities that have succeeded with e-government tools, to reduce staff resistance to change.' },
	{ audience: 'cities', topic: 'general', uk: 'Залучати фахівців різних напрямків (громадських діячів, науковців та ін.) при написанні муніципальних стратегічних та програмних документів в сфері електронного урядування.', en: 'Involve experts of various fields (civic activists, scholars and others) in writing municipal e-government strategies and programmes.' },
	{ audience: 'cities', topic: 'websites', uk: 'При створенні сайтів обирати актуальну універсальну платформу, яка дасть можливість в перспективі розширити можливості сайту, максимально синхронізувати бази даних, сервіси із внутрішніми електронними ресурсами.', en: 'Build websites on a current, general-purpose platform that can grow and synchronise databases and services with internal electronic resources.' },
	{ audience: 'cities', topic: 'websites', uk: 'Вжити заходи щодо забезпечення максимальної відкритості наявних інформаційних ресурсів.', en: 'Make the existing information resources as open as possible.' },
	{ audience: 'cities', topic: 'websites', uk: 'Розробити критерії щодо вмотивованих обмежень доступу до інформаційних ресурсів.', en: 'Define criteria for justified restrictions of access to information resources.' },
	{ audience: 'cities', topic: 'websites', uk: 'Активізувати використання інструментів зворотного зв’язку з громадськістю: запроваджувати та популяризувати систему електронних звернень, створювати онлайн-приймальні міського голови та інструменти для відстеження опрацювання е-звернень; підвищувати ефективність використання соціальних мереж; залучати громадян до прийняття рішень через онлайн-опитування, обговорення, коментування новин.', en: 'Use feedback tools more: introduce and promote electronic appeals, mayor’s online receptions and tracking of e-appeals; use social networks better; involve citizens in decisions through online polls, discussions and comments on news.' },
	{ audience: 'cities', topic: 'websites', uk: 'Приділити увагу створенню онлайн-сервісів для громадян та юридичних осіб: повний перелік адміністративних послуг на сайті, тематичні розділи для цільових груп, поступове переведення адмінпослуг в режим онлайн, можливість роздрукувати необхідні документи та відстежувати рух поданих документів.', en: 'Create online services for residents and businesses: a full list of administrative services, sections for target groups, moving services online step by step, printable forms and tracking of submitted documents.' },
	{ audience: 'cities', topic: 'websites', uk: 'Звернути увагу на покращення технічних характеристик сайту: пошукова система, мапа сайту, логічна структурованість, оперативність оновлення інформації.', en: 'Improve the technical side of the website: search, a site map, a logical structure, timely updates.' },
	{ audience: 'cities', topic: 'edms', uk: 'Зайняти більш активну позицію у формуванні та модернізації нормативно-правового забезпечення електронного документообігу; лобістами й координаторами можуть виступити асоціації міст з позитивним досвідом.', en: 'Take a more active part in shaping the legal framework of electronic document flow; associations of cities with good experience can lead and coordinate.' },
	{ audience: 'cities', topic: 'edms', uk: 'Вивчати кращий досвід використання інструментів е-врядування та адаптувати його для власного муніципалітету.', en: 'Study the best experience with e-government tools and adapt it to one’s own municipality.' },
	{ audience: 'cities', topic: 'edms', uk: 'При впровадженні СЕД проводити навчання та пояснювати працівникам переваги системи, що зменшить опір і забезпечить підтримку безпосередніх користувачів.', en: 'When introducing an EDMS, train staff and explain its benefits: this reduces resistance and wins the users’ support.' },
	{ audience: 'cities', topic: 'edms', uk: 'Забезпечувати інтеграцію систем електронного документообігу з геоінформаційними системами, базами даних, внутрішнім порталом та іншими інформаційними ресурсами міста.', en: 'Integrate document management with GIS, databases, the intranet and the city’s other information resources.' },
	{ audience: 'cities', topic: 'edms', uk: 'Сприяти інтеграції комунальних служб до спільної системи електронного документообігу.', en: 'Bring municipal services into the shared document management system.' },
	{ audience: 'cities', topic: 'edms', uk: 'Приділяти більше уваги захисту інформаційних ресурсів від несанкціонованого доступу, модифікації чи знищення.', en: 'Pay more attention to protecting information resources from unauthorised access, alteration or destruction.' },
	{ audience: 'cities', topic: 'cnap', uk: 'Створити рецепцію (інформаційно-консультаційний пункт) у кожному ЦНАП як невід’ємну частину центру.', en: 'Set up a reception desk (information point) in every administrative service centre.' },
	{ audience: 'cities', topic: 'cnap', uk: 'Розвивати електронні інструменти в ЦНАП: інформаційні термінали самообслуговування, системи електронної черги.', en: 'Develop electronic tools in the centres: self-service terminals and electronic queues.' },
	{ audience: 'cities', topic: 'cnap', uk: 'Створювати умови для людей з обмеженими фізичними можливостями: кнопки виклику, пандуси, ліфти, пристосовані термінали, спеціальні місця для очікування.', en: 'Provide for people with disabilities: call buttons, ramps, lifts, adapted terminals, special waiting places.' },
	{ audience: 'cities', topic: 'cnap', uk: 'Сприяти розвитку супутніх послуг у приміщенні ЦНАП (ксерокопія, банківські послуги, канцтовари, дитячі кімнати).', en: 'Encourage related services on site (copying, banking, stationery, children’s rooms).' },
	{ audience: 'cities', topic: 'cnap', uk: 'Створювати механізми отримання думки споживача через різні канали: електронні ресурси, анкетування, скриньки та книги відгуків; інформація про способи оцінки послуг має бути доступною для відвідувачів.', en: 'Collect users’ opinions through several channels — online, questionnaires, feedback boxes and books — and tell visitors how they can rate the services.' },
	{ audience: 'cities', topic: 'cnap', uk: 'Створювати можливість попереднього запису до ЦНАП під час особистого візиту, по телефону чи через електронні засоби комунікації.', en: 'Allow booking a visit in advance — in person, by phone or online.' },
	{ audience: 'scientists', topic: 'general', uk: 'Узагальнити напрацювання щодо категоріального апарату та розробити тезаурус з питань електронного врядування та електронного документообігу.', en: 'Consolidate the terminology and develop a thesaurus of e-government and electronic document flow.' },
	{ audience: 'scientists', topic: 'general', uk: 'Вдосконалити методологію моніторингу інформаційних ресурсів органів місцевого самоврядування та проводити такий моніторинг на постійній основі.', en: 'Improve the methodology of monitoring local governments’ information resources and monitor them regularly.' },
	{ audience: 'scientists', topic: 'general', uk: 'Брати активну участь у формуванні передумов для комплексного розвитку системи електронного урядування на всіх рівнях державного управління.', en: 'Take an active part in creating the conditions for developing e-government at every level of public administration.' },
	{ audience: 'government', topic: 'general', uk: 'Розробити державну політику щодо управління інформаційними ресурсами, в контексті якої буде реалізовано внутрішній та зовнішній документообіг органів місцевого самоврядування.', en: 'Develop a state policy on managing information resources that covers the internal and external document flow of local self-government.' },
	{ audience: 'government', topic: 'general', uk: 'Розробити та реалізовувати державну політику у сфері кібербезпеки.', en: 'Develop and implement a state cybersecurity policy.' },
	{ audience: 'government', topic: 'general', uk: 'Здійснювати активну політику щодо побудови й удосконалення інформаційних магістралей та іншої інфраструктури ІКТ.', en: 'Actively build and improve information highways and other ICT infrastructure.' }
];
