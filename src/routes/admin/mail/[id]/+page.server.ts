import { error, fail } from '@sveltejs/kit';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages.js';
import { requirePermission } from '$lib/server/auth/permissions';
import { getMessage, messageHeaders, retryMessage, smtpConfigured } from '$lib/server/mail';

export const load: PageServerLoad = async ({ locals, params }) => {
	requirePermission(locals, 'mail:read');
	const message = await getMessage(params.id);
	if (!message) error(404, { message: m.mail_admin_not_found() });
	return {
		message: {
			id: message.id,
			to: message.to,
			subject: message.subject,
			text: message.text,
			html: message.html,
			template: message.template,
			locale: message.locale,
			status: message.status,
			attempts: message.attempts,
			lastError: message.lastError,
			nextAttemptAt: message.nextAttemptAt,
			createdAt: message.createdAt,
			sentAt: message.sentAt
		},
		headers: messageHeaders(message),
		canRetry: message.status === 'failed' || (message.status === 'kept' && smtpConfigured())
	};
};

export const actions: Actions = {
	// Putting a message back in the queue is sending mail from this page: the same permission as the test message.
	retry: async ({ locals, params }) => {
		requirePermission(locals, 'mail:send-test');
		if (!(await retryMessage(params.id))) return fail(409, { retryRefused: true });
		return { retried: true };
	}
};
