/**
 * The organiser's actions, each one line in its page: the permission first (contest:manage, on the
 * server for every action), then the zod schema, then the domain call. A failure comes back with the
 * form's id, what was typed, and translated errors (per field, or one message for the form).
 */
import { error, fail, redirect } from '@sveltejs/kit';
import type { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { parseForm, type FieldErrors, type Values } from '$lib/server/contests';
import { contestErrorField, contestMessage } from '../../errors';

export interface FormFailure {
	formId: string;
	values: Values;
	errors: FieldErrors;
	message: string | null;
}

/** The contest year of the address, or 404. */
export function yearOf(params: { year: string }): number {
	if (!/^\d{4}$/.test(params.year)) error(404, { message: m.contest_error_not_found() });
	return Number(params.year);
}

/** Checks the permission, reads the form against `schema`, runs `act`, and sends the organiser back with `done`. */
export async function submit<S extends z.ZodType>(
	event: { locals: App.Locals; request: Request },
	schema: S | null,
	formId: (values: Values) => string,
	act: (data: z.output<S>, values: Values) => Promise<unknown>,
	done: string | ((values: Values) => string)
) {
	requirePermission(event.locals, 'contest:manage');
	const form = await event.request.formData();
	const parsed = schema ? parseForm(schema, form) : ({ ok: true, data: undefined, values: Object.fromEntries([...form].filter((e): e is [string, string] => typeof e[1] === 'string')) } as const);
	const id = formId(parsed.values);
	if (!parsed.ok) return fail(400, { formId: id, values: parsed.values, errors: parsed.errors, message: m.contest_form_fix({}, { locale: event.locals.locale }) } satisfies FormFailure);
	try {
		await act(parsed.data as z.output<S>, parsed.values);
	} catch (err) {
		const text = contestMessage(err, event.locals.locale);
		const field = contestErrorField(err);
		return fail(400, { formId: id, values: parsed.values, errors: field ? { [field]: text } : {}, message: field ? m.contest_form_fix({}, { locale: event.locals.locale }) : text } satisfies FormFailure);
	}
	redirect(303, typeof done === 'string' ? done : done(parsed.values));
}
