import type { Handle } from '@sveltejs/kit';
import { dev } from '$app/environment';
import { XAPI_BASE } from './constants.ts';

/**
 * SvelteKit's cross-site form check, everywhere except the LRS (ADR 0012).
 *
 * SvelteKit refuses POST/PUT/PATCH/DELETE with a form content type (urlencoded, multipart/form-data,
 * text/plain) whose Origin is not the site's own, before any hook runs, and it cannot exempt a path.
 * The xAPI specification needs exactly such requests from programs that send no Origin at all: the
 * alternate request syntax (a urlencoded POST, Communication 1.3) and documents of any content type,
 * text/plain included (2.2). So svelte.config.js turns SvelteKit's check off (trustedOrigins ['*'])
 * and this hook performs the same check for every other path, unchanged, like SvelteKit only outside
 * development. The LRS protects itself: the session is accepted only with a real
 * X-Experience-API-Version header, never with the alternate syntax and never from another Origin
 * (src/lib/server/xapi/http.ts); Basic credentials cannot be sent by a forged form.
 */

const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain'];

export function isLrsPath(pathname: string): boolean {
	return pathname === XAPI_BASE || pathname.startsWith(`${XAPI_BASE}/`);
}

/** The condition under which SvelteKit answers "Cross-site … form submissions are forbidden". */
export function isCrossSiteForm(request: Request, url: URL): boolean {
	const type = (request.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
	return (
		FORM_TYPES.includes(type) &&
		['POST', 'PUT', 'PATCH', 'DELETE'].includes(request.method) &&
		request.headers.get('origin') !== url.origin
	);
}

export function formOriginGuard(options: { enabled: boolean } = { enabled: !dev }): Handle {
	return ({ event, resolve }) => {
		if (options.enabled && !isLrsPath(event.url.pathname) && isCrossSiteForm(event.request, event.url)) {
			const message = `Cross-site ${event.request.method} form submissions are forbidden`;
			return event.request.headers.get('accept') === 'application/json'
				? Response.json({ message }, { status: 403 })
				: new Response(message, { status: 403, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
		}
		return resolve(event);
	};
}
