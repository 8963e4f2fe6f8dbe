import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Prisma, PrismaClient } from '../db/index.ts';
import { db } from '../db/index.ts';
import { mergeRelations, parseAct, type ParsedAct } from './parse.ts';
import { actKeys, actSlug } from './acts.ts';
import { topicsFor } from './topics.ts';
import { parseCards, type CardRow, type CardError } from './cards.ts';
import { queueIndex } from '../search/queue.ts';

/**
 * Import of acts into the library: files of the Rada corpus format (one act per file) and cards
 * (CSV or JSON) for acts known only by their card. Idempotent: a file whose content hash is already
 * stored changes nothing; a newer redaction of an act becomes its current text and the older one
 * stays as an ActVersion; an older redaction arriving later is added as a version only. Every run
 * is recorded in ImportRun with a report of what was created, updated, skipped or failed, and why.
 */

export const CORPUS_ATTRIBUTION =
	'Текст: Офіційний вебпортал парламенту України (zakon.rada.gov.ua); Markdown — проєкт «ukrainian-laws-in-time» (github.com/skivol/ukrainian-laws-in-time), CC BY 4.0.';

export type Outcome = 'created' | 'updated' | 'skipped' | 'failed';

export interface ReportItem {
	/** File name, or «file:line» for a card. */
	ref: string;
	nreg: string | null;
	outcome: Outcome;
	/** Why, in English (command line); `messageKey` + `params` translate it in the UI. */
	reason: string;
	messageKey: string;
	params?: Record<string, string | number>;
	line?: number;
	field?: string;
}

export interface ImportProgress {
	done: number;
	total: number;
	item: ReportItem;
	bytes: number;
	elapsedMs: number;
}

export interface ImportOptions {
	prisma?: PrismaClient;
	/**
	 * Called inside the transaction that changed an act. Default: queue the search index job (when this
	 * process runs jobs; otherwise the caller indexes `changedActIds` after the import).
	 */
	onActChanged?: (tx: Prisma.TransactionClient, actId: string) => Promise<unknown>;
	onProgress?: (p: ImportProgress) => void;
	startedById?: string | null;
	/** Shown in ImportRun.source. */
	source?: string;
}

export interface ImportResult {
	runId: string;
	total: number;
	created: number;
	updated: number;
	skipped: number;
	failed: number;
	bytes: number;
	durationMs: number;
	items: ReportItem[];
	changedActIds: string[];
}

const queueActIndex = (tx: Prisma.TransactionClient, actId: string) => queueIndex(tx, 'act', actId);
const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');
const asDate = (iso: string | null) => (iso ? new Date(`${iso}T00:00:00.000Z`) : null);
const isoOf = (d: Date | null | undefined) => (d ? d.toISOString().slice(0, 10) : null);

/** The corpus files of a folder (or one file), sorted. */
export function listActFiles(target: string): string[] {
	const stat = fs.statSync(target);
	if (stat.isFile()) return [target];
	return fs
		.readdirSync(target)
		.filter((f) => f.toLowerCase().endsWith('.md') && !/^(SOURCE|README)\.md$/i.test(f))
		.sort()
		.map((f) => path.join(target, f));
}

async function uniqueSlug(tx: Prisma.TransactionClient, wanted: string, nreg: string): Promise<string> {
	let slug = wanted;
	for (let k = 2; ; k++) {
		const other = await tx.legalAct.findUnique({ where: { slug }, select: { nreg: true } });
		if (!other || other.nreg === nreg) return slug;
		slug = `${wanted}-${k}`;
	}
}

interface Counters {
	created: number;
	updated: number;
	skipped: number;
	failed: number;
}

function count(c: Counters, item: ReportItem) {
	c[item.outcome]++;
}

