import { describe, expect, it, inject } from 'vitest';
import pg from 'pg';
import { db, databaseHealth } from './index.ts';
import { pendingMigrations } from './migrations.ts';

describe(`database (${inject('databaseKind')})`, () => {
	it('has every migration applied', async () => {
		expect(await pendingMigrations(inject('databaseUrl'))).toEqual([]);
	});

	it('answers the health check', async () => {
		const health = await databaseHealth();
		expect(health.ok).toBe(true);
	});

	it('stores and reads Cyrillic text and enforces unique e-mails', async () => {
		const email = `oksana.${Date.now()}@vinrada.gov.ua`;
		const user = await db().user.create({ data: { email, name: 'Оксана Ґудзь-Їжакевич' } });
		expect((await db().user.findUnique({ where: { id: user.id } }))?.name).toBe('Оксана Ґудзь-Їжакевич');
		await expect(db().user.create({ data: { email } })).rejects.toThrow();
		await db().user.delete({ where: { id: user.id } });
	});

	it('runs serializable transactions', async () => {
		const n = await db().$transaction(async (tx) => tx.user.count(), { isolationLevel: 'Serializable' });
		expect(n).toBeGreaterThanOrEqual(0);
	});
});

describe(`concurrent connections (${inject('databaseKind')})`, () => {
	/**
	 * On the embedded database every connection shares one PGlite backend; this failed there with
	 * "bind message supplies 1 parameters, but prepared statement "" requires 2" and null rows before
	 * the socket server kept each connection's protocol cycles and transactions whole.
	 */
	it('keeps parameterised queries and a transaction on other connections apart', async () => {
		const url = inject('databaseUrl');
		const clients = await Promise.all([0, 1, 2].map(async () => {
			const client = new pg.Client({ connectionString: url });
			await client.connect();
			return client;
		}));
		const [tx, a, b] = clients;
		try {
			await tx.query('BEGIN');
			await tx.query('CREATE TEMP TABLE t_concurrency (n int) ON COMMIT DROP');
			const inTransaction = (async () => {
				for (let i = 0; i < 40; i++) await tx.query('INSERT INTO t_concurrency VALUES ($1)', [i]);
				const { rows } = await tx.query('SELECT count(*)::int AS n, sum(n)::int AS s FROM t_concurrency WHERE n >= $1', [0]);
				await tx.query('COMMIT');
				return rows[0] as { n: number; s: number };
			})();
			const plain = async (client: pg.Client, k: number) => {
				const ok: boolean[] = [];
				for (let i = 0; i < 40; i++) {
					const { rows } = await client.query('SELECT $1::int * $2::int AS p, $3::text AS tag', [i, k, `c${k}`]);
					ok.push(rows[0]?.p === i * k && rows[0]?.tag === `c${k}`);
				}
				return ok;
			};
			const [sums, okA, okB] = await Promise.all([inTransaction, plain(a, 3), plain(b, 7)]);
			expect(sums).toEqual({ n: 40, s: (39 * 40) / 2 });
			expect(okA.every(Boolean) && okB.every(Boolean)).toBe(true);
		} finally {
			await Promise.all(clients.map((c) => c.end()));
		}
	});

	it('runs Prisma transactions beside plain queries without mixing their rows', async () => {
		const email = (i: number) => `concurrency.${i}.${Date.now()}@example.org`;
		const work = Array.from({ length: 12 }, (_, i) =>
			i % 2
				? db().$transaction(async (t) => {
						const u = await t.user.create({ data: { email: email(i), name: `Тест ${i}` } });
						const again = await t.user.findUnique({ where: { id: u.id } });
						await t.user.delete({ where: { id: u.id } });
						return again?.name === `Тест ${i}`;
					})
				: db().user.findMany({ where: { email: { contains: '@demo' } }, take: 3 }).then((r) => Array.isArray(r))
		);
		expect((await Promise.all(work)).every(Boolean)).toBe(true);
	});
});
