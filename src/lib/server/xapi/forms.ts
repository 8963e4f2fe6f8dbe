import { z } from 'zod';
import { m } from '$lib/paraglide/messages.js';
import { optionalText, requiredText } from '$lib/validation';
import { fromKyivInputValue } from '$lib/i18n/datetime';
import { agentPatternToLike } from './agents.ts';
import { SCOPES } from './clients.ts';
import type { AdminStatementFilter } from './admin.ts';
import { isIri } from './validate.ts';

/** The admin forms of the LRS: new client credentials, and the statement filter (a GET form). */

export function lines(text: string): string[] {
	return [...new Set(text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))];
}

export const clientSchema = z
	.object({
		name: requiredText(120),
		scopes: z.array(z.enum(SCOPES, { error: () => m.form_choose_option() })).default([]),
		activityPrefixes: optionalText(4000),
		agentPatterns: optionalText(4000)
	})
	.superRefine((d, ctx) => {
		for (const v of lines(d.activityPrefixes)) {
			if (!isIri(v)) ctx.addIssue({ code: 'custom', path: ['activityPrefixes'], message: m.xapi_client_invalid_activity({ value: v }) });
		}
		for (const v of lines(d.agentPatterns)) {
			if (!agentPatternToLike(v)) ctx.addIssue({ code: 'custom', path: ['agentPatterns'], message: m.xapi_client_invalid_agent({ value: v }) });
		}
	});

export const revokeSchema = z.object({ id: z.string().trim().min(1).max(64) });

export interface FilterForm {
	activity: string;
	learner: string;
	verb: string;
	since: string;
	until: string;
	voided: boolean;
}

/** The statement filter from the page's query string; dates are Kyiv calendar days. */
export function parseStatementFilter(params: URLSearchParams): { filter: AdminStatementFilter; form: FilterForm; dateError: boolean; page: number } {
	const text = (name: string, max = 500) => (params.get(name) ?? '').trim().slice(0, max);
	const form: FilterForm = {
		activity: text('activity', 2000),
		learner: text('learner', 254),
		verb: text('verb', 2000),
		since: text('since', 10),
		until: text('until', 10),
		voided: params.get('voided') === '1'
	};
	let dateError = false;
	const since = form.since ? fromKyivInputValue(form.since) : null;
	const untilStart = form.until ? fromKyivInputValue(form.until) : null;
	if ((form.since && !since) || (form.until && !untilStart)) dateError = true;
	// "Until" a day includes that whole Kyiv day: up to the start of the next one.
	const until = untilStart ? new Date(fromKyivInputValue(nextDay(form.until))!.getTime() - 1) : undefined;
	const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
	return {
		form,
		dateError,
		page,
		filter: {
			activity: form.activity || undefined,
			learner: form.learner || undefined,
			verb: form.verb || undefined,
			since: since ?? undefined,
			until,
			includeVoided: form.voided
		}
	};
}

function nextDay(date: string): string {
	const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
	return new Date(Date.UTC(y, mo - 1, d + 1)).toISOString().slice(0, 10);
}
