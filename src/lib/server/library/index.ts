import { db } from '../db/index.ts';
import { search } from '../search/index.ts';
import type { SearchHit } from '../search/types.ts';
import { nregFromHref, tokenizeInline, type InlineToken } from './inline.ts';
import type { ActUnit } from './parse.ts';
import { actPath } from './acts.ts';
import { diffUnits, type UnitDiff } from './diff.ts';

/**
 * What the library pages read: an act with its text as of a date, its redactions, its relations in
 * both directions, the difference between two redactions, and its schema.org description. Pages get
 * plain data (inline tokens, never HTML): they render and escape it themselves.
 */

export { importPath, importActFiles, importCards } from './import.ts';
export { seedLibrary } from './seed.ts';
export { actPath } from './acts.ts';
export type { UnitDiff, WordDiff } from './diff.ts';
export type { InlineToken } from './inline.ts';

export type RenderToken = InlineToken | { t: 'link'; text: string; href: string; external?: boolean };

export interface RenderedUnit {
	anchor: string;
	eid: string | null;
	kind: ActUnit['kind'];
	num: string | null;
	/** Heading level (3-6) of annexes, sections, chapters and articles; 0 for text. */
	level: number;
	depth: number;
	tokens: RenderToken[];
	rows?: RenderToken[][][];
}

export interface TocEntry {
	anchor: string;
	label: string;
	level: number;
}

export type RelationGroup =
	| 'amended_by'
	| 'amends'
	| 'repealed_by'
	| 'repeals'
	| 'suspended_by'
	| 'suspends'
	| 'approved_by'
	| 'approves'
	| 'referred_by'
	| 'refers_to';

export interface RelatedAct {
	nreg: string;
	label: string | null;
	title: string | null;
	url: string;
	inLibrary: boolean;
	date: string | null;
}

export interface VersionInfo {
	redactionOn: string;
	changedByNreg: string | null;
	changedByLabel: string | null;
	changedByUrl: string | null;
}

export interface ActCardView {
	id: string;
	nreg: string;
	slug: string;
	url: string;
	number: string | null;
	types: string[];
	issuers: string[];
	title: string;
	status: string;
	statusText: string | null;
	topics: string[];
	registration: string | null;
	adoptedOn: string | null;
	currentRedactionOn: string | null;
	hasText: boolean;
	source: string;
	sourceUrl: string | null;
	attribution: string | null;
}

export interface ActView {
	act: ActCardView;
	/** The redaction shown (null for an act known only by its card). */
	version: (VersionInfo & { isCurrent: boolean }) | null;
	/** Asked for a date before the first stored redaction. */
	beforeFirst: boolean;
	versions: VersionInfo[];
	units: RenderedUnit[];
	toc: TocEntry[];
	relations: Array<{ group: RelationGroup; items: RelatedAct[] }>;
}

const iso = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);
const HEADED = new Set(['annex', 'section', 'chapter', 'article']);
export const RADA_GO = 'https://zakon.rada.gov.ua/go/';

/** Where a Rada id leads: the act's page when the library has it, otherwise null. */
export async function findActPathByNreg(nreg: string): Promise<string | null> {
	const act = await db().legalAct.findUnique({ where: { nreg: nreg.toLowerCase() }, select: { slug: true } });
	return act ? actPath(act.slug) : null;
}

async function pathsByNreg(nregs: Iterable<string>): Promise<Map<string, { url: string; title: string }>> {
	const list = [...new Set(nregs)];
	if (!list.length) return new Map();
	const acts = await db().legalAct.findMany({ where: { nreg: { in: list } }, select: { nreg: true, slug: true, title: true } });
	return new Map(acts.map((a) => [a.nreg, { url: actPath(a.slug), title: a.title }]));
}

