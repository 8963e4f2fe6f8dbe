import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';

/**
 * Field rules shared by every form. Messages are functions, so zod asks for them when it validates:
 * inside a request that is the request's locale, in the browser the page's locale.
 */
export const requiredText = (max = 200) =>
	z
		.string({ error: () => m.form_required() })
		.trim()
		.min(1, { error: () => m.form_required() })
		.max(max, { error: () => m.form_too_long({ max }) });

export const optionalText = (max = 200) =>
	z
		.string()
		.trim()
		.max(max, { error: () => m.form_too_long({ max }) })
		.default('');

export const email = () =>
	z
		.string({ error: () => m.form_required() })
		.trim()
		.toLowerCase()
		.min(1, { error: () => m.form_required() })
		.max(254, { error: () => m.form_too_long({ max: 254 }) })
		.pipe(z.email({ error: () => m.form_email_invalid() }));

export const locale = () => z.enum(['uk', 'en'], { error: () => m.form_choose_option() }).default('uk');
