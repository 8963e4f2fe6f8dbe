import { json } from '@sveltejs/kit';
import { handleBounce, verifyBounceSecret } from '$lib/server/publishing';
import type { RequestHandler } from './$types';

/** Bounce reports (JSON { email, type: 'hard' | 'soft', reason }) with the shared secret; see bounces.ts. */
export const POST: RequestHandler = async ({ request }) => {
	if (!verifyBounceSecret(request.headers.get('authorization'))) return json({ error: 'unauthorized' }, { status: 401 });
	const body = await request.json().catch(() => null);
	const reports = Array.isArray(body) ? body : [body];
	const results = [];
	for (const r of reports.slice(0, 1000)) results.push(r && typeof r === 'object' ? await handleBounce(r) : { ok: false, bounced: false });
	return json({ results }, { status: results.every((r) => r.ok) ? 200 : 400 });
};
