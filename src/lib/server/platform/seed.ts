import type { PrismaClient } from '../db/index.ts';

/**
 * The demo content of every domain, in dependency order: people and organizations first, then what
 * refers to them. Each seed is idempotent, so this runs at every start with SEED_DEMO=true and from
 * `npm run db:seed`. Domains are loaded lazily: a start without the demo never reads their seed files.
 */
export async function seedAll(prisma: PrismaClient): Promise<string[]> {
	const { seedDemo } = await import('../../../../prisma/seed/demo.ts');
	const { seedLibrary } = await import('../library/seed.ts');
	const { seedEvents } = await import('../events/seed.ts');
	const { seedPublishing } = await import('../publishing/seed.ts');
	const summaries: string[] = [];
	summaries.push(await seedDemo(prisma));
	summaries.push(await seedLibrary(prisma));
	summaries.push(await seedEvents(prisma));
	summaries.push(await (await import('../club/seed.ts')).seedClub(prisma));
	summaries.push(await seedPublishing(prisma));
	summaries.push(await (await import('../certification/seed.ts')).seedCertification(prisma));
	summaries.push(await (await import('../ratings/seed.ts')).seedRatings(prisma));
	summaries.push(await (await import('../contests/seed.ts')).seedContests(prisma));
	summaries.push(await (await import('../cases/seed.ts')).seedCases(prisma));
	return summaries;
}
