import { db } from '../db/index.ts';
import { computeRatings, type CriterionDef } from './compute.ts';

/** The methodology of an edition in the shape the arithmetic takes (indicator ids as codes). */
export async function criteriaOf(methodologyId: string): Promise<CriterionDef[]> {
	const criteria = await db().ratingCriterion.findMany({
		where: { methodologyId },
		orderBy: { position: 'asc' },
		select: { code: true, weight: true, indicators: { orderBy: { position: 'asc' }, select: { id: true, kind: true, maxValue: true, weight: true } } }
	});
	return criteria.map((c) => ({
		code: c.code,
		weight: c.weight,
		indicators: c.indicators.map((i) => ({ code: i.id, kind: i.kind, maxValue: i.maxValue, weight: i.weight }))
	}));
}

/** Computes the indices and ranks of every measured city of an edition and stores them. */
export async function recompute(editionId: string): Promise<number> {
	const edition = await db().ratingEdition.findUniqueOrThrow({ where: { id: editionId }, select: { methodologyId: true } });
	const criteria = await criteriaOf(edition.methodologyId);
	const measurements = await db().ratingMeasurement.findMany({ where: { editionId }, select: { cityId: true, indicatorId: true, value: true } });
	const byCity = new Map<string, Map<string, number>>();
	for (const m of measurements) {
		let values = byCity.get(m.cityId);
		if (!values) byCity.set(m.cityId, (values = new Map()));
		values.set(m.indicatorId, m.value);
	}
	const cities = await db().ratingCity.findMany({ where: { id: { in: [...byCity.keys()] } }, select: { id: true, nameUk: true } });
	const results = computeRatings(
		criteria,
		cities.map((c) => ({ cityId: c.id, name: c.nameUk, values: byCity.get(c.id)! }))
	);
	await db().$transaction(async (tx) => {
		await tx.ratingResult.deleteMany({ where: { editionId } });
		await tx.ratingResult.createMany({ data: results.map((r) => ({ editionId, cityId: r.cityId, score: r.score, rank: r.rank, criteria: r.criteria })) });
		await tx.ratingEdition.update({ where: { id: editionId }, data: { computedAt: new Date() } });
	});
	return results.length;
}

/** Sets the values of one city entered by a monitor, then recomputes the edition. */
export async function saveCityMeasurements(editionId: string, cityId: string, values: Map<string, number>, actorId: string | null): Promise<void> {
	await db().$transaction(async (tx) => {
		for (const [indicatorId, value] of values) {
			await tx.ratingMeasurement.upsert({
				where: { editionId_cityId_indicatorId: { editionId, cityId, indicatorId } },
				create: { editionId, cityId, indicatorId, value, enteredById: actorId },
				update: { value, enteredById: actorId }
			});
		}
	});
	await recompute(editionId);
}
