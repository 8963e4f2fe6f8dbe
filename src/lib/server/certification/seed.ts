/**
 * Demo content of the certification domain (idempotent): the sample digital-competence framework,
 * two portal-wide programmes linked to the real courses, and their assignments in the demo councils.
 * Course and quiz ids are the stable ids of courses/ (egov-basics, edms-local-gov, e-democracy-tools).
 */
import type { PrismaClient } from '../db/index.ts';
import { importFramework, sampleFramework } from './framework.ts';
import { createProgramme } from './programmes.ts';
import { createAssignment } from './assignments.ts';

export const SEED_PROGRAMMES = {
	digital: 'tsyfrova-kompetentnist-bazovyi',
	appeals: 'dopusk-elektronni-zvernennia'
} as const;

/** Competencies (codes of the sample framework) and levels each seeded programme certifies. */
const SEED_COMPETENCIES: Record<string, Array<{ code: string; level: number }>> = {
	[SEED_PROGRAMMES.digital]: [
		{ code: '1.1', level: 2 },
		{ code: '2.2', level: 2 },
		{ code: '4.2', level: 1 }
	],
	[SEED_PROGRAMMES.appeals]: [{ code: '2.1', level: 2 }]
};

export async function seedCertification(prisma: PrismaClient): Promise<string> {
	const framework = sampleFramework();
	const competencies = (slug: string) => SEED_COMPETENCIES[slug].map((c) => ({ frameworkSlug: framework.slug, ...c }));
	// Re-imported at every seed: the shipped file may have changed (codes are stable, so assessments and plans keep theirs).
	await importFramework(null, framework, { checkCourses: false });
	let created = 0;
	if (!(await prisma.certificationProgramme.findUnique({ where: { slug: SEED_PROGRAMMES.digital } }))) {
		await createProgramme(
			null,
			{
				slug: SEED_PROGRAMMES.digital,
				titleUk: 'Цифрова компетентність службовця: базовий рівень',
				titleEn: 'Digital competence of an official: basic level',
				descriptionUk: 'Курси «Основи електронного урядування» та «Електронний документообіг», підсумковий тест не нижче 70 %. Чинна 24 місяці; повторна сертифікація — тест за 90 днів до завершення строку.',
				descriptionEn: 'The courses "Foundations of e-government" and "Electronic document management", final test at least 70 %. Valid 24 months; recertification: the test within 90 days before expiry.',
				reminderDays: [30, 7, 1]
			},
			{
				requirements: { courseIds: ['egov-basics', 'edms-local-gov'], examQuizId: 'egov-basics/final', passMark: 70 },
				recertRequirements: { courseIds: [], examQuizId: 'egov-basics/final', passMark: 70 },
				validityMonths: 24,
				windowDays: 90,
				competencies: competencies(SEED_PROGRAMMES.digital),
				note: 'Перша редакція'
			}
		);
		created++;
	}
	if (!(await prisma.certificationProgramme.findUnique({ where: { slug: SEED_PROGRAMMES.appeals } }))) {
		await createProgramme(
			null,
			{
				slug: SEED_PROGRAMMES.appeals,
				titleUk: 'Допуск до роботи з електронними зверненнями',
				titleEn: 'Clearance for handling electronic appeals',
				descriptionUk: 'Щомісячне підтвердження для працівників ЦНАП: практикум «Електронні звернення» не нижче 80 %. Вікно повторної сертифікації відкрите весь місяць дії допуску.',
				descriptionEn: 'A monthly confirmation for service-centre staff: the "Electronic appeals" practice test at least 80 %. The recertification window is open for the whole month of validity.',
				reminderDays: [31, 7, 1]
			},
			{
				requirements: { courseIds: [], examQuizId: 'e-democracy-tools/appeals-check', passMark: 80 },
				recertRequirements: { courseIds: [], examQuizId: 'e-democracy-tools/appeals-check', passMark: 80 },
				validityMonths: 1,
				windowDays: 31,
				competencies: competencies(SEED_PROGRAMMES.appeals),
				note: 'Перша редакція'
			}
		);
		created++;
	}
	const programmes = await prisma.certificationProgramme.findMany({ where: { slug: { in: Object.values(SEED_PROGRAMMES) } } });
	// Demo databases seeded before versions named competencies: the seed's own first versions get theirs
	// (descriptive only: the rules do not change).
	for (const p of programmes)
		await prisma.certificationProgrammeVersion.updateMany({ where: { programmeId: p.id, version: 1, createdById: null, competencies: { equals: [] } }, data: { competencies: competencies(p.slug) } });
	const id = (slug: string) => programmes.find((p) => p.slug === slug)!.id;
	const vin = await prisma.organization.findUnique({ where: { slug: 'vinnytsia-city-council' }, include: { departments: true } });
	const myk = await prisma.organization.findUnique({ where: { slug: 'mykolaiv-city-council' } });
	let assigned = 0;
	if (vin && (await prisma.certificationAssignment.count({ where: { organizationId: vin.id } })) === 0) {
		await createAssignment(null, vin.id, { programmeId: id(SEED_PROGRAMMES.digital), targetType: 'organization', dueKind: 'after_hire', dueDays: 180 });
		const cnap = vin.departments.find((d) => d.nameUk.startsWith('Департамент адміністративних послуг'));
		if (cnap) await createAssignment(null, vin.id, { programmeId: id(SEED_PROGRAMMES.appeals), targetType: 'department', departmentId: cnap.id, dueKind: 'after_assignment', dueDays: 30 });
		assigned++;
	}
	if (myk && (await prisma.certificationAssignment.count({ where: { organizationId: myk.id } })) === 0) {
		await createAssignment(null, myk.id, { programmeId: id(SEED_PROGRAMMES.digital), targetType: 'organization', dueKind: 'fixed', dueDate: new Date(Date.UTC(new Date().getUTCFullYear() + 1, 5, 30, 21)) });
		assigned++;
	}
	return `certification: framework ${framework.slug}, ${created} programmes created, ${assigned} organizations assigned`;
}
