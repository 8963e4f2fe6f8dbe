import { m } from '$lib/paraglide/messages.js';

/** Translated names of the outbox's statuses, templates and languages (for the mail pages). */
export function statusLabel(status: string): string {
	switch (status) {
		case 'pending':
			return m.mail_status_pending();
		case 'sending':
			return m.mail_status_sending();
		case 'sent':
			return m.mail_status_sent();
		case 'failed':
			return m.mail_status_failed();
		case 'kept':
			return m.mail_status_kept();
		default:
			return status;
	}
}

export function statusBadge(status: string): string {
	return status === 'sent' ? 'badge-success' : status === 'failed' ? 'badge-error' : status === 'kept' ? 'badge-info' : 'badge-warning';
}

export function templateLabel(template: string): string {
	switch (template) {
		case 'verify_email':
			return m.mail_template_verify_email();
		case 'reset_password':
			return m.mail_template_reset_password();
		case 'magic_link':
			return m.mail_template_magic_link();
		case 'invitation':
			return m.mail_template_invitation();
		case 'account_deleted':
			return m.mail_template_account_deleted();
		case 'test_message':
			return m.mail_template_test_message();
		default:
			return template;
	}
}

export function localeLabel(locale: string): string {
	return locale === 'en' ? m.mail_locale_en() : m.mail_locale_uk();
}
