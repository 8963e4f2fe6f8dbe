// For service-level benches run by tsx outside SvelteKit: `$app/server` (used by the permission
// module's redirects, never called here) resolves to a stub that says so.
export async function resolve(specifier, context, next) {
	if (specifier === '$app/server') {
		return { url: 'data:text/javascript,export function getRequestEvent(){throw new Error("outside a SvelteKit request")}', shortCircuit: true };
	}
	return next(specifier, context);
}
