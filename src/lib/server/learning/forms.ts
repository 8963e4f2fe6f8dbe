import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { optionalText } from '$lib/validation';

/** Form schemas of the learning pages (superforms + zod 4; messages translated at validation time). */

export const requestSchema = z.object({
	organizationId: z.string().trim().max(100).default(''),
	note: optionalText(1000)
});

export const assignSchema = z.object({
	// "<organization id>:<user id>" from the select of people the manager may assign.
	target: z
		.string({ error: () => m.learning_error_person_required() })
		.trim()
		.regex(/^[^:\s]+:[^:\s]+$/, { error: () => m.learning_error_person_required() }),
	dueAt: z
		.string()
		.trim()
		.regex(/^(\d{4}-\d{2}-\d{2})?$/, { error: () => m.form_invalid() })
		.default('')
});
