import type { RequestEvent } from '@sveltejs/kit';
import { SvelteKitAuth, type SvelteKitAuthConfig } from '@auth/sveltekit';
import Credentials from '@auth/sveltekit/providers/credentials';
import { PrismaAdapter } from '@auth/prisma-adapter';
import type { Adapter, AdapterUser } from '@auth/core/adapters';
import type { EmailConfig } from '@auth/core/providers/email';
import { extractLocaleFromUrl, localizeHref } from '$lib/paraglide/runtime';
import { db } from '../db/index.ts';
import { authSecret } from './secret.ts';
import { oidcProvider } from './oidc.ts';
import { redeemSignInTicket } from './ticket.ts';
import { sendMagicLink } from './magic-link.ts';
import { recordSignIn } from './authenticate.ts';
import { allowMagicLinkSignIn, decideSsoSignIn } from './linking.ts';

/**
 * Auth.js (ADR 0006): sessions are encrypted JWT cookies (`strategy: 'jwt'`; Credentials does not
 * work with database sessions), the Prisma adapter keeps SSO accounts, magic-link tokens and
 * SSO-created users. The configuration is built per request because the database handle exists only
 * after the server's init hook has opened the database.
 */
declare module '@auth/core/types' {
	interface Session {
		/** When this sign-in happened (ms since the epoch); older than User.sessionsRevokedAt = over. */
		signedInAt?: number;
	}
}
declare module '@auth/core/jwt' {
	interface JWT {
		signedInAt?: number;
	}
}

export const SESSION_MAX_AGE_SECONDS = 14 * 24 * 60 * 60;
export const MAGIC_LINK_MAX_AGE_SECONDS = 15 * 60;

/** Provider ids, as used in /auth/callback/<id>. */
export const PROVIDER = { password: 'credentials', magicLink: 'email', sso: 'oidc' } as const;

/**
 * The language of an Auth.js round trip (SSO, magic link): Auth.js keeps the page to return to in a
 * cookie, and that page's path carries the language.
 */
export function flowLocale(event: RequestEvent): 'uk' | 'en' {
	const back = event.cookies.get('__Secure-authjs.callback-url') ?? event.cookies.get('authjs.callback-url');
	if (!back) return event.locals.locale ?? 'uk';
	try {
		return extractLocaleFromUrl(new URL(back, event.url)) === 'en' ? 'en' : 'uk';
	} catch {
		return 'uk';
	}
}

const magicLink: EmailConfig = {
	id: PROVIDER.magicLink,
	type: 'email',
	name: 'E-mail',
	maxAge: MAGIC_LINK_MAX_AGE_SECONDS,
	// Never nodemailer here: the message goes through the outbox, in the person's language.
	sendVerificationRequest: ({ identifier, url }) => sendMagicLink({ identifier, url })
};

function adapterFor(event: RequestEvent): Adapter {
	// The generated Prisma 7 client is structurally the client the adapter expects; its type lives
	// in another module path, hence the cast.
	const base = PrismaAdapter(db() as unknown as Parameters<typeof PrismaAdapter>[0]);
	return {
		...base,
		// Only SSO creates users here (magic links never do, see linking.ts), and SSO is allowed only
		// with an address the IdP vouches for: the new account's address counts as confirmed.
		createUser: (user: AdapterUser) =>
			base.createUser!({ ...user, emailVerified: new Date(), locale: flowLocale(event) } as AdapterUser)
	};
}

export function authConfig(event: RequestEvent): SvelteKitAuthConfig {
	const locale = flowLocale(event);
	const signinPage = localizeHref('/signin', { locale });
	const oidc = oidcProvider();
	return {
		secret: authSecret(),
		// adapter-node sits behind the configured ORIGIN; links in mail are rebuilt on ORIGIN anyway
		// (magic-link.ts), so a forged Host header cannot redirect them.
		trustHost: true,
		adapter: adapterFor(event),
		session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
		pages: { signIn: signinPage, error: signinPage, verifyRequest: signinPage, signOut: localizeHref('/signout', { locale }) },
		providers: [
			Credentials({
				id: PROVIDER.password,
				name: 'Password',
				credentials: { ticket: {} },
				// The password was checked by our sign-in action (authenticate.ts); here only the ticket.
				authorize: (credentials) => redeemSignInTicket(credentials?.ticket)
			}),
			magicLink,
			...(oidc ? [oidc] : [])
		],
		callbacks: {
			async signIn({ account, profile, user, email }) {
				if (!account) return false;
				if (account.provider === PROVIDER.password) return true;
				if (account.provider === PROVIDER.magicLink) {
					// Asking for a link: always "sent" (nothing is sent to unknown addresses; magic-link.ts).
					if (email?.verificationRequest) return true;
					return allowMagicLinkSignIn(user.email);
				}
				if (oidc && account.provider === oidc.id) {
					const decision = await decideSsoSignIn({
						provider: account.provider,
						providerAccountId: account.providerAccountId,
						email: profile?.email,
						emailVerified: profile?.email_verified
					});
					return decision.allowed ? true : `${signinPage}?error=SsoEmailUnverified`;
				}
				return false;
			},
			jwt({ token, user }) {
				// Only who and when: everything else is read fresh per request (session.ts).
				if (user?.id) return { sub: user.id, signedInAt: Date.now() };
				return token;
			},
			session({ session, token }) {
				return { expires: session.expires, user: { id: token.sub ?? '' }, signedInAt: token.signedInAt } as typeof session;
			}
		},
		events: {
			async signIn({ user }) {
				if (user.id) await recordSignIn(user.id).catch((err) => console.error('[auth] recording a sign-in failed', err));
			}
		}
	};
}

export const authjs = SvelteKitAuth(async (event) => authConfig(event));
