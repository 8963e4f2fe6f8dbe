import type { Reroute } from '@sveltejs/kit';
import { deLocalizeUrl } from '$lib/paraglide/runtime';

/** `/en/...` serves the same route as `/...`; the locale comes from the URL. */
export const reroute: Reroute = (request) => deLocalizeUrl(request.url).pathname;
