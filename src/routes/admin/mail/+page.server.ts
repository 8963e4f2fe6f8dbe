import { fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { requirePermission } from '$lib/server/auth/permissions';
import { listMessages, sendTestMessage, smtpConfigured, MAIL_STATUSES, type MailStatus } from '$lib/server/mail';

function parseStatus(value: string | null): MailStatus | undefined {
	return (MAIL_STATUSES as readonly string[]).includes(value ?? '') ? (value as MailStatus) : undefined;
}

export const load: PageServerLoad = async ({ locals, url }) => {
	requirePermission(locals, 'mail:read');
	const status = parseStatus(url.searchParams.get('status'));
	const to = (url.searchParams.get('to') ?? '').trim().slice(0, 254);
	const page = Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1;
	const list = await listMessages({ status, to, page, pageSize: 25 });
	return {
		...list,
		filter: { status: status ?? '', to },
		statuses: MAIL_STATUSES,
		smtp: smtpConfigured(),
		me: locals.user?.email ?? ''
	};
};

export const actions: Actions = {
	test: async ({ locals }) => {
		const user = requirePermission(locals, 'mail:send-test');
		try {
			await sendTestMessage({ email: user.email, name: user.name }, locals.locale);
		} catch (err) {
			console.error('[mail] test message', err);
			return fail(500, { testError: true });
		}
		return { testSent: user.email };
	}
};
