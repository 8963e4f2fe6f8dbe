/**
 * What the programme pages show (/certification/programmes…): the list a person may manage or see,
 * one programme with every version (requirements by name, competencies, who and when, people holding
 * it) and a readable comparison of each version with the one before.
 */
import { db } from '../db/index.ts';
import type { SessionUser } from '../auth/types.ts';
import { can } from '../auth/permissions.ts';
import { listOrganizations } from '../identity/index.ts';
import { type CertifiedCompetency, getProgrammeBySlug, holdersByVersion, listProgrammesFor, mayManageProgramme, mayViewProgramme, parseCompetencies, parseRequirements } from './programmes.ts';
import { resolveCompetencies, type ResolvedCompetency } from './programme-competencies.ts';
import { learningNames } from './view.ts';
import type { Requirements } from './engine.ts';

export interface Named {
	id: string;
	titleUk: string;
	titleEn: string;
}
export interface PathView {
	courses: Named[];
	exam: (Named & { courseUk: string; courseEn: string }) | null;
	passMark: number | null;
	eventHours: number;
	eventCredits: number;
}

/** One difference between a version and the one before it. */
export type VersionChange =
	| { kind: 'courses'; path: 'initial' | 'recert'; added: Named[]; removed: Named[] }
	| { kind: 'exam'; path: 'initial' | 'recert'; before: Named | null; after: Named | null }
	| { kind: 'passMark' | 'eventHours' | 'eventCredits'; path: 'initial' | 'recert'; before: number | null; after: number | null }
	| { kind: 'validityMonths' | 'windowDays'; before: number; after: number }
	| { kind: 'competency'; code: string; titleUk: string; titleEn: string; before: number | null; after: number | null };

export interface VersionView {
	version: number;
	createdAt: string;
	createdBy: string | null;
	note: string;
	validityMonths: number;
	windowDays: number;
	initial: PathView;
	recert: PathView;
	competencies: ResolvedCompetency[];
	/** People whose certification in force was earned under this version. */
	holders: number;
	/** Against the previous version (empty for version 1). */
	changes: VersionChange[];
	requirements: Requirements;
	recertRequirements: Requirements;
}

/** Owners a person may create programmes for: null (portal-wide) for admins, and organizations they manage. */
export async function programmeOwners(actor: SessionUser) {
	const orgs = await listOrganizations(actor);
	return [
		...(can(actor, 'certification:manage', { organizationId: null }) ? [{ id: null as string | null, nameUk: '', nameEn: '' }] : []),
		...orgs.filter((o) => can(actor, 'certification:manage', { organizationId: o.id })).map((o) => ({ id: o.id as string | null, nameUk: o.nameUk, nameEn: o.nameEn }))
	];
}

async function organizationNames(ids: string[]) {
	const rows = ids.length ? await db().organization.findMany({ where: { id: { in: ids } }, select: { id: true, nameUk: true, nameEn: true } }) : [];
	return new Map(rows.map((r) => [r.id, r]));
}

/** The programmes page: what `actor` may see, newest version of each, archived ones last. */
export async function programmeList(actor: SessionUser) {
	const rows = await listProgrammesFor(actor);
	const orgs = await organizationNames([...new Set(rows.map((r) => r.organizationId).filter((x): x is string => !!x))]);
	return rows.map((p) => ({
		id: p.id,
		slug: p.slug,
		titleUk: p.titleUk,
		titleEn: p.titleEn,
		organization: p.organizationId ? (orgs.get(p.organizationId) ?? null) : null,
		portalWide: p.organizationId === null,
		currentVersion: p.currentVersion,
		versionAt: p.versions[0]?.createdAt.toISOString() ?? null,
		validityMonths: p.versions[0]?.validityMonths ?? null,
		archived: p.archivedAt !== null,
		mayManage: mayManageProgramme(actor, p)
	}));
}

function pathView(r: Requirements, names: Awaited<ReturnType<typeof learningNames>>): PathView {
	const course = (id: string): Named => {
		const c = names.courses.get(id);
		return { id, titleUk: c?.titleUk ?? id, titleEn: c?.titleEn ?? id };
	};
	const q = r.examQuizId ? names.quizzes.get(r.examQuizId) : null;
	const quizCourse = r.examQuizId ? course(r.examQuizId.split('/')[0]) : null;
	return {
		courses: r.courseIds.map(course),
		exam: r.examQuizId ? { id: r.examQuizId, titleUk: q?.titleUk ?? r.examQuizId, titleEn: q?.titleEn ?? r.examQuizId, courseUk: quizCourse?.titleUk ?? '', courseEn: quizCourse?.titleEn ?? '' } : null,
		passMark: r.passMark,
		eventHours: r.eventHours,
		eventCredits: r.eventCredits
	};
}

