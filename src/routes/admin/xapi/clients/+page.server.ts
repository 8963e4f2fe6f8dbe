import { fail } from '@sveltejs/kit';
import { superValidate } from 'sveltekit-superforms';
import { zod4 } from 'sveltekit-superforms/adapters';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { createClient, listClients, portalHomePage, revokeClient, SCOPES } from '$lib/server/xapi';
import { clientSchema, lines, revokeSchema } from '$lib/server/xapi/forms';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	requirePermission(locals, 'xapi:admin');
	return {
		clients: await listClients(),
		scopes: SCOPES,
		endpoint: `${portalHomePage()}/xapi/`,
		form: await superValidate(zod4(clientSchema), { id: 'client' })
	};
};

export const actions: Actions = {
	create: async ({ locals, request }) => {
		const admin = requirePermission(locals, 'xapi:admin');
		const form = await superValidate(request, zod4(clientSchema), { id: 'client' });
		if (!form.valid) return fail(400, { form });
		const created = await createClient({
			name: form.data.name,
			scopes: form.data.scopes,
			activityPrefixes: lines(form.data.activityPrefixes),
			agentPatterns: lines(form.data.agentPatterns),
			createdById: admin.id
		});
		// The secret goes to this one answer only; the next form starts empty.
		const next = await superValidate(zod4(clientSchema), { id: 'client' });
		next.valid = true;
		next.message = { type: 'success', text: m.xapi_client_created({ name: form.data.name }) };
		return { form: next, created: { name: form.data.name, key: created.key, secret: created.secret } };
	},

	revoke: async ({ locals, request }) => {
		requirePermission(locals, 'xapi:admin');
		const parsed = revokeSchema.safeParse(Object.fromEntries(await request.formData()));
		if (!parsed.success || !(await revokeClient(parsed.data.id))) return fail(400, { revokeError: m.xapi_client_revoke_failed() });
		return { revoked: true };
	}
};
