import type { PrismaClient } from '../db/index.ts';
import { CLASSIFIER } from './classifier.ts';

/**
 * Demo cases drawn from the seeds: Vinnytsia's e-government centre and its public access terminals
 * and school, Mykolaiv's working group and citizens' service centre, Voznesensk's city programme.
 * Figures are those the seeds give; where they give none the case says so.
 */
const CASES = [
	{
		slug: 'vinnytsia-terminaly-ta-publichnyi-portal',
		author: 'staff.vinnytsia@demo.maisternia.ua',
		title: 'Термінали доступу та публічний портал Вінницької міської ради',
		problem: 'Мешканці не мали зручного доступу до електронної інформації міської ради; документообіг виконавчих органів був переважно паперовим.',
		solution: 'У 2006 році ГО «Ініціатива» (заснована ГО «Подільська агенція регіонального розвитку») за підтримки Міжнародного фонду «Відродження» встановила термінали доступу до електронних ресурсів міста, створила публічний портал доступу до електронної інформації, посилила структуру електронного документообігу міської ради.',
		results: 'Перший етап розвитку публічного компонента е-урядування у Вінницькій міській раді; запущено пілотну промоційну веб-сторінку територіальної громади.',
		figures: [{ label: 'Рік запуску', value: '2006', unit: '' }],
		costs: 'Грант Міжнародного фонду «Відродження» (сума в джерелі не наведена).',
		replicability: 'Підходить для обласних центрів: термінали в місцях прийому громадян і публічний портал на базі наявного сайту ради.',
		contacts: 'ГО «Подільська агенція регіонального розвитку», +38 (0432) 69 44 32',
		tools: ['terminals', 'website', 'edms'],
		classifierCodes: ['5.3', '2.1', '1.1'],
		region: 'UA-05', city: 'Вінниця', year: 2006, organizationName: 'ГО «Подільська агенція регіонального розвитку»',
		actSlugs: [] as string[], courseSlugs: [] as string[]
	},
	{
		slug: 'vinnytsia-shkola-e-uriaduvannia',
		author: 'staff.vinnytsia@demo.maisternia.ua',
		title: 'Школа «Е-урядування» та одноденні стажування для інших міст',
		problem: 'Громадяни та службовці мало знали про інструменти е-урядування; інші міста не мали де побачити їх у роботі.',
		solution: 'На базі Муніципально-громадського центру е-урядування діє Школа «Е-урядування» для журналістів, студентів, представників НУО та міської ради; для представників ОМС і НУО інших міст проводяться одноденні стажування «Технології електронного урядування на прикладі Вінницької міської ради».',
		results: 'Понад 200 представників громади пройшли навчання; у стажуваннях взяли участь представники 25 міст України.',
		figures: [{ label: 'Пройшли навчання', value: '200+', unit: 'осіб' }, { label: 'Міст на стажуваннях', value: '25', unit: '' }],
		costs: 'Не наведено в джерелі.',
		replicability: 'Модель «школа + стажування» переноситься на будь-яке місто з працюючими інструментами е-урядування.',
		contacts: 'Муніципально-громадський центр е-урядування, Вінниця',
		tools: ['website', 'e-appeals'],
		classifierCodes: ['5.1'],
		region: 'UA-05', city: 'Вінниця', year: 2012, organizationName: 'Муніципально-громадський центр е-урядування',
		actSlugs: [], courseSlugs: ['osnovy-e-uriaduvannia']
	},
	{
		slug: 'mykolaiv-robocha-hrupa-ta-tsog',
		author: 'staff.mykolaiv@demo.maisternia.ua',
		title: 'Миколаїв: робоча група з е-врядування і Центр обслуговування громадян',
		problem: 'Дослідження 2010 року «Рівень розвитку соціальних комунікацій при формуванні та реалізації міської політики розвитку м. Миколаєва» показало слабкий зв’язок влади з громадою.',
		solution: 'Розпорядженням міського голови від 21.09.2009 № 578р створено робочу групу з впровадження е-врядування, е-демократії та ISO 9001:2008. Проєкт «Просування технологій е-урядування та е-демократії у м. Миколаєві» (МФ «Відродження») підтримав перший етап міської програми: модернізацію сайту міськради, інтерактивний сайт міського голови, Центр обслуговування громадян — інформаційну службу з типовим апаратно-програмним комплексом.',
		results: 'Запрацював інтерактивний сайт міського голови; ЦОГ надає доступ до ресурсів і сервісів Інтернету незалежно від віку, соціального статусу й рівня володіння комп’ютером.',
		figures: [] as Array<{ label: string; value: string; unit: string }>,
		costs: 'Грант МФ «Відродження» (сума в джерелі не наведена).',
		replicability: 'Робоча група при міському голові та ЦОГ можливі в кожному обласному центрі.',
		contacts: 'ММГО «Фонд розвитку м. Миколаєва»',
		tools: ['website', 'terminals', 'e-appeals'],
		classifierCodes: ['3.1', '5.3'],
		region: 'UA-48', city: 'Миколаїв', year: 2010, organizationName: 'ММГО «Фонд розвитку м. Миколаєва»',
		actSlugs: [], courseSlugs: []
	},
	{
		slug: 'voznesensk-miska-prohrama-e-uriaduvannia',
		author: 'editor@demo.maisternia.ua',
		title: 'Вознесенськ: міська програма «Електронне урядування у виконавчих органах» на 2011–2015 роки',
		problem: 'Управлінський процес міської ради потребував демократизації та єдиного інформаційного простору.',
		solution: 'Рішенням IX сесії міської ради VI скликання від 10.06.2011 № 4 затверджено програму «Електронне урядування у виконавчих органах Вознесенської міської ради — ефективна влада для мешканців». Програма визначає політику щодо інформаційних ресурсів, принципи єдиного інформаційного простору та інформаційно-аналітичного забезпечення.',
		results: 'Програма стала першим кроком міста до е-урядування; конкретні показники в джерелі не наведено.',
		figures: [{ label: 'Строк програми', value: '2011–2015', unit: '' }],
		costs: 'Визначено в додатках до програми (у джерелі не наведено).',
		replicability: 'Структура програми придатна як зразок для малих міст.',
		contacts: 'Вознесенська міська рада',
		tools: ['edms', 'website'],
		classifierCodes: ['1', '1.1'],
		region: 'UA-48', city: 'Вознесенськ', year: 2011, organizationName: 'Вознесенська міська рада',
		actSlugs: [], courseSlugs: []
	}
];

