import { error } from '@sveltejs/kit';
import { requirePermission } from '$lib/server/auth/permissions';
import { getBulletin, previewBulletinMail, toLocale } from '$lib/server/publishing';
import { m } from '$lib/paraglide/messages.js';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, locals, url }) => {
	requirePermission(locals, 'bulletin:manage');
	const locale = toLocale(locals.locale);
	const b = await getBulletin(Number(params.year), Number(params.number));
	if (!b) error(404, { message: m.pub_error_not_found({}, { locale }) });
	const mailLocale = toLocale(url.searchParams.get('lang') ?? locale);
	const mail = previewBulletinMail(b, mailLocale);
	return { year: b.year, number: b.number, id: b.id, mailLocale, subject: mail.subject, text: mail.text, html: mail.html };
};