/** Imports one act file (already read). Exported for tests and the job; normally use importActFiles. */
export async function importActSource(
	source: string,
	ref: string,
	options: ImportOptions & { runId?: string } = {}
): Promise<{ item: ReportItem; actId: string | null }> {
	const prisma = options.prisma ?? db();
	const hash = sha256(source);
	let parsed: ParsedAct;
	try {
		parsed = parseAct(source, { fileName: path.basename(ref) });
	} catch (err) {
		// The parser does not throw on odd input; this is a guard against a bug, reported per file.
		const message = err instanceof Error ? err.message : String(err);
		return { item: { ref, nreg: null, outcome: 'failed', reason: `parser error: ${message}`, messageKey: 'library_import_parse_error', params: { message } }, actId: null };
	}
	const { card } = parsed;
	if (!card.nreg) {
		return { item: { ref, nreg: null, outcome: 'failed', reason: 'no registration id (Ідентифікатор) and none can be derived', messageKey: 'library_import_no_nreg' }, actId: null };
	}
	if (!card.title) {
		return { item: { ref, nreg: card.nreg, outcome: 'failed', reason: 'no title line', messageKey: 'library_import_no_title' }, actId: null };
	}
	const nreg = card.nreg;
	const redactionOn = card.redactionOn ?? card.adoptedOn;
	if (!redactionOn) {
		return { item: { ref, nreg, outcome: 'failed', reason: 'no redaction date and no adoption date', messageKey: 'library_import_no_date' }, actId: null };
	}

	const existing = await prisma.legalAct.findUnique({
		where: { nreg },
		select: { id: true, contentHash: true, currentRedactionOn: true, hasText: true, versions: { select: { id: true, redactionOn: true, contentHash: true } } }
	});
	if (existing?.contentHash === hash) {
		return { item: { ref, nreg, outcome: 'skipped', reason: 'unchanged (same content hash)', messageKey: 'library_import_unchanged' }, actId: existing.id };
	}
	const sameDate = existing?.versions.find((v) => isoOf(v.redactionOn) === redactionOn);
	if (sameDate && sameDate.contentHash === hash) {
		return { item: { ref, nreg, outcome: 'skipped', reason: `redaction of ${redactionOn} already stored`, messageKey: 'library_import_redaction_known', params: { date: redactionOn } }, actId: existing!.id };
	}

	const current = isoOf(existing?.currentRedactionOn);
	const isNewest = !existing || !existing.hasText || !current || redactionOn >= current;
	const versionData = {
		redactionOn: asDate(redactionOn)!,
		changedByNreg: parsed.changedBy?.nreg ?? null,
		changedByLabel: parsed.changedBy?.label ?? null,
		body: parsed.body,
		units: parsed.units as unknown as Prisma.InputJsonValue,
		contentHash: hash,
		bytes: Buffer.byteLength(source),
		importRunId: options.runId ?? null
	};
	const cardData = {
		number: card.number,
		types: card.types,
		adoptedOn: asDate(card.adoptedOn),
		issuers: card.issuers,
		title: card.title,
		status: card.status,
		statusText: card.statusText,
		topics: topicsFor(card.title, card.types),
		registration: card.registration,
		currentRedactionOn: asDate(redactionOn),
		hasText: true,
		source: 'corpus',
		sourceRef: path.basename(ref),
		sourceUrl: `https://zakon.rada.gov.ua/laws/show/${encodeURI(nreg)}`,
		attribution: CORPUS_ATTRIBUTION,
		contentHash: hash,
		searchKeys: actKeys(nreg, card.number)
	};

	const actId = await prisma.$transaction(
		async (tx) => {
			let id: string;
			if (!existing) {
				const slug = await uniqueSlug(tx, actSlug({ types: card.types, adoptedOn: card.adoptedOn, nreg }), nreg);
				const act = await tx.legalAct.create({ data: { nreg, slug, ...cardData }, select: { id: true } });
				id = act.id;
			} else {
				id = existing.id;
				// An older redaction adds a version only; the card and the current text stay.
				if (isNewest) await tx.legalAct.update({ where: { id }, data: cardData });
			}
			if (sameDate) await tx.actVersion.update({ where: { id: sameDate.id }, data: versionData });
			else await tx.actVersion.create({ data: { actId: id, ...versionData } });
			if (isNewest) {
				// Relations stated in the act are those of its current text.
				await tx.actRelation.deleteMany({ where: { statedInId: id } });
				const rels = mergeRelations(nreg, parsed.relations);
				if (rels.length) {
					await tx.actRelation.createMany({
						data: rels.map((r) => ({ kind: r.kind, statedInId: id, sourceNreg: r.sourceNreg, targetNreg: r.targetNreg, label: r.label, date: asDate(r.date), anchors: r.anchors })),
						skipDuplicates: true
					});
				}
			}
			await (options.onActChanged ?? queueActIndex)(tx, id);
			return id;
		},
		{ timeout: 60_000, maxWait: 30_000 }
	);

	let item: ReportItem;
	if (!existing) item = { ref, nreg, outcome: 'created', reason: `created, redaction of ${redactionOn}`, messageKey: 'library_import_created', params: { date: redactionOn } };
	else if (!existing.hasText) item = { ref, nreg, outcome: 'updated', reason: `text added to an act known by its card, redaction of ${redactionOn}`, messageKey: 'library_import_text_added', params: { date: redactionOn } };
	else if (sameDate) item = { ref, nreg, outcome: 'updated', reason: `text of the redaction of ${redactionOn} replaced (content changed)`, messageKey: 'library_import_redaction_replaced', params: { date: redactionOn } };
	else if (isNewest) item = { ref, nreg, outcome: 'updated', reason: `newer redaction of ${redactionOn}; the one of ${current} kept as a version`, messageKey: 'library_import_newer_redaction', params: { date: redactionOn, previous: current ?? '' } };
	else item = { ref, nreg, outcome: 'updated', reason: `older redaction of ${redactionOn} added as a version; the current one of ${current} stays`, messageKey: 'library_import_older_redaction', params: { date: redactionOn, current: current ?? '' } };
	return { item, actId };
}

