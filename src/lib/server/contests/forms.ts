/**
 * The organiser's forms (zod 4). Messages are functions, so zod asks for them in the request's
 * language. Forms are plain HTML forms (they work without JavaScript); `parseForm` turns a posted
 * FormData into typed data, or into the typed values (to show again) and one translated error per field.
 */
import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { optionalText, requiredText } from '$lib/validation';
import { fromKyivInputValue } from '../../i18n/datetime.ts';

export const FIELD_TYPES = ['text', 'textarea', 'number', 'url', 'boolean', 'choice'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

/** Keys of a registration field that fill a section of the case a winning entry becomes (cases.publishCaseFromEntry). */
export const CASE_KEYS = ['problem', 'solution', 'results', 'costs', 'replicability', 'contacts', 'tools', 'classifier'] as const;

const intText = (min: number, max: number) =>
	z
		.string()
		.trim()
		.refine((v) => /^\d+$/.test(v) && Number(v) >= min && Number(v) <= max, { error: () => m.contest_form_int({ min, max }) });

const kyivTime = z
	.string()
	.trim()
	.refine((v) => fromKyivInputValue(v) !== null, { error: () => m.contest_form_datetime() });

/** A checkbox: "on" when ticked, absent otherwise. */
const checkbox = z
	.string()
	.optional()
	.transform((v) => v === 'on' || v === 'true');

export const contestSchema = z.object({
	year: z
		.string()
		.trim()
		.refine((v) => /^\d{4}$/.test(v) && Number(v) >= 2000 && Number(v) <= 2999, { error: () => m.contest_form_year() }),
	titleUk: requiredText(300),
	titleEn: requiredText(300),
	descriptionUk: optionalText(5000),
	descriptionEn: optionalText(5000),
	registrationOpensAt: kyivTime,
	registrationClosesAt: kyivTime,
	finalistsPerNomination: intText(1, 50),
	publicVote: checkbox
}).superRefine((f, ctx) => {
	const opens = fromKyivInputValue(f.registrationOpensAt);
	const closes = fromKyivInputValue(f.registrationClosesAt);
	if (opens && closes && closes <= opens) ctx.addIssue({ code: 'custom', path: ['registrationClosesAt'], message: m.contest_form_closes_after() });
});
export type ContestForm = z.output<typeof contestSchema>;

export const CODE = /^[a-z0-9][a-z0-9-]{1,39}$/;

export const nominationSchema = z.object({
	code: z
		.string()
		.trim()
		.toLowerCase()
		.refine((v) => CODE.test(v), { error: () => m.contest_form_code() }),
	titleUk: requiredText(300),
	titleEn: requiredText(300),
	descriptionUk: optionalText(3000),
	descriptionEn: optionalText(3000)
});
export type NominationForm = z.output<typeof nominationSchema>;

export const criterionSchema = z.object({
	titleUk: requiredText(300),
	titleEn: requiredText(300),
	weight: z
		.string()
		.trim()
		.transform((v) => v.replace(',', '.'))
		.refine((v) => /^\d+(\.\d{1,3})?$/.test(v) && Number(v) > 0 && Number(v) <= 1000, { error: () => m.contest_form_weight() })
		.transform(Number),
	maxScore: intText(1, 100).transform(Number)
});
export type CriterionForm = z.output<typeof criterionSchema>;

export const fieldSchema = z
	.object({
		key: z
			.string()
			.trim()
			.toLowerCase()
			.refine((v) => /^[a-z][a-z0-9_]{1,39}$/.test(v), { error: () => m.contest_form_key() }),
		type: z.enum(FIELD_TYPES, { error: () => m.form_choose_option() }),
		required: checkbox,
		uk: requiredText(300),
		en: requiredText(300),
		options: optionalText(3000)
	})
	.transform((f, ctx) => {
		const options = f.type === 'choice' ? readOptions(f.options) : [];
		if (f.type === 'choice' && (options === null || options.length < 2)) {
			ctx.addIssue({ code: 'custom', path: ['options'], message: m.contest_form_options() });
			return z.NEVER;
		}
		return { ...f, options: options ?? [] };
	});
export type FieldForm = z.output<typeof fieldSchema>;

export interface ChoiceOption {
	value: string;
	uk: string;
	en: string;
}

/** Options of a choice field, one a line: "Українська | English"; null when a line is malformed. */
export function readOptions(text: string): ChoiceOption[] | null {
	const out: ChoiceOption[] = [];
	for (const line of text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean)) {
		const [uk, en = ''] = line.split('|').map((p) => p.trim());
		if (!uk || uk.length > 200 || en.length > 200) return null;
		out.push({ value: `o${out.length + 1}`, uk, en: en || uk });
	}
	return out.length > 50 ? null : out;
}

export function optionsText(options: ChoiceOption[] | undefined): string {
	return (options ?? []).map((o) => `${o.uk} | ${o.en}`).join('\n');
}

export const jurorSchema = z.object({
	email: z
		.string()
		.trim()
		.toLowerCase()
		.min(1, { error: () => m.form_required() })
		.pipe(z.email({ error: () => m.form_email_invalid() })),
	code: z.string().trim().min(1, { error: () => m.form_choose_option() }),
	round: z.enum(['screening', 'final'], { error: () => m.form_choose_option() })
});

/** An organiser withdraws a juror's recusal: whose, in which nomination, and why (kept in the audit log). */
export const recusalWithdrawalSchema = z.object({
	code: z.string().trim().min(1, { error: () => m.form_choose_option() }),
	userId: z.string().trim().min(1, { error: () => m.form_choose_option() }),
	reason: z
		.string()
		.trim()
		.min(3, { error: () => m.contest_recusal_withdraw_reason_short() })
		.max(1000, { error: () => m.contest_recusal_withdraw_reason_long() })
});

export type Values = Record<string, string>;
export type FieldErrors = Record<string, string>;
export type Parsed<T> = { ok: true; data: T; values: Values } | { ok: false; values: Values; errors: FieldErrors };

/** Reads a posted form against a schema: the data, or what was typed with the first error of each field. */
export function parseForm<S extends z.ZodType>(schema: S, form: FormData | Record<string, string>): Parsed<z.output<S>> {
	const values: Values = {};
	const entries = form instanceof FormData ? [...form.entries()] : Object.entries(form);
	for (const [k, v] of entries) if (typeof v === 'string' && !(k in values)) values[k] = v;
	const result = schema.safeParse(values);
	if (result.success) return { ok: true, data: result.data, values };
	const errors: FieldErrors = {};
	for (const issue of result.error.issues) {
		const key = String(issue.path[0] ?? '_');
		if (!(key in errors)) errors[key] = issue.message;
	}
	return { ok: false, values, errors };
}
