import type { PrismaClient } from '../../src/lib/server/db/index.ts';
import type { GlobalRole, OrgKind, OrgRole } from '../../src/lib/server/db/generated/enums.ts';
import { hashPassword } from '../../src/lib/server/auth/password.ts';

/**
 * Demo content for a fresh portal (SEED_DEMO=true at start, or `npm run db:seed`): the organizations
 * of the project's sources (../shared/seeds: the Vinnytsia e-government centre at PARR, the Mykolaiv
 * programme of the Mykolaiv Development Fund, the Voznesensk city programme 2011-2015) with their
 * departments, and one demo person for every role.
 *
 * Idempotent: everything is found by its natural key (organization slug, department name within
 * its organization, user e-mail, user + organization) and created only when missing; existing rows
 * are brought to the seed's values only where they differ, so a second run changes nothing.
 */
export const DEMO_PASSWORD = 'Demo-2026!';
export const DEMO_DOMAIN = 'demo.maisternia.ua';

interface OrgSeed {
	slug: string;
	nameUk: string;
	nameEn: string;
	shortNameUk: string;
	shortNameEn: string;
	kind: OrgKind;
	city: string;
	website: string | null;
	departments: Array<[uk: string, en: string]>;
}

export const DEMO_ORGANIZATIONS: OrgSeed[] = [
	{
		slug: 'vinnytsia-city-council',
		nameUk: 'Вінницька міська рада',
		nameEn: 'Vinnytsia City Council',
		shortNameUk: 'Вінницька МР',
		shortNameEn: 'Vinnytsia CC',
		kind: 'local_government',
		city: 'Вінниця',
		website: 'https://www.vmr.gov.ua',
		departments: [
			['Відділ електронного урядування', 'E-Government Division'],
			['Департамент інформаційних технологій', 'Information Technology Department'],
			[
				'Департамент адміністративних послуг (ЦНАП «Прозорий офіс»)',
				'Administrative Services Department ("Transparent Office" service centre)'
			],
			['Загальний відділ (документообіг)', 'General Division (records management)'],
			['Юридичний відділ', 'Legal Division']
		]
	},
	{
		slug: 'mykolaiv-city-council',
		nameUk: 'Миколаївська міська рада',
		nameEn: 'Mykolaiv City Council',
		shortNameUk: 'Миколаївська МР',
		shortNameEn: 'Mykolaiv CC',
		kind: 'local_government',
		city: 'Миколаїв',
		website: 'https://mkrada.gov.ua',
		departments: [
			[
				'Департамент забезпечення діяльності виконавчих органів',
				'Department for Support of the Executive Bodies'
			],
			['Департамент фінансів', 'Finance Department'],
			['Управління адміністративних послуг (ЦНАП)', 'Administrative Services Department (service centre)'],
			['Загальний відділ (документообіг)', 'General Division (records management)']
		]
	},
	{
		slug: 'voznesensk-city-council',
		nameUk: 'Вознесенська міська рада',
		nameEn: 'Voznesensk City Council',
		shortNameUk: 'Вознесенська МР',
		shortNameEn: 'Voznesensk CC',
		kind: 'local_government',
		city: 'Вознесенськ',
		website: null,
		departments: [
			['Управління праці та соціального захисту населення', 'Department of Labour and Social Protection'],
			['Загальний відділ виконавчого комітету (документообіг)', 'General Division of the Executive Committee (records management)'],
			['Єдина диспетчерська служба міста', 'City Unified Dispatch Service']
		]
	},
	{
		slug: 'podilska-ahentsiia-rehionalnoho-rozvytku',
		nameUk: 'ГО «Подільська агенція регіонального розвитку»',
		nameEn: 'Podillia Regional Development Agency (NGO)',
		shortNameUk: 'ПАРР',
		shortNameEn: 'PRDA',
		kind: 'ngo',
		city: 'Вінниця',
		website: null,
		departments: [
			['Муніципально-громадський центр «Е-урядування»', 'Municipal and Public E-Governance Centre'],
			['Школа «Е-урядування»', 'E-Governance School'],
			['Клуб експертів е-урядування', 'E-Governance Expert Club']
		]
	},
	{
		slug: 'fond-rozvytku-mykolaieva',
		nameUk: 'ММГО «Фонд розвитку м. Миколаєва»',
		nameEn: 'Mykolaiv Development Fund (NGO)',
		shortNameUk: 'ФРМ',
		shortNameEn: 'MDF',
		kind: 'ngo',
		city: 'Миколаїв',
		website: null,
		departments: []
	}
];

interface UserSeed {
	local: string;
	name: string;
	roles: GlobalRole[];
	membership?: { org: string; department: string; role: OrgRole; position: string };
}

export const DEMO_USERS: UserSeed[] = [
	{ local: 'admin', name: 'Олена Кравченко', roles: ['admin', 'learner'] },
	{ local: 'editor', name: 'Ігор Савчук', roles: ['editor', 'learner'] },
	{ local: 'instructor', name: 'Наталія Гончаренко', roles: ['instructor', 'learner'] },
	{ local: 'expert', name: 'Віктор Поліщук', roles: ['expert', 'learner'] },
	{ local: 'learner', name: 'Дмитро Ковальчук', roles: ['learner'] },
	{
		local: 'manager.vinnytsia',
		name: 'Світлана Мороз',
		roles: ['learner'],
		membership: {
			org: 'vinnytsia-city-council',
			department: 'Відділ електронного урядування',
			role: 'manager',
			position: 'начальник відділу електронного урядування'
		}
	},
	{
		local: 'staff.vinnytsia',
		name: 'Оксана Лисенко',
		roles: ['learner'],
		membership: {
			org: 'vinnytsia-city-council',
			department: 'Департамент адміністративних послуг (ЦНАП «Прозорий офіс»)',
			role: 'staff',
			position: 'адміністратор ЦНАП'
		}
	},
	{
		local: 'manager.mykolaiv',
		name: 'Андрій Бондаренко',
		roles: ['learner'],
		membership: {
			org: 'mykolaiv-city-council',
			department: 'Департамент забезпечення діяльності виконавчих органів',
			role: 'manager',
			position: 'заступник директора департаменту'
		}
	},
	{
		local: 'staff.mykolaiv',
		name: 'Юлія Ткаченко',
		roles: ['learner'],
		membership: {
			org: 'mykolaiv-city-council',
			department: 'Департамент фінансів',
			role: 'staff',
			position: 'головний спеціаліст'
		}
	}
];

