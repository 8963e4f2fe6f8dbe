import { publicFrameworks } from '$lib/server/certification/framework-public';
import type { PageServerLoad } from './$types';

/** Competency frameworks, readable by anyone: what the portal's certificates certify. */
export const load: PageServerLoad = async () => ({ frameworks: await publicFrameworks() });
