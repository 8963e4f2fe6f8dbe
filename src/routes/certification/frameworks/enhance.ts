import type { SubmitFunction } from '@sveltejs/kit';

/**
 * The editor's forms after a submit: the page data reloads; the fields keep what they hold (unless
 * `reset` and it worked: a form that adds something empties), and after a refusal the focus moves to
 * the first field marked invalid, so a keyboard or screen-reader user lands on what to correct.
 */
export const editorSubmit =
	(reset = false): SubmitFunction =>
	() =>
	async ({ update, result, formElement }) => {
		await update({ reset: reset && result.type === 'success' });
		if (result.type === 'failure') formElement.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
	};
