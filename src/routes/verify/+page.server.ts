import { fail, redirect } from '@sveltejs/kit';
import { localizeHref } from '$lib/paraglide/runtime';
import { normalizeSerial, verifyUpload, MAX_CREDENTIAL_BYTES } from '$lib/server/certificates';
import type { Actions, PageServerLoad } from './$types';

/**
 * Public verification: a serial typed in (GET ?serial=, so it works without JavaScript and can be
 * bookmarked) leads to /verify/<serial>; an uploaded or pasted Open Badges credential is checked here.
 */
export const load: PageServerLoad = async ({ url, locals }) => {
	const typed = url.searchParams.get('serial');
	if (typed === null) return { serial: '', serialInvalid: false, maxKb: MAX_CREDENTIAL_BYTES / 1024 };
	const serial = normalizeSerial(typed);
	if (serial) redirect(303, localizeHref(`/verify/${serial}`, { locale: locals.locale }));
	return { serial: typed.slice(0, 64), serialInvalid: true, maxKb: MAX_CREDENTIAL_BYTES / 1024 };
};

export const actions: Actions = {
	check: async ({ request }) => {
		const form = await request.formData();
		const file = form.get('credential');
		const pasted = form.get('text');
		const text = typeof pasted === 'string' ? pasted.slice(0, MAX_CREDENTIAL_BYTES + 1) : '';
		const result = await verifyUpload(file instanceof File ? file : null, text);
		// What was pasted is given back so it can be corrected (never a file's content).
		if (!result.ok) return fail(400, { problem: result.problem, text: text.length <= MAX_CREDENTIAL_BYTES ? text : '' });
		return { certificate: result.certificate, text };
	}
};
