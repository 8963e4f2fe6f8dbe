import { error, fail, redirect } from '@sveltejs/kit';
import { can, requirePermission } from '$lib/server/auth/permissions';
import { addPublicComment, clubRoleOf, consultationReport, decidePublicComment, getConsultation, hideComment, isOpen, publishReport, resolutionPage } from '$lib/server/club';
import { explainClubError, text, values } from '$lib/server/club/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// A draft open to the public: anyone reads it, signed-in citizens comment per paragraph until the
// deadline; then the report (counts per paragraph, each proposal accepted or not, with a reason).
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const c = await getConsultation(params.id);
	if (!c) error(404, 'Not found');
	const clubRole = await clubRoleOf(locals.user?.id);
	const moderator = can(locals.user, 'club:manage', { clubRole });
	const page = await resolutionPage(c.resolutionId, locals.user ? { id: locals.user.id, clubRole: moderator ? 'coordinator' : null } : null, { publicComments: true });
	if (!page) error(404, 'Not found');
	const open = isOpen(c);
	const report = open ? null : await consultationReport(c.id);
	return {
		consultation: { id: c.id, status: c.status, closesAt: c.closesAt, intro: c.intro, reportIntro: c.reportIntro, reportedAt: c.reportedAt, open },
		title: c.resolution.title,
		summary: c.resolution.summary,
		paragraphs: page.paragraphs,
		report: report && (c.status === 'reported' || moderator) ? { rows: report.rows, totals: report.totals } : null,
		signedIn: !!locals.user,
		canComment: open && can(locals.user, 'consultation:comment'),
		moderator,
		done: url.searchParams.get('done')
	};
};

const back = (event: RequestEvent, done: string, anchor = 'status') => redirect(303, `${event.url.pathname}?done=${done}#${anchor}`);

async function moderatorOf(event: RequestEvent) {
	return requirePermission(event.locals, 'club:manage', { clubRole: await clubRoleOf(event.locals.user?.id) });
}

export const actions: Actions = {
	comment: async (event) => {
		const user = requirePermission(event.locals, 'consultation:comment');
		const data = await event.request.formData();
		const paragraphId = text(data, 'paragraphId', 40);
		try {
			await addPublicComment(user, event.params.id, { paragraphId, body: text(data, 'body', 10_000), quote: text(data, 'quote', 2000) || null });
		} catch (err) {
			return fail(400, { paragraphId, error: explainClubError(err, event.locals.locale), values: values(data, ['body', 'quote']) });
		}
		back(event, 'commented', `p-${paragraphId}`);
	},
	hide: async (event) => {
		const user = await moderatorOf(event);
		const data = await event.request.formData();
		const commentId = text(data, 'commentId', 40);
		try {
			await hideComment(user, commentId, text(data, 'reason', 500));
		} catch (err) {
			return fail(400, { commentId, error: explainClubError(err, event.locals.locale), values: values(data, ['reason']) });
		}
		back(event, 'hidden', `c-${commentId}`);
	},
	decide: async (event) => {
		const user = await moderatorOf(event);
		const data = await event.request.formData();
		const commentId = text(data, 'commentId', 40);
		try {
			await decidePublicComment(user, commentId, text(data, 'decision') === 'accepted' ? 'accepted' : 'rejected', text(data, 'reason', 2000));
		} catch (err) {
			return fail(400, { commentId, error: explainClubError(err, event.locals.locale), values: values(data, ['reason']) });
		}
		back(event, 'decided', `c-${commentId}`);
	},
	report: async (event) => {
		await moderatorOf(event);
		const data = await event.request.formData();
		try {
			await publishReport(event.params.id, text(data, 'reportIntro', 5000) || null);
		} catch (err) {
			return fail(400, { error: explainClubError(err, event.locals.locale) });
		}
		back(event, 'reported', 'report');
	}
};
