import { test, expect } from './fixtures.ts';

test('GET /healthz answers JSON with the database status', async ({ request }) => {
	const res = await request.get('/healthz');
	expect(res.status()).toBe(200);
	const body = await res.json();
	expect(body.status).toBe('ok');
	expect(body.database.ok).toBe(true);
	expect(body.database.mode).toBe(process.env.E2E_DATABASE_URL ? 'server' : 'embedded');
});

test('security headers and a Content-Security-Policy on pages', async ({ request }) => {
	const res = await request.get('/');
	const h = res.headers();
	expect(h['content-security-policy']).toContain("default-src 'self'");
	expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
});

test('a form POST from another origin is refused (SvelteKit origin check)', async ({ request }) => {
	test.skip(process.env.E2E_DEV === '1', 'SvelteKit checks the origin only in the built app');
	const res = await request.post('/signin', {
		headers: { origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
		data: 'email=a%40b.c&password=x'
	});
	expect(res.status()).toBe(403);
});
