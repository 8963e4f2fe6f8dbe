import { deLocalizeHref, localizeHref, locales, type Locale } from '$lib/paraglide/runtime';

/**
 * Locale-aware URL helpers for the shell (language switch, hreflang alternates, active navigation).
 * Pages link with `localizeHref('/path')` from '$lib/paraglide/runtime' directly.
 */

/** The route path of a URL without its locale prefix: `/en/courses` and `/courses` both give `/courses`. */
export function routePath(url: URL): string {
	return deLocalizeHref(url.pathname);
}

/** The same page (path and query string) in another locale: `/en/courses?page=2` for `en`. */
export function samePageIn(url: URL, locale: Locale): string {
	return localizeHref(routePath(url) + url.search, { locale });
}

/** Absolute URLs of this page in every locale, for `<link rel="alternate" hreflang>`. */
export function alternates(url: URL): { hreflang: string; href: string }[] {
	const links = locales.map((locale) => ({
		hreflang: locale,
		href: new URL(samePageIn(url, locale), url.origin).href
	}));
	const base = links.find((l) => l.hreflang === 'uk');
	return base ? [...links, { hreflang: 'x-default', href: base.href }] : links;
}

/**
 * `aria-current` for a navigation link: 'page' on the page itself, 'true' inside its section
 * (`/courses/abc` for `/courses`), undefined elsewhere.
 */
export function currentFor(url: URL, sectionPath: string): 'page' | 'true' | undefined {
	const path = routePath(url).replace(/\/+$/, '') || '/';
	if (path === sectionPath) return 'page';
	if (sectionPath !== '/' && path.startsWith(sectionPath + '/')) return 'true';
	return undefined;
}
