import { requireUser } from '$lib/server/auth/permissions';
import { attendedEvents, eventCredits, feedToken, hostedEvents, myEvents, resetFeedToken } from '$lib/server/events';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const user = requireUser(locals);
	const [upcoming, attended, credits, token, hosted] = await Promise.all([myEvents(user), attendedEvents(user.id), eventCredits(user.id), feedToken(user.id), hostedEvents(user.id)]);
	return { upcoming, attended, credits, feedUrl: token ? `${url.origin}/events/feed/${token}.ics` : null, hosted };
};

export const actions: Actions = {
	feed: async ({ locals }) => {
		const user = requireUser(locals);
		await resetFeedToken(user.id);
		return { feedReset: true };
	}
};
