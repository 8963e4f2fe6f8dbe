/**
 * Measurements of one edition from CSV: a header row `city,<indicator code>,…` and one row per city
 * (its slug or its name in either language). Values: binary indicators 0/1 (also так/ні, yes/no,
 * true/false), scale indicators a number from 0 to the indicator's maximum (a decimal comma is fine
 * inside quotes). Any bad cell rejects the whole file; every error names its line and column.
 */
import { db } from '../db/index.ts';
import { readCsv } from './csv.ts';
import { recompute } from './results.ts';

export interface ImportIndicator {
	id: string;
	code: string;
	kind: 'binary' | 'scale';
	maxValue: number;
}

export interface ImportCity {
	id: string;
	slug: string;
	nameUk: string;
	nameEn: string;
}

export type ImportErrorKey =
	| 'rating_csv_empty'
	| 'rating_csv_syntax'
	| 'rating_csv_no_city_column'
	| 'rating_csv_unknown_column'
	| 'rating_csv_duplicate_column'
	| 'rating_csv_cell_count'
	| 'rating_csv_unknown_city'
	| 'rating_csv_duplicate_city'
	| 'rating_csv_value_missing'
	| 'rating_csv_not_binary'
	| 'rating_csv_not_number'
	| 'rating_csv_out_of_range';

export interface ImportError {
	line: number;
	/** 1-based column number; 0 when the error concerns the whole line or file. */
	column: number;
	/** The header of that column, when known. */
	columnName: string;
	key: ImportErrorKey;
	params: Record<string, string | number>;
}

export interface ParsedMeasurements {
	rows: Array<{ line: number; cityId: string; values: Map<string, number> }>;
	/** indicator ids present in the header. */
	indicatorIds: string[];
	errors: ImportError[];
}

const CITY_HEADERS = new Set(['city', 'місто', 'slug']);
const YES = new Set(['1', 'так', 'yes', 'true', 'y', 'т']);
const NO = new Set(['0', 'ні', 'no', 'false', 'n', 'н']);
export const MAX_REPORTED_ERRORS = 200;

