import { requirePermission } from '$lib/server/auth/permissions';
import { AUDIT_ACTIONS, auditNames, getUser, listAudit, listOrganizations } from '$lib/server/identity';
import { fromKyivInputValue } from '$lib/i18n/datetime';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	const actor = requirePermission(locals, 'audit:read');
	const p = url.searchParams;
	const action = (AUDIT_ACTIONS as readonly string[]).includes(p.get('action') ?? '') ? p.get('action')! : '';
	const organization = (p.get('organization') ?? '').slice(0, 64);
	const user = (p.get('user') ?? '').slice(0, 64);
	const fromText = p.get('from') ?? '';
	const toText = p.get('to') ?? '';
	const from = fromKyivInputValue(fromText) ?? undefined;
	// "To" includes the whole day: up to the start of the next Kyiv day.
	const toStart = fromKyivInputValue(toText);
	const to = toStart ? new Date(toStart.getTime() + 86_400_000 - 1) : undefined;
	const result = await listAudit(
		{ action: action || undefined, organizationId: organization || undefined, userId: user || undefined, from, to },
		{ page: Number(p.get('page') ?? '1'), pageSize: 25 }
	);
	const person = user ? await getUser(user) : null;
	return {
		filter: { action, organization, user, from: from ? fromText : '', to: to ? toText : '' },
		person: person ? { id: person.id, name: person.name, email: person.email } : null,
		actions: AUDIT_ACTIONS,
		organizations: (await listOrganizations(actor)).map((o) => ({ id: o.id, nameUk: o.nameUk, nameEn: o.nameEn })),
		audit: result,
		names: await auditNames(result.items)
	};
};
