import { verifyEmail } from '$lib/server/auth';
import type { PageServerLoad } from './$types';

// Opening the link confirms the address. A mail scanner that opens it first does no harm: a second
// visit says "already confirmed" rather than "invalid".
export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
	return { result: await verifyEmail(params.token) };
};
