import { db } from '../db/index.ts';
import type { SearchDocumentInput } from '../search/types.ts';
import type { SearchSource } from '../search/sources.ts';
import { htmlToText, paragraphs } from '../search/text.ts';

/**
 * How a course appears in the portal-wide search: its titles in both languages (the English one is
 * shown in the English interface), module and lesson titles as headings, summaries, descriptions,
 * outcomes and competencies in both languages as the body. Archived courses are not in the index.
 */

interface Competency {
	code?: string;
	uk?: string;
	en?: string;
}

export function coursePath(slug: string): string {
	return `/courses/${slug}`;
}

export async function loadCourseDocuments(ids: string[]): Promise<Map<string, SearchDocumentInput>> {
	const courses = await db().course.findMany({
		where: { id: { in: ids }, archivedAt: null },
		select: {
			id: true,
			slug: true,
			titleUk: true,
			titleEn: true,
			summaryUk: true,
			summaryEn: true,
			descriptionUk: true,
			descriptionEn: true,
			outcomesUk: true,
			outcomesEn: true,
			competencies: true,
			topics: true,
			modules: { where: { archivedAt: null }, select: { titleUk: true, titleEn: true }, orderBy: { position: 'asc' } },
			lessons: { where: { archivedAt: null }, select: { titleUk: true, titleEn: true }, orderBy: { position: 'asc' } }
		}
	});
	const out = new Map<string, SearchDocumentInput>();
	for (const c of courses) {
		const competencies = (Array.isArray(c.competencies) ? (c.competencies as Competency[]) : []).flatMap((x) => [x?.uk, x?.en]);
		const parts = [...c.modules, ...c.lessons].flatMap((p) => [p.titleUk, p.titleEn]);
		out.set(c.id, {
			kind: 'course',
			refId: c.id,
			url: coursePath(c.slug),
			title: c.titleUk,
			titleEn: c.titleEn && c.titleEn !== c.titleUk ? c.titleEn : null,
			subtitle: null,
			headings: [...new Set(parts.filter((h) => h && h !== c.titleUk && h !== c.titleEn))],
			body: paragraphs([
				c.summaryUk,
				htmlToText(c.descriptionUk),
				...c.outcomesUk,
				c.summaryEn,
				htmlToText(c.descriptionEn),
				...c.outcomesEn,
				...competencies.map((x) => (typeof x === 'string' ? x : ''))
			]),
			types: [],
			issuers: [],
			status: null,
			date: null
		});
	}
	return out;
}

export const courseSearchSource: SearchSource = {
	kind: 'course',
	load: loadCourseDocuments,
	async ids(after, limit) {
		const rows = await db().course.findMany({ where: after ? { id: { gt: after } } : {}, select: { id: true }, orderBy: { id: 'asc' }, take: limit });
		return rows.map((r) => r.id);
	}
};
