import { error, fail } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/permissions';
import {
	campaignFor,
	campaignProgress,
	explainPublishingError,
	formString,
	getBulletinById,
	pauseCampaign,
	resumeCampaign,
	sendTest,
	startCampaign,
	toLocale,
	updateCampaignSettings
} from '$lib/server/publishing';
import { m } from '$lib/paraglide/messages.js';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, depends }) => {
	depends('publishing:campaign');
	const user = requirePermission(locals, 'bulletin:manage');
	const b = await getBulletinById(params.id);
	if (!b) error(404, { message: m.pub_error_not_found({}, { locale: toLocale(locals.locale) }) });
	const c = await campaignFor(user, b.id);
	return {
		issue: { id: b.id, year: b.year, number: b.number, titleUk: b.titleUk, status: b.status },
		email: user.email,
		progress: (await campaignProgress(c.id))!
	};
};

async function withCampaign(params: { id: string }, locals: App.Locals, run: (campaignId: string, user: ReturnType<typeof requirePermission>) => Promise<object | void>) {
	const user = requirePermission(locals, 'bulletin:manage');
	try {
		const c = await campaignFor(user, params.id);
		return (await run(c.id, user)) ?? { ok: true };
	} catch (err) {
		return fail(400, { error: explainPublishingError(err, toLocale(locals.locale)) });
	}
}

export const actions: Actions = {
	test: ({ params, locals }) => withCampaign(params, locals, (id, user) => sendTest(user, id, toLocale(locals.locale)).then(() => ({ tested: true }))),
	start: ({ params, locals }) => withCampaign(params, locals, async (id, user) => ({ started: (await startCampaign(user, id)).recipients })),
	pause: ({ params, locals }) => withCampaign(params, locals, (id, user) => pauseCampaign(user, id)),
	resume: ({ params, locals }) => withCampaign(params, locals, (id, user) => resumeCampaign(user, id)),
	settings: async ({ params, locals, request }) => {
		const f = await request.formData();
		return withCampaign(params, locals, async (id, user) => {
			await updateCampaignSettings(user, id, { ratePerMinute: Number(formString(f, 'ratePerMinute')), batchSize: Number(formString(f, 'batchSize')) });
			return { saved: true };
		});
	}
};
