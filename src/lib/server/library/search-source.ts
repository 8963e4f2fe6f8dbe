import { db } from '../db/index.ts';
import type { SearchDocumentInput } from '../search/types.ts';
import type { SearchSource } from '../search/sources.ts';
import type { ActUnit } from './parse.ts';
import { actPath } from './acts.ts';

/**
 * How an act appears in the portal-wide search: its title, its numbers as exact keys, kinds and
 * issuers as facets, the headings of its articles and sections, and the text of its current redaction.
 */

const HEADED = new Set(['annex', 'section', 'chapter', 'article']);

function dotted(d: Date | null): string | null {
	if (!d) return null;
	const iso = d.toISOString().slice(0, 10);
	return `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;
}

export function actSubtitle(act: { types: string[]; number: string | null; adoptedOn: Date | null; issuers: string[] }): string {
	const parts = [act.types[0] ?? 'Акт'];
	if (act.number) parts.push(`№ ${act.number}`);
	const d = dotted(act.adoptedOn);
	if (d) parts.push(`від ${d}`);
	return `${parts.join(' ')} · ${act.issuers.join(', ')}`;
}

export async function loadActDocuments(ids: string[]): Promise<Map<string, SearchDocumentInput>> {
	const acts = await db().legalAct.findMany({
		where: { id: { in: ids } },
		select: {
			id: true,
			slug: true,
			title: true,
			number: true,
			types: true,
			issuers: true,
			status: true,
			adoptedOn: true,
			searchKeys: true,
			topics: true,
			currentRedactionOn: true,
			versions: { select: { redactionOn: true, units: true }, orderBy: { redactionOn: 'desc' }, take: 1 }
		}
	});
	const out = new Map<string, SearchDocumentInput>();
	for (const act of acts) {
		const units = (act.versions[0]?.units ?? []) as unknown as ActUnit[];
		const headings: string[] = [];
		const body: string[] = [];
		for (const u of units) {
			if (u.kind === 'marker' || u.kind === 'title') continue;
			if (HEADED.has(u.kind)) headings.push(u.text);
			else body.push(u.text);
		}
		out.set(act.id, {
			kind: 'act',
			refId: act.id,
			url: actPath(act.slug),
			title: act.title,
			subtitle: actSubtitle(act),
			headings,
			body: body.join('\n'),
			keys: act.searchKeys,
			types: act.types,
			issuers: act.issuers,
			status: act.status,
			date: act.adoptedOn
		});
	}
	return out;
}

export const actSearchSource: SearchSource = {
	kind: 'act',
	load: loadActDocuments,
	async ids(after, limit) {
		const rows = await db().legalAct.findMany({
			where: after ? { id: { gt: after } } : {},
			select: { id: true },
			orderBy: { id: 'asc' },
			take: limit
		});
		return rows.map((r) => r.id);
	}
};
