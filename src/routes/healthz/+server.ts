import { json } from '@sveltejs/kit';
import { databaseHealth } from '$lib/server/db';
import { jobsRunning } from '$lib/server/jobs';

export const GET = async () => {
	const database = await databaseHealth();
	const body = { status: database.ok ? 'ok' : 'error', database, jobs: jobsRunning() ? 'running' : 'stopped' };
	return json(body, { status: database.ok ? 200 : 503, headers: { 'cache-control': 'no-store' } });
};
