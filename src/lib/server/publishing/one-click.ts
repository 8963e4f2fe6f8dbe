import type { Handle } from '@sveltejs/kit';

/**
 * RFC 8058 one-click unsubscribe: a mail provider POSTs `List-Unsubscribe=One-Click` (form-encoded or
 * multipart) to the URL in the List-Unsubscribe header, from its own servers, with no Origin and no
 * session. The portal's cross-site form check (formOriginGuard, ADR 0012) would refuse it, so it is
 * skipped for exactly that request: POST to /unsubscribe/<token> (or /en/unsubscribe/<token>). The
 * token in the path is the only authority; the action changes nothing but that subscription.
 */
const ONE_CLICK_PATH = /^(?:\/en)?\/unsubscribe\/[A-Za-z0-9_-]{16,100}$/;

export function isOneClickUnsubscribe(method: string, pathname: string): boolean {
	return method === 'POST' && ONE_CLICK_PATH.test(pathname);
}

/** Wraps a guard so that it does not run for the one-click unsubscribe POST. */
export function exceptOneClickUnsubscribe(guard: Handle): Handle {
	return (input) => (isOneClickUnsubscribe(input.event.request.method, input.event.url.pathname) ? input.resolve(input.event) : guard(input));
}
