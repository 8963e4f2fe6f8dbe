import type { Handle } from '@sveltejs/kit';
import { config } from '../config/index.ts';

/**
 * Security headers on every response. The Content-Security-Policy itself comes from SvelteKit
 * (`kit.csp` in svelte.config.js), which adds nonces or hashes for its own inline scripts.
 */
export const securityHeaders: Handle = async ({ event, resolve }) => {
	const response = await resolve(event);
	const h = response.headers;
	h.set('X-Content-Type-Options', 'nosniff');
	h.set('X-Frame-Options', 'DENY');
	h.set('Referrer-Policy', 'strict-origin-when-cross-origin');
	h.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), payment=(), usb=()');
	h.set('Cross-Origin-Opener-Policy', 'same-origin');
	h.set('Cross-Origin-Resource-Policy', 'same-origin');
	if (config().ORIGIN?.startsWith('https:')) {
		h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
	}
	if (!h.has('Content-Security-Policy') && (h.get('content-type') ?? '').startsWith('application/json')) {
		h.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'");
	}
	return response;
};
