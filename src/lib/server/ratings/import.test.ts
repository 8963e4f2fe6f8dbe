import { describe, expect, it } from 'vitest';
import { parseMeasurementsCsv, type ImportCity, type ImportIndicator } from './import.ts';

const indicators: ImportIndicator[] = [
	{ id: 'i-site', code: 'web-search', kind: 'binary', maxValue: 1 },
	{ id: 'i-level', code: 'web-online-level', kind: 'scale', maxValue: 4 },
	{ id: 'i-share', code: 'edms-coverage', kind: 'scale', maxValue: 100 }
];
const cities: ImportCity[] = [
	{ id: 'c-vin', slug: 'vinnytsia', nameUk: 'Вінниця', nameEn: 'Vinnytsia' },
	{ id: 'c-myk', slug: 'mykolaiv', nameUk: 'Миколаїв', nameEn: 'Mykolaiv' }
];

describe('measurements CSV', () => {
	it('reads cities by slug or name and values of both kinds', () => {
		const r = parseMeasurementsCsv('місто,web-search,web-online-level,edms-coverage\nvinnytsia,так,3,"87,5"\nМиколаїв,0,4,100\n', indicators, cities);
		expect(r.errors).toEqual([]);
		expect(r.rows.map((x) => [x.line, x.cityId, Object.fromEntries(x.values)])).toEqual([
			[2, 'c-vin', { 'i-site': 1, 'i-level': 3, 'i-share': 87.5 }],
			[3, 'c-myk', { 'i-site': 0, 'i-level': 4, 'i-share': 100 }]
		]);
	});

	it('rejects bad rows naming the line and the column', () => {
		const csv = [
			'city,web-search,web-online-level,unknown-thing',
			'vinnytsia,maybe,5,1',
			'Атлантида,1,1,1',
			'mykolaiv,1,x,1',
			'mykolaiv,1,1,1',
			'vinnytsia,1'
		].join('\n');
		const r = parseMeasurementsCsv(csv, indicators, cities);
		expect(r.errors.map((e) => [e.line, e.column, e.columnName, e.key])).toEqual([
			[1, 4, 'unknown-thing', 'rating_csv_unknown_column'],
			[2, 2, 'web-search', 'rating_csv_not_binary'],
			[2, 3, 'web-online-level', 'rating_csv_out_of_range'],
			[3, 1, 'city', 'rating_csv_unknown_city'],
			[4, 3, 'web-online-level', 'rating_csv_not_number'],
			[5, 1, 'city', 'rating_csv_duplicate_city'],
			[6, 0, '', 'rating_csv_cell_count']
		]);
		// A city's second row is a duplicate even when its first one was bad.
		const dup = parseMeasurementsCsv('city,web-search\nmykolaiv,1\nmykolaiv,0\n', indicators, cities);
		expect(dup.errors.map((e) => [e.line, e.column, e.key, e.params.first])).toEqual([[3, 1, 'rating_csv_duplicate_city', 2]]);
	});

	it('names empty cells, a missing city column, a duplicate column and CSV syntax errors', () => {
		expect(parseMeasurementsCsv('city,web-search\nvinnytsia, \n', indicators, cities).errors.map((e) => [e.line, e.column, e.key])).toEqual([[2, 2, 'rating_csv_value_missing']]);
		expect(parseMeasurementsCsv('name,web-search\nvinnytsia,1\n', indicators, cities).errors.map((e) => [e.line, e.column, e.key])).toEqual([[1, 1, 'rating_csv_no_city_column']]);
		expect(parseMeasurementsCsv('city,web-search,WEB-SEARCH\n', indicators, cities).errors.map((e) => [e.line, e.column, e.key])).toEqual([[1, 3, 'rating_csv_duplicate_column']]);
		expect(parseMeasurementsCsv('city,web-search\nvinnytsia,"1\n', indicators, cities).errors.map((e) => [e.line, e.column, e.key])).toEqual([[2, 2, 'rating_csv_syntax']]);
		expect(parseMeasurementsCsv('', indicators, cities).errors.map((e) => e.key)).toEqual(['rating_csv_empty']);
	});
});
