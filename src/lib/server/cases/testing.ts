import type { CaseInput } from './cases.ts';

/** For the tests: a complete case (ready to submit), changed by `patch`. */
export function caseInput(patch: Partial<CaseInput> = {}): CaseInput {
	return {
		title: 'Електронна черга',
		lang: 'uk',
		problem: 'Черги в ЦНАП',
		solution: 'Електронна черга й попередній запис',
		results: 'Час очікування скоротився',
		figures: [],
		costs: '',
		replicability: 'Будь-яке місто з ЦНАП',
		contacts: 'ЦНАП',
		attachments: [],
		tools: ['e-queue'],
		classifierCodes: ['2.3'],
		region: 'UA-05',
		city: 'Вінниця',
		year: 2024,
		organizationName: 'Вінницька міська рада',
		actSlugs: [],
		courseSlugs: [],
		articleSlugs: [],
		...patch
	};
}
