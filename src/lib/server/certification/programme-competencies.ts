/**
 * Competencies a programme version certifies (ADR 0015, amendment): stored on the version by
 * framework slug and competency code with a level, resolved to names from the frameworks when shown
 * or printed on a programme certificate (PDF and Open Badges alignment).
 */
import { db, type Prisma } from '../db/index.ts';
import type { Competency as CertificateCompetency } from '../certificates/types.ts';
import { parseCompetencies, type CertifiedCompetency } from './programmes.ts';

type Client = Prisma.TransactionClient | ReturnType<typeof db>;

export interface ResolvedCompetency extends CertifiedCompetency {
	titleUk: string;
	titleEn: string;
	frameworkUk: string;
	frameworkEn: string;
	/** The level's descriptor ("what a person at this level does"). */
	levelUk: string;
	levelEn: string;
	/** False when the framework or competency was removed since the version was published. */
	known: boolean;
}

function levelText(levels: Prisma.JsonValue, level: number): { uk: string; en: string } {
	const list = Array.isArray(levels) ? (levels as Array<{ level?: number; uk?: string; en?: string } | null>) : [];
	const hit = list.find((l, i) => l && (l.level ?? i + 1) === level);
	return { uk: hit?.uk ?? '', en: hit?.en ?? '' };
}

/** Names, framework titles and level descriptors of certified competencies, in the given order. */
export async function resolveCompetencies(list: CertifiedCompetency[], client: Client = db()): Promise<ResolvedCompetency[]> {
	if (!list.length) return [];
	const slugs = [...new Set(list.map((c) => c.frameworkSlug))];
	const frameworks = await client.competencyFramework.findMany({
		where: { slug: { in: slugs } },
		select: { slug: true, titleUk: true, titleEn: true, competencies: { select: { code: true, titleUk: true, titleEn: true, levels: true } } }
	});
	const bySlug = new Map(frameworks.map((f) => [f.slug, f]));
	return list.map((c) => {
		const f = bySlug.get(c.frameworkSlug);
		const comp = f?.competencies.find((x) => x.code === c.code);
		const lv = comp ? levelText(comp.levels, c.level) : { uk: '', en: '' };
		return {
			...c,
			titleUk: comp?.titleUk ?? c.code,
			titleEn: comp?.titleEn ?? c.code,
			frameworkUk: f?.titleUk ?? c.frameworkSlug,
			frameworkEn: f?.titleEn ?? c.frameworkSlug,
			levelUk: lv.uk,
			levelEn: lv.en,
			known: !!comp
		};
	});
}

/** As the certificates domain records them on a certificate (a snapshot at issue). */
export function toCertificateCompetencies(list: ResolvedCompetency[]): CertificateCompetency[] {
	return list.map((c) => ({
		code: c.code,
		uk: c.titleUk,
		en: c.titleEn,
		level: c.level,
		levelUk: c.levelUk,
		levelEn: c.levelEn,
		framework: { slug: c.frameworkSlug, uk: c.frameworkUk, en: c.frameworkEn }
	}));
}

/** What a programme certificate of this version lists; called when certification issues it (same transaction). */
export async function certifiedCompetencies(client: Client, programmeId: string, version: number): Promise<CertificateCompetency[]> {
	const v = await client.certificationProgrammeVersion.findUnique({ where: { programmeId_version: { programmeId, version } }, select: { competencies: true } });
	return v ? toCertificateCompetencies(await resolveCompetencies(parseCompetencies(v.competencies), client)) : [];
}

/** Every framework with its areas and competencies (and level descriptors) for the version form. */
export async function competencyChoices() {
	const frameworks = await db().competencyFramework.findMany({
		orderBy: { titleUk: 'asc' },
		select: {
			slug: true,
			titleUk: true,
			titleEn: true,
			areas: { orderBy: { position: 'asc' }, select: { code: true, titleUk: true, titleEn: true, competencies: { orderBy: { position: 'asc' }, select: { code: true, titleUk: true, titleEn: true, levels: true } } } }
		}
	});
	return frameworks.map((f) => ({
		slug: f.slug,
		titleUk: f.titleUk,
		titleEn: f.titleEn,
		areas: f.areas.map((a) => ({
			code: a.code,
			titleUk: a.titleUk,
			titleEn: a.titleEn,
			competencies: a.competencies.map((c) => ({ code: c.code, titleUk: c.titleUk, titleEn: c.titleEn, levels: [1, 2, 3, 4].map((l) => ({ level: l, ...levelText(c.levels, l) })) }))
		}))
	}));
}
export type CompetencyChoices = Awaited<ReturnType<typeof competencyChoices>>;
