import type { SessionUser } from '$lib/server/auth/types';

declare global {
	namespace App {
		interface Locals {
			/** The signed-in person, loaded fresh from the database on every request; null for guests. */
			user: SessionUser | null;
			/** Locale of this request (from the URL: `/` Ukrainian, `/en/` English). */
			locale: 'uk' | 'en';
			/** The address asked for (path and query, as typed, with its locale prefix): where sign-in brings a guest back. */
			path?: string;
		}
		interface Error {
			message: string;
			/** Correlates the page a person sees with the server log. */
			errorId?: string;
		}
		interface PageData {
			user?: import('$lib/server/auth/types').PublicUser | null;
		}
	}
}

export {};
