/**
 * The classifier «Е-врядування на регіональному рівні» and the tools a case uses. The seeds (the
 * depository project's plan) name the classifier but not its content; this tree is our reading of the
 * project's themes (e-administration, e-services, e-democracy, openness, infrastructure and people)
 * and the tools the "100 cities" study and the city programmes mention.
 */
export const CLASSIFIER: ReadonlyArray<{ code: string; uk: string; en: string }> = [
	{ code: '1', uk: 'Електронне управління', en: 'E-administration' },
	{ code: '1.1', uk: 'Електронний документообіг', en: 'Electronic document management' },
	{ code: '1.2', uk: 'Внутрішні портали та бази даних', en: 'Intranets and databases' },
	{ code: '1.3', uk: 'Геоінформаційні системи', en: 'Geographic information systems' },
	{ code: '1.4', uk: 'Управління муніципальними ресурсами', en: 'Management of municipal resources' },
	{ code: '2', uk: 'Електронні послуги', en: 'E-services' },
	{ code: '2.1', uk: 'Офіційні веб-сайти', en: 'Official websites' },
	{ code: '2.2', uk: 'ЦНАП та адміністративні послуги онлайн', en: 'Service centres and online administrative services' },
	{ code: '2.3', uk: 'Електронна черга та попередній запис', en: 'Electronic queues and booking' },
	{ code: '2.4', uk: 'Комунальні послуги та платежі', en: 'Utilities and payments' },
	{ code: '3', uk: 'Електронна демократія', en: 'E-democracy' },
	{ code: '3.1', uk: 'Електронні звернення', en: 'Electronic appeals' },
	{ code: '3.2', uk: 'Електронні петиції', en: 'E-petitions' },
	{ code: '3.3', uk: 'Бюджет участі', en: 'Participatory budgeting' },
	{ code: '3.4', uk: 'Онлайн-консультації та опитування', en: 'Online consultations and polls' },
	{ code: '4', uk: 'Відкритість і прозорість', en: 'Openness and transparency' },
	{ code: '4.1', uk: 'Відкриті дані', en: 'Open data' },
	{ code: '4.2', uk: 'Публічні закупівлі та бюджет', en: 'Public procurement and budget' },
	{ code: '5', uk: 'Інфраструктура та кадри', en: 'Infrastructure and people' },
	{ code: '5.1', uk: 'Навчання службовців', en: 'Training of civil servants' },
	{ code: '5.2', uk: 'Інформаційна безпека', en: 'Information security' },
	{ code: '5.3', uk: 'Публічний доступ і термінали', en: 'Public access and terminals' }
];

export const TOOLS: ReadonlyArray<{ code: string; uk: string; en: string }> = [
	{ code: 'website', uk: 'Офіційний веб-сайт', en: 'Official website' },
	{ code: 'edms', uk: 'Система електронного документообігу', en: 'Document management system' },
	{ code: 'e-appeals', uk: 'Електронні звернення', en: 'Electronic appeals' },
	{ code: 'e-petitions', uk: 'Електронні петиції', en: 'E-petitions' },
	{ code: 'open-data', uk: 'Портал відкритих даних', en: 'Open data portal' },
	{ code: 'gis', uk: 'ГІС', en: 'GIS' },
	{ code: 'e-queue', uk: 'Електронна черга', en: 'Electronic queue' },
	{ code: 'terminals', uk: 'Інформаційні термінали', en: 'Information kiosks' },
	{ code: 'participatory-budget', uk: 'Бюджет участі', en: 'Participatory budget' },
	{ code: 'e-procurement', uk: 'Електронні закупівлі', en: 'E-procurement' },
	{ code: 'mobile-app', uk: 'Мобільний застосунок', en: 'Mobile app' }
];

const parentOf = (code: string) => (code.includes('.') ? code.slice(0, code.lastIndexOf('.')) : null);

export interface ClassifierNode {
	code: string;
	title: string;
	children: ClassifierNode[];
}

export function classifierTree(locale: string, nodes: ReadonlyArray<{ code: string; uk: string; en: string }> = CLASSIFIER): ClassifierNode[] {
	const byCode = new Map<string, ClassifierNode>();
	const roots: ClassifierNode[] = [];
	for (const n of nodes) {
		const node = { code: n.code, title: locale === 'en' ? n.en : n.uk, children: [] };
		byCode.set(n.code, node);
		const p = parentOf(n.code);
		const parent = p ? byCode.get(p) : undefined;
		(parent ? parent.children : roots).push(node);
	}
	return roots;
}

export function classifierTitle(code: string, locale: string): string {
	const n = CLASSIFIER.find((x) => x.code === code);
	return n ? `${n.code} ${locale === 'en' ? n.en : n.uk}` : code;
}

export function toolTitle(code: string, locale: string): string {
	const t = TOOLS.find((x) => x.code === code);
	return t ? (locale === 'en' ? t.en : t.uk) : code;
}

/** A filter on a classifier code matches the code and everything under it. */
export function classifierMatches(filter: string, codes: string[]): boolean {
	return codes.some((c) => c === filter || c.startsWith(`${filter}.`));
}
