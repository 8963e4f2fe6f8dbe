import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { email, locale, requiredText } from '$lib/validation';
import { checkPasswordStrength, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH, type PasswordProblem } from './password.ts';

/** The forms of the sign-in pages. Messages are functions: zod asks for them in the request's language. */

const redirectTo = z.string().max(2000).default('');

/** A password as typed at sign-in: no strength rule here (old passwords must still work). */
const anyPassword = () =>
	z
		.string({ error: () => m.form_required() })
		.min(1, { error: () => m.form_required() })
		.max(PASSWORD_MAX_LENGTH, { error: () => m.form_too_long({ max: PASSWORD_MAX_LENGTH }) });

export function passwordProblemMessage(problem: PasswordProblem): string {
	switch (problem) {
		case 'too_short':
			return m.auth_password_too_short({ min: PASSWORD_MIN_LENGTH });
		case 'too_long':
			return m.form_too_long({ max: PASSWORD_MAX_LENGTH });
		case 'too_simple':
			return m.auth_password_too_simple();
		case 'contains_email':
			return m.auth_password_contains_email();
	}
}

/** A new password: the strength rule of password.ts, checked against the person's address too. */
function strongPassword<T extends { password: string }>(emailOf: (v: T) => string | undefined) {
	return (value: T, ctx: z.RefinementCtx) => {
		const problem = value.password ? checkPasswordStrength(value.password, emailOf(value)) : null;
		if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: passwordProblemMessage(problem) });
	};
}

export const signinSchema = z.object({ email: email(), password: anyPassword(), redirectTo });

export const magicLinkSchema = z.object({ email: email(), redirectTo });

export const resendSchema = z.object({ email: email() });

export const registerSchema = z
	.object({
		name: requiredText(120),
		email: email(),
		password: anyPassword(),
		locale: locale()
	})
	.superRefine(strongPassword((v) => v.email));

export const forgotSchema = z.object({ email: email() });

/** `email` is only for the strength rule (the reset link's owner); the page fills it in on the server. */
export function resetSchema(ownerEmail: string) {
	return z
		.object({ password: anyPassword(), confirm: z.string().max(PASSWORD_MAX_LENGTH).default('') })
		.superRefine(strongPassword(() => ownerEmail))
		.superRefine((v, ctx) => {
			if (v.password && v.confirm !== v.password) {
				ctx.addIssue({ code: 'custom', path: ['confirm'], message: m.auth_password_mismatch() });
			}
		});
}