export async function seedCases(prisma: PrismaClient): Promise<string> {
	for (const [i, n] of CLASSIFIER.entries()) {
		const parentCode = n.code.includes('.') ? n.code.slice(0, n.code.lastIndexOf('.')) : null;
		await prisma.caseClassifierNode.upsert({ where: { code: n.code }, create: { code: n.code, parentCode, titleUk: n.uk, titleEn: n.en, position: i }, update: {} });
	}
	const users = new Map((await prisma.user.findMany({ where: { email: { endsWith: '@demo.maisternia.ua' } }, select: { id: true, email: true } })).map((u) => [u.email, u.id]));
	let created = 0;
	for (const c of CASES) {
		if (await prisma.practiceCase.findUnique({ where: { slug: c.slug }, select: { id: true } })) continue;
		const { author, ...data } = c;
		await prisma.practiceCase.create({ data: { ...data, status: 'published', publishedAt: new Date(Date.UTC(c.year + 1, 0, 15)), authorId: users.get(author) ?? 'demo' } });
		created++;
	}
	const draftSlug = 'mykolaiv-elektronni-zvernennia-chernetka';
	if (!(await prisma.practiceCase.findUnique({ where: { slug: draftSlug }, select: { id: true } }))) {
		await prisma.practiceCase.create({
			data: {
				slug: draftSlug,
				status: 'submitted',
				submittedAt: new Date(),
				title: 'Електронні звернення до Миколаївської міської ради',
				problem: 'Звернення громадян надходили лише на папері, їх розгляд неможливо було відстежити.',
				solution: 'Система електронних звернень на сайті міської ради з відстеженням розгляду.',
				results: 'Демонстраційний кейс, поданий на редакційний розгляд.',
				replicability: 'Високий.',
				contacts: 'Миколаївська міська рада',
				tools: ['e-appeals'],
				classifierCodes: ['3.1'],
				region: 'UA-48', city: 'Миколаїв', year: 2014, organizationName: 'Миколаївська міська рада',
				authorId: users.get('staff.mykolaiv@demo.maisternia.ua') ?? 'demo'
			}
		});
		created++;
	}
	// The seed runs before the job runner starts: the search index is brought up to date directly, for
	// these cases and for those the contests' seed published from winning entries.
	const search = await import('../search/index.ts');
	const published = await prisma.practiceCase.count({ where: { status: 'published' } });
	const indexed = created || (await search.searchEngine().count('case')) < published ? await search.reindexAll('case') : 0;
	return `cases: ${CLASSIFIER.length} classifier nodes, ${created} new cases, ${indexed} indexed`;
}
