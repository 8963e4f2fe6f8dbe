/**
 * One form of an organiser's page after a failed POST: what was typed and its errors, when the failure
 * belongs to this form (`formId`); otherwise the stored values. Safe for the browser.
 */
export interface Failure {
	formId?: string;
	values?: Record<string, string>;
	errors?: Record<string, string>;
	message?: string | null;
}

export function formState(form: Failure | null | undefined, id: string, initial: Record<string, string> = {}) {
	const mine = form?.formId === id ? form : null;
	return {
		failed: !!mine,
		message: mine?.message ?? null,
		value: (k: string) => (mine ? (mine.values?.[k] ?? '') : (initial[k] ?? '')),
		checked: (k: string) => (mine ? mine.values?.[k] === 'on' : initial[k] === 'on'),
		error: (k: string) => mine?.errors?.[k] ?? null
	};
}
