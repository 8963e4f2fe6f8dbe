import adapter from '@sveltejs/adapter-node';

/** @type {import('@sveltejs/kit').Config} */
const config = {
	kit: {
		adapter: adapter({ out: 'build' }),
		// The cross-site form check runs in src/lib/server/xapi/csrf.ts (formOriginGuard in hooks.server.ts)
		// for every path but /xapi: the xAPI LRS must accept form-encoded and text/plain requests from
		// programs that send no Origin (ADR 0012). Elsewhere a form POST from another origin still gets 403.
		csrf: { trustedOrigins: ['*'] },
		// Content-Security-Policy with per-response nonces/hashes for SvelteKit's own inline scripts.
		csp: {
			mode: 'auto',
			directives: {
				'default-src': ['self'],
				'script-src': ['self'],
				'style-src': ['self', 'unsafe-inline'],
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				'connect-src': ['self'],
				'frame-ancestors': ['none'],
				'form-action': ['self'],
				'base-uri': ['self'],
				'object-src': ['none']
			}
		}
	}
};

export default config;
