/**
 * Ratings of cities' e-government: a methodology (indicators in weighted criteria), yearly editions
 * of measurements (CSV import or typed by monitors), computed indices and ranks (compute.ts, pure),
 * recommendations, and what the /ratings pages show. Who may manage: ../auth/permissions.ts
 * (rating:manage).
 */
export { computeRatings, cityScore, competitionRanks, indicatorShare, round2, type CriterionDef, type IndicatorDef, type CityResult } from './compute.ts';
export { readCsv, type CsvRow, type CsvSyntaxError } from './csv.ts';
export { parseMeasurementsCsv, importMeasurements, type ImportError, type ImportErrorKey } from './import.ts';
export { recompute, saveCityMeasurements, criteriaOf } from './results.ts';
export { listEditions, yearPage, cityPage, comparison, methodologyPage, editionRecommendations, sortRows, type YearRow, type CriterionColumn } from './pages.ts';
export { manageOverview, createEdition, setPublished, cityEntryForm, enterCityValues, editionIdByYear } from './manage.ts';
export { seedRatings } from './seed.ts';