async function startRun(prisma: PrismaClient, kind: string, source: string, startedById: string | null | undefined) {
	const run = await prisma.importRun.create({ data: { kind, source, startedById: startedById ?? null }, select: { id: true } });
	return run.id;
}

async function finishRun(prisma: PrismaClient, runId: string, c: Counters, total: number, bytes: number, durationMs: number, items: ReportItem[], failed = false) {
	await prisma.importRun.update({
		where: { id: runId },
		data: {
			status: failed ? 'failed' : 'finished',
			total,
			...c,
			bytes,
			durationMs: Math.round(durationMs),
			report: items as unknown as Prisma.InputJsonValue,
			finishedAt: new Date()
		}
	});
}

/** Imports corpus files (paths of files or folders). */
export async function importActFiles(targets: string[], options: ImportOptions = {}): Promise<ImportResult> {
	const prisma = options.prisma ?? db();
	const files = targets.flatMap(listActFiles);
	const runId = await startRun(prisma, 'corpus', options.source ?? targets.join(', '), options.startedById);
	const started = performance.now();
	const counters: Counters = { created: 0, updated: 0, skipped: 0, failed: 0 };
	const items: ReportItem[] = [];
	const changed = new Set<string>();
	let bytes = 0;
	try {
		for (const [i, file] of files.entries()) {
			let item: ReportItem;
			try {
				const source = fs.readFileSync(file, 'utf8');
				bytes += Buffer.byteLength(source);
				const r = await importActSource(source, path.basename(file), { ...options, prisma, runId });
				item = r.item;
				if (r.actId && (item.outcome === 'created' || item.outcome === 'updated')) changed.add(r.actId);
			} catch (err) {
				const message = err instanceof Error ? err.message : String(err);
				item = { ref: path.basename(file), nreg: null, outcome: 'failed', reason: message, messageKey: 'library_import_error', params: { message } };
			}
			items.push(item);
			count(counters, item);
			options.onProgress?.({ done: i + 1, total: files.length, item, bytes, elapsedMs: performance.now() - started });
		}
	} catch (err) {
		await finishRun(prisma, runId, counters, files.length, bytes, performance.now() - started, items, true);
		throw err;
	}
	const durationMs = performance.now() - started;
	await finishRun(prisma, runId, counters, files.length, bytes, durationMs, items);
	return { runId, total: files.length, ...counters, bytes, durationMs, items, changedActIds: [...changed] };
}

// ------------------------------------------------------------------------------------------ cards

function cardHash(row: CardRow): string {
	return sha256(JSON.stringify(row));
}

