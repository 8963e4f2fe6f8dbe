import type { Handle, HandleServerError, ServerInit } from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { paraglideMiddleware } from '$lib/paraglide/server';
import { startPlatform } from '$lib/server/platform';
import { securityHeaders } from '$lib/server/http/security';
import { authHandle, userHandle } from '$lib/server/auth';
import { formOriginGuard } from '$lib/server/xapi/csrf';
import { exceptOneClickUnsubscribe } from '$lib/server/publishing/one-click';

export const init: ServerInit = async () => {
	await startPlatform();
};

const i18nHandle: Handle = ({ event, resolve }) =>
	paraglideMiddleware(event.request, ({ request, locale }) => {
		event.request = request;
		event.locals.locale = locale;
		event.locals.path = event.url.pathname + event.url.search;
		return resolve(event, {
			transformPageChunk: ({ html }) => html.replace('%lang%', locale)
		});
	});

// formOriginGuard: SvelteKit's cross-site form check for all but /xapi (see svelte.config.js, ADR 0012).
// Nor for the RFC 8058 one-click unsubscribe POST, which mail providers send without an Origin (ADR 0017).
export const handle: Handle = sequence(securityHeaders, exceptOneClickUnsubscribe(formOriginGuard()), i18nHandle, authHandle, userHandle);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	const errorId = crypto.randomUUID();
	if (status >= 500) console.error(`[error ${errorId}] ${event.request.method} ${event.url.pathname}`, error);
	return { message, errorId };
};