/** What changed from `a` to `b`, in reading order: paths, then validity and window, then competencies. */
export function versionChanges(a: VersionView, b: VersionView): VersionChange[] {
	const out: VersionChange[] = [];
	for (const path of ['initial', 'recert'] as const) {
		const x = a[path];
		const y = b[path];
		const ids = (l: Named[]) => new Set(l.map((c) => c.id));
		const added = y.courses.filter((c) => !ids(x.courses).has(c.id));
		const removed = x.courses.filter((c) => !ids(y.courses).has(c.id));
		if (added.length || removed.length) out.push({ kind: 'courses', path, added, removed });
		if ((x.exam?.id ?? null) !== (y.exam?.id ?? null)) out.push({ kind: 'exam', path, before: x.exam, after: y.exam });
		for (const kind of ['passMark', 'eventHours', 'eventCredits'] as const) if (x[kind] !== y[kind]) out.push({ kind, path, before: x[kind], after: y[kind] });
	}
	for (const kind of ['validityMonths', 'windowDays'] as const) if (a[kind] !== b[kind]) out.push({ kind, before: a[kind], after: b[kind] });
	const key = (c: ResolvedCompetency) => `${c.frameworkSlug}\u0000${c.code}`;
	const before = new Map(a.competencies.map((c) => [key(c), c]));
	const after = new Map(b.competencies.map((c) => [key(c), c]));
	for (const [k, c] of after) if (before.get(k)?.level !== c.level) out.push({ kind: 'competency', code: c.code, titleUk: c.titleUk, titleEn: c.titleEn, before: before.get(k)?.level ?? null, after: c.level });
	for (const [k, c] of before) if (!after.has(k)) out.push({ kind: 'competency', code: c.code, titleUk: c.titleUk, titleEn: c.titleEn, before: c.level, after: null });
	return out;
}

/**
 * One programme for its page, or null when it does not exist; 'forbidden' when `actor` may not see
 * it (an organization's programme for a manager of another one).
 */
export async function programmeDetail(slug: string, actor: SessionUser, now = new Date()) {
	const p = await getProgrammeBySlug(slug);
	if (!p) return null;
	if (!mayViewProgramme(actor, p)) return 'forbidden' as const;
	const reqs = p.versions.map((v) => ({ v, requirements: parseRequirements(v.requirements), recertRequirements: parseRequirements(v.recertRequirements), competencies: parseCompetencies(v.competencies) }));
	const courseIds = new Set<string>();
	const quizIds = new Set<string>();
	for (const r of reqs)
		for (const x of [r.requirements, r.recertRequirements]) {
			x.courseIds.forEach((id) => courseIds.add(id));
			if (x.examQuizId) {
				quizIds.add(x.examQuizId);
				courseIds.add(x.examQuizId.split('/')[0]);
			}
		}
	const creatorIds = [...new Set(p.versions.map((v) => v.createdById).filter((x): x is string => !!x))];
	const [names, holders, creators, orgs, assigned, resolved] = await Promise.all([
		learningNames([...courseIds], [...quizIds]),
		holdersByVersion(p.id, now),
		creatorIds.length ? db().user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, name: true, email: true } }) : [],
		organizationNames(p.organizationId ? [p.organizationId] : []),
		db().certificationSubject.findMany({ where: { programmeId: p.id, endedAt: null }, distinct: ['userId'], select: { userId: true } }),
		Promise.all(reqs.map((r) => resolveCompetencies(r.competencies)))
	]);
	const who = new Map(creators.map((u) => [u.id, u.name || u.email]));
	const versions: VersionView[] = reqs.map((r, i) => ({
		version: r.v.version,
		createdAt: r.v.createdAt.toISOString(),
		createdBy: r.v.createdById ? (who.get(r.v.createdById) ?? null) : null,
		note: r.v.note,
		validityMonths: r.v.validityMonths,
		windowDays: r.v.windowDays,
		initial: pathView(r.requirements, names),
		recert: pathView(r.recertRequirements, names),
		competencies: resolved[i],
		holders: holders.get(r.v.version) ?? 0,
		changes: [],
		requirements: r.requirements,
		recertRequirements: r.recertRequirements
	}));
	for (let i = 1; i < versions.length; i++) versions[i].changes = versionChanges(versions[i - 1], versions[i]);
	const current = versions.find((v) => v.version === p.currentVersion) ?? versions.at(-1)!;
	return {
		programme: {
			id: p.id,
			slug: p.slug,
			titleUk: p.titleUk,
			titleEn: p.titleEn,
			descriptionUk: p.descriptionUk,
			descriptionEn: p.descriptionEn,
			reminderDays: p.reminderDays,
			organization: p.organizationId ? (orgs.get(p.organizationId) ?? null) : null,
			archivedAt: p.archivedAt?.toISOString() ?? null,
			currentVersion: p.currentVersion
		},
		versions: versions.slice().reverse(),
		current,
		/** People holding a certification in force (under any version): all of them keep theirs when a new version is published. */
		holders: versions.reduce((s, v) => s + v.holders, 0),
		assignedPeople: assigned.length,
		mayManage: mayManageProgramme(actor, p)
	};
}
export type ProgrammeDetail = Exclude<NonNullable<Awaited<ReturnType<typeof programmeDetail>>>, 'forbidden'>;

/** What a version about to be published changes against the current one (shown before it is confirmed). */
export async function previewChanges(detail: ProgrammeDetail, input: { requirements: Requirements; recertRequirements: Requirements; validityMonths: number; windowDays: number; competencies: CertifiedCompetency[] }): Promise<VersionChange[]> {
	const courseIds = [...input.requirements.courseIds, ...input.recertRequirements.courseIds];
	const quizIds = [input.requirements.examQuizId, input.recertRequirements.examQuizId].filter((x): x is string => !!x);
	const [names, competencies] = await Promise.all([learningNames([...courseIds, ...quizIds.map((q) => q.split('/')[0])], quizIds), resolveCompetencies(input.competencies)]);
	const next: VersionView = {
		...detail.current,
		validityMonths: input.validityMonths,
		windowDays: input.windowDays,
		initial: pathView(input.requirements, names),
		recert: pathView(input.recertRequirements, names),
		competencies
	};
	return versionChanges(detail.current, next);
}
