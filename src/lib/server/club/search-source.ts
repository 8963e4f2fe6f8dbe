import { db } from '../db/index.ts';
import type { SearchDocumentInput } from '../search/types.ts';
import type { SearchSource } from '../search/sources.ts';
import { readParagraphs } from './resolutions.ts';

/** Adopted resolutions in the portal-wide search: number as an exact key, the text as the body. */
export const resolutionSearchSource: SearchSource = {
	kind: 'resolution',
	async load(ids) {
		const rows = await db().clubResolution.findMany({
			where: { id: { in: ids }, status: 'adopted' },
			select: { id: true, title: true, summary: true, number: true, year: true, adoptedAt: true, adoptedVersion: true, versions: { select: { number: true, paragraphs: true } } }
		});
		const out = new Map<string, SearchDocumentInput>();
		for (const r of rows) {
			const version = r.versions.find((v) => v.number === r.adoptedVersion);
			out.set(r.id, {
				kind: 'resolution',
				refId: r.id,
				url: `/club/resolutions/${r.id}`,
				title: r.title,
				subtitle: `№ ${r.number}/${r.year} · Клуб експертів е-урядування`,
				body: [r.summary ?? '', ...readParagraphs(version?.paragraphs).map((p) => p.text)].join('\n'),
				keys: [`${r.number}/${r.year}`],
				types: ['Резолюція'],
				issuers: ['Клуб експертів е-урядування'],
				status: 'adopted',
				date: r.adoptedAt
			});
		}
		return out;
	},
	async ids(after, limit) {
		const rows = await db().clubResolution.findMany({
			where: { status: 'adopted', ...(after ? { id: { gt: after } } : {}) },
			orderBy: { id: 'asc' },
			take: limit,
			select: { id: true }
		});
		return rows.map((r) => r.id);
	}
};
