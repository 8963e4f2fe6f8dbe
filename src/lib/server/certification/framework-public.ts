/**
 * The public, read-only description of a competency framework: what each competency and each of its
 * four levels means, and the courses and events that develop it. Open Badges credentials of
 * programme certificates point their alignments here (`#competency-<code>`), so it is readable by
 * anyone, signed in or not (ADR 0015, amendment "public framework pages").
 */
import { db } from '../db/index.ts';
import { getFramework, listFrameworks, type ParsedCompetency, type ParsedFramework } from './framework.ts';
import { toParsedFramework } from './framework-editor.ts';
import { learningNames } from './view.ts';

type Titled = { slug: string; titleUk: string; titleEn: string };

export interface PublicCompetency extends Omit<ParsedCompetency, 'courseIds' | 'eventSlugs'> {
	anchor: string;
	courses: Titled[];
	events: Titled[];
}

export interface PublicFramework extends Omit<ParsedFramework, 'areas'> {
	areas: Array<{ code: string; titleUk: string; titleEn: string; competencies: PublicCompetency[] }>;
}

/** The anchor of a competency on its framework's public page. */
export const competencyAnchor = (code: string) => `competency-${code}`;

/** The path of a competency on the public framework page (used by credentials' alignments). */
export const competencyPath = (frameworkSlug: string, code: string) => `/certification/competencies/${encodeURIComponent(frameworkSlug)}#${encodeURIComponent(competencyAnchor(code))}`;

export async function publicFrameworks() {
	return (await listFrameworks()).map((f) => ({ slug: f.slug, titleUk: f.titleUk, titleEn: f.titleEn, competencies: f._count.competencies }));
}

export async function publicFramework(slug: string): Promise<PublicFramework | null> {
	const stored = await getFramework(slug);
	if (!stored) return null;
	const fw = toParsedFramework(stored);
	const all = fw.areas.flatMap((a) => a.competencies);
	const [names, events] = await Promise.all([
		learningNames([...new Set(all.flatMap((c) => c.courseIds))], []),
		db().event.findMany({ where: { slug: { in: [...new Set(all.flatMap((c) => c.eventSlugs))] }, isPublic: true }, select: { slug: true, titleUk: true, titleEn: true } })
	]);
	const eventBySlug = new Map(events.map((e) => [e.slug, e]));
	const course = (id: string): Titled[] => {
		const c = names.courses.get(id);
		return c ? [{ slug: c.slug, titleUk: c.titleUk, titleEn: c.titleEn }] : [];
	};
	return {
		...fw,
		areas: fw.areas.map((a) => ({
			...a,
			competencies: a.competencies.map(({ courseIds, eventSlugs, ...c }) => ({
				...c,
				anchor: competencyAnchor(c.code),
				courses: courseIds.flatMap(course),
				events: eventSlugs.flatMap((s) => (eventBySlug.has(s) ? [eventBySlug.get(s)!] : []))
			}))
		}))
	};
}
