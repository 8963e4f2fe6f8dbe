import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { email, locale, optionalText, requiredText } from '$lib/validation';
import { GLOBAL_ROLE_VALUES } from '$lib/roles';
import { checkPasswordStrength, PASSWORD_MAX_LENGTH } from '../auth/password.ts';
import { passwordProblemMessage } from '../auth/forms.ts';

/**
 * The forms of the identity pages (admin, manager, profile, invitation). Messages are functions so
 * zod asks for them in the request's language.
 */

const choice = <T extends readonly [string, ...string[]]>(values: T) =>
	z.enum(values, { error: () => m.form_choose_option() });

/** An id from a <select> or a hidden field; '' (the empty choice) means none. */
const optionalId = () =>
	z
		.string()
		.trim()
		.max(64, { error: () => m.form_invalid() })
		.default('');
const requiredId = () =>
	z
		.string({ error: () => m.form_choose_option() })
		.trim()
		.min(1, { error: () => m.form_choose_option() })
		.max(64, { error: () => m.form_invalid() });

export { GLOBAL_ROLE_VALUES };
export const ORG_ROLE_VALUES = ['manager', 'staff'] as const;
export const ORG_KIND_VALUES = ['local_government', 'state_body', 'ngo', 'other'] as const;

export const rolesSchema = z.object({ roles: z.array(choice(GLOBAL_ROLE_VALUES)).default([]) });

export const membershipAddSchema = z.object({
	organizationId: requiredId(),
	departmentId: optionalId(),
	role: choice(ORG_ROLE_VALUES).default('staff'),
	position: optionalText(200)
});

/** One row of a members table: department and position (and organization role, for admins). */
export const membershipUpdateSchema = z.object({
	membershipId: requiredId(),
	departmentId: optionalId(),
	role: choice(ORG_ROLE_VALUES).optional(),
	position: optionalText(200)
});

export const idSchema = z.object({ id: requiredId() });

export const inviteSchema = z.object({
	email: email(),
	roles: z.array(choice(GLOBAL_ROLE_VALUES)).default([]),
	organizationId: optionalId(),
	departmentId: optionalId(),
	orgRole: choice(ORG_ROLE_VALUES).default('staff'),
	position: optionalText(200),
	locale: locale()
});

/** A manager's invitation: always into their organization, always as staff. */
export const manageInviteSchema = z.object({
	email: email(),
	departmentId: optionalId(),
	position: optionalText(200),
	locale: locale()
});

export const organizationSchema = z.object({
	slug: z
		.string({ error: () => m.form_required() })
		.trim()
		.toLowerCase()
		.min(2, { error: () => m.form_too_short({ min: 2 }) })
		.max(80, { error: () => m.form_too_long({ max: 80 }) })
		.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { error: () => m.account_slug_invalid() }),
	nameUk: requiredText(300),
	nameEn: requiredText(300),
	shortNameUk: optionalText(80),
	shortNameEn: optionalText(80),
	kind: choice(ORG_KIND_VALUES),
	city: optionalText(120),
	edrpou: z
		.string()
		.trim()
		.regex(/^(\d{8})?$/, { error: () => m.account_edrpou_invalid() })
		.default(''),
	website: z
		.string()
		.trim()
		.max(300, { error: () => m.form_too_long({ max: 300 }) })
		.refine((v) => v === '' || /^https?:\/\/[^\s]+\.[^\s]+$/.test(v), { error: () => m.account_website_invalid() })
		.default('')
});

export const departmentSchema = z.object({
	nameUk: requiredText(300),
	nameEn: requiredText(300)
});

export const departmentUpdateSchema = departmentSchema.extend({ id: requiredId() });

export const profileSchema = z.object({
	name: requiredText(120),
	locale: locale()
});

export const deleteAccountSchema = z.object({ confirmEmail: email() });

/** Accepting an invitation with a new account; the invitee's address comes from the invitation. */
export function acceptSchema(inviteeEmail: string) {
	return z
		.object({
			name: requiredText(120),
			password: z
				.string({ error: () => m.form_required() })
				.min(1, { error: () => m.form_required() })
				.max(PASSWORD_MAX_LENGTH, { error: () => m.form_too_long({ max: PASSWORD_MAX_LENGTH }) }),
			confirm: z.string().max(PASSWORD_MAX_LENGTH).default('')
		})
		.superRefine((v, ctx) => {
			const problem = v.password ? checkPasswordStrength(v.password, inviteeEmail) : null;
			if (problem) ctx.addIssue({ code: 'custom', path: ['password'], message: passwordProblemMessage(problem) });
			else if (v.password !== v.confirm) ctx.addIssue({ code: 'custom', path: ['confirm'], message: m.auth_password_mismatch() });
		});
}

/** Empty strings from forms become null in the domain. */
export const orNull = (v: string | undefined | null) => (v ? v : null);
