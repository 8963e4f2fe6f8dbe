import { error, fail, redirect } from '@sveltejs/kit';
import { can, requirePermission, requireUser } from '$lib/server/auth/permissions';
import {
	addAddressee,
	ClubError,
	addComment,
	castVote,
	closeVoting,
	clubRoleOf,
	decideAmendment,
	getResolutionMeta,
	hideComment,
	markSent,
	openConsultation,
	openVoting,
	recordAnswer,
	resolutionPage
} from '$lib/server/club';
import { explainClubError, kyivInstant, text, values } from '$lib/server/club/forms';
import { localizeHref } from '$lib/paraglide/runtime';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// A draft is the club's working space (any club role reads it); an adopted resolution is public.
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const clubRole = await clubRoleOf(locals.user?.id);
	const version = Number(url.searchParams.get('version')) || undefined;
	const page = await resolutionPage(params.id, locals.user ? { id: locals.user.id, clubRole } : null, { version });
	if (!page) error(404, 'Not found');
	if (page.resolution.status !== 'adopted' && !clubRole && !can(locals.user, 'club:manage', { clubRole })) {
		if (!locals.user) requireUser(locals);
		requirePermission(locals, 'club:comment', { clubRole });
	}
	const target = { clubRole, drafterId: page.resolution.drafterId };
	return {
		...page,
		done: url.searchParams.get('done'),
		can: {
			comment: can(locals.user, 'club:comment', { clubRole }),
			amend: can(locals.user, 'club:amend', { clubRole }),
			vote: can(locals.user, 'club:vote', { clubRole }),
			edit: can(locals.user, 'club:draft-edit', target),
			manage: can(locals.user, 'club:manage', { clubRole })
		}
	};
};

async function context(event: RequestEvent) {
	const clubRole = await clubRoleOf(event.locals.user?.id);
	const r = await getResolutionMeta(event.params.id);
	if (!r) error(404, 'Not found');
	return { clubRole, r, target: { clubRole, drafterId: r.drafterId } };
}

const back = (event: RequestEvent, done: string, anchor = 'status') => redirect(303, `${event.url.pathname}?done=${done}#${anchor}`);

export const actions: Actions = {
	comment: async (event) => {
		const { clubRole } = await context(event);
		const data = await event.request.formData();
		const kind = text(data, 'kind') === 'amendment' ? 'amendment' : 'comment';
		const user = requirePermission(event.locals, kind === 'amendment' ? 'club:amend' : 'club:comment', { clubRole });
		const paragraphId = text(data, 'paragraphId', 40);
		try {
			await addComment(user, event.params.id, { kind, paragraphId, body: text(data, 'body'), quote: text(data, 'quote', 2000) || null, proposedText: text(data, 'proposedText') || null });
		} catch (err) {
			return fail(400, { paragraphId, error: explainClubError(err, event.locals.locale), values: values(data, ['kind', 'body', 'quote', 'proposedText']) });
		}
		back(event, 'commented', `p-${paragraphId}`);
	},

	decide: async (event) => {
		const { target } = await context(event);
		const user = requirePermission(event.locals, 'club:draft-edit', target);
		const data = await event.request.formData();
		const commentId = text(data, 'commentId', 40);
		try {
			await decideAmendment(user, commentId, text(data, 'decision') === 'accepted' ? 'accepted' : 'rejected', text(data, 'reason', 2000));
		} catch (err) {
			return fail(400, { commentId, error: explainClubError(err, event.locals.locale), values: values(data, ['reason']) });
		}
		back(event, 'decided', `c-${commentId}`);
	},

	hide: async (event) => {
		const { clubRole } = await context(event);
		const user = requirePermission(event.locals, 'club:manage', { clubRole });
		const data = await event.request.formData();
		const commentId = text(data, 'commentId', 40);
		try {
			await hideComment(user, commentId, text(data, 'reason', 500));
		} catch (err) {
			return fail(400, { commentId, error: explainClubError(err, event.locals.locale), values: values(data, ['reason']) });
		}
		back(event, 'hidden', `c-${commentId}`);
	},

	openVoting: async (event) => {
		const { target } = await context(event);
		requirePermission(event.locals, 'club:draft-edit', target);
		try {
			await openVoting(event.params.id);
		} catch (err) {
			return fail(400, { error: explainClubError(err, event.locals.locale) });
		}
		back(event, 'voting');
	},

	vote: async (event) => {
		const { clubRole } = await context(event);
		const user = requirePermission(event.locals, 'club:vote', { clubRole });
		const data = await event.request.formData();
		const choice = text(data, 'choice');
		if (choice !== 'for' && choice !== 'against' && choice !== 'abstain') return fail(400, { error: explainClubError(new ClubError('invalid'), event.locals.locale) });
		try {
			await castVote(user, event.params.id, choice);
		} catch (err) {
			return fail(400, { error: explainClubError(err, event.locals.locale) });
		}
		back(event, 'voted', 'vote');
	},

	closeVoting: async (event) => {
		const { clubRole } = await context(event);
		requirePermission(event.locals, 'club:manage', { clubRole });
		try {
			await closeVoting(event.params.id);
		} catch (err) {
			return fail(400, { error: explainClubError(err, event.locals.locale) });
		}
		back(event, 'closed');
	},

	addressee: async (event) => {
		const { clubRole } = await context(event);
		requirePermission(event.locals, 'club:manage', { clubRole });
		const data = await event.request.formData();
		try {
			await addAddressee(event.params.id, { bodyName: text(data, 'bodyName', 300), reviewOn: kyivInstant(text(data, 'reviewOn', 20)) });
		} catch (err) {
			return fail(400, { error: explainClubError(err, event.locals.locale), values: values(data, ['bodyName', 'reviewOn']) });
		}
		back(event, 'addressee', 'addressees');
	},

	sent: async (event) => {
		const { clubRole } = await context(event);
		requirePermission(event.locals, 'club:manage', { clubRole });
		const data = await event.request.formData();
		await markSent(text(data, 'addresseeId', 40), new Date(), kyivInstant(text(data, 'reviewOn', 20)) ?? undefined);
		back(event, 'sent', 'addressees');
	},

	answer: async (event) => {
		const { clubRole } = await context(event);
		requirePermission(event.locals, 'club:manage', { clubRole });
		const data = await event.request.formData();
		try {
			await recordAnswer(text(data, 'addresseeId', 40), text(data, 'answerText'));
		} catch (err) {
			return fail(400, { error: explainClubError(err, event.locals.locale), values: values(data, ['answerText']) });
		}
		back(event, 'answered', 'addressees');
	},

	consult: async (event) => {
		const { clubRole } = await context(event);
		requirePermission(event.locals, 'club:manage', { clubRole });
		const data = await event.request.formData();
		const closesAt = kyivInstant(text(data, 'closesAt', 20));
		let id: string;
		try {
			if (!closesAt) throw new ClubError('invalid');
			id = (await openConsultation(event.params.id, closesAt, text(data, 'intro', 5000) || null)).id;
		} catch (err) {
			return fail(400, { error: explainClubError(err, event.locals.locale), values: values(data, ['closesAt', 'intro']) });
		}
		redirect(303, localizeHref(`/consultations/${id}`, { locale: event.locals.locale ?? 'uk' }));
	}
};