const fold = (s: string) => s.trim().toLocaleLowerCase('uk').replace(/[’ʼ`]/g, "'");

/** Reads and checks a CSV against the methodology's indicators and the known cities; writes nothing. */
export function parseMeasurementsCsv(text: string, indicators: ImportIndicator[], cities: ImportCity[]): ParsedMeasurements {
	const errors: ImportError[] = [];
	const out: ParsedMeasurements = { rows: [], indicatorIds: [], errors };
	const { rows, errors: syntax } = readCsv(text);
	for (const e of syntax) errors.push({ line: e.line, column: e.column, columnName: '', key: 'rating_csv_syntax', params: { reason: e.reason } });
	const header = rows[0];
	if (!header) {
		if (errors.length === 0) errors.push({ line: 1, column: 0, columnName: '', key: 'rating_csv_empty', params: {} });
		return out;
	}
	const byCode = new Map(indicators.map((i) => [fold(i.code), i]));
	const cityByKey = new Map<string, ImportCity>();
	for (const c of cities) for (const k of [c.slug, c.nameUk, c.nameEn]) cityByKey.set(fold(k), c);

	const names = header.cells.map((c) => c.trim());
	const cityCol = names.findIndex((n) => CITY_HEADERS.has(fold(n)));
	if (cityCol < 0) {
		errors.push({ line: header.line, column: 1, columnName: names[0] ?? '', key: 'rating_csv_no_city_column', params: {} });
		return out;
	}
	const columns: Array<ImportIndicator | null> = [];
	const seen = new Set<string>();
	names.forEach((name, i) => {
		if (i === cityCol) return void columns.push(null);
		const ind = byCode.get(fold(name));
		if (!ind) {
			errors.push({ line: header.line, column: i + 1, columnName: name, key: 'rating_csv_unknown_column', params: { name } });
			return void columns.push(null);
		}
		if (seen.has(ind.id)) {
			errors.push({ line: header.line, column: i + 1, columnName: name, key: 'rating_csv_duplicate_column', params: { name } });
			return void columns.push(null);
		}
		seen.add(ind.id);
		columns.push(ind);
	});
	out.indicatorIds = [...seen];

	const seenCities = new Map<string, number>();
	for (const row of rows.slice(1)) {
		if (errors.length >= MAX_REPORTED_ERRORS) break;
		if (row.cells.length !== names.length) {
			errors.push({ line: row.line, column: 0, columnName: '', key: 'rating_csv_cell_count', params: { expected: names.length, found: row.cells.length } });
			continue;
		}
		const cityCell = row.cells[cityCol]!.trim();
		const city = cityByKey.get(fold(cityCell));
		if (!city) {
			errors.push({ line: row.line, column: cityCol + 1, columnName: names[cityCol]!, key: 'rating_csv_unknown_city', params: { value: cityCell } });
			continue;
		}
		const firstLine = seenCities.get(city.id);
		if (firstLine !== undefined) {
			errors.push({ line: row.line, column: cityCol + 1, columnName: names[cityCol]!, key: 'rating_csv_duplicate_city', params: { value: cityCell, first: firstLine } });
			continue;
		}
		seenCities.set(city.id, row.line);
		const values = new Map<string, number>();
		let ok = true;
		row.cells.forEach((raw, i) => {
			const ind = columns[i];
			if (!ind) return;
			const at = { line: row.line, column: i + 1, columnName: names[i]! };
			const v = raw.trim();
			if (v === '') {
				ok = false;
				return void errors.push({ ...at, key: 'rating_csv_value_missing', params: {} });
			}
			if (ind.kind === 'binary') {
				const f = fold(v);
				if (YES.has(f)) values.set(ind.id, 1);
				else if (NO.has(f)) values.set(ind.id, 0);
				else {
					ok = false;
					errors.push({ ...at, key: 'rating_csv_not_binary', params: { value: v } });
				}
				return;
			}
			const n = /^[+-]?(\d+([.,]\d*)?|[.,]\d+)$/.test(v) ? Number(v.replace(',', '.')) : Number.NaN;
			if (!Number.isFinite(n)) {
				ok = false;
				return void errors.push({ ...at, key: 'rating_csv_not_number', params: { value: v } });
			}
			if (n < 0 || n > ind.maxValue) {
				ok = false;
				return void errors.push({ ...at, key: 'rating_csv_out_of_range', params: { value: v, max: ind.maxValue } });
			}
			values.set(ind.id, n);
		});
		if (ok) out.rows.push({ line: row.line, cityId: city.id, values });
	}
	return out;
}

/**
 * Imports a CSV into an edition: nothing is written when any row is bad; otherwise the values are
 * upserted in one transaction and the edition's results recomputed.
 */
export async function importMeasurements(editionId: string, text: string, actorId: string | null): Promise<{ ok: true; cities: number; values: number } | { ok: false; errors: ImportError[] }> {
	const edition = await db().ratingEdition.findUniqueOrThrow({
		where: { id: editionId },
		select: { methodology: { select: { criteria: { select: { indicators: { select: { id: true, code: true, kind: true, maxValue: true } } } } } } }
	});
	const indicators = edition.methodology.criteria.flatMap((c) => c.indicators);
	const cities = await db().ratingCity.findMany({ select: { id: true, slug: true, nameUk: true, nameEn: true } });
	const parsed = parseMeasurementsCsv(text, indicators, cities);
	if (parsed.errors.length > 0) return { ok: false, errors: parsed.errors };
	let count = 0;
	await db().$transaction(
		async (tx) => {
			for (const row of parsed.rows) {
				const ids = [...row.values.keys()];
				await tx.ratingMeasurement.deleteMany({ where: { editionId, cityId: row.cityId, indicatorId: { in: ids } } });
				await tx.ratingMeasurement.createMany({
					data: ids.map((indicatorId) => ({ editionId, cityId: row.cityId, indicatorId, value: row.values.get(indicatorId)!, enteredById: actorId }))
				});
				count += ids.length;
			}
		},
		{ timeout: 60_000 }
	);
	await recompute(editionId);
	return { ok: true, cities: parsed.rows.length, values: count };
}
