import { fail, redirect } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/permissions';
import { allMembers, ClubError, clubRoleOf, createMeeting, decideMember, inviteMember, parseAgenda, parseMaterials, type ClubRole } from '$lib/server/club';
import { explainClubError, kyivInstant, text, values } from '$lib/server/club/forms';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

async function coordinator(event: Pick<RequestEvent, 'locals'>) {
	return requirePermission(event.locals, 'club:manage', { clubRole: await clubRoleOf(event.locals.user?.id) });
}

const role = (v: string): ClubRole => (v === 'coordinator' || v === 'observer' ? v : 'member');

// The coordinator's desk: requests to join, invitations, roles, new meetings.
export const load: PageServerLoad = async (event) => {
	await coordinator(event);
	const members = await allMembers();
	return {
		members: members.map((x) => ({ id: x.id, displayName: x.displayName, organizationName: x.organizationName, position: x.position, role: x.role, status: x.status })),
		done: event.url.searchParams.get('done')
	};
};

export const actions: Actions = {
	invite: async (event) => {
		const user = await coordinator(event);
		const data = await event.request.formData();
		try {
			await inviteMember(user.id, text(data, 'email', 320), role(text(data, 'role')), { organizationName: text(data, 'organizationName', 200), position: text(data, 'position', 200) });
		} catch (err) {
			return fail(400, { form: 'invite', error: explainClubError(err, event.locals.locale), values: values(data, ['email', 'role', 'organizationName', 'position']) });
		}
		redirect(303, `${event.url.pathname}?done=saved`);
	},
	decide: async (event) => {
		const user = await coordinator(event);
		const data = await event.request.formData();
		try {
			await decideMember(user.id, text(data, 'memberId', 40), { role: role(text(data, 'role')), status: text(data, 'status') === 'removed' ? 'removed' : 'active' });
		} catch (err) {
			return fail(400, { form: 'decide', error: explainClubError(err, event.locals.locale) });
		}
		redirect(303, `${event.url.pathname}?done=saved`);
	},
	meeting: async (event) => {
		await coordinator(event);
		const data = await event.request.formData();
		try {
			const startsAt = kyivInstant(text(data, 'startsAt', 20));
			if (!startsAt) throw new ClubError('invalid');
			await createMeeting({ title: text(data, 'title', 300), startsAt, place: text(data, 'place', 300) || null, agenda: parseAgenda(text(data, 'agenda')), materials: parseMaterials(text(data, 'materials')) });
		} catch (err) {
			return fail(400, { form: 'meeting', error: explainClubError(err, event.locals.locale), values: values(data, ['title', 'startsAt', 'place', 'agenda', 'materials']) });
		}
		redirect(303, `${event.url.pathname}?done=saved`);
	}
};
