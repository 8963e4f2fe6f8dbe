import { fail } from '@sveltejs/kit';
import { confirmSubscription, explainPublishingError, requestInfo, subscriberByConfirmToken, toLocale } from '$lib/server/publishing';
import type { Actions, PageServerLoad } from './$types';

// GET only shows a button: mail scanners that open links must not confirm on someone's behalf.
export const load: PageServerLoad = async ({ params }) => {
	const s = await subscriberByConfirmToken(params.token);
	return { email: s?.email ?? null };
};

export const actions: Actions = {
	default: async ({ params, locals, request, getClientAddress }) => {
		try {
			const s = await confirmSubscription(params.token, requestInfo(request, getClientAddress));
			return { confirmed: true, token: s.token };
		} catch (err) {
			return fail(400, { error: explainPublishingError(err, toLocale(locals.locale)) });
		}
	}
};