const ROLE_ORDER: GlobalRole[] = ['admin', 'editor', 'instructor', 'expert', 'learner'];

/** Only the fields of `want` that differ from `have` (so an unchanged row is never written). */
function changed<T extends Record<string, unknown>>(have: Record<string, unknown>, want: T): Partial<T> {
	return Object.fromEntries(Object.entries(want).filter(([k, v]) => JSON.stringify(have[k]) !== JSON.stringify(v))) as Partial<T>;
}

export interface SeedResult {
	organizations: number;
	departments: number;
	users: number;
	memberships: number;
	created: number;
	updated: number;
}

export async function seedDemoDetailed(prisma: PrismaClient): Promise<SeedResult> {
	let created = 0;
	let updated = 0;
	const orgIds = new Map<string, string>();
	const deptIds = new Map<string, string>();

	for (const o of DEMO_ORGANIZATIONS) {
		const fields = {
			nameUk: o.nameUk,
			nameEn: o.nameEn,
			shortNameUk: o.shortNameUk,
			shortNameEn: o.shortNameEn,
			kind: o.kind,
			city: o.city,
			website: o.website
		};
		let org = await prisma.organization.findUnique({ where: { slug: o.slug } });
		if (!org) {
			// upsert, not create: two processes seeding one server at once must not fail.
			org = await prisma.organization.upsert({ where: { slug: o.slug }, create: { slug: o.slug, ...fields }, update: {} });
			created++;
		} else {
			const diff = changed(org, fields);
			if (Object.keys(diff).length) {
				org = await prisma.organization.update({ where: { id: org.id }, data: diff });
				updated++;
			}
		}
		orgIds.set(o.slug, org.id);
		for (const [nameUk, nameEn] of o.departments) {
			const key = { organizationId_nameUk: { organizationId: org.id, nameUk } };
			let dept = await prisma.department.findUnique({ where: key });
			if (!dept) {
				dept = await prisma.department.upsert({ where: key, create: { organizationId: org.id, nameUk, nameEn }, update: {} });
				created++;
			} else if (dept.nameEn !== nameEn) {
				dept = await prisma.department.update({ where: { id: dept.id }, data: { nameEn } });
				updated++;
			}
			deptIds.set(`${o.slug}/${nameUk}`, dept.id);
		}
	}

	let passwordHash: string | undefined;
	for (const u of DEMO_USERS) {
		const email = `${u.local}@${DEMO_DOMAIN}`;
		let user = await prisma.user.findUnique({ where: { email } });
		if (!user) {
			// One hash for the demo accounts: they share the published password anyway.
			passwordHash ??= await hashPassword(DEMO_PASSWORD);
			user = await prisma.user.upsert({
				where: { email },
				create: { email, name: u.name, roles: u.roles, passwordHash, emailVerified: new Date(), locale: 'uk' },
				update: {}
			});
			created++;
		} else {
			// Keep roles someone granted in the demo; only make sure the seed's are there.
			const roles = ROLE_ORDER.filter((r) => user!.roles.includes(r) || u.roles.includes(r));
			const diff = changed(user, { name: user.name ?? u.name, roles });
			if (!user.emailVerified) Object.assign(diff, { emailVerified: new Date() });
			if (Object.keys(diff).length) {
				user = await prisma.user.update({ where: { id: user.id }, data: diff });
				updated++;
			}
		}
		if (u.membership) {
			const organizationId = orgIds.get(u.membership.org)!;
			const departmentId = deptIds.get(`${u.membership.org}/${u.membership.department}`)!;
			const key = { userId_organizationId: { userId: user.id, organizationId } };
			if (!(await prisma.membership.findUnique({ where: key }))) {
				await prisma.membership.upsert({
					where: key,
					create: { userId: user.id, organizationId, departmentId, role: u.membership.role, position: u.membership.position },
					update: {}
				});
				created++;
			}
		}
	}

	const [organizations, departments, users, memberships] = await Promise.all([
		prisma.organization.count(),
		prisma.department.count(),
		prisma.user.count({ where: { email: { endsWith: `@${DEMO_DOMAIN}` } } }),
		prisma.membership.count()
	]);
	return { organizations, departments, users, memberships, created, updated };
}

/** Seeds and returns a one-line summary for the log. */
export async function seedDemo(prisma: PrismaClient): Promise<string> {
	const r = await seedDemoDetailed(prisma);
	return (
		`${r.organizations} organizations, ${r.departments} departments, ${r.users} demo users ` +
		`(${DEMO_USERS.map((u) => u.local).join(', ')} @${DEMO_DOMAIN}, password ${DEMO_PASSWORD}), ` +
		`${r.memberships} memberships; this run created ${r.created} and updated ${r.updated} rows`
	);
}