function rewrite(tokens: InlineToken[], known: Map<string, { url: string }>): RenderToken[] {
	return tokens.map((t) => {
		if (t.t !== 'link') return t;
		const nreg = nregFromHref(t.href);
		if (nreg) return { t: 'link', text: t.text, href: known.get(nreg)?.url ?? `/library/go/${encodeURIComponent(nreg)}`, external: !known.has(nreg) };
		if (/^#[\w:.-]+$/.test(t.href)) return t;
		// Attachments of the source portal and anything else: kept as text.
		return { t: 'text', v: t.text };
	});
}

/** Units with their inline tokens, links pointing into the library where possible, heading levels. */
export async function renderUnits(units: ActUnit[]): Promise<{ units: RenderedUnit[]; toc: TocEntry[] }> {
	const tokenized = units.map((u) => ({
		u,
		tokens: tokenizeInline(u.md),
		rows: u.rows?.map((r) => r.map((c) => tokenizeInline(c)))
	}));
	const linked = new Set<string>();
	for (const x of tokenized) {
		for (const t of [...x.tokens, ...(x.rows ?? []).flat(2)]) if (t.t === 'link') {
			const n = nregFromHref(t.href);
			if (n) linked.add(n);
		}
	}
	const known = await pathsByNreg(linked);
	const out: RenderedUnit[] = [];
	const toc: TocEntry[] = [];
	const headedAncestors = (i: number | null): number => {
		let n = 0;
		for (let p = i; p !== null; p = units[p]!.parent) if (HEADED.has(units[p]!.kind)) n++;
		return n;
	};
	for (const { u, tokens, rows } of tokenized) {
		const level = HEADED.has(u.kind) ? Math.min(6, 3 + headedAncestors(u.parent)) : 0;
		out.push({ anchor: u.anchor, eid: u.eid, kind: u.kind, num: u.num, level, depth: u.depth, tokens: rewrite(tokens, known), ...(rows ? { rows: rows.map((r) => r.map((c) => rewrite(c, known))) } : {}) });
		if (level) toc.push({ anchor: u.anchor, label: u.text.replace(/\s*\n\s*/g, ' '), level });
	}
	return { units: out, toc };
}

const GROUPS: Record<string, { towards: RelationGroup; from: RelationGroup }> = {
	amends: { towards: 'amended_by', from: 'amends' },
	repeals: { towards: 'repealed_by', from: 'repeals' },
	suspends: { towards: 'suspended_by', from: 'suspends' },
	approves: { towards: 'approved_by', from: 'approves' },
	refers_to: { towards: 'referred_by', from: 'refers_to' }
};
const GROUP_ORDER: RelationGroup[] = ['repealed_by', 'suspended_by', 'approved_by', 'amended_by', 'amends', 'repeals', 'suspends', 'approves', 'refers_to', 'referred_by'];

export async function actRelations(nreg: string): Promise<ActView['relations']> {
	const rows = await db().actRelation.findMany({ where: { OR: [{ sourceNreg: nreg }, { targetNreg: nreg }] }, orderBy: [{ date: 'asc' }, { id: 'asc' }] });
	const others = rows.map((r) => (r.sourceNreg === nreg ? r.targetNreg : r.sourceNreg));
	const known = await pathsByNreg(others);
	const groups = new Map<RelationGroup, Map<string, RelatedAct>>();
	for (const r of rows) {
		const towards = r.targetNreg === nreg;
		const group = towards ? GROUPS[r.kind]!.towards : GROUPS[r.kind]!.from;
		const other = towards ? r.sourceNreg : r.targetNreg;
		const k = known.get(other);
		const list = groups.get(group) ?? new Map<string, RelatedAct>();
		if (!list.has(other)) {
			list.set(other, {
				nreg: other,
				label: r.label,
				title: k?.title ?? null,
				url: k?.url ?? `/library/go/${encodeURIComponent(other)}`,
				inLibrary: Boolean(k),
				date: iso(r.date)
			});
		}
		groups.set(group, list);
	}
	return GROUP_ORDER.filter((g) => groups.has(g)).map((g) => ({ group: g, items: [...groups.get(g)!.values()] }));
}

function cardView(a: {
	id: string;
	nreg: string;
	slug: string;
	number: string | null;
	types: string[];
	issuers: string[];
	title: string;
	status: string;
	statusText: string | null;
	topics: string[];
	registration: string | null;
	adoptedOn: Date | null;
	currentRedactionOn: Date | null;
	hasText: boolean;
	source: string;
	sourceUrl: string | null;
	attribution: string | null;
}): ActCardView {
	return {
		id: a.id,
		nreg: a.nreg,
		slug: a.slug,
		url: actPath(a.slug),
		number: a.number,
		types: a.types,
		issuers: a.issuers,
		title: a.title,
		status: a.status,
		statusText: a.statusText,
		topics: a.topics,
		registration: a.registration,
		adoptedOn: iso(a.adoptedOn),
		currentRedactionOn: iso(a.currentRedactionOn),
		hasText: a.hasText,
		source: a.source,
		sourceUrl: a.sourceUrl,
		attribution: a.attribution
	};
}

async function versionInfos(actId: string): Promise<Array<VersionInfo & { id: string }>> {
	const versions = await db().actVersion.findMany({
		where: { actId },
		select: { id: true, redactionOn: true, changedByNreg: true, changedByLabel: true },
		orderBy: { redactionOn: 'asc' }
	});
	const known = await pathsByNreg(versions.map((v) => v.changedByNreg).filter((n): n is string => Boolean(n)));
	return versions.map((v) => ({
		id: v.id,
		redactionOn: iso(v.redactionOn)!,
		changedByNreg: v.changedByNreg,
		changedByLabel: v.changedByLabel,
		changedByUrl: v.changedByNreg ? (known.get(v.changedByNreg)?.url ?? `/library/go/${encodeURIComponent(v.changedByNreg)}`) : null
	}));
}

/** An act by its address, with the text as of `asOf` (ISO date; default: the current redaction). */
export async function getActView(slug: string, options: { asOf?: string | null } = {}): Promise<ActView | null> {
	const act = await db().legalAct.findUnique({ where: { slug } });
	if (!act) return null;
	const versions = await versionInfos(act.id);
	let chosen = versions.at(-1) ?? null;
	let beforeFirst = false;
	if (options.asOf && versions.length) {
		const upTo = versions.filter((v) => v.redactionOn <= options.asOf!);
		chosen = upTo.at(-1) ?? versions[0]!;
		beforeFirst = !upTo.length;
	}
	let rendered: { units: RenderedUnit[]; toc: TocEntry[] } = { units: [], toc: [] };
	if (chosen) {
		const v = await db().actVersion.findUniqueOrThrow({ where: { id: chosen.id }, select: { units: true } });
		rendered = await renderUnits(v.units as unknown as ActUnit[]);
	}
	const strip = ({ id: _id, ...rest }: VersionInfo & { id: string }): VersionInfo => rest;
	return {
		act: cardView(act),
		version: chosen ? { ...strip(chosen), isCurrent: chosen === versions.at(-1) } : null,
		beforeFirst,
		versions: versions.map(strip),
		units: rendered.units,
		toc: rendered.toc,
		relations: await actRelations(act.nreg)
	};
}

/** What changed between two redactions (ISO dates of stored redactions). */
export async function getActDiff(
	slug: string,
	from: string | null,
	to: string | null
): Promise<{ act: ActCardView; versions: VersionInfo[]; from: VersionInfo; to: VersionInfo; changes: UnitDiff[] } | null> {
	const act = await db().legalAct.findUnique({ where: { slug } });
	if (!act) return null;
	const versions = await versionInfos(act.id);
	if (versions.length < 2) return { act: cardView(act), versions, from: versions[0]!, to: versions[0]!, changes: [] };
	const toV = versions.find((v) => v.redactionOn === to) ?? versions.at(-1)!;
	const fromV = versions.find((v) => v.redactionOn === from && v.redactionOn < toV.redactionOn) ?? versions[Math.max(0, versions.indexOf(toV) - 1)]!;
	const [a, b] = await Promise.all(
		[fromV, toV].map((v) => db().actVersion.findUniqueOrThrow({ where: { id: v.id }, select: { units: true } }))
	);
	const strip = ({ id: _id, ...rest }: VersionInfo & { id: string }): VersionInfo => rest;
	return {
		act: cardView(act),
		versions: versions.map(strip),
		from: strip(fromV),
		to: strip(toV),
		changes: diffUnits(a!.units as unknown as ActUnit[], b!.units as unknown as ActUnit[])
	};
}

/** Pages of the portal (courses, resolutions, articles...) that mention the act's number. */
export async function portalReferences(act: Pick<ActCardView, 'nreg' | 'number'>): Promise<SearchHit[]> {
	const q = act.number ?? act.nreg;
	const r = await search({ q, kinds: ['course', 'event', 'article', 'resolution', 'case'], pageSize: 10, facets: [] });
	return r.hits;
}

const LEGAL_FORCE: Record<string, string> = {
	in_force: 'https://schema.org/InForce',
	repealed: 'https://schema.org/NotInForce',
	not_in_force: 'https://schema.org/NotInForce',
	suspended: 'https://schema.org/NotInForce'
};

/** schema.org Legislation (JSON-LD) of an act page. */
export function actJsonLd(view: ActView, origin: string): Record<string, unknown> {
	const a = view.act;
	const url = new URL(a.url, origin).href;
	const ld: Record<string, unknown> = {
		'@context': 'https://schema.org',
		'@type': 'Legislation',
		'@id': url,
		url,
		name: a.title,
		legislationIdentifier: a.nreg,
		legislationType: a.types[0],
		legislationJurisdiction: 'UA',
		inLanguage: 'uk',
		legislationPassedBy: a.issuers.map((name) => ({ '@type': 'Organization', name })),
		sameAs: `${RADA_GO}${a.nreg}`
	};
	if (a.number) ld.alternateName = `№ ${a.number}`;
	if (a.adoptedOn) ld.legislationDate = a.adoptedOn;
	if (LEGAL_FORCE[a.status]) ld.legislationLegalForce = LEGAL_FORCE[a.status];
	if (view.version) ld.legislationDateVersion = view.version.redactionOn;
	if (a.topics.length) ld.keywords = a.topics.join(', ');
	if (a.source === 'corpus') {
		ld.license = 'https://creativecommons.org/licenses/by/4.0/';
		ld.isBasedOn = 'https://github.com/skivol/ukrainian-laws-in-time';
	}
	// An act that amends or repeals others changes them (schema.org has no separate «repeals»).
	const changes = view.relations.filter((r) => r.group === 'amends' || r.group === 'repeals').flatMap((r) => r.items);
	if (changes.length) ld.legislationChanges = changes.map((r) => ({ '@type': 'Legislation', legislationIdentifier: r.nreg, url: new URL(r.url, origin).href }));
	const cites = view.relations.find((r) => r.group === 'refers_to')?.items ?? [];
	if (cites.length) ld.citation = cites.map((r) => ({ '@type': 'Legislation', legislationIdentifier: r.nreg }));
	if (view.versions.length) {
		ld.workExample = view.versions.map((v) => ({ '@type': 'Legislation', legislationDateVersion: v.redactionOn, url: `${url}?as_of=${v.redactionOn}` }));
	}
	return JSON.parse(JSON.stringify(ld));
}

/** Of these act addresses, those of acts known only by their card (no text in the library). */
export async function cardOnlyPaths(urls: string[]): Promise<string[]> {
	const slugs = urls.filter((u) => u.startsWith('/library/')).map((u) => u.slice('/library/'.length));
	if (!slugs.length) return [];
	const acts = await db().legalAct.findMany({ where: { slug: { in: slugs }, hasText: false }, select: { slug: true } });
	return acts.map((a) => actPath(a.slug));
}
