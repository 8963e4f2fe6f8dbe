/**
 * Links from a case to legal acts (library), courses (learning) and articles (publishing), kept as
 * slugs. The form's pickers find candidates through the portal-wide search (relevance, Ukrainian
 * analysis, act numbers), topped up by a title match so a half-typed word already finds something.
 */
import { db } from '../db/index.ts';
import { search, type SearchKind } from '../search/index.ts';

export type RelatedKind = 'act' | 'course' | 'article';
export const RELATED_KINDS: RelatedKind[] = ['act', 'course', 'article'];

export interface RelatedItem {
	slug: string;
	title: string;
	href: string;
}

// Acts' slugs have parts (type/year/number, e.g. zakon/2011/2939-17); never an empty or a dot-dot part.
const SLUG = /^[\p{L}\p{N}][\p{L}\p{N}._~/-]{0,199}$/u;

export function isRelatedKind(k: string | null | undefined): k is RelatedKind {
	return !!k && (RELATED_KINDS as string[]).includes(k);
}

/** Slugs from the form: distinct, well formed, at most 30. */
export function cleanSlugs(values: string[]): string[] {
	return [...new Set(values.map((v) => v.trim()).filter((v) => SLUG.test(v) && !/\/\/|\.\.|\/$/.test(v)))].slice(0, 30);
}

const pick = (uk: string, en: string | null, locale: string) => (locale === 'en' ? en || uk : uk);

/** Titles and links of the given items, by id or slug, in the order given; unknown ones left out. */
async function load(kind: RelatedKind, by: 'id' | 'slug', keys: string[], locale: string): Promise<RelatedItem[]> {
	if (!keys.length) return [];
	let rows: Array<{ id: string; slug: string; title: string; href: string }>;
	if (kind === 'act') {
		rows = (await db().legalAct.findMany({ where: { [by]: { in: keys } }, select: { id: true, slug: true, title: true } })).map((a) => ({ ...a, href: `/library/${a.slug}` }));
	} else if (kind === 'course') {
		rows = (await db().course.findMany({ where: { [by]: { in: keys }, archivedAt: null }, select: { id: true, slug: true, titleUk: true, titleEn: true } })).map((c) => ({
			id: c.id,
			slug: c.slug,
			title: pick(c.titleUk, c.titleEn, locale),
			href: `/courses/${c.slug}`
		}));
	} else {
		rows = (await db().article.findMany({ where: { [by]: { in: keys }, status: 'published' }, select: { id: true, slug: true, titleUk: true, titleEn: true } })).map((a) => ({
			id: a.id,
			slug: a.slug,
			title: pick(a.titleUk, a.titleEn, locale),
			href: `/articles/${a.slug}`
		}));
	}
	const byKey = new Map(rows.map((r) => [r[by], r]));
	return keys.flatMap((k) => {
		const r = byKey.get(k);
		return r ? [{ slug: r.slug, title: r.title, href: r.href }] : [];
	});
}

export function relatedBySlugs(kind: RelatedKind, slugs: string[], locale: string): Promise<RelatedItem[]> {
	return load(kind, 'slug', slugs, locale);
}

/**
 * Candidates for a picker: titles (or an act's number) containing what was typed first (someone who
 * types a title's words expects that item on top, whatever the ranking of the full-text search), then
 * the portal search's hits.
 */
export async function findRelated(kind: RelatedKind, q: string, locale: string, limit = 8): Promise<RelatedItem[]> {
	const query = q.trim().slice(0, 100);
	if (query.length < 2) return [];
	const contains = { contains: query, mode: 'insensitive' as const };
	const [exact, result] = await Promise.all([
		kind === 'act'
			? db().legalAct.findMany({ where: { OR: [{ title: contains }, { number: contains }] }, select: { slug: true }, take: limit, orderBy: { adoptedOn: { sort: 'desc', nulls: 'last' } } })
			: kind === 'course'
				? db().course.findMany({ where: { archivedAt: null, OR: [{ titleUk: contains }, { titleEn: contains }] }, select: { slug: true }, take: limit })
				: db().article.findMany({ where: { status: 'published', OR: [{ titleUk: contains }, { titleEn: contains }] }, select: { slug: true }, take: limit }),
		search({ q: query, kinds: [kind as SearchKind], pageSize: limit, facets: [] }).catch(() => null)
	]);
	const found = await load(kind, 'slug', exact.map((r) => r.slug), locale);
	if (found.length < limit) {
		const seen = new Set(found.map((f) => f.slug));
		found.push(...(await load(kind, 'id', result?.hits.map((h) => h.refId) ?? [], locale)).filter((f) => !seen.has(f.slug)));
	}
	return found.slice(0, limit);
}