/** Imports acts known only by their card (CSV or JSON text). Acts that have a text keep it. */
export async function importCards(
	content: string,
	format: 'csv' | 'json',
	options: ImportOptions & { ref?: string } = {}
): Promise<ImportResult & { errors: CardError[] }> {
	const prisma = options.prisma ?? db();
	const ref = options.ref ?? `cards.${format}`;
	const runId = await startRun(prisma, 'cards', options.source ?? ref, options.startedById);
	const started = performance.now();
	const { rows, errors } = parseCards(content, format);
	const counters: Counters = { created: 0, updated: 0, skipped: 0, failed: 0 };
	const items: ReportItem[] = [];
	const changed = new Set<string>();
	for (const e of errors) {
		const item: ReportItem = { ref: `${ref}:${e.line}`, nreg: null, outcome: 'failed', reason: e.reason, messageKey: e.messageKey, params: e.params, line: e.line, field: e.field ?? undefined };
		items.push(item);
		count(counters, item);
	}
	const total = rows.length + new Set(errors.map((e) => e.line)).size;
	for (const [i, { line, card }] of rows.entries()) {
		const itemRef = `${ref}:${line}`;
		const hash = cardHash(card);
		const existing = await prisma.legalAct.findUnique({ where: { nreg: card.nreg }, select: { id: true, hasText: true, contentHash: true } });
		let item: ReportItem;
		if (existing?.hasText) {
			item = { ref: itemRef, nreg: card.nreg, outcome: 'skipped', reason: 'the act already has its text in the library; the card is not applied', messageKey: 'library_import_card_has_text', line };
		} else if (existing && existing.contentHash === hash) {
			item = { ref: itemRef, nreg: card.nreg, outcome: 'skipped', reason: 'unchanged card', messageKey: 'library_import_unchanged', line };
		} else {
			const data = {
				number: card.number,
				types: card.types,
				adoptedOn: asDate(card.adoptedOn),
				issuers: card.issuers,
				title: card.title,
				status: card.status,
				statusText: card.statusText,
				topics: card.topics.length ? card.topics : topicsFor(card.title, card.types),
				source: 'card',
				sourceRef: card.sourceRef ?? itemRef,
				sourceUrl: card.sourceUrl ?? `https://zakon.rada.gov.ua/laws/show/${encodeURI(card.nreg)}`,
				attribution: card.attribution,
				contentHash: hash,
				searchKeys: actKeys(card.nreg, card.number)
			};
			const id = await prisma.$transaction(async (tx) => {
				let actId: string;
				if (existing) {
					await tx.legalAct.update({ where: { id: existing.id }, data });
					actId = existing.id;
				} else {
					const slug = await uniqueSlug(tx, actSlug({ types: card.types, adoptedOn: card.adoptedOn, nreg: card.nreg }), card.nreg);
					actId = (await tx.legalAct.create({ data: { nreg: card.nreg, slug, ...data }, select: { id: true } })).id;
				}
				await (options.onActChanged ?? queueActIndex)(tx, actId);
				return actId;
			});
			changed.add(id);
			item = existing
				? { ref: itemRef, nreg: card.nreg, outcome: 'updated', reason: 'card changed', messageKey: 'library_import_card_updated', line }
				: { ref: itemRef, nreg: card.nreg, outcome: 'created', reason: 'created from its card', messageKey: 'library_import_card_created', line };
		}
		items.push(item);
		count(counters, item);
		options.onProgress?.({ done: i + 1, total: rows.length, item, bytes: 0, elapsedMs: performance.now() - started });
	}
	const durationMs = performance.now() - started;
	const bytes = Buffer.byteLength(content);
	await finishRun(prisma, runId, counters, total, bytes, durationMs, items);
	return { runId, total, ...counters, bytes, durationMs, items, changedActIds: [...changed], errors };
}

/** Imports a path: .md files and folders as corpus, .csv / .json as cards. */
export async function importPath(target: string, options: ImportOptions = {}): Promise<ImportResult> {
	const ext = path.extname(target).toLowerCase();
	if (ext === '.csv' || ext === '.json') {
		return importCards(fs.readFileSync(target, 'utf8'), ext === '.csv' ? 'csv' : 'json', { ...options, ref: path.basename(target), source: target });
	}
	return importActFiles([target], { ...options, source: target });
}
