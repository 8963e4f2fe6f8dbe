import type { PrismaClient } from '../../src/lib/server/db/index.ts';

export async function seedDemo(prisma: PrismaClient): Promise<string> {
	void prisma;
	return 'nothing yet';
}
