import { fail, redirect } from '@sveltejs/kit';
import { can, requirePermission } from '$lib/server/auth/permissions';
import { clubRoleOf, listConsultations, listMeetings, listResolutions, membershipOf, publicMembers, requestMembership, updateOwnProfile } from '$lib/server/club';
import { explainClubError, text, values } from '$lib/server/club/forms';
import type { Actions, PageServerLoad } from './$types';

// The club's public face: who the experts are, the meetings, adopted resolutions, open consultations.
export const load: PageServerLoad = async ({ locals, url }) => {
	const [members, meetings, resolutions, consultations, membership, clubRole] = await Promise.all([
		publicMembers(),
		listMeetings(),
		listResolutions({ status: 'adopted' }),
		listConsultations(),
		locals.user ? membershipOf(locals.user.id) : null,
		clubRoleOf(locals.user?.id)
	]);
	return {
		members,
		meetings: meetings.map((mt) => ({ id: mt.id, title: mt.title, startsAt: mt.startsAt, place: mt.place, quarter: mt.quarter, year: mt.year })),
		resolutions,
		consultations: consultations.filter((c) => c.status !== 'closed' || c.reportedAt).map((c) => ({ id: c.id, title: c.resolution.title, status: c.status, closesAt: c.closesAt })),
		membership: membership && membership.status !== 'removed' ? { status: membership.status, role: membership.role, organizationName: membership.organizationName, position: membership.position, bio: membership.bio, isPublic: membership.isPublic, digest: membership.digest, handle: membership.handle } : null,
		signedIn: !!locals.user,
		canManage: can(locals.user, 'club:manage', { clubRole }),
		done: url.searchParams.get('done')
	};
};

const PROFILE = ['organizationName', 'position', 'bio', 'isPublic', 'digest'];

export const actions: Actions = {
	join: async (event) => {
		const user = requirePermission(event.locals, 'club:join');
		const data = await event.request.formData();
		try {
			await requestMembership(user, { organizationName: text(data, 'organizationName', 200), position: text(data, 'position', 200), bio: text(data, 'bio', 2000), isPublic: data.get('isPublic') === 'on' });
		} catch (err) {
			return fail(400, { error: explainClubError(err, event.locals.locale), values: values(data, PROFILE) });
		}
		redirect(303, `${event.url.pathname}?done=requested#status`);
	},
	profile: async (event) => {
		const user = requirePermission(event.locals, 'club:join');
		const data = await event.request.formData();
		const digest = text(data, 'digest');
		try {
			await updateOwnProfile(user.id, {
				organizationName: text(data, 'organizationName', 200),
				position: text(data, 'position', 200),
				bio: text(data, 'bio', 2000),
				isPublic: data.get('isPublic') === 'on',
				digest: digest === 'daily' || digest === 'off' ? digest : 'weekly'
			});
		} catch (err) {
			return fail(400, { error: explainClubError(err, event.locals.locale), values: values(data, PROFILE) });
		}
		redirect(303, `${event.url.pathname}?done=saved#status`);
	}
};
