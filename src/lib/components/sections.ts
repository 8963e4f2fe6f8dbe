import { m } from '$lib/paraglide/messages.js';

/** The portal's sections, in navigation order (header and footer). Later issues fill each of them. */
export const sections: { path: string; label: () => string }[] = [
	{ path: '/courses', label: () => m.nav_courses() },
	{ path: '/events', label: () => m.nav_events() },
	{ path: '/certification', label: () => m.nav_certification() },
	{ path: '/club', label: () => m.nav_club() },
	{ path: '/bulletins', label: () => m.nav_bulletins() },
	{ path: '/library', label: () => m.nav_library() },
	{ path: '/cases', label: () => m.nav_cases() }
];
