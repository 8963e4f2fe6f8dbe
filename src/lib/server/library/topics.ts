/**
 * Topics of the library, assigned from an act's title by keywords (an editor can change them later).
 * Codes are stable; their names are in the messages catalog (library_topic_<code>).
 */
export const TOPICS = [
	'e_government',
	'access_to_information',
	'transparency',
	'media',
	'budget',
	'defence',
	'emergency',
	'human_rights',
	'standards',
	'labour',
	'health',
	'property',
	'citizenship',
	'language',
	'environment',
	'accounting'
] as const;
export type Topic = (typeof TOPICS)[number];

const RULES: Array<[Topic, RegExp]> = [
	['e_government', /електронн|цифров|інформатизац|інтернет|документообіг|веб-|єпідтримка|інформаційного суспільства/i],
	['access_to_information', /доступ\S* до (публічної )?інформац|інформаці(ю|ї)\b|про інформацію|доступ до судових|доступ до архів/i],
	['transparency', /відкрит|прозор|публічних коштів/i],
	['media', /засоб\S* масової інформації|пресу|друкован/i],
	['budget', /бюджет|резервного фонду|видатк/i],
	['defence', /воєнн|оборон|збройн|військ|дисциплінарний статут|вогнепальної зброї|альтернативну/i],
	['emergency', /надзвичайн|карантин|covid|епідемі|щеплен/i],
	['human_rights', /прав людини|права людини|громадянські і політичні права|женевських|захисту жертв|суспільної моралі|емблем/i],
	['standards', /стандартизац|будівельні норми|містобудуван/i],
	['labour', /охорону праці|трудових відносин|праці\b|організації праці/i],
	['health', /охорон\S* здоров|щеплен|профілактичн/i],
	['property', /власн|оцінку земель|майна|відчуження/i],
	['citizenship', /громадянств/i],
	['language', /мовної політики|мов\S* політик/i],
	['environment', /парникових газів|викидів|довкілл/i],
	['accounting', /бухгалтерський облік|фінансову звітність/i]
];

export function topicsFor(title: string, types: string[] = []): Topic[] {
	const text = `${title} ${types.join(' ')}`;
	return RULES.filter(([, re]) => re.test(text)).map(([t]) => t);
}
