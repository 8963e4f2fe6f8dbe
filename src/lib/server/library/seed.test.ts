import fs from 'node:fs';
import { describe, expect, inject, it } from 'vitest';
import { db } from '../db/index.ts';
import { search } from '../search/index.ts';
import { seedLibrary, SEED_ACTS_DIR } from './seed.ts';

describe(`library demo seed (${inject('databaseKind')})`, () => {
	it('ships at least 10 real acts with their attribution, and the Voznesensk cards; idempotent; searchable', async () => {
		const files = fs.readdirSync(SEED_ACTS_DIR).filter((f) => f.endsWith('.md') && f !== 'SOURCE.md');
		expect(files.length).toBeGreaterThanOrEqual(10);
		expect(fs.readFileSync(`${SEED_ACTS_DIR}/SOURCE.md`, 'utf8')).toContain('CC BY 4.0');
		const first = await seedLibrary(db());
		expect(first).toMatch(/^library: 13 acts with text/);
		for (const nreg of ['2939-17', '2657-12', '183-19']) {
			const act = await db().legalAct.findUniqueOrThrow({ where: { nreg } });
			expect(act.hasText).toBe(true);
			expect(act.attribution).toContain('CC BY 4.0');
		}
		const cards = await db().legalAct.findMany({ where: { source: 'card' } });
		expect(cards.map((c) => c.nreg)).toEqual(expect.arrayContaining(['2250-2010-р', '1453-2004-п', '851-15', 'voznesensk-4-2011']));
		const again = await seedLibrary(db());
		expect(again).toMatch(/\(0 new\), 17 cards \(0 new\)/);
		expect((await search({ q: '183-VIII' })).hits[0]?.title).toBe('Про відкритість використання публічних коштів');
	});
});
